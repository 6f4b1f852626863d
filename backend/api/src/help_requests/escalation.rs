//! Escalation: a request still open past its resolution time is flagged once, its assignee and
//! the supervisors are told in the app, and a `help_request.escalated` event waits in the outbox
//! for the community's own gateway (an SMS to the director). Runs every minute in every API
//! process; the flag is set with a compare-and-set, so two processes never escalate twice.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use xingguang_db::models::help_request::HelpRequest;
use xingguang_db::models::user::{Role, User};
use xingguang_db::vocab::{EventType, NotificationKind};

use crate::common::notify::{notify, Message};
use crate::common::outbox;
use crate::state::AppState;

const EVERY: Duration = Duration::from_secs(60);

/// Escalates every request due for it; how many.
pub async fn escalate_due(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut done = 0;
    // The supervisors of each community, read once per sweep rather than once per request.
    let mut supervisors: std::collections::HashMap<uuid::Uuid, Vec<uuid::Uuid>> = std::collections::HashMap::new();
    for r in HelpRequest::due_for_escalation(conn, now).await? {
        let escalated = conn
            .transaction::<_, anyhow::Error, _>(async |conn| {
                if !HelpRequest::mark_escalated(conn, r.id, now).await? {
                    return Ok(false);
                }
                let mut users = match supervisors.get(&r.community_id) {
                    Some(ids) => ids.clone(),
                    None => {
                        let ids: Vec<_> = User::colleagues(conn, r.community_id)
                            .await?
                            .into_iter()
                            .filter(|u| u.role == Role::Staff && u.supervisor)
                            .map(|u| u.id)
                            .collect();
                        supervisors.insert(r.community_id, ids.clone());
                        ids
                    }
                };
                users.extend(r.assignee);
                users.sort();
                users.dedup();
                let title = format!("求助 {} 已超过办结时限（{}）", r.number, r.category_name);
                let link = format!("/help-requests/{}", r.id);
                let cause = format!("request_escalated:{}:{}", r.id, r.reopened);
                let message =
                    Message { kind: NotificationKind::RequestEscalated, title: &title, body: &r.description, link: &link, cause: &cause };
                notify(conn, r.community_id, &users, &message).await?;
                // Names no person: the number, the category and the clock.
                let data = json!({
                    "id": r.id, "number": r.number, "category_code": r.category_code, "category_name": r.category_name,
                    "status": r.status, "resolution_due_at": r.resolution_due_at, "assignee_id": r.assignee,
                });
                outbox::record(conn, r.community_id, EventType::RequestEscalated, data).await?;
                Ok(true)
            })
            .await?;
        done += usize::from(escalated);
    }
    Ok(done)
}

/// Every minute, for as long as the server runs.
pub async fn run(state: Arc<AppState>) {
    loop {
        match state.conn().await {
            Ok(mut conn) => match escalate_due(&mut conn, state.clock.now()).await {
                Ok(0) => {}
                Ok(n) => log::info!("help requests: {n} escalated"),
                Err(e) => log::warn!("help request escalation failed: {e}"),
            },
            Err(e) => log::warn!("help request escalation: no connection: {e}"),
        }
        tokio::time::sleep(EVERY).await;
    }
}
