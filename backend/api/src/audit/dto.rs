use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::audit::{AuditEntry, AuditFilter};

use crate::error::FieldError;

/// Filters for the audit log; all optional, combined with AND.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only entries by this user.
    pub actor_id: Option<Uuid>,
    /// Only this action, e.g. `auth.login`.
    #[param(max_length = 64)]
    pub action: Option<String>,
    /// Only entries about this kind of record, e.g. `user`.
    #[param(max_length = 64)]
    pub entity_type: Option<String>,
    /// Only entries about this record.
    pub entity_id: Option<Uuid>,
    /// Entries at or after this time (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Entries before this time (RFC 3339).
    pub to: Option<DateTime<Utc>>,
}

impl AuditQuery {
    pub fn parse(&self) -> Result<AuditFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, value) in [("action", &self.action), ("entity_type", &self.entity_type)] {
            if value.as_ref().is_some_and(|v| v.len() > 64) {
                errors.push(FieldError::new(field, "must be at most 64 characters"));
            }
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                errors.push(FieldError::new("to", "must not be before `from`"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(AuditFilter {
            actor_id: self.actor_id,
            action: self.action.clone(),
            entity_type: self.entity_type.clone(),
            entity_id: self.entity_id,
            from: self.from,
            to: self.to,
        })
    }
}

/// One entry of the audit log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: Uuid,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it; `null` for the system or an unidentified caller.
    pub actor_id: Option<Uuid>,
    /// The actor's username at the time of reading.
    pub actor_username: Option<String>,
    /// The actor's role when they acted.
    pub actor_role: Option<xingguang_db::models::user::Role>,
    /// What was done, `<entity>.<verb>`, e.g. `auth.login`, `auth.login_failed`, `user.create`.
    pub action: String,
    /// The kind of record concerned, e.g. `user`.
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    /// Names of the fields that were written.
    pub changed_fields: Vec<String>,
    /// Extra context, e.g. the reason a login failed.
    pub detail: serde_json::Value,
    /// The request that did it (its `X-Request-Id`).
    pub request_id: Option<String>,
    /// The client address.
    pub ip: Option<String>,
}

impl AuditEntryDto {
    pub fn from_row((entry, actor_username): (AuditEntry, Option<String>)) -> Self {
        AuditEntryDto {
            id: entry.id,
            at: entry.at,
            actor_id: entry.actor_id,
            actor_username,
            actor_role: entry.actor_role,
            action: entry.action,
            entity_type: entry.entity_type,
            entity_id: entry.entity_id,
            changed_fields: serde_json::from_value(entry.changed_fields).unwrap_or_default(),
            detail: entry.detail,
            request_id: entry.request_id,
            ip: entry.ip,
        }
    }
}
