//! Amateur teams (民众文艺活动队, 腰鼓队, 健身球队, 纸扇队): staff keep the teams, their leader,
//! practice schedule and equipment (a partner's goods pledge is linked); residents ask to join
//! for themselves or a household member; the team's leader (a resident) or staff decide. Events
//! may be open to one team only (see `events`).

pub mod domain;
pub mod dto;
pub mod handlers;
pub mod members;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_teams)
        .service(handlers::create_team)
        .service(handlers::get_team)
        .service(handlers::update_team)
        .service(handlers::add_equipment)
        .service(members::request_membership)
        .service(members::approve_membership)
        .service(members::decline_membership)
        .service(members::leave_team);
}
