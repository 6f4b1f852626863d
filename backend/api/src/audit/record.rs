use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use serde_json::{json, Value};
use uuid::Uuid;
use xingguang_db::models::audit::{AuditEntry, NewAuditEntry};
use xingguang_db::models::user::Role;

use crate::auth::extract::{Authed, RoleSet};
use crate::http::RequestCtx;

/// One audit entry, built where the action happens and written in the same transaction as the
/// change it records, so the log never misses a write nor lists one that was rolled back.
#[must_use = "an audit event does nothing until written"]
pub struct AuditEvent {
    action: &'static str,
    entity_type: &'static str,
    entity_id: Option<Uuid>,
    community_id: Option<Uuid>,
    actor: Option<(Uuid, Role)>,
    /// A machine client acted (its id), rather than a user.
    client: Option<Uuid>,
    changed_fields: Vec<&'static str>,
    detail: Value,
}

impl AuditEvent {
    /// `action` is `<entity>.<verb>`, e.g. `auth.login`, `user.create`, `resident.reveal`.
    pub fn new(action: &'static str, entity_type: &'static str) -> Self {
        AuditEvent {
            action,
            entity_type,
            entity_id: None,
            community_id: None,
            actor: None,
            client: None,
            changed_fields: Vec::new(),
            detail: json!({}),
        }
    }

    /// The signed-in caller did it, in their community.
    pub fn by<R: RoleSet>(self, caller: &Authed<R>) -> Self {
        if caller.claims.client_id.is_some() {
            // A client-credentials token: `sub` is the API client, not a user.
            let mut event = self.community(caller.community_id());
            event.client = Some(caller.user_id());
            return event;
        }
        self.actor(caller.user_id(), caller.role(), caller.community_id())
    }

    pub fn actor(mut self, id: Uuid, role: Role, community_id: Uuid) -> Self {
        self.actor = Some((id, role));
        self.community_id = Some(community_id);
        self
    }

    pub fn community(mut self, community_id: Uuid) -> Self {
        self.community_id = Some(community_id);
        self
    }

    pub fn entity(mut self, id: Uuid) -> Self {
        self.entity_id = Some(id);
        self
    }

    /// Names of the fields written (never their values: the log holds no personal data).
    pub fn fields(mut self, fields: &[&'static str]) -> Self {
        self.changed_fields = fields.to_vec();
        self
    }

    /// Non-personal context, such as a stated reason or why a login failed.
    pub fn detail(mut self, detail: Value) -> Self {
        self.detail = detail;
        self
    }

    pub async fn write(self, conn: &mut AsyncPgConnection, ctx: &RequestCtx) -> QueryResult<()> {
        let entry = NewAuditEntry {
            id: xingguang_db::new_id(),
            community_id: self.community_id,
            actor_id: self.actor.map(|(id, _)| id),
            actor_role: self.actor.map(|(_, role)| role).or(self.client.map(|_| Role::Partner)),
            action: self.action.to_owned(),
            entity_type: self.entity_type.to_owned(),
            entity_id: self.entity_id,
            changed_fields: json!(self.changed_fields),
            detail: self.detail,
            request_id: Some(ctx.request_id.clone()).filter(|r| !r.is_empty()),
            ip: Some(ctx.ip.clone()),
            actor_client_id: self.client,
        };
        AuditEntry::insert(conn, &entry).await
    }
}
