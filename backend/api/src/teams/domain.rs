//! The rules of team membership: who may move a request or membership, and where.

use xingguang_db::models::user::Role;
use xingguang_db::vocab::MembershipStatus as S;

use crate::common::state_machine::{Machine, Move};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipAction {
    /// A resident asks (for themself or a household member).
    Request,
    /// Staff add someone directly (signed up at the office).
    Add,
    Approve,
    Decline,
    Leave,
}

/// Residents take the team leader's moves only for a team they lead (checked by the handler:
/// the leader is a resident, so the role alone cannot say it).
pub static MEMBERSHIP_MACHINE: Machine<S, MembershipAction> = Machine {
    entity: "team_membership",
    moves: &[
        Move {
            action: MembershipAction::Request,
            name: "request",
            from: &[],
            to: S::Requested,
            roles: &[Role::Resident],
            audit: "team_membership.request",
            done: "requested",
        },
        Move {
            action: MembershipAction::Add,
            name: "add",
            from: &[],
            to: S::Member,
            roles: &[Role::Staff],
            audit: "team_membership.add",
            done: "added",
        },
        Move {
            action: MembershipAction::Approve,
            name: "approve",
            from: &[S::Requested],
            to: S::Member,
            roles: &[Role::Staff, Role::Resident],
            audit: "team_membership.approve",
            done: "approved",
        },
        Move {
            action: MembershipAction::Decline,
            name: "decline",
            from: &[S::Requested],
            to: S::Declined,
            roles: &[Role::Staff, Role::Resident],
            audit: "team_membership.decline",
            done: "declined",
        },
        Move {
            action: MembershipAction::Leave,
            name: "leave",
            from: &[S::Requested, S::Member],
            to: S::Left,
            roles: &[Role::Staff, Role::Resident],
            audit: "team_membership.leave",
            done: "ended",
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_decided_once_and_a_member_can_leave() {
        let m = &MEMBERSHIP_MACHINE;
        assert_eq!(m.check(MembershipAction::Approve, S::Requested, Role::Resident).map(|r| r.to).ok(), Some(S::Member));
        assert_eq!(m.check(MembershipAction::Approve, S::Member, Role::Staff).err().map(|e| e.status.as_u16()), Some(409));
        assert_eq!(m.check(MembershipAction::Decline, S::Declined, Role::Staff).err().map(|e| e.status.as_u16()), Some(409));
        assert_eq!(m.check(MembershipAction::Leave, S::Member, Role::Resident).map(|r| r.to).ok(), Some(S::Left));
        assert_eq!(m.check(MembershipAction::Approve, S::Requested, Role::GroupLeader).err().map(|e| e.status.as_u16()), Some(403));
        assert!(m.check_create(MembershipAction::Add, Role::Resident).is_err());
        assert!(m.check_create(MembershipAction::Request, Role::Resident).is_ok());
    }
}
