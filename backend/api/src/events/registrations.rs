//! Who comes: registration (with the waiting list), cancellation (which moves the list up),
//! and check-in at the door.

use actix_web::{delete, get, post, web, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::event::{Event, Registration};
use xingguang_db::models::resident::Resident;
use xingguang_db::models::team::Membership;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{EventStatus, RegistrationStatus, ResidentStatus};

use super::domain::{check_in_code, ineligible, placement, read_check_in_code};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, RoleSet, StaffOrLeader};
use crate::common::reach::reach;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

/// The event, locked for this transaction, if it still takes people.
async fn open_event(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> ApiResult<Event> {
    let event = Event::lock(conn, community_id, id).await?;
    if event.status == EventStatus::Cancelled {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "The event has been called off."));
    }
    Ok(event)
}

/// My check-in code
///
/// The resident's personal code, shown as a QR code at the door. It never changes.
///
/// **Roles:** resident (a login linked to a resident).
#[utoipa::path(
    tag = "events",
    operation_id = "my_check_in_code",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The code.", body = CheckInCodeDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "The login is not linked to a resident."),
    )
)]
#[get("/events/check-in-code")]
pub async fn my_check_in_code(user: Authed<Community>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let resident_id = user.claims.resident_id.ok_or_else(ApiError::not_found)?;
    let mut conn = state.conn().await?;
    let row = Resident::find(&mut conn, Reach::Community(user.community_id()), resident_id).await?;
    let code = check_in_code(resident_id).map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(CheckInCodeDto {
        code,
        resident_id,
        resident_name: row.resident.name,
    }))
}

/// An event's registrations
///
/// In order of registration (the waiting list in its order). Staff see all; a leader the
/// residents of their group; a resident their household.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "list_registrations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The event.")),
    responses(
        (status = 200, description = "The registrations within the caller's reach.", body = Vec<RegistrationDto>),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such event in this community."),
    )
)]
#[get("/events/{id}/registrations")]
pub async fn list_registrations(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let event = Event::find(&mut conn, user.community_id(), *id).await?;
    let within = |household: Uuid, group: Uuid| match reach(&user) {
        Reach::Community(_) => true,
        Reach::Group { group_id, .. } => group == group_id,
        Reach::Household { household_id, .. } => household == household_id,
        _ => false,
    };
    let list: Vec<RegistrationDto> = Registration::of_event(&mut conn, event.id)
        .await?
        .into_iter()
        .filter(|(_, _, household, group)| within(*household, *group))
        .map(|(r, name, _, _)| RegistrationDto::new(r, name))
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Register for an event
///
/// A place while places are left, else the waiting list (`waitlisted`), which moves up in order
/// when someone cancels. A resident registers themself or a member of their household; a leader
/// a resident of their group; staff anyone.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "events",
    operation_id = "register_for_event",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The event.")),
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Registered or on the waiting list (see `status`).", body = RegistrationDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such event, or the resident is out of reach."),
        (status = 409, description = "Already registered (`duplicate`); called off, without registration or closed (`invalid_transition`); for a team or Party members and the resident is not one (`not_eligible`)."),
        (status = 422, description = "No resident named, or one who has moved out or died."),
    )
)]
#[post("/events/{id}/registrations")]
pub async fn register(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    let resident_id = body
        .resident_id
        .or(user.claims.resident_id)
        .ok_or_else(|| ApiError::validation(vec![FieldError::new("resident_id", "name the resident who comes")]))?;
    let mut conn = state.conn().await?;
    Event::find(&mut conn, user.community_id(), *id).await?;
    let row = Resident::find(&mut conn, reach(&user), resident_id).await?;
    if row.resident.status != ResidentStatus::Active {
        return Err(ApiError::validation(vec![FieldError::new("resident_id", "is not an active resident")]));
    }
    let now = state.clock.now();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let event = open_event(conn, user.community_id(), *id).await?;
            let Some(capacity) = event.capacity else {
                return Err(ApiError::conflict(ErrorCode::InvalidTransition, "This event takes no registrations; just come."));
            };
            if now > event.registration_closes_at.unwrap_or(event.starts_at) {
                return Err(ApiError::conflict(ErrorCode::InvalidTransition, "Registration for this event has closed."));
            }
            let member = match event.team_id {
                Some(team) => Membership::is_member(conn, team, resident_id).await?,
                None => false,
            };
            if let Some(why) = ineligible(event.audience, &row.resident.tags, member) {
                return Err(ApiError::conflict(ErrorCode::NotEligible, why));
            }
            if Registration::live(conn, event.id, resident_id).await?.is_some() {
                return Err(ApiError::conflict(ErrorCode::Duplicate, "This resident is registered already."));
            }
            let status = placement(capacity, Registration::places_taken(conn, event.id).await?);
            let saved = Registration::insert(
                conn,
                &Registration {
                    id: xingguang_db::new_id(),
                    community_id: user.community_id(),
                    event_id: event.id,
                    resident_id,
                    registered_by: user.user_id(),
                    status,
                    walk_in: false,
                    checked_in_at: None,
                    checked_in_by: None,
                    version: 1,
                    created_at: now,
                    updated_at: now,
                },
            )
            .await?;
            AuditEvent::new("event_registration.create", "event_registration").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(RegistrationDto::new(saved, row.resident.name)))
}

/// Cancel a registration
///
/// The place goes to the first on the waiting list.
///
/// **Roles:** staff, group_leader, resident (within their reach).
#[utoipa::path(
    tag = "events",
    operation_id = "cancel_registration",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The event."), ("registration" = Uuid, Path, description = "The registration.")),
    responses(
        (status = 204, description = "Cancelled."),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such registration within reach."),
        (status = 409, description = "Already cancelled or attended (`invalid_transition`)."),
    )
)]
#[delete("/events/{id}/registrations/{registration}")]
pub async fn cancel_registration(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (event_id, registration_id) = *path;
    let mut conn = state.conn().await?;
    let found = Registration::find(&mut conn, user.community_id(), event_id, registration_id).await?;
    Resident::find(&mut conn, reach(&user), found.resident_id).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        Event::lock(conn, user.community_id(), event_id).await?;
        let current = Registration::find(conn, user.community_id(), event_id, registration_id).await?;
        if !matches!(current.status, RegistrationStatus::Registered | RegistrationStatus::Waitlisted) {
            return Err(ApiError::conflict(
                ErrorCode::InvalidTransition,
                format!("A registration that is {} cannot be cancelled.", current.status),
            ));
        }
        Registration::set_status(conn, current.id, RegistrationStatus::Cancelled, None).await?;
        AuditEvent::new("event_registration.cancel", "event_registration").by(&user).entity(current.id).write(conn, &ctx).await?;
        if current.status == RegistrationStatus::Registered {
            if let Some(next) = Registration::first_waiting(conn, event_id).await? {
                Registration::set_status(conn, next.id, RegistrationStatus::Registered, None).await?;
                AuditEvent::new("event_registration.move_up", "event_registration").by(&user).entity(next.id).write(conn, &ctx).await?;
            }
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn resident_for_check_in<R: RoleSet>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    body: &CheckInRequest,
) -> ApiResult<(Uuid, String)> {
    let (resident_id, scope) = match (&body.code, body.resident_id) {
        // A genuine code names the resident: at the door a leader checks in anyone.
        (Some(code), _) => (
            read_check_in_code(code).ok_or_else(|| ApiError::validation(vec![FieldError::new("code", "is not a check-in code")]))?,
            Reach::Community(user.community_id()),
        ),
        (None, Some(id)) => (id, reach(user)),
        (None, None) => return Err(ApiError::validation(vec![FieldError::new("code", "give the code or the resident")])),
    };
    let row = Resident::find(conn, scope, resident_id).await?;
    Ok((resident_id, row.resident.name))
}

/// Check in at the door
///
/// By the code on the resident's phone (any resident of the community), or by the resident
/// (found by name; a leader within their group). Someone not registered is recorded as a
/// walk-in.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "events",
    operation_id = "check_in",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The event.")),
    request_body = CheckInRequest,
    responses(
        (status = 200, description = "Checked in.", body = RegistrationDto),
        (status = 403, description = "Not staff or a group leader."),
        (status = 404, description = "No such event, or the resident is out of reach."),
        (status = 409, description = "Checked in already (`duplicate`), or the event was called off (`invalid_transition`)."),
        (status = 422, description = "Neither a genuine code nor a resident."),
    )
)]
#[post("/events/{id}/check-in")]
pub async fn check_in(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CheckInRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Event::find(&mut conn, user.community_id(), *id).await?;
    let (resident_id, name) = resident_for_check_in(&mut conn, &user, &body).await?;
    let now = state.clock.now();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let event = open_event(conn, user.community_id(), *id).await?;
            let saved = match Registration::live(conn, event.id, resident_id).await? {
                Some(r) if r.status == RegistrationStatus::Attended => {
                    return Err(ApiError::conflict(ErrorCode::Duplicate, "Checked in already."));
                }
                Some(r) => Registration::set_status(conn, r.id, RegistrationStatus::Attended, Some(user.user_id())).await?,
                None => {
                    Registration::insert(
                        conn,
                        &Registration {
                            id: xingguang_db::new_id(),
                            community_id: user.community_id(),
                            event_id: event.id,
                            resident_id,
                            registered_by: user.user_id(),
                            status: RegistrationStatus::Attended,
                            walk_in: true,
                            checked_in_at: Some(now),
                            checked_in_by: Some(user.user_id()),
                            version: 1,
                            created_at: now,
                            updated_at: now,
                        },
                    )
                    .await?
                }
            };
            AuditEvent::new("event_registration.check_in", "event_registration").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(RegistrationDto::new(saved, name)))
}
