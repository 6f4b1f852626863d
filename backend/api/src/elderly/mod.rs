//! Elderly care from the registry's birth dates: the 60+/70+/80+/90+/100+ lists, the 老年人
//! 优待证 (applications, the autumn batch for those turning 60 and 70, issuing, the list for the
//! county office), and festival visit campaigns (重阳节: residents 80+ and group cadres 70+,
//! split per group, recorded by the leaders on their phones).

pub mod dto;
pub mod lists;
pub mod visits;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(lists::list_elderly)
        .service(lists::elderly_summary)
        .service(lists::apply_card)
        .service(lists::batch_cards)
        .service(lists::issue_card)
        .service(lists::export_cards)
        .service(visits::list_campaigns)
        .service(visits::create_campaign)
        .service(visits::get_campaign)
        .service(visits::list_visits)
        .service(visits::record_visit)
        .service(visits::assign_visitor);
}
