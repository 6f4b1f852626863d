//! `Idempotency-Key` for POSTs (draft-ietf-httpapi-idempotency-key-header): a client may retry a
//! request without doing the work twice.
//!
//! A handler builds an [`Idempotency`] from the request and, inside its transaction, calls
//! [`Idempotency::begin`] first and [`Idempotency::finish`] last:
//!
//! ```ignore
//! let idem = Idempotency::required(&req, &user, &*body)?;
//! let reply = conn.transaction::<_, ApiError, _>(async |conn| {
//!     if let Some(replay) = idem.begin(conn).await? { return Ok(replay); }
//!     … the work …
//!     idem.finish(conn, Reply::created(dto, location)).await
//! }).await?;
//! Ok(reply.into_response())
//! ```
//!
//! The key row is inserted in the same transaction as the work, so it commits with it (or not
//! at all). A second request with the same key waits on the unique index until the first
//! commits and then replays its stored response; the work never runs twice, also when twenty
//! copies arrive at once. Failed requests store nothing, so a corrected retry may reuse the key.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use xingguang_db::models::idempotency::IdempotencyRecord;

use crate::auth::extract::{Authed, RoleSet};
use crate::error::{ApiError, ApiResult, ErrorCode};

pub const HEADER: &str = "Idempotency-Key";

/// A response that can be stored and replayed: status, JSON body and `Location`.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
    pub location: Option<String>,
    pub replayed: bool,
}

impl Reply {
    pub fn ok(body: impl Serialize) -> ApiResult<Reply> {
        Ok(Reply { status: StatusCode::OK, body: serde_json::to_value(body).map_err(ApiError::internal)?, location: None, replayed: false })
    }

    pub fn created(body: impl Serialize, location: String) -> ApiResult<Reply> {
        Ok(Reply { status: StatusCode::CREATED, location: Some(location), ..Reply::ok(body)? })
    }

    pub fn into_response(self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        if let Some(location) = self.location {
            response.insert_header((actix_web::http::header::LOCATION, location));
        }
        if self.replayed {
            response.insert_header(("Idempotent-Replayed", "true"));
        }
        response.json(self.body)
    }
}

/// The key of one request (if it sent one), who sent it and what it asked.
pub struct Idempotency {
    key: Option<String>,
    scope: String,
    request_hash: Vec<u8>,
}

impl Idempotency {
    /// For partner POSTs: a missing key is a 400.
    pub fn required<R: RoleSet>(req: &HttpRequest, caller: &Authed<R>, body: &impl Serialize) -> ApiResult<Self> {
        let idem = Self::optional(req, caller, body)?;
        if idem.key.is_none() {
            return Err(ApiError::bad_request(
                ErrorCode::IdempotencyKeyMissing,
                "Send an `Idempotency-Key` header (a unique value per operation, such as a UUID) so the request can be retried safely.",
            ));
        }
        Ok(idem)
    }

    /// A key if the caller sent one; without one the work simply runs.
    pub fn optional<R: RoleSet>(req: &HttpRequest, caller: &Authed<R>, body: &impl Serialize) -> ApiResult<Self> {
        let key = match req.headers().get(HEADER) {
            None => None,
            Some(value) => {
                let key = value
                    .to_str()
                    .ok()
                    .map(str::trim)
                    .filter(|k| !k.is_empty() && k.len() <= 255 && k.chars().all(|c| c.is_ascii_graphic()));
                Some(
                    key.ok_or_else(|| {
                        ApiError::bad_request(
                            ErrorCode::IdempotencyKeyInvalid,
                            "The Idempotency-Key must be 1–255 visible ASCII characters.",
                        )
                    })?
                    .to_owned(),
                )
            }
        };
        // Keys belong to the partner unit (all its clients and users share them), else the user.
        let scope = match caller.claims.partner_id {
            Some(partner) if caller.role() == xingguang_db::models::user::Role::Partner => format!("partner:{partner}"),
            _ => format!("user:{}", caller.user_id()),
        };
        let mut hasher = Sha256::new();
        hasher.update(req.method().as_str().as_bytes());
        hasher.update(b" ");
        hasher.update(req.path().as_bytes());
        hasher.update(b"\n");
        hasher.update(serde_json::to_vec(body).map_err(ApiError::internal)?);
        Ok(Idempotency { key, scope, request_hash: hasher.finalize().to_vec() })
    }

    /// Claims the key, or returns the stored reply of an earlier request with it.
    pub async fn begin(&self, conn: &mut AsyncPgConnection) -> ApiResult<Option<Reply>> {
        let Some(key) = &self.key else { return Ok(None) };
        if IdempotencyRecord::claim(conn, &self.scope, key, &self.request_hash).await? {
            return Ok(None);
        }
        let stored = IdempotencyRecord::find(conn, &self.scope, key).await?.ok_or_else(|| {
            // Claimed by a transaction that has since rolled back and been purged: ask for a retry.
            ApiError::conflict(ErrorCode::IdempotencyKeyInUse, "This Idempotency-Key is being used by another request. Retry shortly.")
        })?;
        if stored.request_hash != self.request_hash {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::IdempotencyKeyReused,
                "This Idempotency-Key was already used for a different request. Use a new key for a new operation.",
            ));
        }
        Ok(Some(Reply {
            status: StatusCode::from_u16(stored.status_code as u16).unwrap_or(StatusCode::OK),
            body: stored.response_body.0,
            location: stored.location,
            replayed: true,
        }))
    }

    /// Stores the reply under the key (same transaction as the work) and passes it on.
    pub async fn finish(&self, conn: &mut AsyncPgConnection, reply: ApiResult<Reply>) -> ApiResult<Reply> {
        let reply = reply?;
        if let Some(key) = &self.key {
            IdempotencyRecord::complete(conn, &self.scope, key, i32::from(reply.status.as_u16()), &reply.body, reply.location.as_deref())
                .await?;
        }
        Ok(reply)
    }
}
