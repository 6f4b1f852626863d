//! Recurring events (the nightly square): one series with an RFC 5545 rule, occurrences
//! expanded on read, exceptions for the evenings called off. The square's occurrences carry the
//! night's duty pair and the headcount they recorded.

use std::collections::HashMap;

use actix_web::{delete, get, post, web, HttpResponse};
use chrono::{Duration, NaiveDate};
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::duty::{DutyAssignment, DutyReport};
use xingguang_db::models::event_series::{Series, SeriesException};
use xingguang_db::models::user::Role;
use xingguang_db::vocab::{EventKind, EventStatus, SupportKind};

use super::domain::{occurrences, rule_set};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff, StaffOrLeader};
use crate::common::clock::CHINA;
use crate::common::pledge_link;
use crate::error::{ApiError, ApiResult, ErrorCode, Errors, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

/// Days a series may be asked about: a calendar's range, far from the ends of the date types
/// (the recurrence library and date arithmetic are not asked about year 262143).
pub(super) fn sane(day: NaiveDate) -> bool {
    (2000..=2100).contains(&chrono::Datelike::year(&day))
}

/// The series' days in `from..=to` (before exceptions).
pub fn days_of(series: &Series, from: NaiveDate, to: NaiveDate) -> ApiResult<Vec<NaiveDate>> {
    let set = rule_set(series.first_day, series.starts_local, &series.rrule)
        .map_err(|e| ApiError::internal(anyhow::anyhow!("stored rrule: {e}")))?;
    Ok(occurrences(set, from, to))
}

/// The moment a local (UTC+8) day and time is.
pub fn at(day: NaiveDate, time: chrono::NaiveTime) -> chrono::DateTime<chrono::Utc> {
    day.and_time(time).and_local_timezone(CHINA).single().map_or_else(chrono::Utc::now, |t| t.with_timezone(&chrono::Utc))
}

fn series_dto(s: Series, exceptions: Vec<SeriesExceptionDto>) -> SeriesDto {
    SeriesDto {
        id: s.id,
        kind: s.kind,
        title: s.title,
        description: s.description,
        place: s.place,
        venue_pledge_id: s.venue_pledge_id,
        first_day: s.first_day,
        starts_local: s.starts_local,
        ends_local: s.ends_local,
        rrule: s.rrule,
        expected_size: s.expected_size,
        exceptions,
        version: s.version,
    }
}

/// Recurring events
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "list_event_series",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The series, each with its called-off days.", body = Vec<SeriesDto>),
        (status = 403, description = "A partner."),
    )
)]
#[get("/event-series")]
pub async fn list_series(user: Authed<Community>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let all = Series::all(&mut conn, user.community_id()).await?;
    let ids: Vec<Uuid> = all.iter().map(|s| s.id).collect();
    let mut exceptions: HashMap<Uuid, Vec<SeriesExceptionDto>> = HashMap::new();
    for e in SeriesException::of_series(&mut conn, &ids).await? {
        exceptions.entry(e.series_id).or_default().push(SeriesExceptionDto { day: e.day, reason: e.reason });
    }
    let list: Vec<SeriesDto> = all
        .into_iter()
        .map(|s| {
            let ex = exceptions.remove(&s.id).unwrap_or_default();
            series_dto(s, ex)
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// A recurring event
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "get_event_series",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The series.")),
    responses(
        (status = 200, description = "The series with its called-off days.", body = SeriesDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such series in this community."),
    )
)]
#[get("/event-series/{id}")]
pub async fn get_series(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let series = Series::find(&mut conn, user.community_id(), *id).await?;
    let exceptions = SeriesException::of_series(&mut conn, &[series.id])
        .await?
        .into_iter()
        .map(|e| SeriesExceptionDto { day: e.day, reason: e.reason })
        .collect();
    Ok(HttpResponse::Ok().json(series_dto(series, exceptions)))
}

/// Create a recurring event
///
/// The rule is an RFC 5545 RRULE value repeating daily, weekly or monthly, e.g.
/// `FREQ=DAILY;UNTIL=20261231T235959Z` (the nightly square) or `FREQ=MONTHLY;BYDAY=-1SA` (the
/// clean-up on the last Saturday).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "events",
    operation_id = "create_event_series",
    security(("bearer" = [])),
    request_body = CreateSeriesRequest,
    responses(
        (status = 201, description = "Created.", body = SeriesDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "Missing title or place, times out of order, a rule that is not a daily, weekly or monthly RRULE, or a pledge that is not an accepted venue pledge."),
    )
)]
#[post("/event-series")]
pub async fn create_series(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateSeriesRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let title = errors.required_text("title", &body.title, 100);
    let place = errors.required_text("place", &body.place, 100);
    let description = errors.optional_text("description", &body.description, 2000);
    if body.ends_local <= body.starts_local {
        errors.push("ends_local", "must be after starts_local");
    }
    if body.expected_size.is_some_and(|n| !(0..=100_000).contains(&n)) {
        errors.push("expected_size", "must be between 0 and 100000");
    }
    if !sane(body.first_day) {
        errors.push("first_day", "must be between the years 2000 and 2100");
    }
    let rrule = body.rrule.trim().to_owned();
    if rrule.len() > 300 {
        errors.push("rrule", "must be at most 300 characters");
    } else if let Err(why) = rule_set(body.first_day, body.starts_local, &rrule) {
        errors.push("rrule", why);
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    if let Some(p) = body.venue_pledge_id {
        pledge_link::linkable(&mut conn, user.community_id(), p, SupportKind::Venue, "venue_pledge_id").await?;
    }
    let now = state.clock.now();
    let row = Series {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        kind: body.kind,
        title,
        description,
        place,
        venue_pledge_id: body.venue_pledge_id,
        first_day: body.first_day,
        starts_local: body.starts_local,
        ends_local: body.ends_local,
        rrule,
        expected_size: body.expected_size,
        created_by: user.user_id(),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Series::insert(conn, &row).await?;
            AuditEvent::new("event_series.create", "event_series").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(series_dto(saved, Vec::new())))
}

/// A recurring event's occurrences
///
/// Each day in the period the rule falls on, called off or not. For the nightly square, staff
/// and leaders also see the two leaders on duty and the headcount they recorded; an evening
/// the duty pair recorded as rained off is called off too.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "list_occurrences",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The series."), OccurrencesQuery),
    responses(
        (status = 200, description = "The occurrences, soonest first.", body = Vec<OccurrenceDto>),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such series in this community."),
        (status = 422, description = "`to` before `from`, more than a year, or outside 2000–2100."),
    )
)]
#[get("/event-series/{id}/occurrences")]
pub async fn list_occurrences(
    user: Authed<Community>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<OccurrencesQuery>,
) -> ApiResult<HttpResponse> {
    let from = query.from.unwrap_or_else(|| state.clock.today());
    if !sane(from) || query.to.is_some_and(|to| !sane(to)) {
        return Err(ApiError::validation(vec![FieldError::new("from", "must be between the years 2000 and 2100")]));
    }
    let to = query.to.unwrap_or(from + Duration::days(30));
    if to < from || (to - from).num_days() > 366 {
        return Err(ApiError::validation(vec![FieldError::new("to", "must be after from, at most a year later")]));
    }
    let mut conn = state.conn().await?;
    let series = Series::find(&mut conn, user.community_id(), *id).await?;
    let exceptions: HashMap<NaiveDate, String> =
        SeriesException::of_series(&mut conn, &[series.id]).await?.into_iter().map(|e| (e.day, e.reason)).collect();
    let square = series.kind == EventKind::Square;
    let sees_duty = square && matches!(user.role(), Role::Staff | Role::GroupLeader);
    let mut on_duty: HashMap<NaiveDate, Vec<String>> = HashMap::new();
    let mut reports: HashMap<NaiveDate, DutyReport> = HashMap::new();
    if square {
        if sees_duty {
            for row in DutyAssignment::between(&mut conn, user.community_id(), from, to).await? {
                on_duty.entry(row.assignment.night).or_default().push(row.leader_name);
            }
        }
        reports = DutyReport::between(&mut conn, user.community_id(), from, to).await?.into_iter().map(|r| (r.night, r)).collect();
    }
    let list: Vec<OccurrenceDto> = days_of(&series, from, to)?
        .into_iter()
        .map(|day| {
            let report = reports.get(&day);
            let reason =
                exceptions.get(&day).cloned().or_else(|| report.filter(|r| r.weather_cancelled).map(|_| "天气原因取消".to_owned()));
            OccurrenceDto {
                day,
                starts_at: at(day, series.starts_local),
                ends_at: at(day, series.ends_local),
                status: if reason.is_some() { EventStatus::Cancelled } else { EventStatus::Scheduled },
                cancel_reason: reason,
                on_duty: on_duty.remove(&day).unwrap_or_default(),
                headcount: report.and_then(|r| r.headcount),
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Call one occurrence off
///
/// E.g. rain: the day becomes an exception of the series (an `EXDATE` in calendars, which
/// fetch the series again).
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "events",
    operation_id = "cancel_occurrence",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The series.")),
    request_body = CancelOccurrenceRequest,
    responses(
        (status = 201, description = "Called off.", body = SeriesExceptionDto),
        (status = 403, description = "Not staff or a group leader."),
        (status = 404, description = "No such series in this community."),
        (status = 409, description = "That day is called off already (`duplicate`)."),
        (status = 422, description = "No reason, or the series does not fall on that day."),
    )
)]
#[post("/event-series/{id}/exceptions")]
pub async fn cancel_occurrence(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CancelOccurrenceRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let reason = errors.required_text("reason", &body.reason, 200);
    if !sane(body.day) {
        errors.push("day", "must be between the years 2000 and 2100");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    let series = Series::find(&mut conn, user.community_id(), *id).await?;
    if !days_of(&series, body.day, body.day)?.contains(&body.day) {
        return Err(ApiError::validation(vec![FieldError::new("day", "the series does not fall on this day")]));
    }
    let row = SeriesException { series_id: series.id, day: body.day, reason, created_by: user.user_id(), created_at: state.clock.now() };
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !SeriesException::insert(conn, &row).await? {
            return Err(ApiError::conflict(ErrorCode::Duplicate, "That day is called off already."));
        }
        Series::touch(conn, series.id).await?;
        AuditEvent::new("event_series.cancel_occurrence", "event_series").by(&user).entity(series.id).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Created().json(SeriesExceptionDto { day: row.day, reason: row.reason }))
}

/// Take back a called-off occurrence
///
/// The evening is on again (a mistaken call-off, or the rain stopped); calendars fetch the
/// series again.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "events",
    operation_id = "restore_occurrence",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The series."), ("day" = chrono::NaiveDate, Path, description = "The day called off.")),
    responses(
        (status = 204, description = "On again."),
        (status = 403, description = "Not staff or a group leader."),
        (status = 404, description = "No such series, or that day is not called off."),
    )
)]
#[delete("/event-series/{id}/exceptions/{day}")]
pub async fn restore_occurrence(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, NaiveDate)>,
) -> ApiResult<HttpResponse> {
    let (id, day) = *path;
    let mut conn = state.conn().await?;
    let series = Series::find(&mut conn, user.community_id(), id).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !SeriesException::delete(conn, series.id, day).await? {
            return Err(ApiError::not_found());
        }
        Series::touch(conn, series.id).await?;
        AuditEvent::new("event_series.restore_occurrence", "event_series").by(&user).entity(series.id).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
