//! Registry import and export: the office's Excel sheets in (.xlsx or .csv, validated row by row,
//! all-or-nothing, idempotent) and any filtered resident list out, masked like the API.

pub mod domain;
pub mod dto;
pub mod export;
pub mod handlers;
pub mod service;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_import_template)
        .service(handlers::list_imports)
        .service(handlers::create_import)
        .service(handlers::get_import)
        .service(export::export_residents);
}
