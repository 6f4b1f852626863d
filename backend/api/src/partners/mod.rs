//! Partner units (共建单位) and their machine access: the units themselves, OAuth2 API clients
//! (client-credentials grant at `/oauth/token`). Each unit's contribution summary is the
//! pledges capability's (`pledges::contributions`).
//!
//! Staff manage everything; a partner (a user of the unit, or one of its API clients) sees only
//! its own unit and clients. Anything else answers 404.

pub mod domain;
pub mod dto;
pub mod handlers;
pub mod oauth;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_partners)
        .service(handlers::create_partner)
        .service(handlers::get_partner)
        .service(handlers::update_partner)
        .service(handlers::reveal_partner_contact)
        .service(handlers::list_clients)
        .service(handlers::create_client)
        .service(handlers::rotate_client)
        .service(handlers::revoke_client)
        .service(oauth::token);
}
