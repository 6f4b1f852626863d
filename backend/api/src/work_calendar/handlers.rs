//! Read and edit the holiday calendar.

use actix_web::{delete, get, put, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use diesel_async::AsyncConnection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xingguang_db::models::assistance::CalendarDay;
use xingguang_db::vocab::WorkdayKind;

use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff};
use crate::error::{ApiError, ApiResult, Errors, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Default this year.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// A day that differs from its weekday.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarDayDto {
    pub day: NaiveDate,
    /// `holiday`: off (法定节假日); `workday`: a weekend worked (调休上班).
    pub kind: WorkdayKind,
    pub name: String,
}

/// A year's calendar, and whether it was entered at all.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarYearDto {
    pub year: i32,
    /// False: no holidays are entered for this year, deadlines count weekends only.
    pub entered: bool,
    pub days: Vec<CalendarDayDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarDayRequest {
    pub kind: WorkdayKind,
    /// e.g. 春节 or 春节调休上班.
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
}

fn checked_day(day: NaiveDate) -> ApiResult<NaiveDate> {
    if !(2000..=2100).contains(&day.year()) {
        return Err(ApiError::validation(vec![FieldError::new("day", "must be in 2000–2100")]));
    }
    Ok(day)
}

/// The holiday calendar of a year
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "work-calendar",
    operation_id = "list_work_calendar",
    security(("bearer" = [])),
    params(YearQuery),
    responses(
        (status = 200, description = "The year's holidays and make-up working days.", body = CalendarYearDto),
        (status = 403, description = "A partner."),
        (status = 422, description = "A year outside 2000–2100."),
    )
)]
#[get("/work-calendar")]
pub async fn list_days(_user: Authed<Community>, state: web::Data<AppState>, query: web::Query<YearQuery>) -> ApiResult<HttpResponse> {
    let year = query.year.unwrap_or_else(|| state.clock.today().year());
    let first = NaiveDate::from_ymd_opt(year, 1, 1).filter(|_| (2000..=2100).contains(&year));
    let (Some(first), Some(last)) = (first, NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Err(ApiError::validation(vec![FieldError::new("year", "must be 2000–2100")]));
    };
    let mut conn = state.conn().await?;
    let days = CalendarDay::between(&mut conn, first, last).await?;
    Ok(HttpResponse::Ok().json(CalendarYearDto {
        year,
        entered: !days.is_empty(),
        days: days.into_iter().map(|d| CalendarDayDto { day: d.day, kind: d.kind, name: d.name }).collect(),
    }))
}

/// Set a day
///
/// A public holiday or a make-up working day; deadlines already running keep their dates, new
/// ones are counted on the corrected calendar.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "work-calendar",
    operation_id = "put_work_calendar_day",
    security(("bearer" = [])),
    params(("day" = NaiveDate, Path, description = "The day (YYYY-MM-DD).")),
    request_body = CalendarDayRequest,
    responses(
        (status = 200, description = "Saved.", body = CalendarDayDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "No name, or a day outside 2000–2100."),
    )
)]
#[put("/work-calendar/{day}")]
pub async fn put_day(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    day: web::Path<NaiveDate>,
    body: web::Json<CalendarDayRequest>,
) -> ApiResult<HttpResponse> {
    let day = checked_day(*day)?;
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 50);
    errors.finish()?;
    let row = CalendarDay { day, kind: body.kind, name, updated_at: state.clock.now() };
    let mut conn = state.conn().await?;
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = CalendarDay::put(conn, &row).await?;
            crate::common::workdays::WorkCalendar::forget_recent();
            AuditEvent::new("work_calendar.put", "work_calendar_day")
                .by(&user)
                .detail(serde_json::json!({ "day": day }))
                .write(conn, &ctx)
                .await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CalendarDayDto { day: saved.day, kind: saved.kind, name: saved.name }))
}

/// Clear a day
///
/// The day becomes what its weekday says.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "work-calendar",
    operation_id = "delete_work_calendar_day",
    security(("bearer" = [])),
    params(("day" = NaiveDate, Path, description = "The day (YYYY-MM-DD).")),
    responses(
        (status = 204, description = "Cleared."),
        (status = 403, description = "Not staff."),
        (status = 404, description = "The day was not in the calendar."),
    )
)]
#[delete("/work-calendar/{day}")]
pub async fn delete_day(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    day: web::Path<NaiveDate>,
) -> ApiResult<HttpResponse> {
    let day = *day;
    let mut conn = state.conn().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !CalendarDay::delete(conn, day).await? {
            return Err(ApiError::not_found());
        }
        crate::common::workdays::WorkCalendar::forget_recent();
        AuditEvent::new("work_calendar.delete", "work_calendar_day")
            .by(&user)
            .detail(serde_json::json!({ "day": day }))
            .write(conn, &ctx)
            .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
