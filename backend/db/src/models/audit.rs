use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::vocab::Role;

use crate::pagination::{Page, PageRequest};
use crate::schema::{audit_log, users};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: Uuid,
    pub community_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_role: Option<Role>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    pub changed_fields: serde_json::Value,
    pub detail: serde_json::Value,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewAuditEntry {
    pub id: Uuid,
    pub community_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_role: Option<Role>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    pub changed_fields: serde_json::Value,
    pub detail: serde_json::Value,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    /// When a machine client (not a user) acted.
    pub actor_client_id: Option<Uuid>,
}

/// Filters for the audit log list; every field narrows the result.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl AuditEntry {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewAuditEntry) -> QueryResult<()> {
        diesel::insert_into(audit_log::table).values(new).execute(conn).await.map(|_| ())
    }

    /// One community's log, newest first.
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        filter: &AuditFilter,
        page: PageRequest,
    ) -> QueryResult<Page<(AuditEntry, Option<String>)>> {
        let mut query = audit_log::table
            .left_join(users::table.on(audit_log::actor_id.eq(users::id.nullable())))
            .filter(audit_log::community_id.eq(community_id))
            .select((AuditEntry::as_select(), users::username.nullable()))
            .order(audit_log::id.desc())
            .limit(page.limit + 1)
            .into_boxed();
        if let Some(after) = page.after {
            query = query.filter(audit_log::id.lt(after));
        }
        if let Some(actor) = filter.actor_id {
            query = query.filter(audit_log::actor_id.eq(actor));
        }
        if let Some(action) = &filter.action {
            query = query.filter(audit_log::action.eq(action.clone()));
        }
        if let Some(entity_type) = &filter.entity_type {
            query = query.filter(audit_log::entity_type.eq(entity_type.clone()));
        }
        if let Some(entity_id) = filter.entity_id {
            query = query.filter(audit_log::entity_id.eq(entity_id));
        }
        if let Some(from) = filter.from {
            query = query.filter(audit_log::at.ge(from));
        }
        if let Some(to) = filter.to {
            query = query.filter(audit_log::at.lt(to));
        }
        let rows = query.load(conn).await?;
        Ok(Page::from_overfetch(rows, page.limit, |(e, _)| e.id))
    }
}
