//! A partner unit's contributions: what its pledges delivered in a year, by kind and month.
//! (Kept with pledges, whose deliveries it sums; the partners capability does not count.)

use actix_web::{get, web, HttpResponse};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::partner::PartnerUnit;
use xingguang_db::models::pledge::Delivery;

use super::domain::SupportKind;
use crate::auth::extract::{Authed, StaffOrPartner};
use crate::common::reach::check_partner;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContributionQuery {
    /// Calendar year; the current one when omitted.
    pub year: Option<i32>,
}

/// One month's deliveries of one kind of support.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthlyContributionDto {
    /// 1–12.
    pub month: u32,
    pub kind: SupportKind,
    /// In the kind's measure: fen, pieces, slots or person-hours.
    pub quantity: i64,
    pub deliveries: i64,
}

/// What a partner delivered in one year, by kind and by month.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContributionSummaryDto {
    pub partner_id: Uuid,
    pub partner_name: String,
    pub year: i32,
    pub money_fen: i64,
    pub goods_pieces: i64,
    pub venue_slots: i64,
    pub volunteer_person_hours: i64,
    pub deliveries: i64,
    pub months: Vec<MonthlyContributionDto>,
}

/// A partner's contributions in one year
///
/// Delivered support summed by kind and by month (from the recorded deliveries).
///
/// **Roles:** staff, partner (own unit).
#[utoipa::path(
    tag = "partners",
    operation_id = "get_contributions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id."), ContributionQuery),
    responses(
        (status = 200, description = "The summary.", body = ContributionSummaryDto),
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Residents and group leaders."),
        (status = 404, description = "No such unit within reach."),
        (status = 422, description = "Year out of range."),
    )
)]
#[get("/partners/{id}/contributions")]
pub async fn get_contributions(
    user: Authed<StaffOrPartner>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ContributionQuery>,
) -> ApiResult<HttpResponse> {
    check_partner(&user, *id)?;
    let year = query.year.unwrap_or_else(|| state.clock.today().year());
    if !(2000..=2100).contains(&year) {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("year", "must be between 2000 and 2100")]));
    }
    let mut conn = state.conn().await?;
    let unit = PartnerUnit::find(&mut conn, user.community_id(), *id).await?;
    let months = Delivery::monthly(&mut conn, user.community_id(), unit.id, year).await?;
    let total = |kind: SupportKind| months.iter().filter(|m| m.kind == kind).map(|m| m.quantity).sum::<i64>();
    let summary = ContributionSummaryDto {
        partner_id: unit.id,
        partner_name: unit.name,
        year,
        money_fen: total(SupportKind::Money),
        goods_pieces: total(SupportKind::Goods),
        venue_slots: total(SupportKind::Venue),
        volunteer_person_hours: total(SupportKind::VolunteerTime),
        deliveries: months.iter().map(|m| m.deliveries).sum(),
        months: months
            .into_iter()
            .map(|m| MonthlyContributionDto { month: m.month, kind: m.kind, quantity: m.quantity, deliveries: m.deliveries })
            .collect(),
    };
    Ok(HttpResponse::Ok().json(summary))
}
