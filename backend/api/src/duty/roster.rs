//! The roster itself: view, generate, set a night by hand, lock, the evening report, the ledger.

use actix_web::{get, patch, post, put, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::duty::{DutyAssignment, DutyReport, DutyRules, NewDutyAssignment};
use xingguang_db::vocab::{DutySource, DutyStatus, Role};

use super::domain::{night_kind, spread};
use super::dto::*;
use super::service;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff, StaffOrLeader};
use crate::error::{ApiError, ApiResult, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

/// The duty roster
///
/// Every night of the period with its leaders on duty, whether it is short of leaders, and the
/// evening report. Leaders see the whole roster (they need to know who is on with them).
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "duty",
    operation_id = "get_roster",
    security(("bearer" = [])),
    params(PeriodQuery),
    responses(
        (status = 200, description = "The roster.", body = RosterDto),
        (status = 403, description = "Not staff or a group leader."),
        (status = 422, description = "`to` before `from`, or more than 366 nights."),
    )
)]
#[get("/duty/roster")]
pub async fn get_roster(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    let (from, to) = service::period(&query, state.clock.today())?;
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(service::roster(&mut conn, user.community_id(), from, to).await?))
}

/// Generate the roster
///
/// Shares the nights of the period out among the group leaders, fairly by the year's weighted
/// ledger (weekends and holidays weigh more), keeping locked nights and nights already recorded,
/// respecting every unavailability and the rest between duties. Nights nobody can take are
/// reported, not left silently empty. Run again after a change: only unlocked nights move.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "generate_roster",
    security(("bearer" = [])),
    request_body = GenerateRequest,
    responses(
        (status = 200, description = "Generated.", body = GenerateResult),
        (status = 403, description = "Not staff."),
        (status = 409, description = "There are no group leaders (`no_leaders`)."),
        (status = 422, description = "A night in the past, `to` before `from`, or more than 366 nights."),
    )
)]
#[post("/duty/roster/generate")]
pub async fn generate_roster(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<GenerateRequest>,
) -> ApiResult<HttpResponse> {
    if body.from < state.clock.today() {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("from", "past nights are not generated again")]));
    }
    service::check_period(body.from, body.to)?;
    let mut conn = state.conn().await?;
    let result = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let result = service::generate(conn, user.community_id(), body.from, body.to).await?;
            AuditEvent::new("duty_roster.generate", "duty_roster")
                .by(&user)
                .detail(serde_json::json!({ "from": body.from, "to": body.to, "assigned": result.assigned, "short": result.short.len() }))
                .write(conn, &ctx)
                .await?;
            Ok(result)
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// Set a night's leaders
///
/// Replaces the night's leaders with these, locked (regeneration keeps them). A leader who
/// entered an unavailability for that night cannot be put on it.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "set_night",
    security(("bearer" = [])),
    params(("night" = NaiveDate, Path, description = "The night (YYYY-MM-DD).")),
    request_body = SetNightRequest,
    responses(
        (status = 200, description = "The night as it is now.", body = NightDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "Not group leaders of this community, unavailable, too many, or a past night."),
    )
)]
#[put("/duty/nights/{night}")]
pub async fn set_night(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    night: web::Path<NaiveDate>,
    body: web::Json<SetNightRequest>,
) -> ApiResult<HttpResponse> {
    let night = *night;
    let community = user.community_id();
    let mut conn = state.conn().await?;
    let rules = DutyRules::get(&mut conn, community).await?;
    let leaders = DutyAssignment::leaders(&mut conn, community).await?;
    let unavailable = xingguang_db::models::duty::Unavailability::overlapping(&mut conn, community, None, night, night).await?;
    let mut errors = Errors::default();
    if night < state.clock.today() {
        errors.push("night", "past nights cannot be changed; record the evening instead");
    }
    let mut ids = body.leader_user_ids.clone();
    ids.dedup();
    if ids.len() > usize::try_from(rules.leaders_per_night).unwrap_or(2) {
        errors.push("leader_user_ids", format!("at most {} leaders a night", rules.leaders_per_night));
    }
    for id in &ids {
        match leaders.iter().find(|l| l.user_id == *id) {
            None => errors.push("leader_user_ids", format!("{id} is not a group leader of this community")),
            Some(leader) if unavailable.iter().any(|u| u.leader_user_id == *id) => {
                errors.push("leader_user_ids", format!("{} is unavailable that night", leader.name));
            }
            Some(_) => {}
        }
    }
    errors.finish()?;
    let kinds = service::kinds(&mut conn, community, &[night]).await?;
    let kind = kinds.get(&night).map_or_else(|| night_kind(night, &Default::default()), |(kind, _)| *kind);
    let weight = service::weights(&rules).of(kind);
    conn.transaction::<_, ApiError, _>(async |conn| {
        DutyAssignment::clear_night(conn, community, night).await?;
        let rows: Vec<NewDutyAssignment> = ids
            .iter()
            .map(|leader| NewDutyAssignment {
                id: xingguang_db::new_id(),
                community_id: community,
                night,
                leader_user_id: *leader,
                weight,
                locked: true,
                source: DutySource::Manual,
            })
            .collect();
        DutyAssignment::insert_many(conn, &rows).await?;
        AuditEvent::new("duty_night.set", "duty_night")
            .by(&user)
            .fields(&["leader_user_ids"])
            .detail(serde_json::json!({ "night": night }))
            .write(conn, &ctx)
            .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Ok().json(service::night(&mut conn, community, night).await?))
}

/// Lock or unlock an assignment
///
/// A locked assignment stays when the roster is generated again.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "lock_assignment",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The assignment.")),
    request_body = LockRequest,
    responses(
        (status = 204, description = "Done."),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such assignment in this community."),
        (status = 412, description = "Changed since it was loaded."),
    )
)]
#[patch("/duty/assignments/{id}")]
pub async fn lock_assignment(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<LockRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    DutyAssignment::find(&mut conn, user.community_id(), *id).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        DutyAssignment::set_locked(conn, user.community_id(), *id, body.version, body.locked)
            .await?
            .ok_or_else(ApiError::precondition_failed)?;
        AuditEvent::new("duty_assignment.lock", "duty_assignment").by(&user).entity(*id).fields(&["locked"]).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Record the evening
///
/// One of the night's leaders (or staff) records the evening: the estimated headcount, any
/// incidents, whether it was called off for the weather, and who did not come. Leaders present
/// count as served; a no-show counts in the ledger. Recording again replaces the report.
///
/// **Roles:** staff, group_leader (only for a night they are on duty).
#[utoipa::path(
    tag = "duty",
    operation_id = "record_evening",
    security(("bearer" = [])),
    params(("night" = NaiveDate, Path, description = "The night (YYYY-MM-DD); not in the future.")),
    request_body = EveningReportRequest,
    responses(
        (status = 200, description = "The night as it is now.", body = NightDto),
        (status = 403, description = "Not staff or a group leader."),
        (status = 404, description = "The leader is not on duty that night."),
        (status = 422, description = "A future night, a headcount out of range, or a no-show who was not on duty."),
    )
)]
#[put("/duty/nights/{night}/report")]
pub async fn record_evening(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    night: web::Path<NaiveDate>,
    body: web::Json<EveningReportRequest>,
) -> ApiResult<HttpResponse> {
    let night = *night;
    let community = user.community_id();
    let mut conn = state.conn().await?;
    let on_duty: Vec<Uuid> =
        DutyAssignment::between(&mut conn, community, night, night).await?.into_iter().map(|r| r.assignment.leader_user_id).collect();
    if user.role() == Role::GroupLeader && !on_duty.contains(&user.user_id()) {
        return Err(ApiError::not_found());
    }
    let mut errors = Errors::default();
    if night > state.clock.today() {
        errors.push("night", "an evening can be recorded on the night or after it");
    }
    if body.headcount.is_some_and(|h| !(0..=100_000).contains(&h)) {
        errors.push("headcount", "must be between 0 and 100000");
    }
    let incidents = errors.optional_text("incidents", &body.incidents, 2000);
    for id in &body.no_show_user_ids {
        if !on_duty.contains(id) {
            errors.push("no_show_user_ids", "must be leaders on duty that night");
        }
    }
    errors.finish()?;
    let now = state.clock.now();
    conn.transaction::<_, ApiError, _>(async |conn| {
        DutyReport::upsert(
            conn,
            &DutyReport {
                community_id: community,
                night,
                headcount: body.headcount,
                incidents,
                weather_cancelled: body.weather_cancelled,
                recorded_by: user.user_id(),
                version: 1,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        for leader in &on_duty {
            let status = if body.weather_cancelled {
                DutyStatus::Cancelled
            } else if body.no_show_user_ids.contains(leader) {
                DutyStatus::NoShow
            } else {
                DutyStatus::Served
            };
            DutyAssignment::set_status(conn, community, night, *leader, status).await?;
        }
        AuditEvent::new("duty_night.report", "duty_night")
            .by(&user)
            .fields(&["headcount", "incidents", "weather_cancelled", "no_show_user_ids"])
            .detail(serde_json::json!({ "night": night }))
            .write(conn, &ctx)
            .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Ok().json(service::night(&mut conn, community, night).await?))
}

/// The fairness ledger
///
/// Per leader over a year: nights served and their weight, no-shows (a leader sees only their
/// own), nights still ahead; and the spread (most minus least weight) the roster keeps small.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "duty",
    operation_id = "get_duty_ledger",
    security(("bearer" = [])),
    params(YearQuery),
    responses(
        (status = 200, description = "The ledger.", body = LedgerDto),
        (status = 403, description = "Not staff or a group leader."),
        (status = 422, description = "A year out of range."),
    )
)]
#[get("/duty/ledger")]
pub async fn get_ledger(user: Authed<StaffOrLeader>, state: web::Data<AppState>, query: web::Query<YearQuery>) -> ApiResult<HttpResponse> {
    let year = query.year.unwrap_or_else(|| state.clock.today().year());
    let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("year", "is not a year")]));
    };
    if !(2000..=2100).contains(&year) {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("year", "must be between 2000 and 2100")]));
    }
    let mut conn = state.conn().await?;
    let leaders = DutyAssignment::leaders(&mut conn, user.community_id()).await?;
    let mut ledger = DutyAssignment::ledger(&mut conn, user.community_id(), first, last).await?;
    let lines: Vec<LedgerLineDto> = leaders
        .into_iter()
        .map(|leader| {
            let line = ledger.remove(&leader.user_id).unwrap_or_default();
            LedgerLineDto {
                leader_user_id: leader.user_id,
                leader_name: leader.name,
                group_number: leader.group_number,
                served_nights: line.served_nights,
                served_weight: line.served_weight,
                // Nights are everyone's business (fairness); missed duties only staff's and one's own.
                no_shows: (user.role() == Role::Staff || leader.user_id == user.user_id()).then_some(line.no_shows),
                scheduled_nights: line.scheduled_nights,
                scheduled_weight: line.scheduled_weight,
            }
        })
        .collect();
    let spread = spread(lines.iter().map(|l| l.served_weight + l.scheduled_weight));
    Ok(HttpResponse::Ok().json(LedgerDto { year, lines, spread }))
}

/// My duty nights
///
/// The caller's next duty nights (from tonight), with who else is on duty.
///
/// **Roles:** group_leader (staff get an empty list).
#[utoipa::path(
    tag = "duty",
    operation_id = "my_duty_nights",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The next nights, soonest first (at most 10).", body = Vec<MyNightDto>),
        (status = 403, description = "Not staff or a group leader."),
    )
)]
#[get("/duty/my-nights")]
pub async fn my_nights(user: Authed<StaffOrLeader>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let mut conn = state.conn().await?;
    let mine = DutyAssignment::upcoming_for(&mut conn, user.community_id(), user.user_id(), today, 10).await?;
    let Some(last) = mine.last().map(|a| a.night) else {
        return Ok(HttpResponse::Ok().json(Vec::<MyNightDto>::new()));
    };
    let everyone = DutyAssignment::between(&mut conn, user.community_id(), today, last).await?;
    let nights: Vec<NaiveDate> = mine.iter().map(|a| a.night).collect();
    let kinds = service::kinds(&mut conn, user.community_id(), &nights).await?;
    let list: Vec<MyNightDto> = mine
        .into_iter()
        .map(|a| MyNightDto {
            assignment_id: a.id,
            night: a.night,
            kind: kinds.get(&a.night).map_or_else(|| night_kind(a.night, &Default::default()), |(kind, _)| *kind),
            holiday: kinds.get(&a.night).and_then(|(_, name)| name.clone()),
            status: a.status,
            partners: everyone
                .iter()
                .filter(|r| r.assignment.night == a.night && r.assignment.leader_user_id != user.user_id())
                .map(|r| r.leader_name.clone())
                .collect(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}
