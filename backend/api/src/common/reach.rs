//! How much a caller reaches, decided once from the token and applied in every query (see
//! `xingguang_db::reach`): anything outside it is simply not found (404).
//!
//! - The registry's people: staff the community, a group leader their group, a resident their
//!   own household, a partner nothing ([`reach`]).
//! - Partner records: staff every unit, a partner its own unit ([`partner_scope`]).

use uuid::Uuid;
use xingguang_db::models::user::Role;
use xingguang_db::reach::Reach;

use crate::auth::extract::{Authed, RoleSet};
use crate::error::{ApiError, ApiResult};

pub fn reach<R: RoleSet>(caller: &Authed<R>) -> Reach {
    let community_id = caller.community_id();
    match caller.role() {
        Role::Staff => Reach::Community(community_id),
        Role::GroupLeader => caller.claims.group_id.map_or(Reach::Nothing, |group_id| Reach::Group { community_id, group_id }),
        Role::Resident => caller.claims.household_id.map_or(Reach::Nothing, |household_id| Reach::Household { community_id, household_id }),
        Role::Partner => Reach::Nothing,
    }
}

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
