//! Moving a request on — assign (and refer to a handbook entry), start, resolve, the follow-up
//! call or the requester's rating, not ours, duplicate, reopen — and notes. Each move writes
//! its history, its note, its audit entry and the notifications in one transaction.

use actix_web::{post, web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::help_request::{Edition, HelpRequest, RequestMove, RequestNote};
use xingguang_db::models::user::{Role, User};
use xingguang_db::vocab::{NotificationKind, RequestStatus};

use super::domain::{due, follow_up_due, local_day, reopen_until, Limit, LimitUnit, RequestAction, REQUEST_MACHINE};
use super::dto::*;
use super::handbook::{content, current};
use super::service::{calendar, detail, load, reopening, tell_requester};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, RoleSet, Staff};
use crate::common::notify::{notify, Message};
use crate::common::state_machine::{Actor, Move};
use crate::error::{ApiError, ApiResult, ErrorCode, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

type Rule = &'static Move<RequestStatus, RequestAction>;

/// What a move writes besides the request's columns.
struct Effects<'a> {
    note: Option<(String, bool)>,
    /// Tell the requester's side, in these words.
    tell: Option<&'a str>,
    /// Tell this staff member it is theirs now.
    assigned_to: Option<Uuid>,
}

#[allow(clippy::too_many_arguments)] // the move's parts, each used once
async fn apply<R: RoleSet + Send + Sync>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    ctx: &RequestCtx,
    r: &HelpRequest,
    rule: Rule,
    version: i32,
    changes: RequestMove,
    effects: Effects<'_>,
    now: DateTime<Utc>,
) -> ApiResult<HelpRequest> {
    conn.transaction::<_, ApiError, _>(async |conn| {
        let saved = HelpRequest::apply(conn, r.id, version, r.status, changes).await?.ok_or_else(ApiError::precondition_failed)?;
        let actor = Actor::of(conn, user).await?;
        if let Some((body, public)) = effects.note {
            let note = RequestNote {
                id: xingguang_db::new_id(),
                request_id: r.id,
                community_id: r.community_id,
                action: Some(rule.name.to_owned()),
                public,
                body,
                author_name: actor.name.clone(),
                author_user: actor.user_id,
                update_id: None,
                at: now,
            };
            RequestNote::insert(conn, &note).await?;
        }
        REQUEST_MACHINE.record(conn, rule, r.community_id, r.id, Some(r.status), None, &actor).await?;
        AuditEvent::new(rule.audit, "help_request").by(user).entity(r.id).fields(&["status"]).write(conn, ctx).await?;
        if let Some(what) = effects.tell {
            let cause = format!("request:{}:{}", saved.id, saved.version);
            tell_requester(conn, &saved, what, user.user_id(), &cause).await?;
        }
        if let Some(staff) = effects.assigned_to.filter(|s| *s != user.user_id()) {
            let title = format!("求助 {} 派给了您：{}", saved.number, saved.category_name);
            let link = format!("/help-requests/{}", saved.id);
            let cause = format!("request_assigned:{}:{}", saved.id, saved.version);
            let message =
                Message { kind: NotificationKind::RequestAssigned, title: &title, body: &saved.description, link: &link, cause: &cause };
            notify(conn, saved.community_id, &[staff], &message).await?;
        }
        Ok(saved)
    })
    .await
}

async fn respond<R: RoleSet>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    saved: HelpRequest,
    now: DateTime<Utc>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(detail(conn, user, saved, now).await?))
}

fn text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    let v = errors.optional_text(field, value.unwrap_or(""), max);
    (!v.is_empty()).then_some(v)
}

/// Assign a request
///
/// Gives the request to a staff member (or to another one), optionally referring it to an entry
/// of the handbook — the outside party's name and phone are kept as they are now — with that
/// party's reference number and an internal note. The first assignment answers the response
/// clock.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "assign_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = AssignRequest,
    responses(
        (status = 200, description = "The request, assigned.", body = RequestDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 409, description = "The request is finished (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "The assignee is not active staff, or no such handbook entry."),
    )
)]
#[post("/help-requests/{id}/assign")]
pub async fn assign_request(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<AssignRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let rule = REQUEST_MACHINE.check(RequestAction::Assign, r.status, user.role())?;
    let mut errors = Errors::default();
    let note = text(&mut errors, "note", body.note.as_deref(), 2000);
    let reference = text(&mut errors, "referral_ref", body.referral_ref.as_deref(), 100);
    let assignee = User::find(&mut conn, body.assignee_id).await.ok();
    if !assignee.as_ref().is_some_and(|a| a.role == Role::Staff && a.community_id == user.community_id() && !a.disabled) {
        errors.push("assignee_id", "is not an active staff member of this community");
    }
    let referral = match &body.entry {
        Some(entry) => {
            let handbook = content(&current(&mut conn, user.community_id()).await?)?;
            match handbook.category(&entry.category_code).and_then(|c| c.entries.get(entry.index)) {
                Some(e) => Some(serde_json::json!({ "name": e.name, "party": e.party, "phone": e.phone })),
                None => {
                    errors.push("entry", "is not an entry of the current handbook");
                    None
                }
            }
        }
        None => None,
    };
    errors.finish()?;
    let now = state.clock.now();
    let mut changes = RequestMove::from(&r);
    changes.status = rule.to;
    changes.assignee = Some(body.assignee_id);
    if referral.is_some() {
        changes.referral = referral;
        changes.referral_ref = reference;
    }
    changes.responded_at = r.responded_at.or(Some(now));
    let effects = Effects {
        note: note.map(|n| (n, false)),
        tell: (r.status == RequestStatus::Received).then_some("已派单办理"),
        assigned_to: Some(body.assignee_id),
    };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

/// Start work on a request
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "start_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = NoteMoveRequest,
    responses(
        (status = 200, description = "The request, in progress.", body = RequestDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 409, description = "Not assigned (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
    )
)]
#[post("/help-requests/{id}/start")]
pub async fn start_request(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<NoteMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let rule = REQUEST_MACHINE.check(RequestAction::Start, r.status, user.role())?;
    let mut errors = Errors::default();
    let note = text(&mut errors, "note", body.note.as_deref(), 2000);
    errors.finish()?;
    let now = state.clock.now();
    let mut changes = RequestMove::from(&r);
    changes.status = rule.to;
    let effects = Effects { note: note.map(|n| (n, false)), tell: Some("正在办理"), assigned_to: None };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

/// Resolve a request
///
/// Records what was done (the requester reads it) and starts the follow-up clock: the call is
/// due 3 working days later.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "resolve_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = ResolveRequest,
    responses(
        (status = 200, description = "The request, resolved.", body = RequestDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 409, description = "Not assigned or in progress (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "No resolution."),
    )
)]
#[post("/help-requests/{id}/resolve")]
pub async fn resolve_request(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<ResolveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let rule = REQUEST_MACHINE.check(RequestAction::Resolve, r.status, user.role())?;
    let mut errors = Errors::default();
    let resolution = errors.required_text("resolution", &body.resolution, 2000);
    errors.finish()?;
    let now = state.clock.now();
    let cal = calendar(&mut conn, now).await?;
    let mut changes = RequestMove::from(&r);
    changes.status = rule.to;
    changes.resolution = Some(resolution.clone());
    changes.resolved_at = Some(now);
    changes.followup_due_on = Some(follow_up_due(now, &cal));
    let effects = Effects { note: Some((resolution, true)), tell: Some("已办结，请评价"), assigned_to: None };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

async fn rating<R: RoleSet + Send + Sync>(
    user: Authed<R>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: Uuid,
    body: RatingRequest,
    action: RequestAction,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, id).await?;
    let rule = REQUEST_MACHINE.check(action, r.status, user.role())?;
    let mut errors = Errors::default();
    if !(1..=5).contains(&body.satisfaction) {
        errors.push("satisfaction", "must be 1 (very unsatisfied) to 5 (very satisfied)");
    }
    let comment = text(&mut errors, "comment", body.comment.as_deref(), 500);
    errors.finish()?;
    let now = state.clock.now();
    let mut changes = RequestMove::from(&r);
    changes.status = rule.to;
    changes.satisfaction = Some(body.satisfaction);
    changes.followup_comment = comment.clone();
    changes.closed_at = Some(now);
    let staff = user.role() == Role::Staff;
    // The call's record is the office's; the requester's own rating is theirs to read.
    let note = format!("满意度 {}/5{}", body.satisfaction, comment.map(|c| format!("：{c}")).unwrap_or_default());
    let effects = Effects { note: Some((note, !staff)), tell: staff.then_some("已回访"), assigned_to: None };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

/// Record the follow-up call
///
/// The 回访: how satisfied the requester is (1–5) and what they said. Closes the request.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "follow_up_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = RatingRequest,
    responses(
        (status = 200, description = "The request, closed.", body = RequestDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 409, description = "Not resolved (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "Satisfaction outside 1–5."),
    )
)]
#[post("/help-requests/{id}/follow-up")]
pub async fn follow_up_request(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<RatingRequest>,
) -> ApiResult<HttpResponse> {
    rating(user, state, ctx, *id, body.into_inner(), RequestAction::FollowUp).await
}

/// Rate a resolved request
///
/// The requester's side says how satisfied they are (1–5); this closes the request like the
/// follow-up call does.
///
/// **Roles:** resident, group_leader (requests within their reach).
#[utoipa::path(
    tag = "help_requests",
    operation_id = "rate_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = RatingRequest,
    responses(
        (status = 200, description = "The request, closed.", body = RequestDetailDto),
        (status = 403, description = "Staff (they record the follow-up call instead) or a partner."),
        (status = 404, description = "No such request within your reach."),
        (status = 409, description = "Not resolved (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "Satisfaction outside 1–5."),
    )
)]
#[post("/help-requests/{id}/rate")]
pub async fn rate_request(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<RatingRequest>,
) -> ApiResult<HttpResponse> {
    rating(user, state, ctx, *id, body.into_inner(), RequestAction::Rate).await
}

/// Not the community's matter
///
/// Closes the request, telling the requester where to go instead (a public note).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "not_ours_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = NoteMoveRequest,
    responses(
        (status = 200, description = "The request, referred elsewhere.", body = RequestDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 409, description = "The request is finished (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "No note saying where to go."),
    )
)]
#[post("/help-requests/{id}/not-ours")]
pub async fn not_ours_request(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<NoteMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let rule = REQUEST_MACHINE.check(RequestAction::NotOurs, r.status, user.role())?;
    let mut errors = Errors::default();
    let note = errors.required_text("note", body.note.as_deref().unwrap_or(""), 2000);
    errors.finish()?;
    let now = state.clock.now();
    let mut changes = RequestMove::from(&r);
    changes.status = rule.to;
    changes.closed_at = Some(now);
    let effects = Effects { note: Some((note, true)), tell: Some("非本社区事项，已告知去处"), assigned_to: None };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

/// Mark a duplicate
///
/// The same matter as another request (by its number): this one closes and points there.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "duplicate_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = DuplicateRequest,
    responses(
        (status = 200, description = "The request, marked a duplicate.", body = RequestDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such request."),
        (status = 409, description = "The request is finished (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "No request has that number, or it is this one."),
    )
)]
#[post("/help-requests/{id}/duplicate")]
pub async fn duplicate_request(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<DuplicateRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let rule = REQUEST_MACHINE.check(RequestAction::Duplicate, r.status, user.role())?;
    let original = HelpRequest::by_number(&mut conn, user.community_id(), body.of.trim()).await?.filter(|o| o.id != r.id);
    let Some(original) = original else {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("of", "is not the number of another request")]));
    };
    let now = state.clock.now();
    let mut changes = RequestMove::from(&r);
    changes.status = rule.to;
    changes.duplicate_of = Some(original.id);
    changes.closed_at = Some(now);
    let note = format!("与求助 {} 是同一件事，在那里一并办理。", original.number);
    let effects = Effects { note: Some((note, true)), tell: Some("与另一条求助合并办理"), assigned_to: None };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

/// The resolution time a request's category gives (from the edition it was filed under; 5
/// working days if that category is gone).
async fn resolution_limit(conn: &mut AsyncPgConnection, r: &HelpRequest) -> ApiResult<Limit> {
    let edition = Edition::find(conn, r.community_id, r.edition_id).await?;
    Ok(content(&edition)?.category(&r.category_code).map_or(Limit { amount: 5, unit: LimitUnit::WorkingDays }, |c| c.resolution))
}

/// Reopen a request
///
/// The problem is back or was not solved: within 30 days of its resolution the requester's side
/// (or staff for them) reopens it, with the reason. It goes back to its assignee, in progress,
/// with a new resolution time; the history keeps the earlier resolution.
///
/// **Roles:** resident, group_leader (requests within their reach), staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "reopen_help_request",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = NoteMoveRequest,
    responses(
        (status = 200, description = "The request, in progress again.", body = RequestDetailDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such request within your reach."),
        (status = 409, description = "Not resolved or closed, or resolved more than 30 days ago (`invalid_transition`)."),
        (status = 412, description = "The request changed since you loaded it."),
        (status = 422, description = "No reason."),
    )
)]
#[post("/help-requests/{id}/reopen")]
pub async fn reopen_request(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<NoteMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let rule = REQUEST_MACHINE.check(RequestAction::Reopen, r.status, user.role())?;
    let now = state.clock.now();
    let Some(until) = r.resolved_at.map(reopen_until) else {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "Only a request that was resolved can be reopened."));
    };
    if local_day(now) > until {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            format!("A request can be reopened within 30 days of its resolution (until {until}); please file a new one."),
        ));
    }
    let mut errors = Errors::default();
    let reason = errors.required_text("note", body.note.as_deref().unwrap_or(""), 2000);
    errors.finish()?;
    let limit = resolution_limit(&mut conn, &r).await?;
    let cal = calendar(&mut conn, now).await?;
    let changes = reopening(&r, due(now, limit, &cal));
    let assignee = r.assignee;
    let effects = Effects {
        note: Some((format!("重新打开：{reason}"), true)),
        tell: (user.role() == Role::Staff).then_some("已重新打开"),
        assigned_to: assignee,
    };
    let saved = apply(&mut conn, &user, &ctx, &r, rule, body.version, changes, effects, now).await?;
    respond(&mut conn, &user, saved, now).await
}

/// Add a note
///
/// Staff write public notes (the requester reads them) or internal ones; the requester's side
/// adds public notes (more details, a question). Whoever is on the other side is told.
///
/// **Roles:** staff, group_leader, resident (within their reach).
#[utoipa::path(
    tag = "help_requests",
    operation_id = "add_help_request_note",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request.")),
    request_body = NoteRequest,
    responses(
        (status = 201, description = "The request with the note.", body = RequestDetailDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such request within your reach."),
        (status = 422, description = "An empty note, or an internal note from the requester's side."),
    )
)]
#[post("/help-requests/{id}/notes")]
pub async fn add_note(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<NoteRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let r = load(&mut conn, &user, *id).await?;
    let staff = user.role() == Role::Staff;
    let mut errors = Errors::default();
    let text = errors.required_text("body", &body.body, 2000);
    if !staff && !body.public {
        errors.push("public", "notes from the requester's side are read by the office: they are public");
    }
    errors.finish()?;
    let now = state.clock.now();
    conn.transaction::<_, ApiError, _>(async |conn| {
        let actor = Actor::of(conn, &user).await?;
        let note = RequestNote {
            id: xingguang_db::new_id(),
            request_id: r.id,
            community_id: r.community_id,
            action: None,
            public: body.public,
            body: text.clone(),
            author_name: actor.name,
            author_user: actor.user_id,
            update_id: None,
            at: now,
        };
        RequestNote::insert(conn, &note).await?;
        AuditEvent::new("help_request.note", "help_request").by(&user).entity(r.id).write(conn, &ctx).await?;
        if staff && body.public {
            tell_requester(conn, &r, "社区回复了您", user.user_id(), &format!("request_note:{}", note.id)).await?;
        } else if let Some(assignee) = r.assignee.filter(|_| !staff) {
            let title = format!("求助 {} 有新留言", r.number);
            let link = format!("/help-requests/{}", r.id);
            let cause = format!("request_note:{}", note.id);
            let message = Message { kind: NotificationKind::RequestUpdate, title: &title, body: &text, link: &link, cause: &cause };
            notify(conn, r.community_id, &[assignee], &message).await?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Created().json(detail(&mut conn, &user, r, now).await?))
}
