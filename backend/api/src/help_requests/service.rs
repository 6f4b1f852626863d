//! What the request endpoints share: reach (who sees which request), the representations, the
//! calendar for the clocks, and telling people.

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::help_request::{HelpRequest, RequestFilter, RequestMove, RequestNote, RequestPhoto};
use xingguang_db::models::state_change::StateChange;
use xingguang_db::models::team::Membership;
use xingguang_db::models::user::{Role, User};
use xingguang_db::reach::Reach;
use xingguang_db::sealed::Sealed;
use xingguang_db::vocab::{NotificationKind, RequestChannel, RequestKind, RequestStatus};

use super::domain::{due, is_open, local_day, reopen_until, Category, RequestAction, REQUEST_MACHINE};
use super::dto::*;
use crate::auth::extract::{Authed, RoleSet};
use crate::common::notify::{notify, Message};
use crate::common::pii::mask_phone;
use crate::common::reach::reach;
use crate::common::state_machine::Actor;
use crate::common::workdays::WorkCalendar;
use crate::error::{ApiError, ApiResult};

/// The reach part of a list filter: a leader's group and what they filed, a resident's
/// household and what they filed, staff everything.
pub fn reach_filter<R: RoleSet>(user: &Authed<R>, filter: &mut RequestFilter) -> ApiResult<()> {
    match reach(user) {
        Reach::Community(_) => {}
        Reach::Group { group_id, .. } => {
            filter.reach_group = Some(group_id);
            filter.reach_filer = Some(user.user_id());
        }
        Reach::Household { household_id, .. } => {
            filter.reach_household = Some(household_id);
            filter.reach_filer = Some(user.user_id());
        }
        // A leader without a group, a resident without a household: only what they filed.
        Reach::Nothing if user.role() != Role::Partner => filter.reach_filer = Some(user.user_id()),
        Reach::Nothing => return Err(ApiError::not_found()),
    }
    Ok(())
}

/// Whether the caller reaches a request (the same rule as the list's).
pub fn within<R: RoleSet>(user: &Authed<R>, r: &HelpRequest) -> bool {
    if r.community_id != user.community_id() {
        return false;
    }
    let filed = r.filed_by == Some(user.user_id());
    match reach(user) {
        Reach::Community(_) => true,
        Reach::Group { group_id, .. } => r.group_id == Some(group_id) || filed,
        Reach::Household { household_id, .. } => r.household_id == Some(household_id) || filed,
        Reach::Nothing => filed && user.role() != Role::Partner,
    }
}

/// The request, if the caller reaches it (404 otherwise).
pub async fn load<R: RoleSet>(conn: &mut AsyncPgConnection, user: &Authed<R>, id: Uuid) -> ApiResult<HelpRequest> {
    let r = HelpRequest::find(conn, user.community_id(), id).await?;
    if !within(user, &r) {
        return Err(ApiError::not_found());
    }
    Ok(r)
}

/// Whether the caller sees the caller's phone in full: the staff member working the request,
/// or the requester's own household. Everyone else sees it masked.
pub fn sees_phone<R: RoleSet>(user: &Authed<R>, r: &HelpRequest) -> bool {
    match user.role() {
        Role::Staff => r.assignee == Some(user.user_id()),
        Role::Resident => r.household_id.is_some() && r.household_id == user.claims.household_id,
        _ => false,
    }
}

pub fn summary<R: RoleSet>(
    user: &Authed<R>,
    r: &HelpRequest,
    group_number: Option<i32>,
    assignee_name: Option<String>,
    now: DateTime<Utc>,
) -> RequestSummaryDto {
    let open = is_open(r.status);
    let phone = r.caller_phone.as_ref().map(|p| if sees_phone(user, r) { p.0.clone() } else { mask_phone(p) });
    let staff = user.role() == Role::Staff;
    RequestSummaryDto {
        id: r.id,
        number: r.number.clone(),
        kind: r.kind,
        category_code: r.category_code.clone(),
        category_name: r.category_name.clone(),
        description: r.description.chars().take(80).collect(),
        address: r.address.clone(),
        channel: r.channel,
        status: r.status,
        caller_name: r.caller_name.clone(),
        caller_phone: phone,
        group_number,
        // Who works it is the office's business; the requester's side sees the work, not names.
        assignee_id: r.assignee.filter(|_| staff),
        assignee_name: assignee_name.filter(|_| staff),
        received_at: r.received_at,
        response_due_at: r.response_due_at,
        resolution_due_at: r.resolution_due_at,
        followup_due_on: r.followup_due_on,
        overdue: open && r.resolution_due_at < now,
        response_overdue: r.status == RequestStatus::Received && r.response_due_at < now,
        escalated: open && r.escalated_at.is_some(),
        satisfaction: r.satisfaction,
        version: r.version,
    }
}

/// The whole request as the caller may see it.
pub async fn detail<R: RoleSet>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    r: HelpRequest,
    now: DateTime<Utc>,
) -> ApiResult<RequestDetailDto> {
    let staff = user.role() == Role::Staff;
    let group_number = match r.group_id {
        Some(g) => xingguang_db::models::resident_group::ResidentGroup::find(conn, r.community_id, g).await.ok().map(|g| g.number),
        None => None,
    };
    let assignee_name = match r.assignee {
        Some(id) => Some(User::find(conn, id).await?.display_name),
        None => None,
    };
    let filed_by_name = match r.filed_by {
        Some(id) if r.channel != RequestChannel::App => Some(User::find(conn, id).await?.display_name),
        _ => None,
    };
    let duplicate_of = match r.duplicate_of {
        Some(id) => HelpRequest::find(conn, r.community_id, id).await.ok().map(|o| RequestRefDto { id: o.id, number: o.number }),
        None => None,
    };
    let mut timeline: Vec<TimelineDto> = StateChange::of(conn, "help request", r.id)
        .await?
        .into_iter()
        .map(|c| TimelineDto {
            at: c.at,
            kind: TimelineKind::Move,
            action: Some(c.action),
            from: c.from_state,
            to: Some(c.to_state),
            body: None,
            public: true,
            // Staff names stay in the office; the requester's side reads "社区".
            actor: if staff || c.actor_user == Some(user.user_id()) { c.actor_name } else { "社区".to_owned() },
        })
        .collect();
    for note in RequestNote::of(conn, r.id).await? {
        if !note.public && !staff {
            continue;
        }
        let own = note.author_user == Some(user.user_id());
        timeline.push(TimelineDto {
            at: note.at,
            kind: TimelineKind::Note,
            action: note.action,
            from: None,
            to: None,
            body: Some(note.body),
            public: note.public,
            actor: if staff || own || note.author_user.is_none() { note.author_name } else { "社区".to_owned() },
        });
    }
    timeline.sort_by_key(|t| (t.at, matches!(t.kind, TimelineKind::Note)));
    let photos = RequestPhoto::list(conn, r.id).await?.into_iter().map(|(id, content_type)| PhotoDto { id, content_type }).collect();
    let actions = REQUEST_MACHINE
        .available(r.status, user.role())
        .into_iter()
        .filter(|a| *a != super::domain::RequestAction::Reopen || r.resolved_at.is_some_and(|t| reopen_until(t) >= local_day(now)))
        .collect();
    let referral = r.referral.clone().and_then(|v| serde_json::from_value::<ReferralDto>(v).ok()).map(|mut d| {
        d.reference = r.referral_ref.clone();
        d
    });
    let masked = r.caller_phone.is_some() && !sees_phone(user, &r);
    let mut s = summary(user, &r, group_number, assignee_name, now);
    s.description = r.description.clone();
    Ok(RequestDetailDto {
        summary: s,
        phone_masked: masked,
        lat: r.lat,
        long: r.long,
        answers: r.answers,
        media_url: r.media_url,
        referral,
        resolution: r.resolution,
        resolved_at: r.resolved_at,
        closed_at: r.closed_at,
        duplicate_of,
        mediation_ref: r.mediation_ref,
        followup_comment: r.followup_comment,
        reopen_until: r.resolved_at.map(reopen_until),
        photos,
        filed_by_name,
        timeline,
        actions,
        can_note: user.role() != Role::Partner,
    })
}

/// The calendar for a request's clocks: this year and the next (a deadline near December runs
/// into January).
pub async fn calendar(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> ApiResult<WorkCalendar> {
    let today = super::domain::local_day(now);
    let first = today.checked_sub_days(chrono::Days::new(400)).unwrap_or(today);
    let last = today.checked_add_days(chrono::Days::new(400)).unwrap_or(today);
    Ok(WorkCalendar::load(conn, first, last).await?)
}

/// Tells the requester's side that their request moved on (never the one who did it): the
/// household's members with a login, and the leader who filed it.
pub async fn tell_requester(conn: &mut AsyncPgConnection, r: &HelpRequest, what: &str, actor: Uuid, cause: &str) -> ApiResult<()> {
    let mut household = Vec::new();
    if let Some(id) = r.household_id {
        for member in xingguang_db::models::resident::Resident::members(conn, id).await? {
            household.extend(Membership::logins_of(conn, member.id).await?);
        }
    }
    if r.channel == RequestChannel::App {
        household.extend(r.filed_by);
    }
    household.sort();
    household.dedup();
    household.retain(|u| *u != actor);
    let leader: Vec<Uuid> =
        r.filed_by.filter(|u| r.channel == RequestChannel::Leader && *u != actor && !household.contains(u)).into_iter().collect();
    let title = format!("求助 {}：{what}", r.number);
    for (users, link) in [(household, format!("/my/requests/{}", r.id)), (leader, format!("/group-requests/{}", r.id))] {
        let message =
            Message { kind: NotificationKind::RequestUpdate, title: &title, body: "点开查看办理情况。", link: &link, cause };
        notify(conn, r.community_id, &users, &message).await?;
    }
    Ok(())
}

/// What differs between the ways a request comes in (app, leader, hotline, Open311).
pub struct Intake {
    pub kind: RequestKind,
    pub category: Category,
    pub edition_id: Uuid,
    pub description: String,
    pub address: String,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub channel: RequestChannel,
    /// The registry resident, their household and group, when known.
    pub resident: (Option<Uuid>, Option<Uuid>, Option<Uuid>),
    pub caller_name: String,
    pub caller_phone: Option<String>,
    pub caller_email: Option<String>,
    pub filed_by: Option<Uuid>,
    pub open311_client_id: Option<Uuid>,
    pub media_url: Option<String>,
    pub answers: serde_json::Map<String, serde_json::Value>,
}

/// Records a new request — numbered in its year, its clocks set by its category — and its
/// history row. Call inside the transaction that also audits it.
pub async fn receive(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    intake: Intake,
    now: DateTime<Utc>,
    cal: &WorkCalendar,
    actor: &Actor,
) -> ApiResult<HelpRequest> {
    HelpRequest::lock_numbering(conn, community_id).await?;
    let number = HelpRequest::next_number(conn, community_id, chrono::Datelike::year(&local_day(now))).await?;
    let Intake {
        kind,
        category,
        edition_id,
        description,
        address,
        lat,
        long,
        channel,
        resident,
        caller_name,
        caller_phone,
        caller_email,
        filed_by,
        open311_client_id,
        media_url,
        answers,
    } = intake;
    let row = HelpRequest {
        id: xingguang_db::new_id(),
        community_id,
        number,
        kind,
        category_code: category.code.clone(),
        category_name: category.name.clone(),
        edition_id,
        description,
        address,
        lat,
        long,
        channel,
        resident_id: resident.0,
        household_id: resident.1,
        group_id: resident.2,
        caller_name,
        caller_phone: caller_phone.map(Sealed),
        caller_email,
        filed_by,
        open311_client_id,
        open311_token: xingguang_db::new_id(),
        media_url,
        answers: serde_json::Value::Object(answers),
        status: RequestStatus::Received,
        assignee: None,
        referral: None,
        referral_ref: None,
        resolution: None,
        duplicate_of: None,
        mediation_ref: None,
        satisfaction: None,
        followup_comment: None,
        received_at: now,
        response_due_at: due(now, category.response, cal),
        resolution_due_at: due(now, category.resolution, cal),
        responded_at: None,
        resolved_at: None,
        followup_due_on: None,
        closed_at: None,
        escalated_at: None,
        reopened: 0,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let saved = HelpRequest::insert(conn, &row).await?;
    let rule = REQUEST_MACHINE.rule(RequestAction::Receive);
    REQUEST_MACHINE.record(conn, rule, community_id, saved.id, None, None, actor).await?;
    Ok(saved)
}

/// A reopened request: in progress again with a new resolution time; the earlier resolution,
/// rating and escalation stay in its history only.
pub fn reopening(r: &HelpRequest, resolution_due_at: DateTime<Utc>) -> RequestMove {
    RequestMove {
        status: RequestStatus::InProgress,
        resolution: None,
        resolved_at: None,
        followup_due_on: None,
        closed_at: None,
        satisfaction: None,
        followup_comment: None,
        escalated_at: None,
        resolution_due_at,
        reopened: r.reopened + 1,
        ..RequestMove::from(r)
    }
}
