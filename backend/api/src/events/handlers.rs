//! Events: list, publish, read, call off.

use actix_web::{get, post, web, HttpResponse};
use chrono::Duration;
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::event::Event;
use xingguang_db::models::event_series::{Series, SeriesException};
use xingguang_db::models::team::Team;
use xingguang_db::vocab::{Audience, EventStatus, NotificationKind, SupportKind};

use super::dto::*;
use super::series::{at, days_of, sane};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Partner, Staff};
use crate::common::notify::{notify, Message};
use crate::common::pledge_link;
use crate::common::reach::own_partner;
use crate::error::{ApiError, ApiResult, ErrorCode, Errors, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

pub(super) async fn event_dto(conn: &mut diesel_async::AsyncPgConnection, event: Event) -> ApiResult<EventDto> {
    let counts = Event::counts(conn, &[event.id]).await?.remove(&event.id).unwrap_or_default();
    Ok(EventDto::new(event, counts))
}

/// Events
///
/// The community's events starting in the period, soonest first, with their registration
/// counts and places left.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "list_events",
    security(("bearer" = [])),
    params(EventsQuery),
    responses(
        (status = 200, description = "The events.", body = Vec<EventDto>),
        (status = 403, description = "A partner."),
        (status = 422, description = "`to` before `from`, or more than a year."),
    )
)]
#[get("/events")]
pub async fn list_events(user: Authed<Community>, state: web::Data<AppState>, query: web::Query<EventsQuery>) -> ApiResult<HttpResponse> {
    let from = query.from.unwrap_or_else(|| state.clock.now());
    let to = query.to.unwrap_or_else(|| from.checked_add_signed(Duration::days(90)).unwrap_or(from));
    let mut errors = Errors::default();
    if to < from || (to - from) > Duration::days(366) {
        errors.push("to", "must be after from, at most a year later");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    let events = Event::between(&mut conn, user.community_id(), from, to, None).await?;
    let ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
    let mut counts = Event::counts(&mut conn, &ids).await?;
    let list: Vec<EventDto> = events
        .into_iter()
        .map(|e| {
            let c = counts.remove(&e.id).unwrap_or_default();
            EventDto::new(e, c)
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Publish an event
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "events",
    operation_id = "create_event",
    security(("bearer" = [])),
    request_body = CreateEventRequest,
    responses(
        (status = 201, description = "Published.", body = EventDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "Missing title or place, times out of order or in the past."),
    )
)]
#[post("/events")]
pub async fn create_event(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateEventRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let title = errors.required_text("title", &body.title, 100);
    let place = errors.required_text("place", &body.place, 100);
    let description = errors.optional_text("description", &body.description, 2000);
    let now = state.clock.now();
    if body.ends_at <= body.starts_at {
        errors.push("ends_at", "must be after starts_at");
    }
    if body.starts_at < now {
        errors.push("starts_at", "must not be in the past");
    }
    if body.capacity.is_some_and(|c| !(1..=100_000).contains(&c)) {
        errors.push("capacity", "must be between 1 and 100000");
    }
    if body.registration_closes_at.is_some_and(|c| c > body.starts_at) {
        errors.push("registration_closes_at", "must not be after the start");
    }
    if (body.audience == Audience::Team) != body.team_id.is_some() {
        errors.push("team_id", "name the team exactly when the audience is a team");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    if let Some(team) = body.team_id {
        use diesel::OptionalExtension;
        if Team::find(&mut conn, user.community_id(), team).await.optional()?.is_none() {
            return Err(ApiError::validation(vec![FieldError::new("team_id", "no such team")]));
        }
    }
    if let Some(p) = body.venue_pledge_id {
        pledge_link::linkable(&mut conn, user.community_id(), p, SupportKind::Venue, "venue_pledge_id").await?;
    }
    let event = Event {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        kind: body.kind,
        title,
        description,
        place,
        starts_at: body.starts_at,
        ends_at: body.ends_at,
        capacity: body.capacity,
        registration_closes_at: body.registration_closes_at,
        status: EventStatus::Scheduled,
        cancel_reason: None,
        headcount: None,
        created_by: user.user_id(),
        version: 1,
        created_at: now,
        updated_at: now,
        audience: body.audience,
        team_id: body.team_id,
        venue_pledge_id: body.venue_pledge_id,
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Event::insert(conn, &event).await?;
            AuditEvent::new("event.create", "event").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(event_dto(&mut conn, saved).await?))
}

/// An event
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "get_event",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The event.")),
    responses(
        (status = 200, description = "The event.", body = EventDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such event in this community."),
    )
)]
#[get("/events/{id}")]
pub async fn get_event(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let event = Event::find(&mut conn, user.community_id(), *id).await?;
    Ok(HttpResponse::Ok().json(event_dto(&mut conn, event).await?))
}

/// Call an event off
///
/// Everyone registered (or waiting) is told in the app, with the reason — the resident's own
/// login and the family member who registered them.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "events",
    operation_id = "cancel_event",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The event.")),
    request_body = CancelEventRequest,
    responses(
        (status = 200, description = "Called off.", body = EventDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such event in this community."),
        (status = 409, description = "Already called off (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "No reason."),
    )
)]
#[post("/events/{id}/cancel")]
pub async fn cancel_event(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CancelEventRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let reason = errors.required_text("reason", &body.reason, 200);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let event = Event::find(&mut conn, user.community_id(), *id).await?;
    if event.status == EventStatus::Cancelled {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "The event is already called off."));
    }
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Event::cancel(conn, event.id, body.version, &reason).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("event.cancel", "event")
                .by(&user)
                .entity(saved.id)
                .fields(&["status", "cancel_reason"])
                .write(conn, &ctx)
                .await?;
            let people = Event::people_to_notify(conn, saved.id).await?;
            let local = saved.starts_at.with_timezone(&crate::common::clock::CHINA).format("%-m月%-d日 %H:%M");
            let title = format!("活动取消：{}", saved.title);
            let body = format!("原定 {local} 在{}举行，因{reason}取消。", saved.place);
            let link = format!("/events/{}", saved.id);
            let cause = format!("event_cancelled:{}", saved.id);
            let message = Message { kind: NotificationKind::EventCancelled, title: &title, body: &body, link: &link, cause: &cause };
            notify(conn, saved.community_id, &people, &message).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(event_dto(&mut conn, saved).await?))
}

/// Events at my venues
///
/// What is held at the partner's venues (through an accepted venue pledge) in the period: when,
/// what, and how many people to expect — nothing about who comes.
///
/// **Roles:** partner.
#[utoipa::path(
    tag = "events",
    operation_id = "list_venue_events",
    security(("bearer" = [])),
    params(EventsQuery),
    responses(
        (status = 200, description = "The events and recurring events at the partner's venues.", body = VenueScheduleDto),
        (status = 403, description = "Not a partner, or a partner login without a unit."),
        (status = 422, description = "`to` before `from`, more than a year, or outside 2000–2100."),
    )
)]
#[get("/venue-events")]
pub async fn list_venue_events(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    query: web::Query<EventsQuery>,
) -> ApiResult<HttpResponse> {
    let partner = own_partner(&user)?;
    let from = query.from.unwrap_or_else(|| state.clock.now());
    let to = query.to.unwrap_or_else(|| from.checked_add_signed(Duration::days(90)).unwrap_or(from));
    if to < from || (to - from) > Duration::days(366) {
        return Err(ApiError::validation(vec![FieldError::new("to", "must be after from, at most a year later")]));
    }
    let (first, last) =
        (from.with_timezone(&crate::common::clock::CHINA).date_naive(), to.with_timezone(&crate::common::clock::CHINA).date_naive());
    if !sane(first) || !sane(last) {
        return Err(ApiError::validation(vec![FieldError::new("from", "must be between the years 2000 and 2100")]));
    }
    let mut conn = state.conn().await?;
    let community = user.community_id();
    let events = Event::at_partner_venues(&mut conn, community, partner, from, to).await?;
    let ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
    let counts = Event::counts(&mut conn, &ids).await?;
    let events = events
        .into_iter()
        .map(|e| {
            let c = counts.get(&e.id).copied().unwrap_or_default();
            let registered = c.registered + c.attended;
            VenueEventDto {
                expected_size: e.capacity.map(i64::from).or((registered > 0).then_some(registered)).or(e.headcount.map(i64::from)),
                id: e.id,
                kind: e.kind,
                title: e.title,
                place: e.place,
                starts_at: e.starts_at,
                ends_at: e.ends_at,
                status: e.status,
            }
        })
        .collect();
    let series_rows = Series::at_partner_venues(&mut conn, community, partner).await?;
    let series_ids: Vec<Uuid> = series_rows.iter().map(|s| s.id).collect();
    let called_off: Vec<(Uuid, chrono::NaiveDate)> =
        SeriesException::of_series(&mut conn, &series_ids).await?.into_iter().map(|e| (e.series_id, e.day)).collect();
    let (first, last) =
        (from.with_timezone(&crate::common::clock::CHINA).date_naive(), to.with_timezone(&crate::common::clock::CHINA).date_naive());
    let mut series = Vec::new();
    for s in series_rows {
        let occurrences = days_of(&s, first, last)?
            .into_iter()
            .filter(|d| !called_off.contains(&(s.id, *d)))
            .map(|d| at(d, s.starts_local))
            .filter(|t| *t >= from && *t < to)
            .collect();
        series.push(VenueSeriesDto {
            id: s.id,
            kind: s.kind,
            title: s.title,
            place: s.place,
            rrule: s.rrule,
            first_day: s.first_day,
            starts_local: s.starts_local,
            ends_local: s.ends_local,
            expected_size: s.expected_size,
            occurrences,
        });
    }
    Ok(HttpResponse::Ok().json(VenueScheduleDto { events, series }))
}
