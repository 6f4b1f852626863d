//! Linking a record to a partner's pledge (a team's equipment to a goods pledge, an event's
//! place to a venue pledge): the pledge must be in the community, of the right kind, and
//! accepted (or already fulfilled) — a pledge still under review, declined or withdrawn is no
//! gift yet.

use diesel::OptionalExtension;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::pledge::{Pledge, PledgeRow};
use xingguang_db::vocab::{PledgeStatus, SupportKind};

use crate::error::{ApiError, ApiResult, FieldError};

/// The pledge `id` named by body field `field`, if it may be linked as a `kind` (else 422).
pub async fn linkable(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid, kind: SupportKind, field: &str) -> ApiResult<PledgeRow> {
    let refuse = |why: &str| ApiError::validation(vec![FieldError::new(field, why)]);
    let row = Pledge::find(conn, community_id, None, id).await.optional()?.ok_or_else(|| refuse("no such pledge"))?;
    if row.pledge.kind != kind {
        return Err(refuse(&format!("must be a {kind} pledge")));
    }
    if !matches!(row.pledge.status, PledgeStatus::Accepted | PledgeStatus::Fulfilled) {
        return Err(refuse("must be an accepted pledge"));
    }
    Ok(row)
}
