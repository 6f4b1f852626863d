//! Which partner records a caller reaches: staff the whole community, a partner its own unit.

use uuid::Uuid;
use xingguang_db::models::user::Role;

use crate::auth::extract::{Authed, RoleSet};
use crate::error::{ApiError, ApiResult};

/// `None` = every partner of the community (staff); `Some(id)` = only this one.
/// A partner user not linked to a unit reaches nothing (the nil id matches no row).
pub fn partner_scope<R: RoleSet>(caller: &Authed<R>) -> Option<Uuid> {
    match caller.role() {
        Role::Staff => None,
        _ => Some(caller.claims.partner_id.unwrap_or(Uuid::nil())),
    }
}

/// 404 unless the caller reaches partner `id`.
pub fn check_partner<R: RoleSet>(caller: &Authed<R>, id: Uuid) -> ApiResult<()> {
    match partner_scope(caller) {
        Some(own) if own != id => Err(ApiError::not_found()),
        _ => Ok(()),
    }
}

/// The partner unit a partner caller acts for (a partner user without a unit cannot act).
pub fn own_partner<R: RoleSet>(caller: &Authed<R>) -> ApiResult<Uuid> {
    caller.claims.partner_id.ok_or_else(|| ApiError::forbidden("This account is not linked to a partner unit. Ask the community office."))
}
