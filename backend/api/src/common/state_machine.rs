//! One abstraction for every record that moves through states (pledges now; assistance cases,
//! help requests and disputes next): the moves — which action, from which states, to which
//! state, by which roles — are a table, and each move taken writes one history row
//! (`state_changes`) in the transaction of the change.
//!
//! A capability declares its machine as a `static` [`Machine`], checks a requested move with
//! [`Machine::check`] (409 `invalid_transition` naming what is possible, 403 for a role that may
//! not take it), applies it with a compare-and-set on `status` and `version`, and records it
//! with [`Machine::record`]. `pledges/handlers.rs` (`change_state`) is the model.

use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::partner::PartnerUnit;
use xingguang_db::models::state_change::StateChange;
use xingguang_db::models::user::{Role, User};

use crate::auth::extract::{Authed, RoleSet};
use crate::error::{ApiError, ApiResult, ErrorCode};

/// One move: `action` takes a record in one of `from` to `to`; only `roles` may take it.
#[derive(Debug)]
pub struct Move<S: 'static, A: 'static> {
    pub action: A,
    /// The action as its history rows name it, e.g. `accept`.
    pub name: &'static str,
    /// Empty for the move that creates the record.
    pub from: &'static [S],
    pub to: S,
    pub roles: &'static [Role],
    /// The audit log's action, e.g. `pledge.accept`.
    pub audit: &'static str,
    /// How the refusal reads: "A declined pledge cannot be *accepted*".
    pub done: &'static str,
}

/// A state machine: its name (the `entity` of its history rows) and its moves.
#[derive(Debug)]
pub struct Machine<S: 'static, A: 'static> {
    pub entity: &'static str,
    pub moves: &'static [Move<S, A>],
}

/// Who took a move, as the history shows it.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub user_id: Option<Uuid>,
}

impl Actor {
    /// A user's display name; for a partner's API client, the unit's name and the client id.
    pub async fn of<R: RoleSet>(conn: &mut AsyncPgConnection, caller: &Authed<R>) -> ApiResult<Actor> {
        if let (Some(client_id), Some(partner)) = (&caller.claims.client_id, caller.claims.partner_id) {
            let unit = PartnerUnit::find(conn, caller.community_id(), partner).await?;
            return Ok(Actor { name: format!("{}（API {client_id}）", unit.name), user_id: None });
        }
        Ok(Actor { name: User::find(conn, caller.user_id()).await?.display_name, user_id: Some(caller.user_id()) })
    }
}

impl<S, A> Machine<S, A>
where
    S: Copy + Eq + std::fmt::Display,
    A: Copy + Eq + std::fmt::Debug,
{
    /// The move an action makes. Every action of the machine has exactly one.
    pub fn rule(&self, action: A) -> &'static Move<S, A> {
        match self.moves.iter().find(|m| m.action == action) {
            Some(rule) => rule,
            None => panic!("{}: no move for {action:?} (the machine's table is incomplete)", self.entity),
        }
    }

    /// Whether `role` may take `action` on a record in `current`: the move, or 403 / 409.
    pub fn check(&self, action: A, current: S, role: Role) -> ApiResult<&'static Move<S, A>> {
        let rule = self.rule(action);
        if !rule.roles.contains(&role) {
            return Err(ApiError::forbidden(format!("Your role may not do this to a {}.", self.entity)));
        }
        if !rule.from.contains(&current) {
            let from = rule.from.iter().map(ToString::to_string).collect::<Vec<_>>().join(" or ");
            return Err(ApiError::conflict(
                ErrorCode::InvalidTransition,
                format!("A {current} {} cannot be {}; only a {from} one can.", self.entity, rule.done),
            ));
        }
        Ok(rule)
    }

    /// The move that creates a record (it has no state to come from), if `role` may take it.
    pub fn check_create(&self, action: A, role: Role) -> ApiResult<&'static Move<S, A>> {
        let rule = self.rule(action);
        if !rule.roles.contains(&role) {
            return Err(ApiError::forbidden(format!("Your role may not create a {}.", self.entity)));
        }
        Ok(rule)
    }

    /// The actions `role` may take on a record in `current` (for "what can I do here").
    pub fn available(&self, current: S, role: Role) -> Vec<A> {
        self.moves.iter().filter(|m| m.from.contains(&current) && m.roles.contains(&role)).map(|m| m.action).collect()
    }

    /// Writes the history row of a move taken (call inside the change's transaction).
    #[allow(clippy::too_many_arguments)] // each is one column of the history row
    pub async fn record(
        &self,
        conn: &mut AsyncPgConnection,
        rule: &Move<S, A>,
        community_id: Uuid,
        entity_id: Uuid,
        from: Option<S>,
        note: Option<String>,
        actor: &Actor,
    ) -> ApiResult<()> {
        StateChange::insert(
            conn,
            &StateChange {
                id: xingguang_db::new_id(),
                community_id,
                entity: self.entity.to_owned(),
                entity_id,
                action: rule.name.to_owned(),
                from_state: from.map(|s| s.to_string()),
                to_state: rule.to.to_string(),
                note,
                actor_name: actor.name.clone(),
                actor_user: actor.user_id,
                at: chrono::Utc::now(),
            },
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Door {
        Open,
        Shut,
    }
    impl std::fmt::Display for Door {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(if *self == Door::Open { "open" } else { "shut" })
        }
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Push {
        Close,
    }
    static DOOR: Machine<Door, Push> = Machine {
        entity: "door",
        moves: &[Move {
            action: Push::Close,
            name: "close",
            from: &[Door::Open],
            to: Door::Shut,
            roles: &[Role::Staff],
            audit: "door.close",
            done: "closed",
        }],
    };

    #[test]
    fn a_move_needs_its_state_and_its_role() {
        assert_eq!(DOOR.check(Push::Close, Door::Open, Role::Staff).map(|m| m.to).ok(), Some(Door::Shut));
        let refused = DOOR.check(Push::Close, Door::Shut, Role::Staff).err().map(|e| (e.status.as_u16(), e.detail));
        assert_eq!(refused, Some((409, "A shut door cannot be closed; only a open one can.".to_owned())));
        assert_eq!(DOOR.check(Push::Close, Door::Open, Role::Resident).err().map(|e| e.status.as_u16()), Some(403));
        assert_eq!(DOOR.available(Door::Open, Role::Staff), vec![Push::Close]);
        assert!(DOOR.available(Door::Shut, Role::Staff).is_empty());
    }
}
