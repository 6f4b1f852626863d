use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel_async::RunQueryDsl;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};
use crate::http::metrics::Metrics;
use crate::state::AppState;

/// A health answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthStatus {
    /// `ok` when healthy.
    pub status: &'static str,
}

/// Liveness
///
/// Answers 200 while the process is up; touches nothing else.
///
/// **Roles:** anyone.
#[utoipa::path(tag = "ops", operation_id = "health", responses((status = 200, description = "The process is alive.", body = HealthStatus)))]
#[get("/health")]
pub async fn health() -> HttpResponse {
    HttpResponse::Ok().json(HealthStatus { status: "ok" })
}

/// Readiness
///
/// Answers 200 when the database is reachable, 503 when it is not.
///
/// **Roles:** anyone.
#[utoipa::path(
    tag = "ops",
    operation_id = "ready",
    responses(
        (status = 200, description = "Ready to serve.", body = HealthStatus),
        (status = 503, description = "The database is unreachable."),
    )
)]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    diesel::sql_query("SELECT 1").execute(&mut conn).await.map_err(ApiError::unavailable)?;
    Ok(HttpResponse::Ok().json(HealthStatus { status: "ok" }))
}

/// Metrics
///
/// Request counts by method, route and status, and a latency histogram, in the Prometheus text
/// format. With `XINGGUANG_METRICS_TOKEN` set, only for `Authorization: Bearer <that token>`;
/// without it, only for requests from this machine.
///
/// **Roles:** the monitoring system (metrics token), or local.
#[utoipa::path(
    tag = "ops",
    operation_id = "metrics",
    responses(
        (status = 200, description = "Prometheus text format.", body = String, content_type = "text/plain; version=0.0.4"),
        (status = 404, description = "Without the metrics token (or, with none set, from another machine)."),
    )
)]
#[get("/metrics")]
pub async fn metrics(req: HttpRequest, state: web::Data<AppState>, metrics: web::Data<Metrics>) -> ApiResult<HttpResponse> {
    let allowed = match state.settings.metrics_token.as_deref().filter(|t| !t.is_empty()) {
        Some(token) => req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| constant_time_eq(given.as_bytes(), token.as_bytes())),
        None => req.peer_addr().is_some_and(|p| p.ip().is_loopback()) && req.headers().get("x-forwarded-for").is_none(),
    };
    if !allowed {
        // As if there were nothing here: the route does not advertise itself.
        return Err(ApiError::not_found());
    }
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(metrics.render()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
