use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::sealed::SealedJsonValue;

use crate::schema::idempotency_keys;

/// The stored first response to an `Idempotency-Key`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct IdempotencyRecord {
    pub id: Uuid,
    pub scope: String,
    pub key: String,
    pub request_hash: Vec<u8>,
    pub status_code: i32,
    pub response_body: SealedJsonValue,
    pub location: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl IdempotencyRecord {
    /// Claims the key for this transaction: inserts a placeholder, or returns `false` when a
    /// committed row holds it. A concurrent transaction holding the same key makes this wait
    /// (on the unique index) until it commits or rolls back, so duplicates never run twice.
    pub async fn claim(conn: &mut AsyncPgConnection, scope: &str, key: &str, request_hash: &[u8]) -> QueryResult<bool> {
        let placeholder = IdempotencyRecord {
            id: crate::new_id(),
            scope: scope.to_owned(),
            key: key.to_owned(),
            request_hash: request_hash.to_vec(),
            status_code: 0,
            response_body: SealedJsonValue(serde_json::Value::Null),
            location: None,
            created_at: Utc::now(),
        };
        let inserted = diesel::insert_into(idempotency_keys::table).values(&placeholder).on_conflict_do_nothing().execute(conn).await?;
        Ok(inserted == 1)
    }

    pub async fn find(conn: &mut AsyncPgConnection, scope: &str, key: &str) -> QueryResult<Option<IdempotencyRecord>> {
        idempotency_keys::table
            .filter(idempotency_keys::scope.eq(scope))
            .filter(idempotency_keys::key.eq(key))
            .select(IdempotencyRecord::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Fills in the response of a key claimed in this transaction.
    pub async fn complete(
        conn: &mut AsyncPgConnection,
        scope: &str,
        key: &str,
        status_code: i32,
        body: &serde_json::Value,
        location: Option<&str>,
    ) -> QueryResult<()> {
        diesel::update(idempotency_keys::table.filter(idempotency_keys::scope.eq(scope)).filter(idempotency_keys::key.eq(key)))
            .set((
                idempotency_keys::status_code.eq(status_code),
                idempotency_keys::response_body.eq(SealedJsonValue(body.clone())),
                idempotency_keys::location.eq(location),
            ))
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Forgets keys older than `before` (they are kept at least 24 hours).
    pub async fn purge(conn: &mut AsyncPgConnection, before: DateTime<Utc>) -> QueryResult<usize> {
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before))).execute(conn).await
    }
}
