//! Webhooks by the Standard Webhooks specification (standardwebhooks.com).
//!
//! A partner registers endpoints and picks events. A change that causes an event writes it to
//! the outbox (`webhook_events`, one `webhook_deliveries` row per subscribed endpoint) in its own
//! transaction (`common::outbox::publish`, shared because every capability publishes), so no event is lost if the process dies. The [`worker`]
//! delivers at least once, signed (`webhook-id`, `webhook-timestamp`, `webhook-signature`), with
//! exponential back-off and a cap on attempts; `webhook-id` stays the same across retries.

pub mod domain;
pub mod dto;
pub mod handlers;
pub mod worker;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_endpoints)
        .service(handlers::create_endpoint)
        .service(handlers::update_endpoint)
        .service(handlers::delete_endpoint)
        .service(handlers::rotate_endpoint_secret)
        .service(handlers::send_test_event)
        .service(handlers::list_deliveries)
        .service(handlers::resend_delivery);
}
