//! Community events (科普讲座, performances, clean-ups, meetings): staff publish them with a
//! place, time and capacity; residents register themselves or a household member (leaders for
//! their group, staff for anyone); when an event is full registrations join a waiting list that
//! moves up, in order, when a place frees; at the door staff or a leader check people in by the
//! personal code on their phone (a QR code) or by name; walk-ins are recorded as attended. An
//! event may be for one team or for Party members only. Recurring events (the nightly square)
//! are one series with an RFC 5545 rule; partners see what is held at their venues.

pub mod domain;
pub mod dto;
pub mod handlers;
pub mod registrations;
pub mod series;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // The fixed path before `/events/{id}`, which would otherwise take it.
    cfg.service(registrations::my_check_in_code)
        .service(handlers::list_events)
        .service(handlers::create_event)
        .service(handlers::get_event)
        .service(handlers::cancel_event)
        .service(registrations::list_registrations)
        .service(registrations::register)
        .service(registrations::cancel_registration)
        .service(registrations::check_in)
        .service(handlers::list_venue_events)
        .service(series::list_series)
        .service(series::create_series)
        .service(series::get_series)
        .service(series::list_occurrences)
        .service(series::cancel_occurrence)
        .service(series::restore_occurrence);
}
