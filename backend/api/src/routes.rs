//! The composition root: every capability's routes under `/api/v1`, and the work that spans
//! capabilities at run time (marking the records of interrupted jobs). A new capability adds
//! one `.configure(<module>::routes)` line here.

use std::sync::Arc;

use utoipa_actix_web::scope;

use crate::common::jobs;
use crate::state::AppState;
use crate::{
    assistance, audit, auth, calendar, duty, elderly, events, help_requests, notifications, ops, partners, pledges, registry, teams,
    webhooks, work_calendar,
};

/// Every API route.
pub fn api_routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    let v1 = scope("/api/v1")
        .configure(auth::routes)
        .configure(audit::routes)
        .configure(registry::routes)
        .configure(partners::routes)
        .configure(pledges::routes)
        .configure(webhooks::routes)
        .configure(duty::routes)
        .configure(calendar::routes)
        .configure(events::routes)
        .configure(teams::routes)
        .configure(notifications::routes)
        .configure(work_calendar::routes)
        .configure(assistance::routes)
        .configure(elderly::routes)
        .configure(help_requests::routes);
    cfg.service(v1).configure(help_requests::open311::routes).configure(ops::routes);
}

/// At start-up and then every [`jobs::REAP_EVERY`]: jobs whose holder died are marked
/// interrupted, and so are the records they were working on.
pub async fn reap_jobs(state: Arc<AppState>) {
    loop {
        match jobs::reap(&state.pool).await {
            Ok(reaped) if !reaped.is_empty() => {
                if let Err(e) = registry::imports::service::on_interrupted(&state, &reaped).await {
                    log::error!("marking interrupted imports failed: {e}");
                }
            }
            Ok(_) => {}
            Err(e) => log::warn!("looking for interrupted jobs failed: {e}"),
        }
        tokio::time::sleep(jobs::REAP_EVERY).await;
    }
}
