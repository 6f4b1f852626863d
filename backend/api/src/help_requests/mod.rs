//! Help requests (求助、报修、投诉、咨询) and the resident handbook (居民手册) they are routed
//! to. Every request is recorded — in the app, by a leader for a resident, on the hotline, or
//! through Open311 — routed to a staff member and a handbook entry, followed on its clocks
//! (response and resolution times in hours or working days; escalated when overdue), resolved,
//! called back, and never forgotten. The handbook is edited as a draft and published as a frozen
//! edition, readable on a phone and printable as an A5 booklet.

pub mod domain;
pub mod dto;
pub mod escalation;
pub mod handbook;
pub mod keys;
pub mod moves;
pub mod open311;
pub mod print;
pub mod requests;
pub mod service;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handbook::get_handbook)
        .service(handbook::get_handbook_pdf)
        .service(handbook::list_editions)
        .service(handbook::create_edition)
        .service(handbook::get_edition)
        .service(handbook::get_edition_pdf)
        .service(handbook::update_edition)
        .service(handbook::publish_edition)
        .service(requests::list_requests)
        .service(requests::request_counts)
        .service(requests::create_request)
        .service(requests::get_request)
        .service(requests::get_photo)
        .service(requests::reveal_phone)
        .service(moves::assign_request)
        .service(moves::start_request)
        .service(moves::resolve_request)
        .service(moves::follow_up_request)
        .service(moves::rate_request)
        .service(moves::not_ours_request)
        .service(moves::duplicate_request)
        .service(moves::reopen_request)
        .service(moves::add_note)
        .service(keys::list_keys)
        .service(keys::create_key)
        .service(keys::revoke_key);
}
