//! The nightly duty roster (值班): every night two group leaders keep order and safety on the
//! square. Staff generate a fair roster for a period — fair by a weighted ledger per leader
//! (weekends and public holidays weigh more), respecting each leader's unavailability and a rest
//! between duties, keeping locked nights — set nights by hand, and see the fairness ledger.
//! Leaders enter unavailability from a phone, see their next nights and record the evening
//! (headcount, incidents, weather, no-shows). Leaders swap nights: one offers, another takes;
//! the swap goes through at once when the rules hold, else staff decide.

pub mod availability;
pub mod domain;
pub mod dto;
pub mod reminders;
pub mod roster;
pub mod service;
pub mod swaps;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(roster::get_roster)
        .service(roster::generate_roster)
        .service(roster::set_night)
        .service(roster::lock_assignment)
        .service(roster::record_evening)
        .service(roster::get_ledger)
        .service(roster::my_nights)
        .service(swaps::list_swaps)
        .service(swaps::offer_swap)
        .service(swaps::take_swap)
        .service(swaps::approve_swap)
        .service(swaps::reject_swap)
        .service(swaps::withdraw_swap)
        .service(availability::list_unavailability)
        .service(availability::create_unavailability)
        .service(availability::delete_unavailability)
        .service(availability::get_rules)
        .service(availability::update_rules)
        .service(availability::list_holidays)
        .service(availability::put_holiday)
        .service(availability::delete_holiday);
}
