//! Community needs and partner pledges: staff publish needs; partners pledge money, goods, a
//! venue or volunteer time (against a need or on their own); staff accept or decline and record
//! deliveries, from which a need's progress and a partner's contributions follow.
//!
//! Pledge states: submitted → accepted | declined | withdrawn (by the partner, before a
//! decision); accepted → fulfilled, in one or more deliveries. Any other move answers 409.
//! Every state change writes its webhook event to the outbox in the same transaction.

pub mod contributions;
pub mod domain;
pub mod dto;
pub mod handlers;
pub mod needs;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(needs::list_needs)
        .service(needs::create_need)
        .service(needs::get_need)
        .service(needs::update_need)
        .service(handlers::list_pledges)
        .service(handlers::create_pledge)
        .service(handlers::get_pledge)
        .service(handlers::accept_pledge)
        .service(handlers::decline_pledge)
        .service(handlers::withdraw_pledge)
        .service(handlers::record_delivery)
        .service(handlers::list_thanks)
        .service(contributions::get_contributions);
}
