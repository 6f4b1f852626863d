//! Moving a case on: a step done (the next one's clock starts), the approving body's decision,
//! solved, withdrawn, payment ended; and the timeline's entries (notes, home surveys, 公示
//! objections and 民主评议, reviews). Each move writes its history, its audit entry and, when
//! the family should know, a notification — in one transaction.

use actix_web::{post, web, HttpResponse};
use chrono::NaiveDate;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::assistance::{Case, CaseEntry, CaseMove, CaseStep};
use xingguang_db::models::resident::Resident;
use xingguang_db::models::team::Membership;
use xingguang_db::vocab::{CaseEntryKind, CaseKind, CaseStatus, NotificationKind};

use super::cases::{detail, past_day};
use super::domain::{CaseAction, Definition, CASE_MACHINE};
use super::dto::*;
use super::service::{calendar, revision_of, starts};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff};
use crate::common::notify::{notify, Message};
use crate::common::state_machine::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Errors, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

fn incomplete(detail: impl Into<String>) -> ApiError {
    ApiError::conflict(ErrorCode::StepIncomplete, detail)
}

/// Why the current step cannot be left yet: a survey to record, a 公示 still running, an
/// objection without 民主评议.
async fn check_step_done(conn: &mut AsyncPgConnection, case: &Case, def: &Definition, on: NaiveDate) -> ApiResult<()> {
    let Some(step) = def.steps.get(case.step_index as usize) else {
        return Err(incomplete("This case has no step to finish."));
    };
    if step.survey && !CaseEntry::has_since(conn, case.id, CaseEntryKind::Survey, case.step_started_on).await? {
        return Err(incomplete("Record the home survey first (at least two surveyors, signed by the family)."));
    }
    if step.publicity {
        if let Some(due) = case.step_due_on.filter(|d| on < *d) {
            return Err(incomplete(format!("The 公示 runs until {due}; it cannot end earlier.")));
        }
        if CaseEntry::has_since(conn, case.id, CaseEntryKind::Objection, case.step_started_on).await?
            && !CaseEntry::has_since(conn, case.id, CaseEntryKind::Deliberation, case.step_started_on).await?
        {
            return Err(incomplete("An objection was raised during the 公示: record the 民主评议 first."));
        }
    }
    Ok(())
}

/// The case, its procedure and the move as asked; 404 / 409 / 403 as the machine says.
async fn load(
    conn: &mut AsyncPgConnection,
    user: &Authed<Staff>,
    id: Uuid,
    action: CaseAction,
) -> ApiResult<(Case, Definition, String, &'static crate::common::state_machine::Move<CaseStatus, CaseAction>)> {
    let case = Case::find(conn, user.community_id(), id).await?;
    let rule = CASE_MACHINE.check(action, case.status, user.role())?;
    let (t, def) = revision_of(conn, &case).await?;
    Ok((case, def, t.name, rule))
}

/// Tells the household's logins that their case moved (the family follows it in the app: any
/// member with a login, not only the residents the case names).
async fn tell_family(conn: &mut AsyncPgConnection, case: &Case, kind_name: &str, what: &str, cause: &str) -> ApiResult<()> {
    let mut users = Vec::new();
    for member in Resident::members(conn, case.household_id).await? {
        users.extend(Membership::logins_of(conn, member.id).await?);
    }
    users.sort();
    users.dedup();
    let title = format!("您家的{kind_name}申请：{what}");
    let link = format!("/my/cases/{}", case.id);
    let message = Message { kind: NotificationKind::CaseUpdate, title: &title, body: "点开查看办理进度。", link: &link, cause };
    notify(conn, case.community_id, &users, &message).await?;
    Ok(())
}

/// Applies a move: compare-and-set, step rows, history, audit, the family told.
#[allow(clippy::too_many_arguments)] // the move's parts, each used once
async fn apply(
    conn: &mut AsyncPgConnection,
    user: &Authed<Staff>,
    ctx: &RequestCtx,
    case: &Case,
    rule: &'static crate::common::state_machine::Move<CaseStatus, CaseAction>,
    (version, on, note): (i32, NaiveDate, &str),
    changes: CaseMove,
    next_step: Option<CaseStep>,
    (kind_name, told): (&str, Option<&str>),
) -> ApiResult<Case> {
    conn.transaction::<_, ApiError, _>(async |conn| {
        let saved = Case::apply(conn, case.id, version, case.status, changes).await?.ok_or_else(ApiError::precondition_failed)?;
        CaseStep::complete(conn, case.id, case.step_index, on, user.user_id(), note).await?;
        if let Some(step) = &next_step {
            CaseStep::insert(conn, step).await?;
        }
        let actor = Actor::of(conn, user).await?;
        let history_note = (!note.is_empty()).then(|| note.to_owned());
        CASE_MACHINE.record(conn, rule, case.community_id, case.id, Some(case.status), history_note, &actor).await?;
        AuditEvent::new(rule.audit, "assistance_case").by(user).entity(case.id).fields(&["status", "step_index"]).write(conn, ctx).await?;
        if let Some(what) = told {
            let cause = format!("case:{}:{}:{}", case.id, rule.name, saved.version);
            tell_family(conn, &saved, kind_name, what, &cause).await?;
        }
        Ok(saved)
    })
    .await
}

/// The move's fields as they are now (each move changes a few).
fn unchanged(case: &Case) -> CaseMove {
    CaseMove {
        status: case.status,
        step_index: case.step_index,
        step_started_on: case.step_started_on,
        step_due_on: case.step_due_on,
        amount_fen: case.amount_fen,
        payment: case.payment,
        payment_from: case.payment_from,
        decided_on: case.decided_on,
        decision_note: case.decision_note.clone(),
        next_review_on: case.next_review_on,
        placed_on: case.placed_on,
        placement: case.placement.clone(),
        zero_employment: case.zero_employment,
        closed_on: case.closed_on,
    }
}

fn note_of(note: &str) -> ApiResult<String> {
    let mut errors = Errors::default();
    let note = errors.optional_text("note", note, 2000);
    errors.finish()?;
    Ok(note)
}

/// Finish the current step
///
/// The step is done on `on` (default today) and the next one starts, with its deadline counted
/// on the working-day calendar. Refused while the step is incomplete: a survey step needs a
/// recorded home survey; a 公示 runs its 7 days, and an objection needs a 民主评议 first. The
/// decision step is left by approving or refusing; a procedure without one ends by solving.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "advance_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = CaseMoveRequest,
    responses(
        (status = 200, description = "At the next step.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "Not open (`invalid_transition`), at the decision or last step, or the step is incomplete (`step_incomplete`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "A future or too early date, or a note too long."),
    )
)]
#[post("/cases/{id}/advance")]
pub async fn advance_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CaseMoveRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let note = note_of(&body.note)?;
    let mut conn = state.conn().await?;
    let (case, def, kind_name, rule) = load(&mut conn, &user, *id, CaseAction::Advance).await?;
    let on = past_day("on", body.on, today)?;
    if on < case.step_started_on {
        return Err(ApiError::validation(vec![FieldError::new("on", "is before the step started")]));
    }
    let index = case.step_index as usize;
    if def.steps.get(index).is_some_and(|s| s.decision) {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "This is the decision step: approve or refuse the case."));
    }
    let Some(next) = def.steps.get(index + 1) else {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "This is the last step: mark the case solved."));
    };
    check_step_done(&mut conn, &case, &def, on).await?;
    let steps = CaseStep::of_case(&mut conn, case.id).await?;
    let cal = calendar(&mut conn, case.opened_on, today).await?;
    let due = def.due(&cal, index + 1, on, &starts(&def, &steps));
    let next_step = CaseStep {
        id: xingguang_db::new_id(),
        community_id: case.community_id,
        case_id: case.id,
        step_index: (index + 1) as i32,
        step_key: next.key.clone(),
        started_on: on,
        due_on: due,
        completed_on: None,
        completed_by: None,
        note: String::new(),
    };
    let changes = CaseMove { step_index: (index + 1) as i32, step_started_on: on, step_due_on: due, ..unchanged(&case) };
    let told = format!("已进入“{}”", next.name);
    let saved =
        apply(&mut conn, &user, &ctx, &case, rule, (body.version, on, &note), changes, Some(next_step), (&kind_name, Some(&told))).await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, saved, today).await?))
}

/// Record the approval
///
/// The approving body approved on `on`: the amount (fen; per month or once), payment from the
/// next month for 低保, the next review in 12 months (6 when members are able to work).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "approve_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = ApproveRequest,
    responses(
        (status = 200, description = "Approved.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "Not open, or not at the decision step (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "A bad amount or date."),
    )
)]
#[post("/cases/{id}/approve")]
pub async fn approve_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<ApproveRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let note = note_of(&body.note)?;
    if !(1..=100_000_000).contains(&body.amount_fen) {
        return Err(ApiError::validation(vec![FieldError::new("amount_fen", "must be 1–100,000,000 fen")]));
    }
    let mut conn = state.conn().await?;
    let (case, def, kind_name, rule) = load(&mut conn, &user, *id, CaseAction::Approve).await?;
    let on = past_day("on", body.on, today)?;
    if !def.steps.get(case.step_index as usize).is_some_and(|s| s.decision) {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "The case is not at its decision step yet."));
    }
    let monthly = body.payment == xingguang_db::vocab::PaymentKind::Monthly;
    let changes = CaseMove {
        status: rule.to,
        step_due_on: None,
        amount_fen: Some(body.amount_fen),
        payment: Some(body.payment),
        payment_from: Some(def.payment_from(on)),
        decided_on: Some(on),
        decision_note: note.clone(),
        next_review_on: if monthly { def.next_review(on, case.able_to_work) } else { None },
        ..unchanged(&case)
    };
    let saved = apply(&mut conn, &user, &ctx, &case, rule, (body.version, on, &note), changes, None, (&kind_name, Some("已批准"))).await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, saved, today).await?))
}

/// Record a refusal
///
/// Refused at any step (a data check, the 初审 or the decision); the reason is required — the
/// family is owed it in writing (审核确认办法 第21条).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "refuse_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = CaseMoveRequest,
    responses(
        (status = 200, description = "Refused.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "Not open (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "No reason, or a bad date."),
    )
)]
#[post("/cases/{id}/refuse")]
pub async fn refuse_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CaseMoveRequest>,
) -> ApiResult<HttpResponse> {
    end_case(user, state, ctx, *id, body.into_inner(), CaseAction::Refuse).await
}

/// Record that the family withdrew
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "withdraw_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = CaseMoveRequest,
    responses(
        (status = 200, description = "Withdrawn.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "Not open (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "A bad date or note."),
    )
)]
#[post("/cases/{id}/withdraw")]
pub async fn withdraw_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CaseMoveRequest>,
) -> ApiResult<HttpResponse> {
    end_case(user, state, ctx, *id, body.into_inner(), CaseAction::Withdraw).await
}

/// End payment
///
/// An approved case stops (a review found the family no longer eligible, they moved away); the
/// reason is required, in writing (浙江省社会救助条例 第50–51条).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "close_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = CaseMoveRequest,
    responses(
        (status = 200, description = "Closed.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "Not approved (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "No reason, or a bad date."),
    )
)]
#[post("/cases/{id}/close")]
pub async fn close_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CaseMoveRequest>,
) -> ApiResult<HttpResponse> {
    end_case(user, state, ctx, *id, body.into_inner(), CaseAction::Close).await
}

async fn end_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: Uuid,
    body: CaseMoveRequest,
    action: CaseAction,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let note = note_of(&body.note)?;
    if matches!(action, CaseAction::Refuse | CaseAction::Close) && note.is_empty() {
        return Err(ApiError::validation(vec![FieldError::new("note", "give the reason: the family is owed it in writing")]));
    }
    let mut conn = state.conn().await?;
    let (case, _def, kind_name, rule) = load(&mut conn, &user, id, action).await?;
    let on = past_day("on", body.on, today)?;
    let mut changes = CaseMove { status: rule.to, step_due_on: None, closed_on: Some(on), ..unchanged(&case) };
    let told = match action {
        CaseAction::Refuse => {
            changes.decided_on = Some(on);
            changes.decision_note = note.clone();
            "未获批准"
        }
        CaseAction::Close => {
            changes.next_review_on = None;
            "已停发"
        }
        _ => "已撤回",
    };
    let saved = apply(&mut conn, &user, &ctx, &case, rule, (body.version, on, &note), changes, None, (&kind_name, Some(told))).await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, saved, today).await?))
}

/// Mark solved
///
/// For procedures without an approving decision: a job found (re-employment: where, required;
/// the 零就业家庭 flag clears, as one member now works), a difficulty resolved.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "solve_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = SolveRequest,
    responses(
        (status = 200, description = "Solved.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "Not open, or the kind is decided by an approving body (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "Re-employment without the placement, or a bad date."),
    )
)]
#[post("/cases/{id}/solve")]
pub async fn solve_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<SolveRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let note = note_of(&body.note)?;
    let mut errors = Errors::default();
    let placement = errors.optional_text("placement", &body.placement, 200);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let (case, def, kind_name, rule) = load(&mut conn, &user, *id, CaseAction::Solve).await?;
    if def.has_decision() {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "This kind is decided by its approving body: record the approval or refusal.",
        ));
    }
    let on = past_day("on", body.on, today)?;
    let reemployment = case.kind == CaseKind::Reemployment;
    if reemployment && placement.is_empty() {
        return Err(ApiError::validation(vec![FieldError::new("placement", "say where the person now works")]));
    }
    let changes = CaseMove {
        status: rule.to,
        step_due_on: None,
        closed_on: Some(on),
        placed_on: reemployment.then_some(on),
        placement,
        zero_employment: case.zero_employment && !reemployment,
        ..unchanged(&case)
    };
    let saved = apply(&mut conn, &user, &ctx, &case, rule, (body.version, on, &note), changes, None, (&kind_name, Some("已办结"))).await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, saved, today).await?))
}

/// Add to the timeline
///
/// A note; a home survey (入户调查: at least two surveyors and whether the family signed); an
/// objection during the 公示 (then a 民主评议 must be recorded before the 公示 ends); a
/// 民主评议; a review of an approved case (moves its next review date); a job referral or
/// training. Entries are internal unless `internal` is false (then the family reads them).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "add_case_entry",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = NewEntryRequest,
    responses(
        (status = 201, description = "Added.", body = EntryCreatedDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 409, description = "An objection outside a 公示, or a review of a case not approved (`invalid_transition`)."),
        (status = 422, description = "No text, a survey with fewer than two surveyors or no signature answer, or a bad date."),
    )
)]
#[post("/cases/{id}/entries")]
pub async fn add_entry(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<NewEntryRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let mut errors = Errors::default();
    let text = errors.required_text("body", &body.body, 4000);
    let mut surveyors: Vec<String> = body.surveyors.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    surveyors.sort();
    surveyors.dedup();
    if surveyors.iter().any(|s| s.chars().count() > 30) || surveyors.len() > 10 {
        errors.push("surveyors", "at most 10 names of up to 30 characters");
    }
    if body.kind == CaseEntryKind::Survey {
        if surveyors.len() < 2 {
            errors.push("surveyors", "a home survey needs at least two surveyors (审核确认办法 第16条)");
        }
        if body.family_signed.is_none() {
            errors.push("family_signed", "say whether the family members present signed the survey form");
        }
    } else if !surveyors.is_empty() || body.family_signed.is_some() {
        errors.push("surveyors", "only a survey has surveyors and a signature");
    }
    errors.finish()?;
    let on = past_day("occurred_on", body.occurred_on, today)?;
    let mut conn = state.conn().await?;
    let case = Case::find(&mut conn, user.community_id(), *id).await?;
    let (_, def) = revision_of(&mut conn, &case).await?;
    let at_publicity = case.status == CaseStatus::Open && def.steps.get(case.step_index as usize).is_some_and(|s| s.publicity);
    match body.kind {
        CaseEntryKind::Objection | CaseEntryKind::Deliberation if !at_publicity => {
            return Err(ApiError::conflict(ErrorCode::InvalidTransition, "Objections and 民主评议 belong to a running 公示."));
        }
        CaseEntryKind::Review if case.status != CaseStatus::Approved => {
            return Err(ApiError::conflict(ErrorCode::InvalidTransition, "Only an approved case is reviewed."));
        }
        _ => {}
    }
    let next_review = (body.kind == CaseEntryKind::Review).then(|| def.next_review(on, case.able_to_work)).flatten();
    let entry = CaseEntry {
        id: xingguang_db::new_id(),
        community_id: case.community_id,
        case_id: case.id,
        kind: body.kind,
        body: text,
        internal: body.internal,
        occurred_on: on,
        surveyors,
        family_signed: body.family_signed,
        author_id: user.user_id(),
        created_at: state.clock.now(),
    };
    let (saved, version, next_review_on) = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = CaseEntry::insert(conn, &entry).await?;
            let (mut version, mut next_review_on) = (case.version, case.next_review_on);
            if let Some(next) = next_review {
                let changes = CaseMove { next_review_on: Some(next), ..unchanged(&case) };
                let moved =
                    Case::apply(conn, case.id, case.version, case.status, changes).await?.ok_or_else(ApiError::precondition_failed)?;
                (version, next_review_on) = (moved.version, moved.next_review_on);
            }
            AuditEvent::new("case.entry", "assistance_case")
                .by(&user)
                .entity(case.id)
                .fields(&[body.kind.as_str()])
                .write(conn, &ctx)
                .await?;
            Ok((saved, version, next_review_on))
        })
        .await?;
    let author_name = Some(xingguang_db::models::user::User::find(&mut conn, user.user_id()).await?.display_name);
    Ok(HttpResponse::Created().json(EntryCreatedDto {
        entry: CaseEntryDto {
            id: saved.id,
            kind: saved.kind,
            body: saved.body,
            internal: saved.internal,
            occurred_on: saved.occurred_on,
            surveyors: saved.surveyors,
            family_signed: saved.family_signed,
            author_name,
            created_at: saved.created_at,
        },
        version,
        next_review_on,
    }))
}
