//! Assistance cases (帮扶): 低保 and 低保边缘, 临时救助, 医疗救助, the disability subsidies and
//! loan-interest help, re-employment and general hardship. The office assists and forwards; the
//! case records each level's step, who acted and its deadline in working days, as the kind's
//! procedure (data: `case_types`, revised by staff) says. Income and assets are read by the
//! assignee and supervisors only, every read audited; the family follows its case in the app.

pub mod cases;
pub mod domain;
pub mod dto;
pub mod finances;
pub mod moves;
pub mod publicity;
pub mod service;
pub mod types;

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(types::list_case_types)
        .service(types::revise_case_type)
        .service(cases::list_cases)
        .service(cases::create_case)
        .service(cases::get_case)
        .service(cases::update_case)
        .service(finances::get_finances)
        .service(finances::put_finances)
        .service(publicity::get_publicity)
        .service(moves::advance_case)
        .service(moves::approve_case)
        .service(moves::refuse_case)
        .service(moves::withdraw_case)
        .service(moves::close_case)
        .service(moves::solve_case)
        .service(moves::add_entry);
}
