//! The registry: resident groups (居民小组), households (户) and residents (人).
//!
//! Staff reach the whole community, a group leader their group, a resident their own household;
//! partners none of it. ID numbers and phones are always masked; staff reveal one resident's
//! full values with a stated reason, and every reveal is audited.

pub mod domain;
pub mod dto;
pub mod handlers;
pub mod national_id;
pub mod policy;
pub mod service;

/// Today in China (UTC+8, no daylight saving): ages and status dates are local dates.
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive()
}

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_groups)
        .service(handlers::create_group)
        .service(handlers::update_group)
        .service(handlers::list_households)
        .service(handlers::create_household)
        .service(handlers::get_household)
        .service(handlers::update_household)
        .service(handlers::list_residents)
        .service(handlers::create_resident)
        .service(handlers::get_resident)
        .service(handlers::update_resident)
        .service(handlers::change_resident_status)
        .service(handlers::reveal_resident)
        .service(handlers::get_registry_stats);
}
