//! Authentication: login, token refresh with rotation and reuse detection, logout, and the
//! signed-in user (`/me`). The role extractors every other module uses live in [`extract`].

pub mod domain;
pub mod dto;
pub mod extract;
pub mod handlers;
pub mod service;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(utoipa_actix_web::scope("/auth").service(handlers::login).service(handlers::refresh).service(handlers::logout))
        .service(handlers::get_me)
        .service(handlers::list_colleagues);
}
