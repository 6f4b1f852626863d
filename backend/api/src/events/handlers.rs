//! Events: list, publish, read, call off.

use actix_web::{get, post, web, HttpResponse};
use chrono::Duration;
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::event::Event;
use xingguang_db::vocab::EventStatus;

use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff};
use crate::error::{ApiError, ApiResult, ErrorCode, Errors};
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
    let events = Event::between(&mut conn, user.community_id(), from, to).await?;
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
    errors.finish()?;
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
    };
    let mut conn = state.conn().await?;
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
/// Everyone registered sees it called off, with the reason, in their registrations.
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
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(event_dto(&mut conn, saved).await?))
}
