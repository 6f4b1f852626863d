use actix_web::{get, web, HttpResponse};
use diesel_async::RunQueryDsl;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult, Problem};
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
        (status = 503, description = "The database is unreachable.", body = Problem, content_type = "application/problem+json"),
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
/// format. Expose it only to the monitoring network.
///
/// **Roles:** anyone.
#[utoipa::path(
    tag = "ops",
    operation_id = "metrics",
    responses((status = 200, description = "Prometheus text format.", body = String, content_type = "text/plain; version=0.0.4"))
)]
#[get("/metrics")]
pub async fn metrics(metrics: web::Data<Metrics>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(metrics.render())
}
