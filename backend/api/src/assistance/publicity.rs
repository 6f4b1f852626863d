//! The 公示 notice: what the community posts for 7 days, and nothing more.

use actix_web::{get, web, HttpResponse};
use chrono::Days;
use uuid::Uuid;
use xingguang_db::models::assistance::{Case, CaseStep};
use xingguang_db::models::community::Community as CommunityRow;
use xingguang_db::models::resident::Resident;
use xingguang_db::vocab::ResidentStatus;

use super::domain::PublicityNotice;
use super::service::revision_of;
use crate::auth::extract::{Authed, Staff};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The 公示 notice
///
/// What the community posts for 7 days: by law only the applicant's name, the number of
/// household members and the amount (审核确认办法 第24条) — never an ID number, an address, an
/// illness or a disability. Available once the case has reached its publicity step.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "get_case_publicity",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    responses(
        (status = 200, description = "The notice's content.", body = PublicityNotice),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "The kind has no 公示, or the case has not reached it (`step_incomplete`)."),
    )
)]
#[get("/cases/{id}/publicity")]
pub async fn get_publicity(user: Authed<Staff>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let case = Case::find(&mut conn, user.community_id(), *id).await?;
    let (case_type, def) = revision_of(&mut conn, &case).await?;
    let index = def.steps.iter().position(|s| s.publicity);
    let steps = CaseStep::of_case(&mut conn, case.id).await?;
    let posted = index.and_then(|i| steps.iter().find(|s| s.step_index as usize == i));
    let Some(posted) = posted else {
        return Err(ApiError::conflict(
            crate::error::ErrorCode::StepIncomplete,
            "This case has not reached its 公示 (or its kind has none).",
        ));
    };
    let members = Resident::members(&mut conn, case.household_id).await?;
    let applicant = members.iter().find(|m| m.id == case.applicant_id).map(|m| m.name.clone()).unwrap_or_default();
    let community = CommunityRow::find(&mut conn, user.community_id()).await?;
    let step = &def.steps[posted.step_index as usize];
    Ok(HttpResponse::Ok().json(PublicityNotice {
        community: community.name.clone(),
        kind_name: case_type.name.clone(),
        applicant_name: applicant,
        household_size: members.iter().filter(|m| m.status == ResidentStatus::Active).count() as i32,
        amount_fen: case.amount_fen,
        monthly: case.payment != Some(xingguang_db::vocab::PaymentKind::OneOff),
        posted_from: posted.started_on,
        posted_until: posted.due_on.unwrap_or_else(|| {
            posted.started_on.checked_add_days(Days::new(u64::from(step.days.unwrap_or(7)))).unwrap_or(posted.started_on)
        }),
        objections_to: format!("{}居委会、所属街道", community.name),
    }))
}
