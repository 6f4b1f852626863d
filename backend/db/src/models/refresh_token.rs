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
    /// Whether an access token's holder may still act: its user exists and is not disabled, and
    /// (for a token of a login) that login was not ended. One indexed lookup per request.
    pub async fn session_is_live(conn: &mut AsyncPgConnection, user_id: Uuid, family_id: Option<Uuid>) -> QueryResult<bool> {
        #[derive(QueryableByName)]
        struct Live {
            #[diesel(sql_type = diesel::sql_types::Bool)]
            live: bool,
        }
        let live: Live = diesel::sql_query(
            "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND NOT disabled) \
               AND NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $2 AND revoked_at IS NOT NULL) AS live",
        )
        .bind::<diesel::sql_types::Uuid, _>(user_id)
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Uuid>, _>(family_id)
        .get_result(conn)
        .await?;
        Ok(live.live)
    }

    pub async fn revoke_family(conn: &mut AsyncPgConnection, family_id: Uuid) -> QueryResult<usize> {
        diesel::update(refresh_tokens::table.filter(refresh_tokens::family_id.eq(family_id)).filter(refresh_tokens::revoked_at.is_null()))
            .set(refresh_tokens::revoked_at.eq(diesel::dsl::now))
            .execute(conn)
            .await
    }
}
