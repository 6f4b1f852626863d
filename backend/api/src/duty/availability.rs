//! What shapes the roster: leaders' unavailability, the weights and rest rule, the holidays.

use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use chrono::NaiveDate;
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::duty::{DutyHoliday, DutyRules, DutyRulesChanges, Unavailability};
use xingguang_db::vocab::Role;

use super::dto::*;
use super::service;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff, StaffOrLeader};
use crate::error::{ApiError, ApiResult, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

/// Unavailability
///
/// Windows overlapping the period (default: this month onwards, a year). A leader sees their
/// own; staff see every leader's.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "duty",
    operation_id = "list_unavailability",
    security(("bearer" = [])),
    params(PeriodQuery),
    responses(
        (status = 200, description = "The windows, earliest first.", body = Vec<UnavailabilityDto>),
        (status = 403, description = "Not staff or a group leader."),
        (status = 422, description = "`to` before `from`, or more than 366 nights."),
    )
)]
#[get("/duty/unavailability")]
pub async fn list_unavailability(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let from = query.from.unwrap_or(today);
    let to = query.to.unwrap_or_else(|| from.checked_add_signed(chrono::Duration::days(365)).unwrap_or(from));
    service::check_period(from, to)?;
    let only = (user.role() == Role::GroupLeader).then(|| user.user_id());
    let mut conn = state.conn().await?;
    let rows = Unavailability::overlapping(&mut conn, user.community_id(), only, from, to).await?;
    let names = service::leader_names(&mut conn, user.community_id()).await?;
    let name_of = |id: Uuid| names.get(&id).cloned().unwrap_or_default();
    Ok(HttpResponse::Ok().json(
        rows.into_iter()
            .map(|u| {
                let name = name_of(u.leader_user_id);
                UnavailabilityDto::new(u, name)
            })
            .collect::<Vec<_>>(),
    ))
}

/// Enter an unavailability
///
/// A leader enters when they cannot be on duty (from a phone); staff can enter one for any
/// leader. Nights already on the roster are not moved: generate the roster again (or swap).
///
/// **Roles:** staff, group_leader (their own).
#[utoipa::path(
    tag = "duty",
    operation_id = "create_unavailability",
    security(("bearer" = [])),
    request_body = CreateUnavailabilityRequest,
    responses(
        (status = 201, description = "Entered.", body = UnavailabilityDto),
        (status = 403, description = "Not staff or a group leader."),
        (status = 422, description = "Dates in the past or out of order, longer than a year, or not a leader."),
    )
)]
#[post("/duty/unavailability")]
pub async fn create_unavailability(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateUnavailabilityRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let leader = match (user.role(), body.leader_user_id) {
        (Role::Staff, Some(id)) => id,
        (Role::Staff, None) => {
            errors.push("leader_user_id", "is required for staff");
            Uuid::nil()
        }
        (_, Some(id)) if id != user.user_id() => return Err(ApiError::forbidden("Leaders enter their own unavailability.")),
        _ => user.user_id(),
    };
    if body.last_day < body.first_day {
        errors.push("last_day", "must not be before first_day");
    } else if (body.last_day - body.first_day).num_days() > 366 {
        errors.push("last_day", "at most a year at a time");
    }
    if body.last_day < state.clock.today() {
        errors.push("last_day", "must not be in the past");
    }
    let reason = errors.optional_text("reason", &body.reason, 100);
    let mut conn = state.conn().await?;
    let leader_name = service::leader_names(&mut conn, user.community_id()).await?.remove(&leader);
    if user.role() == Role::Staff && body.leader_user_id.is_some() && leader_name.is_none() {
        errors.push("leader_user_id", "is not a group leader of this community");
    }
    errors.finish()?;
    let row = Unavailability {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        leader_user_id: leader,
        first_day: body.first_day,
        last_day: body.last_day,
        reason,
        created_by: user.user_id(),
        created_at: state.clock.now(),
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Unavailability::insert(conn, &row).await?;
            AuditEvent::new("duty_unavailability.create", "duty_unavailability").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(UnavailabilityDto::new(saved, leader_name.unwrap_or_default())))
}

/// Remove an unavailability
///
/// **Roles:** staff, group_leader (their own).
#[utoipa::path(
    tag = "duty",
    operation_id = "delete_unavailability",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The window.")),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "Not staff or a group leader."),
        (status = 404, description = "No such window within reach."),
    )
)]
#[delete("/duty/unavailability/{id}")]
pub async fn delete_unavailability(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let only = (user.role() == Role::GroupLeader).then(|| user.user_id());
    let mut conn = state.conn().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if Unavailability::delete(conn, user.community_id(), *id, only).await? == 0 {
            return Err(ApiError::not_found());
        }
        AuditEvent::new("duty_unavailability.delete", "duty_unavailability").by(&user).entity(*id).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The roster rules
///
/// Night weights (tenths of a night) and the rest between duties.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "duty",
    operation_id = "get_duty_rules",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The rules.", body = DutyRulesDto),
        (status = 403, description = "Not staff or a group leader."),
    )
)]
#[get("/duty/rules")]
pub async fn get_rules(user: Authed<StaffOrLeader>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(DutyRulesDto::from(DutyRules::get(&mut conn, user.community_id()).await?)))
}

/// Change the roster rules
///
/// Applies to rosters generated afterwards; nights already on the roster keep their weight.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "update_duty_rules",
    security(("bearer" = [])),
    request_body = UpdateRulesRequest,
    responses(
        (status = 200, description = "The rules as they are now.", body = DutyRulesDto),
        (status = 403, description = "Not staff."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "A weight outside 1–100 or a rest outside 0–30 nights."),
    )
)]
#[patch("/duty/rules")]
pub async fn update_rules(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<UpdateRulesRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let mut fields = Vec::new();
    for (field, value) in
        [("weekday_weight", body.weekday_weight), ("weekend_weight", body.weekend_weight), ("holiday_weight", body.holiday_weight)]
    {
        if value.is_some_and(|w| !(1..=100).contains(&w)) {
            errors.push(field, "must be between 1 and 100 (tenths of a night)");
        }
        if value.is_some() {
            fields.push(field);
        }
    }
    if body.min_rest_nights.is_some_and(|n| !(0..=30).contains(&n)) {
        errors.push("min_rest_nights", "must be between 0 and 30");
    }
    if body.min_rest_nights.is_some() {
        fields.push("min_rest_nights");
    }
    errors.finish()?;
    let changes = DutyRulesChanges {
        weekday_weight: body.weekday_weight,
        weekend_weight: body.weekend_weight,
        holiday_weight: body.holiday_weight,
        min_rest_nights: body.min_rest_nights,
    };
    let mut conn = state.conn().await?;
    DutyRules::get(&mut conn, user.community_id()).await?;
    let rules = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let rules =
                DutyRules::update(conn, user.community_id(), body.version, &changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("duty_rules.update", "duty_rules").by(&user).fields(&fields).write(conn, &ctx).await?;
            Ok(rules)
        })
        .await?;
    Ok(HttpResponse::Ok().json(DutyRulesDto::from(rules)))
}

/// Public holidays
///
/// The holidays of a year (they weigh more on the roster).
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "duty",
    operation_id = "list_holidays",
    security(("bearer" = [])),
    params(YearQuery),
    responses(
        (status = 200, description = "The holidays, in date order.", body = Vec<HolidayDto>),
        (status = 403, description = "Not staff or a group leader."),
    )
)]
#[get("/duty/holidays")]
pub async fn list_holidays(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    query: web::Query<YearQuery>,
) -> ApiResult<HttpResponse> {
    let year = query.year.unwrap_or_else(|| chrono::Datelike::year(&state.clock.today())).clamp(2000, 2100);
    let (first, last) = service::year_of(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_else(|| state.clock.today()));
    let mut conn = state.conn().await?;
    let days = DutyHoliday::between(&mut conn, user.community_id(), first, last).await?;
    Ok(HttpResponse::Ok().json(days.into_iter().map(|d| HolidayDto { day: d.day, name: d.name }).collect::<Vec<_>>()))
}

/// Add or rename a holiday
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "put_holiday",
    security(("bearer" = [])),
    params(("day" = NaiveDate, Path, description = "The day (YYYY-MM-DD).")),
    request_body = HolidayDto,
    responses(
        (status = 200, description = "Saved.", body = HolidayDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "No name, or the body's day differs from the path's."),
    )
)]
#[put("/duty/holidays/{day}")]
pub async fn put_holiday(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    day: web::Path<NaiveDate>,
    body: web::Json<HolidayDto>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 30);
    if body.day != *day {
        errors.push("day", "must be the day in the path");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    let holiday = DutyHoliday { community_id: user.community_id(), day: *day, name };
    conn.transaction::<_, ApiError, _>(async |conn| {
        DutyHoliday::upsert(conn, std::slice::from_ref(&holiday)).await?;
        AuditEvent::new("duty_holiday.put", "duty_holiday")
            .by(&user)
            .detail(serde_json::json!({ "day": holiday.day }))
            .write(conn, &ctx)
            .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Ok().json(HolidayDto { day: holiday.day, name: holiday.name }))
}

/// Remove a holiday
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "delete_holiday",
    security(("bearer" = [])),
    params(("day" = NaiveDate, Path, description = "The day (YYYY-MM-DD).")),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "Not staff."),
        (status = 404, description = "Not a holiday on the list."),
    )
)]
#[delete("/duty/holidays/{day}")]
pub async fn delete_holiday(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    day: web::Path<NaiveDate>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if DutyHoliday::delete(conn, user.community_id(), *day).await? == 0 {
            return Err(ApiError::not_found());
        }
        AuditEvent::new("duty_holiday.delete", "duty_holiday")
            .by(&user)
            .detail(serde_json::json!({ "day": *day }))
            .write(conn, &ctx)
            .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
