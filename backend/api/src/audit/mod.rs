//! The audit log: [`record::AuditEvent`] is how every write records itself; the routes here let
//! staff read their community's log.

pub mod dto;
pub mod handlers;
pub mod record;

pub use record::AuditEvent;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_audit);
}
