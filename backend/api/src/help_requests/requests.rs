//! Requests: the list (the staff queue by time left; a household's or a group's own), the
//! staff home page's counts, filing one (in the app, by a leader for a resident, on the
//! hotline), reading one, its photos, and revealing the caller's phone (audited).

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use base64::Engine;
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::help_request::{HelpRequest, RequestFilter, RequestPhoto};
use xingguang_db::models::user::Role;
use xingguang_db::vocab::RequestChannel;

use super::domain::{check_answers, sniff_image, RequestAction, MAX_PHOTOS, MAX_PHOTO_BYTES, REQUEST_MACHINE};
use super::dto::*;
use super::handbook::{content, current};
use super::service::{calendar, detail, load, reach_filter, receive, summary, Intake};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff};
use crate::common::pii::{audit_reveal, parse_phone, RevealRequest};
use crate::common::reach::reach;
use crate::common::state_machine::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Errors, FieldError};
use crate::http::extractor_config::json_up_to;
use crate::http::paging::{page, ListResponse, PageQuery};
use crate::http::RequestCtx;
use crate::state::AppState;

/// A new request's body may carry photos: 3 × 2 MiB, base64, and the text.
const NEW_REQUEST_LIMIT: usize = 9 * 1024 * 1024;

/// Help requests
///
/// Staff see every request of the community; a group leader their group's and those they filed;
/// a resident their household's. Open requests come first, by time left to their resolution
/// time (overdue first), then finished ones, newest first. The caller's phone is masked unless
/// the reader works the request.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "list_help_requests",
    security(("bearer" = [])),
    params(RequestQuery, PageQuery),
    responses(
        (status = 200, description = "A page of requests.", body = ListResponse<RequestSummaryDto>),
        (status = 403, description = "A partner, or a filter by assignee, group or words by someone who is not staff."),
        (status = 422, description = "Bad paging."),
    )
)]
#[get("/help-requests")]
pub async fn list_requests(
    user: Authed<Community>,
    state: web::Data<AppState>,
    query: web::Query<RequestQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = page(&paging)?;
    let staff = user.role() == Role::Staff;
    if !staff && (query.assignee_id.is_some() || query.group_id.is_some() || query.unassigned.is_some() || query.q.is_some()) {
        return Err(ApiError::forbidden("Only staff filter requests by assignee, group or words."));
    }
    let now = state.clock.now();
    let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    if q.is_some_and(|q| q.chars().count() > 50) {
        return Err(ApiError::validation(vec![FieldError::new("q", "at most 50 characters")]));
    }
    let mut filter = RequestFilter {
        status: query.status,
        category: query.category.clone(),
        overdue_at: query.overdue.unwrap_or(false).then_some(now),
        assignee: query.assignee_id,
        unassigned: query.unassigned.unwrap_or(false),
        group_id: query.group_id,
        q: q.map(str::to_owned),
        escalated: query.escalated.unwrap_or(false),
        followup_due_by: query.followup_due.unwrap_or(false).then(|| state.clock.today()),
        ..RequestFilter::default()
    };
    reach_filter(&user, &mut filter)?;
    let mut conn = state.conn().await?;
    // The cursor is the last row's id; whether it is open says which half of the list it is in.
    let after = match paging.after {
        Some(id) => Some(HelpRequest::find(&mut conn, user.community_id(), id).await.map_err(|_| bad_cursor())?),
        None => None,
    };
    let want = paging.limit + 1;
    let mut lines = Vec::new();
    let in_open_half = after.as_ref().is_none_or(|a| super::domain::is_open(a.status));
    if in_open_half && filter.followup_due_by.is_none() {
        lines = HelpRequest::list(&mut conn, user.community_id(), &filter, true, after.as_ref().map(|a| a.id), want).await?;
    }
    if (lines.len() as i64) < want && filter.overdue_at.is_none() && !filter.escalated {
        let done_after = after.as_ref().filter(|a| !super::domain::is_open(a.status)).map(|a| a.id);
        let more = HelpRequest::list(&mut conn, user.community_id(), &filter, false, done_after, want - lines.len() as i64).await?;
        lines.extend(more);
    }
    let page = xingguang_db::pagination::Page::from_overfetch(lines, paging.limit, |l| l.request.id);
    Ok(HttpResponse::Ok().json(ListResponse::from_page(page, |l| summary(&user, &l.request, l.group_number, l.assignee_name, now))))
}

fn bad_cursor() -> ApiError {
    ApiError::validation(vec![FieldError::new("cursor", "is not a cursor this API issued")])
}

/// Request counts
///
/// For the staff home page: open, not yet taken, overdue, escalated, follow-up calls due.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "help_request_counts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The counts.", body = RequestCountsDto),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/help-requests/summary")]
pub async fn request_counts(user: Authed<Staff>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let c = HelpRequest::summary(&mut conn, user.community_id(), state.clock.now(), state.clock.today()).await?;
    Ok(HttpResponse::Ok().json(RequestCountsDto {
        open: c.open,
        unassigned: c.unassigned,
        overdue: c.overdue,
        escalated: c.escalated,
        followups_due: c.followups_due,
    }))
}

/// Who asks: the resident (and their household and group) and the caller's name and phone.
struct Requester {
    resident_id: Option<Uuid>,
    household_id: Option<Uuid>,
    group_id: Option<Uuid>,
    name: String,
    phone: Option<String>,
}

async fn requester(
    conn: &mut diesel_async::AsyncPgConnection,
    user: &Authed<Community>,
    body: &NewRequestRequest,
    errors: &mut Errors,
) -> ApiResult<Option<Requester>> {
    let phone = match body.caller_phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(raw) => errors.check(parse_phone("caller_phone", raw)),
        None => None,
    };
    let caller_name = body.caller_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if caller_name.is_some_and(|n| n.chars().count() > 50) {
        errors.push("caller_name", "at most 50 characters");
    }
    let resident_id = match user.role() {
        Role::Resident => body.resident_id.or(user.claims.resident_id),
        Role::GroupLeader if body.resident_id.is_none() => {
            errors.push("resident_id", "choose the resident you file for");
            return Ok(None);
        }
        _ => body.resident_id,
    };
    let Some(resident_id) = resident_id else {
        if user.role() == Role::Staff && caller_name.is_none() {
            errors.push("caller_name", "name the caller (or choose them in the registry)");
            return Ok(None);
        }
        let name = caller_name.map_or_else(String::new, str::to_owned);
        return Ok(Some(Requester { resident_id: None, household_id: user.claims.household_id, group_id: None, name, phone }));
    };
    // Within the caller's reach: a resident's household, a leader's group, staff's community.
    let Ok(row) = xingguang_db::models::resident::Resident::find(conn, reach(user), resident_id).await else {
        errors.push("resident_id", "is not a resident you may file for");
        return Ok(None);
    };
    Ok(Some(Requester {
        resident_id: Some(row.resident.id),
        household_id: Some(row.household.id),
        group_id: Some(row.household.group_id),
        name: caller_name.map_or_else(|| row.resident.name.clone(), str::to_owned),
        phone: phone.or_else(|| row.resident.phone.map(String::from)).or_else(|| row.household.phone.map(String::from)),
    }))
}

/// Decodes and checks the photos: 413 over 2 MiB, 415 when not a JPEG, PNG or WebP (by its
/// bytes, whatever it claims).
fn photos(uploads: &[PhotoUpload], errors: &mut Errors) -> ApiResult<Vec<(&'static str, Vec<u8>)>> {
    if uploads.len() > MAX_PHOTOS {
        errors.push("photos", format!("at most {MAX_PHOTOS} photos"));
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (i, p) in uploads.iter().enumerate() {
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(p.data.trim()) else {
            errors.push(&format!("photos[{i}].data"), "is not base64");
            continue;
        };
        if bytes.len() > MAX_PHOTO_BYTES {
            return Err(ApiError::new(
                actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                format!("Photo {} is larger than 2 MB; send a smaller one.", i + 1),
            ));
        }
        match sniff_image(&bytes) {
            Some(kind) if kind == p.content_type => out.push((kind, bytes)),
            _ => {
                return Err(ApiError::new(
                    actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode::UnsupportedMediaType,
                    format!("Photo {} is not a JPEG, PNG or WebP image of the type it names.", i + 1),
                ))
            }
        }
    }
    Ok(out)
}

/// File a request
///
/// A resident files for themself (or a member of their household) in the app; a group leader
/// for a resident of their group; staff on the hotline for a caller (from the registry, or by
/// name and phone). The category comes from the current handbook and sets the clocks: the
/// response and resolution times, in hours or working days. Photos (up to 3 JPEG, PNG or WebP
/// images of ≤ 2 MB, base64) are kept with the request. The request and its photos are written
/// together or not at all.
///
/// **Roles:** resident, group_leader, staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "create_help_request",
    security(("bearer" = [])),
    request_body = NewRequestRequest,
    responses(
        (status = 201, description = "The request, received.", body = RequestDetailDto),
        (status = 403, description = "A partner."),
        (status = 413, description = "A photo over 2 MB (or the body over 9 MB)."),
        (status = 415, description = "A photo that is not a JPEG, PNG or WebP image."),
        (status = 422, description = "An unknown category, a resident out of reach, a missing caller name, bad answers."),
    )
)]
#[post("/help-requests")]
pub async fn create_request(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let body: NewRequestRequest = json_up_to(&req, payload, NEW_REQUEST_LIMIT).await?;
    let rule = REQUEST_MACHINE.check_create(RequestAction::Receive, user.role())?;
    let mut errors = Errors::default();
    let description = errors.required_text("description", &body.description, 2000);
    let address = errors.optional_text("address", body.address.as_deref().unwrap_or(""), 200);
    if body.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) || body.lat.is_some() != body.long.is_some() {
        errors.push("lat", "give both lat and long, lat within ±90");
    }
    if body.long.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
        errors.push("long", "must be within ±180");
    }
    let photos = photos(&body.photos, &mut errors)?;
    let mut conn = state.conn().await?;
    let edition = current(&mut conn, user.community_id()).await.map_err(|_| {
        ApiError::validation(vec![FieldError::new("category_code", "no handbook is published yet, so there are no categories")])
    })?;
    let handbook = content(&edition)?;
    let category = handbook.category(&body.category_code).cloned();
    match &category {
        Some(c) => {
            for e in check_answers(c, &body.answers.clone().unwrap_or_default(), "answers") {
                errors.0.push(e);
            }
        }
        None => errors.push("category_code", "is not a category of the current handbook"),
    }
    let who = requester(&mut conn, &user, &body, &mut errors).await?;
    errors.finish()?;
    let (Some(category), Some(who)) = (category, who) else {
        return Err(ApiError::internal(anyhow::anyhow!("validated request without category or requester")));
    };
    let now = state.clock.now();
    let cal = calendar(&mut conn, now).await?;
    let channel = match user.role() {
        Role::Resident => RequestChannel::App,
        Role::GroupLeader => RequestChannel::Leader,
        _ => RequestChannel::Hotline,
    };
    let community_id = user.community_id();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let actor = Actor::of(conn, &user).await?;
            let intake = Intake {
                kind: body.kind,
                category,
                edition_id: edition.id,
                description,
                address,
                lat: body.lat,
                long: body.long,
                channel,
                resident: (
                    who.resident_id,
                    who.household_id,
                    who.group_id.or(if channel == RequestChannel::Leader { user.claims.group_id } else { None }),
                ),
                caller_name: if who.name.is_empty() { "居民".to_owned() } else { who.name },
                caller_phone: who.phone,
                caller_email: None,
                filed_by: Some(user.user_id()),
                open311_client_id: None,
                media_url: None,
                answers: body.answers.clone().unwrap_or_default(),
            };
            let saved = receive(conn, community_id, intake, now, &cal, &actor).await?;
            for (content_type, bytes) in photos {
                let photo = RequestPhoto {
                    id: xingguang_db::new_id(),
                    request_id: saved.id,
                    content_type: content_type.to_owned(),
                    bytes,
                    created_at: now,
                };
                RequestPhoto::insert(conn, &photo).await?;
            }
            AuditEvent::new(rule.audit, "help_request").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    let dto = detail(&mut conn, &user, saved, now).await?;
    Ok(HttpResponse::Created().json(dto))
}

/// One request
///
/// The request, its clocks, its timeline (internal notes for staff only) and what the caller
/// may do now.
///
/// **Roles:** staff, group_leader, resident (within their reach).
#[utoipa::path(
    tag = "help_requests",
    operation_id = "get_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    responses(
        (status = 200, description = "The request.", body = RequestDetailDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such request within your reach."),
    )
)]
#[get("/help-requests/{id}")]
pub async fn get_request(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, r, state.clock.now()).await?))
}

/// A request's photo
///
/// **Roles:** staff, group_leader, resident (within their reach).
#[utoipa::path(
    tag = "help_requests",
    operation_id = "get_help_request_photo",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request."), ("photo_id" = Uuid, Path, description = "The photo.")),
    responses(
        (status = 200, description = "The image.", content_type = "image/*", body = Vec<u8>),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such photo within your reach."),
    )
)]
#[get("/help-requests/{id}/photos/{photo_id}")]
pub async fn get_photo(user: Authed<Community>, state: web::Data<AppState>, path: web::Path<(Uuid, Uuid)>) -> ApiResult<HttpResponse> {
    let (id, photo_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, id).await?;
    let photo = RequestPhoto::find(&mut conn, r.id, photo_id).await?;
    Ok(HttpResponse::Ok()
        .content_type(photo.content_type)
        .insert_header(("cache-control", "private, max-age=3600"))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(photo.bytes))
}

/// Reveal the caller's phone
///
/// For staff who do not work the request (the assignee sees it already): the full number, with
/// the reason written to the audit log first.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "reveal_help_request_phone",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = RevealRequest,
    responses(
        (status = 200, description = "The phone (null when none was given).", body = RevealedPhoneDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 422, description = "No reason given."),
    )
)]
#[post("/help-requests/{id}/reveal-phone")]
pub async fn reveal_phone(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<RevealRequest>,
) -> ApiResult<HttpResponse> {
    let reason = body.reason()?;
    let mut conn = state.conn().await?;
    let r = HelpRequest::find(&mut conn, user.community_id(), *id).await?;
    audit_reveal(&mut conn, &user, &ctx, ("help_request.reveal", "help_request"), r.id, &["caller_phone"], reason).await?;
    Ok(HttpResponse::Ok().json(RevealedPhoneDto { phone: r.caller_phone.map(String::from) }))
}
