//! The national holiday calendar that working-day deadlines are counted on (see
//! `common::workdays`): staff enter next year's 法定节假日 and 调休上班 days when the State
//! Council publishes them, and correct a day if the arrangement changes.

pub mod handlers;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_days).service(handlers::put_day).service(handlers::delete_day);
}
