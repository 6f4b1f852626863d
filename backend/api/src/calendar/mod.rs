//! Private calendar feeds (iCalendar, RFC 5545): each user gets a secret, revocable URL that
//! phone calendars subscribe to — a leader's duty nights, the events they registered for (or
//! registered family for) — and a public calendar of the community's events and recurring
//! events. Only a hash of a private URL's secret is stored, and the access log shows the path
//! without it.

pub mod domain;
pub mod dto;
pub mod handlers;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::get_feed)
        .service(handlers::create_feed)
        .service(handlers::delete_feed)
        .service(handlers::read_feed)
        .service(handlers::read_public);
}
