//! In-app notifications: what each user is told (an event called off, their duty tomorrow, a
//! team's decision). Other capabilities write them with `common::notify`; here users read them
//! and mark them read.

pub mod dto;
pub mod handlers;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // The fixed path before `/notifications/{id}/read`.
    cfg.service(handlers::read_all).service(handlers::list_notifications).service(handlers::mark_read);
}
