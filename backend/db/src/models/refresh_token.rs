use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::refresh_tokens;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: Vec<u8>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefreshToken<'a> {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: &'a [u8],
    pub expires_at: DateTime<Utc>,
}

impl RefreshToken {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewRefreshToken<'_>) -> QueryResult<RefreshToken> {
        diesel::insert_into(refresh_tokens::table).values(new).returning(RefreshToken::as_returning()).get_result(conn).await
    }

    pub async fn find_by_hash(conn: &mut AsyncPgConnection, hash: &[u8]) -> QueryResult<Option<RefreshToken>> {
        refresh_tokens::table.filter(refresh_tokens::token_hash.eq(hash)).select(RefreshToken::as_select()).first(conn).await.optional()
    }

    /// Marks a live token as rotated. Returns false when it was already rotated or revoked —
    /// the compare-and-set that makes two concurrent refreshes with one token a detected reuse.
    pub async fn mark_rotated(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<bool> {
        let updated = diesel::update(
            refresh_tokens::table.find(id).filter(refresh_tokens::rotated_at.is_null()).filter(refresh_tokens::revoked_at.is_null()),
        )
        .set(refresh_tokens::rotated_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
        Ok(updated == 1)
    }

    /// Revokes every token of one login's rotation chain.
    pub async fn revoke_family(conn: &mut AsyncPgConnection, family_id: Uuid) -> QueryResult<usize> {
        diesel::update(refresh_tokens::table.filter(refresh_tokens::family_id.eq(family_id)).filter(refresh_tokens::revoked_at.is_null()))
            .set(refresh_tokens::revoked_at.eq(diesel::dsl::now))
            .execute(conn)
            .await
    }
}
