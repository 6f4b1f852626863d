//! Liveness, readiness and metrics for operators and orchestrators.

pub mod handlers;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::health).service(handlers::ready).service(handlers::metrics);
}
