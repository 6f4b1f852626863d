//! The registry: resident groups (居民小组), households (户) and residents (人).
//!
//! Staff reach the whole community, a group leader their group, a resident their own household;
//! partners none of it. ID numbers and phones are always masked; staff reveal one resident's
//! full values with a stated reason, and every reveal is audited.

pub mod domain;
pub mod dto;
pub mod groups;
pub mod households;
pub mod imports;
pub mod residents;
pub mod service;
pub mod stats;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(groups::list_groups)
        .service(groups::create_group)
        .service(groups::update_group)
        .service(households::list_households)
        .service(households::create_household)
        .service(households::get_household)
        .service(households::update_household)
        .service(residents::list_residents)
        .service(residents::create_resident)
        .service(residents::get_resident)
        .service(residents::update_resident)
        .service(residents::change_resident_status)
        .service(residents::reveal_resident)
        .service(stats::get_registry_stats);
    imports::routes(cfg);
}
