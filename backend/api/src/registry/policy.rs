//! Who reaches which part of the registry. Enforced in the queries (see `xingguang_db::reach`):
//! anything outside a caller's reach is not found.

use xingguang_db::models::user::Role;
use xingguang_db::reach::Reach;

use crate::auth::extract::{Authed, RoleSet};

pub fn reach<R: RoleSet>(caller: &Authed<R>) -> Reach {
    let community_id = caller.community_id();
    match caller.role() {
        Role::Staff => Reach::Community(community_id),
        Role::GroupLeader => caller.claims.group_id.map_or(Reach::Nothing, |group_id| Reach::Group { community_id, group_id }),
        Role::Resident => caller.claims.household_id.map_or(Reach::Nothing, |household_id| Reach::Household { community_id, household_id }),
        Role::Partner => Reach::Nothing,
    }
}

/// Staff see every tag; others do not see the sensitive ones (disability, 低保).
pub fn sees_sensitive_tags(role: Role) -> bool {
    role == Role::Staff
}
