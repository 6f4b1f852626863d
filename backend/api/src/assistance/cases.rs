//! Cases: the list (overdue first), opening one, the detail as each role may see it, edits, the
//! financial details (assignee and supervisors, audited) and the 公示 notice.

use actix_web::{get, post, put, web, HttpResponse};
use chrono::{Days, NaiveDate};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::assistance::{Case, CaseChanges, CaseEntry, CaseFilter, CaseStep};
use xingguang_db::models::resident::Resident;
use xingguang_db::models::state_change::StateChange;
use xingguang_db::models::user::{Role, User};
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{CaseKind, CaseStatus, NotificationKind, ResidentStatus, Tag};

use super::domain::{derived_category, working_age, CASE_MACHINE};
use super::dto::*;
use super::service::{self, calendar, current_types, staff_user, summary, types_by_id};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, RoleSet, Staff};
use crate::common::age::age_on;
use crate::common::notify::{notify, Message};
use crate::common::state_machine::Actor;
use crate::error::{ApiError, ApiResult, Errors, FieldError};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

/// The earliest day a case may say it was opened or a step happened (older paper files are
/// entered with their real dates, but not from before the platform's calendar).
const OLDEST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2020, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A day a user says something happened: not in the future, not absurdly old.
pub(super) fn past_day(field: &str, day: Option<NaiveDate>, today: NaiveDate) -> ApiResult<NaiveDate> {
    let day = day.unwrap_or(today);
    if day > today || day < OLDEST_DAY {
        return Err(ApiError::validation(vec![FieldError::new(field, "must be a day between 2020-01-01 and today")]));
    }
    Ok(day)
}

/// The filter a role gets: staff choose; a leader sees the shared cases of their group; a
/// resident their household's.
fn filter_for<R: RoleSet>(user: &Authed<R>, query: &CaseQuery, today: NaiveDate) -> ApiResult<CaseFilter> {
    let staff_only = query.assignee_id.is_some() || query.group_id.is_some();
    if staff_only && user.role() != Role::Staff {
        return Err(ApiError::forbidden("Only staff filter cases by assignee or group."));
    }
    let mut filter = CaseFilter {
        status: query.status,
        kind: query.kind,
        assignee_id: query.assignee_id,
        group_id: query.group_id,
        overdue_on: query.overdue.unwrap_or(false).then_some(today),
        review_by: query.review_due.unwrap_or(false).then(|| today.checked_add_days(Days::new(30)).unwrap_or(today)),
        ..CaseFilter::default()
    };
    match user.role() {
        Role::Staff => {}
        Role::GroupLeader => {
            filter.group_id = Some(user.claims.group_id.unwrap_or(Uuid::nil()));
            filter.shared_only = true;
        }
        _ => filter.household_id = Some(user.claims.household_id.unwrap_or(Uuid::nil())),
    }
    Ok(filter)
}

/// Assistance cases
///
/// Open cases by their step's deadline — overdue first — then finished ones. Staff see every
/// case of the community; a group leader sees the cases of their group that staff chose to
/// share (kind, state and household only); a resident sees their household's. Nothing
/// financial is in a list.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "assistance",
    operation_id = "list_cases",
    security(("bearer" = [])),
    params(CaseQuery, PageQuery),
    responses(
        (status = 200, description = "A page of cases.", body = ListResponse<CaseSummaryDto>),
        (status = 403, description = "A partner, or a non-staff filter by assignee or group."),
        (status = 422, description = "Bad paging."),
    )
)]
#[get("/cases")]
pub async fn list_cases(
    user: Authed<Community>,
    state: web::Data<AppState>,
    query: web::Query<CaseQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = crate::http::paging::page(&paging)?;
    let today = state.clock.today();
    let filter = filter_for(&user, &query, today)?;
    let mut conn = state.conn().await?;
    let rows = Case::list(&mut conn, user.community_id(), &filter, page.after, page.limit).await?;
    let page = xingguang_db::pagination::Page::from_overfetch(rows, page.limit, |r| r.id);
    let types = types_by_id(&mut conn, page.items.iter().map(|r| r.case_type_id)).await?;
    let cal = crate::common::workdays::WorkCalendar::recent(&mut conn).await?;
    let list = ListResponse::try_from_page(page, |line| {
        let t = types.get(&line.case_type_id).ok_or_else(|| ApiError::internal(anyhow::anyhow!("case type missing")))?;
        Ok::<_, ApiError>(summary(line, t, &cal, today, user.role()))
    })?;
    Ok(HttpResponse::Ok().json(list))
}

/// Open a case
///
/// For a household of the community: the applicant and the other residents concerned (all of
/// that household). The case follows the current revision of its kind's procedure; its first
/// step's clock starts on `opened_on`. Re-employment cases get the 就业困难人员 category from
/// the registry when it can be derived (浙人社发〔2025〕59号), and need a working-age applicant;
/// disability cases need an applicant with a disability certificate.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "create_case",
    security(("bearer" = [])),
    request_body = NewCaseRequest,
    responses(
        (status = 201, description = "Opened.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such applicant."),
        (status = 422, description = "A resident of another household, an inactive applicant, a future date, no such assignee, or the kind does not fit the applicant."),
    )
)]
#[post("/cases")]
pub async fn create_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<NewCaseRequest>,
) -> ApiResult<HttpResponse> {
    let rule = CASE_MACHINE.check_create(super::domain::CaseAction::Open, user.role())?;
    let today = state.clock.today();
    let community = user.community_id();
    let opened_on = past_day("opened_on", body.opened_on, today)?;
    let mut errors = Errors::default();
    let summary_text = errors.optional_text("summary", &body.summary, 2000);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let applicant = Resident::find(&mut conn, Reach::Community(community), body.applicant_id).await?.resident;
    if applicant.status != ResidentStatus::Active {
        return Err(ApiError::validation(vec![FieldError::new("applicant_id", "is not an active resident")]));
    }
    let members = Resident::members(&mut conn, applicant.household_id).await?;
    let mut resident_ids = vec![applicant.id];
    for id in &body.resident_ids {
        if !members.iter().any(|m| m.id == *id && m.status == ResidentStatus::Active) {
            return Err(ApiError::validation(vec![FieldError::new(
                "resident_ids",
                "each must be an active member of the applicant's household",
            )]));
        }
        if !resident_ids.contains(id) {
            resident_ids.push(*id);
        }
    }
    if resident_ids.len() > 20 {
        return Err(ApiError::validation(vec![FieldError::new("resident_ids", "at most 20")]));
    }
    let assignee = body.assignee_id.unwrap_or(user.user_id());
    if staff_user(&mut conn, community, assignee).await?.is_none() {
        return Err(ApiError::validation(vec![FieldError::new("assignee_id", "is not a staff member of this community")]));
    }
    let age = age_on(applicant.birth_date, today);
    let mut category = body.employment_category;
    match body.kind {
        CaseKind::Reemployment => {
            if !working_age(applicant.sex, age) {
                return Err(ApiError::validation(vec![FieldError::new(
                    "applicant_id",
                    "re-employment help is for residents of working age",
                )]));
            }
            if category.is_none() {
                let tags = &applicant.tags;
                category = derived_category(
                    applicant.sex,
                    age,
                    chrono::Datelike::year(&today),
                    tags.contains(&Tag::Dibao),
                    tags.contains(&Tag::Disabled),
                    body.zero_employment,
                );
            }
        }
        CaseKind::DisabilitySubsidy | CaseKind::DisabilityLoan if !applicant.tags.contains(&Tag::Disabled) => {
            return Err(ApiError::validation(vec![FieldError::new(
                "applicant_id",
                "needs a disability certificate (the registry's 残疾 tag)",
            )]));
        }
        _ if body.employment_category.is_some() => {
            return Err(ApiError::validation(vec![FieldError::new("employment_category", "only for re-employment cases")]));
        }
        _ => {}
    }
    let types = current_types(&mut conn, community).await?;
    let case_type = types.get(&body.kind).ok_or_else(|| ApiError::internal(anyhow::anyhow!("no case type for {}", body.kind)))?;
    let def = service::definition(case_type)?;
    let cal = calendar(&mut conn, opened_on, today).await?;
    let due = def.due(&cal, 0, opened_on, &[]);
    let now = state.clock.now();
    let case = Case {
        id: xingguang_db::new_id(),
        community_id: community,
        case_type_id: case_type.id,
        kind: body.kind,
        household_id: applicant.household_id,
        applicant_id: applicant.id,
        resident_ids,
        assignee_id: Some(assignee),
        status: rule.to,
        step_index: 0,
        step_started_on: opened_on,
        step_due_on: due,
        opened_on,
        summary: summary_text,
        on_behalf: body.on_behalf,
        mandate_on_file: body.mandate_on_file,
        conflict_user_id: None,
        conflict_note: String::new(),
        shared_with_leader: false,
        finances: None,
        able_to_work: body.able_to_work,
        documents_received: vec![],
        amount_fen: None,
        payment: None,
        payment_from: None,
        decided_on: None,
        decision_note: String::new(),
        next_review_on: None,
        employment_category: category,
        zero_employment: body.zero_employment,
        placed_on: None,
        placement: String::new(),
        closed_on: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Case::insert(conn, &case).await?;
            CaseStep::insert(
                conn,
                &CaseStep {
                    id: xingguang_db::new_id(),
                    community_id: community,
                    case_id: saved.id,
                    step_index: 0,
                    step_key: def.steps[0].key.clone(),
                    started_on: opened_on,
                    due_on: due,
                    completed_on: None,
                    completed_by: None,
                    note: String::new(),
                },
            )
            .await?;
            let actor = Actor::of(conn, &user).await?;
            CASE_MACHINE.record(conn, rule, community, saved.id, None, None, &actor).await?;
            AuditEvent::new(rule.audit, "assistance_case").by(&user).entity(saved.id).write(conn, &ctx).await?;
            tell_assignee(conn, &user, &saved, &case_type.name, &applicant.name).await?;
            Ok(saved)
        })
        .await?;
    let detail = detail(&mut conn, &user, saved, today).await?;
    Ok(HttpResponse::Created().json(detail))
}

/// Tells a staff member a case was given to them (not when they gave it to themself).
pub(super) async fn tell_assignee<R: RoleSet>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    case: &Case,
    kind_name: &str,
    applicant: &str,
) -> ApiResult<()> {
    if let Some(assignee) = case.assignee_id.filter(|a| *a != user.user_id()) {
        let title = format!("{applicant}的{kind_name}案件已分配给您");
        let link = format!("/assistance/cases/{}", case.id);
        let cause = format!("case_assigned:{}:{}", case.id, assignee);
        let message = Message {
            kind: NotificationKind::CaseAssigned,
            title: &title,
            body: "请在案件页面查看下一步和期限。",
            link: &link,
            cause: &cause,
        };
        notify(conn, case.community_id, &[assignee], &message).await?;
    }
    Ok(())
}

/// Loads a case the caller reaches: staff any of the community; a resident their household's;
/// a leader none (they see shared cases in the list only) — anything else is 404.
pub(super) async fn reachable<R: RoleSet>(conn: &mut AsyncPgConnection, user: &Authed<R>, id: Uuid) -> ApiResult<Case> {
    let case = Case::find(conn, user.community_id(), id).await?;
    let reaches = match user.role() {
        Role::Staff => true,
        Role::Resident => user.claims.household_id == Some(case.household_id),
        _ => false,
    };
    if reaches {
        Ok(case)
    } else {
        Err(ApiError::not_found())
    }
}

/// The detail of a case as `user` may see it.
pub(super) async fn detail<R: RoleSet>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    case: Case,
    today: NaiveDate,
) -> ApiResult<CaseDetailDto> {
    let staff = user.role() == Role::Staff;
    let filter = CaseFilter { case_id: Some(case.id), ..CaseFilter::default() };
    let line = Case::list(conn, case.community_id, &filter, None, 1).await?.into_iter().next().ok_or_else(ApiError::not_found)?;
    let t = &service::revision_of(conn, &case).await?;
    let (case_type, def) = t;
    let cal = calendar(conn, case.opened_on, today).await?;
    let done_steps = CaseStep::of_case(conn, case.id).await?;
    let mut user_ids: Vec<Uuid> = done_steps.iter().filter_map(|s| s.completed_by).collect();
    let entries = CaseEntry::of_case(conn, case.id, !staff).await?;
    user_ids.extend(entries.iter().map(|e| e.author_id));
    let names: std::collections::HashMap<Uuid, String> = User::names(conn, &user_ids).await?.into_iter().collect();
    let current = case.step_index as usize;
    let steps = def
        .steps
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let rec = done_steps.iter().find(|s| s.step_index as usize == i);
            let is_current = i == current && case.status == CaseStatus::Open;
            let state = match rec {
                Some(r) if r.completed_on.is_some() => "done",
                Some(_) if is_current => "current",
                _ => "later",
            };
            CaseStepDto {
                key: d.key.clone(),
                name: d.name.clone(),
                body: d.body.clone(),
                days: d.days,
                working_days: d.working_days,
                counted_from: d.counted_from.clone(),
                survey: d.survey,
                publicity: d.publicity,
                decision: d.decision,
                basis: d.basis.clone(),
                index: i as i32,
                started_on: rec.map(|r| r.started_on),
                due_on: rec.and_then(|r| r.due_on),
                completed_on: rec.and_then(|r| r.completed_on),
                completed_by: if staff { rec.and_then(|r| r.completed_by).and_then(|u| names.get(&u).cloned()) } else { None },
                note: if staff { rec.map(|r| r.note.clone()) } else { None },
                overdue: is_current && rec.and_then(|r| r.due_on).is_some_and(|d| d < today),
                state: state.to_owned(),
            }
        })
        .collect();
    let documents = def
        .documents
        .iter()
        .map(|d| DocumentStateDto { key: d.key.clone(), name: d.name.clone(), received: case.documents_received.contains(&d.key) })
        .collect();
    let entries = entries
        .into_iter()
        .map(|e| CaseEntryDto {
            author_name: if staff { names.get(&e.author_id).cloned() } else { None },
            id: e.id,
            kind: e.kind,
            body: e.body,
            internal: e.internal,
            occurred_on: e.occurred_on,
            surveyors: if staff { e.surveyors } else { vec![] },
            family_signed: e.family_signed,
            created_at: e.created_at,
        })
        .collect();
    let history = StateChange::of(conn, CASE_MACHINE.entity, case.id)
        .await?
        .into_iter()
        .map(|h| CaseHistoryDto {
            action: h.action,
            from: h.from_state,
            to: h.to_state,
            actor: if staff { h.actor_name } else { "社区居委会".to_owned() },
            // A step's note may be internal; the family reads the decision's reason in `decision_note`.
            note: if staff { h.note } else { None },
            at: h.at,
        })
        .collect();
    let members = Resident::members(conn, case.household_id).await?;
    let people = members
        .iter()
        .filter(|m| case.resident_ids.contains(&m.id))
        .map(|m| CasePersonDto { id: m.id, name: m.name.clone(), age: age_on(m.birth_date, today) })
        .collect();
    let household_size = members.iter().filter(|m| m.status == ResidentStatus::Active).count() as i32;
    // The caller is read once: a supervisor sees conflicts, and (like the assignee) the finances.
    let supervisor = staff && User::find(conn, user.user_id()).await?.supervisor;
    let finances = staff && (supervisor || case.assignee_id == Some(user.user_id()));
    let publicity_index = def.steps.iter().position(|s| s.publicity);
    let publicity_available = staff && publicity_index.is_some_and(|p| current >= p || case.status != CaseStatus::Open);
    let actions = if staff {
        CASE_MACHINE.available(case.status, user.role()).into_iter().map(|a| format!("{a:?}").to_lowercase()).collect()
    } else {
        vec![]
    };
    let calendar_incomplete = case.step_due_on.is_some_and(|d| !cal.knows(d)) || !cal.knows(case.step_started_on);
    Ok(CaseDetailDto {
        summary: summary(line, t, &cal, today, user.role()),
        case_type_id: case_type.id,
        revision: case_type.revision,
        approving_body: case_type.approving_body.clone(),
        people,
        household_size,
        steps,
        documents,
        entries,
        history,
        amount_fen: case.amount_fen,
        payment: case.payment,
        payment_from: case.payment_from,
        decided_on: case.decided_on,
        decision_note: case.decision_note,
        employment_category: case.employment_category,
        zero_employment: case.zero_employment,
        placed_on: case.placed_on,
        placement: case.placement,
        closed_on: case.closed_on,
        summary_text: staff.then_some(case.summary),
        assignee_id: if staff { case.assignee_id } else { None },
        on_behalf: staff.then_some(case.on_behalf),
        mandate_on_file: staff.then_some(case.mandate_on_file),
        able_to_work: staff.then_some(case.able_to_work),
        shared_with_leader: staff.then_some(case.shared_with_leader),
        conflict_user_id: if supervisor { case.conflict_user_id } else { None },
        conflict_note: supervisor.then_some(case.conflict_note),
        can_see_finances: finances,
        publicity_available,
        actions,
        calendar_incomplete,
    })
}

/// A case
///
/// Staff see the whole case (but income and assets: see `/finances`; the conflict of interest
/// in detail: supervisors). A resident sees their household's case: its steps with their dates
/// and deadlines, the decision, and the entries staff marked public — not internal notes.
///
/// **Roles:** staff, resident (their household's).
#[utoipa::path(
    tag = "assistance",
    operation_id = "get_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    responses(
        (status = 200, description = "The case.", body = CaseDetailDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such case within reach (group leaders see shared cases in the list only)."),
    )
)]
#[get("/cases/{id}")]
pub async fn get_case(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let case = reachable(&mut conn, &user, *id).await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, case, state.clock.today()).await?))
}

/// Edit a case
///
/// The assignee, the documents received, the conflict of interest (the applicant is related to
/// a staff member: that person may not be the assignee, and supervisors are told), sharing with
/// the group leader, the proposed amount, the re-employment category. Status and steps move
/// through their own endpoints.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "update_case",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = CaseUpdateRequest,
    responses(
        (status = 200, description = "Saved.", body = CaseDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such case."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "An unknown document, a conflicted assignee, a bad amount or text too long."),
    )
)]
#[put("/cases/{id}")]
pub async fn update_case(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CaseUpdateRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let community = user.community_id();
    let case = Case::find(&mut conn, community, *id).await?;
    let (case_type, def) = service::revision_of(&mut conn, &case).await?;
    let mut errors = Errors::default();
    let summary_text = body.summary.as_ref().map(|s| errors.optional_text("summary", s, 2000));
    let conflict_note = body.conflict_note.as_ref().map(|s| errors.optional_text("conflict_note", s, 500));
    if let Some(docs) = &body.documents_received {
        if docs.iter().any(|d| !def.documents.iter().any(|k| &k.key == d)) {
            errors.push("documents_received", "names a document not on this kind's checklist");
        }
    }
    if let Some(Some(amount)) = body.amount_fen {
        if !(0..=100_000_000).contains(&amount) {
            errors.push("amount_fen", "must be 0–100,000,000 fen");
        }
    }
    if body.employment_category.is_some_and(|c| c.is_some()) && case.kind != CaseKind::Reemployment {
        errors.push("employment_category", "only for re-employment cases");
    }
    errors.finish()?;
    for who in [body.assignee_id.flatten(), body.conflict_user_id.flatten()].into_iter().flatten() {
        if staff_user(&mut conn, community, who).await?.is_none() {
            return Err(ApiError::validation(vec![FieldError::new("assignee_id", "is not a staff member of this community")]));
        }
    }
    let assignee = body.assignee_id.unwrap_or(case.assignee_id);
    let conflict = body.conflict_user_id.unwrap_or(case.conflict_user_id);
    if conflict.is_some() && assignee == conflict {
        return Err(ApiError::validation(vec![FieldError::new(
            "assignee_id",
            "the staff member the applicant is related to may not handle the case (审核确认办法 第11条)",
        )]));
    }
    let changes = CaseChanges {
        assignee_id: body.assignee_id,
        summary: summary_text,
        mandate_on_file: body.mandate_on_file,
        conflict_user_id: body.conflict_user_id,
        conflict_note,
        shared_with_leader: body.shared_with_leader,
        able_to_work: body.able_to_work,
        documents_received: body.documents_received.clone().map(|mut d| {
            d.sort();
            d.dedup();
            d
        }),
        amount_fen: body.amount_fen,
        payment: body.payment,
        employment_category: body.employment_category,
        zero_employment: body.zero_employment,
        placement: None,
        next_review_on: None,
    };
    let mut fields: Vec<&'static str> = Vec::new();
    for (set, name) in [
        (body.assignee_id.is_some(), "assignee_id"),
        (body.summary.is_some(), "summary"),
        (body.mandate_on_file.is_some(), "mandate_on_file"),
        (body.conflict_user_id.is_some(), "conflict_user_id"),
        (body.conflict_note.is_some(), "conflict_note"),
        (body.shared_with_leader.is_some(), "shared_with_leader"),
        (body.able_to_work.is_some(), "able_to_work"),
        (body.documents_received.is_some(), "documents_received"),
        (body.amount_fen.is_some(), "amount_fen"),
        (body.payment.is_some(), "payment"),
        (body.employment_category.is_some(), "employment_category"),
        (body.zero_employment.is_some(), "zero_employment"),
    ] {
        if set {
            fields.push(name);
        }
    }
    let applicant = Resident::find(&mut conn, Reach::Community(community), case.applicant_id).await?.resident.name;
    let kind_name = case_type.name.clone();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Case::update(conn, case.id, body.version, changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("case.update", "assistance_case").by(&user).entity(case.id).fields(&fields).write(conn, &ctx).await?;
            if saved.assignee_id != case.assignee_id {
                tell_assignee(conn, &user, &saved, &kind_name, &applicant).await?;
            }
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(detail(&mut conn, &user, saved, state.clock.today()).await?))
}
