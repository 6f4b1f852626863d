//! Joining and leaving a team: a resident asks (for themself or a household member), the team's
//! leader or staff approve or decline, and either side can end a membership. Each move is told
//! to the people it concerns in the app.

use actix_web::{post, web, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::resident::Resident;
use xingguang_db::models::team::{Membership, Team};
use xingguang_db::models::user::Role;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{MembershipStatus, NotificationKind, ResidentStatus};

use super::domain::{MembershipAction, MEMBERSHIP_MACHINE};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community};
use crate::common::notify::{notify, Message};
use crate::common::reach::reach;
use crate::common::state_machine::Actor;
use crate::error::{conflict_on_duplicate, ApiError, ApiResult, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

/// Ask to join a team (or, as staff, add a member)
///
/// A resident asks for themself or a member of their household; the team's leader or staff
/// decide. Staff add a resident directly (signed up at the office).
///
/// **Roles:** resident, staff.
#[utoipa::path(
    tag = "teams",
    operation_id = "request_team_membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team.")),
    request_body = MembershipRequest,
    responses(
        (status = 201, description = "Requested (a resident) or a member (staff).", body = MembershipDto),
        (status = 403, description = "A group leader or a partner."),
        (status = 404, description = "No such team, or the resident is out of reach."),
        (status = 409, description = "Already a member or asked already (`duplicate`)."),
        (status = 422, description = "No resident named, or one who has moved out or died."),
    )
)]
#[post("/teams/{id}/members")]
pub async fn request_membership(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<MembershipRequest>,
) -> ApiResult<HttpResponse> {
    let action = if user.role() == Role::Staff { MembershipAction::Add } else { MembershipAction::Request };
    let rule = MEMBERSHIP_MACHINE.check_create(action, user.role())?;
    let resident_id = body
        .resident_id
        .or(user.claims.resident_id)
        .ok_or_else(|| ApiError::validation(vec![FieldError::new("resident_id", "name the resident who joins")]))?;
    let mut conn = state.conn().await?;
    let team = Team::find(&mut conn, user.community_id(), *id).await?;
    let row = Resident::find(&mut conn, reach(&user), resident_id).await?;
    if row.resident.status != ResidentStatus::Active {
        return Err(ApiError::validation(vec![FieldError::new("resident_id", "is not an active resident")]));
    }
    let now = state.clock.now();
    let membership = Membership {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        team_id: team.id,
        resident_id,
        status: rule.to,
        requested_by: user.user_id(),
        decided_by: (action == MembershipAction::Add).then_some(user.user_id()),
        decided_at: (action == MembershipAction::Add).then_some(now),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let name = row.resident.name.clone();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Membership::insert(conn, &membership).await.map_err(|e| conflict_on_duplicate(e, "A membership or request"))?;
            let actor = Actor::of(conn, &user).await?;
            MEMBERSHIP_MACHINE.record(conn, rule, user.community_id(), saved.id, None, None, &actor).await?;
            AuditEvent::new(rule.audit, "team_membership").by(&user).entity(saved.id).write(conn, &ctx).await?;
            if let (MembershipAction::Request, Some(leader)) = (action, team.leader_resident_id) {
                let leaders = Membership::logins_of(conn, leader).await?;
                let title = format!("{name} 申请加入{}", team.name);
                let link = format!("/teams/{}", team.id);
                let cause = format!("team_request:{}", saved.id);
                let message = Message {
                    kind: NotificationKind::TeamRequest,
                    title: &title,
                    body: "请在队伍页面同意或婉拒。",
                    link: &link,
                    cause: &cause,
                };
                notify(conn, user.community_id(), &leaders, &message).await?;
            }
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(MembershipDto::new(saved, row.resident.name)))
}

/// Moves a membership: the caller must be staff, lead the team, or (to leave) be of the member's
/// household; anyone else does not see it (404).
async fn move_membership(
    conn: &mut AsyncPgConnection,
    user: &Authed<Community>,
    ctx: &RequestCtx,
    (team_id, membership_id): (Uuid, Uuid),
    action: MembershipAction,
    version: i32,
) -> ApiResult<MembershipDto> {
    let team = Team::find(conn, user.community_id(), team_id).await?;
    let current = Membership::find(conn, team.id, membership_id).await?;
    let member = Resident::find(conn, Reach::Community(user.community_id()), current.resident_id).await?;
    let leads = team.led_by(user.claims.resident_id);
    let own_household = user.claims.household_id == Some(member.resident.household_id);
    let allowed = user.role() == Role::Staff || leads || (action == MembershipAction::Leave && own_household);
    // A resident who neither leads the team nor belongs to the member's household does not see
    // the membership; a group leader is told their role cannot (403, below).
    if !allowed && user.role() == Role::Resident {
        return Err(ApiError::not_found());
    }
    let rule = MEMBERSHIP_MACHINE.check(action, current.status, user.role())?;
    let name = member.resident.name;
    let moved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let moved = Membership::set_status(conn, current.id, version, current.status, rule.to, user.user_id())
                .await?
                .ok_or_else(ApiError::precondition_failed)?;
            let actor = Actor::of(conn, user).await?;
            MEMBERSHIP_MACHINE.record(conn, rule, user.community_id(), current.id, Some(current.status), None, &actor).await?;
            AuditEvent::new(rule.audit, "team_membership").by(user).entity(current.id).fields(&["status"]).write(conn, ctx).await?;
            if matches!(action, MembershipAction::Approve | MembershipAction::Decline) {
                let mut told = Membership::logins_of(conn, current.resident_id).await?;
                told.push(current.requested_by);
                told.retain(|u| *u != user.user_id());
                told.sort();
                told.dedup();
                let title = if rule.to == MembershipStatus::Member {
                    format!("{name} 已加入{}", team.name)
                } else {
                    format!("{name} 加入{}的申请未通过", team.name)
                };
                let link = format!("/teams/{}", team.id);
                let cause = format!("team_decision:{}", current.id);
                let message = Message {
                    kind: NotificationKind::TeamDecision,
                    title: &title,
                    body: &team.practice_schedule,
                    link: &link,
                    cause: &cause,
                };
                notify(conn, user.community_id(), &told, &message).await?;
            }
            Ok(moved)
        })
        .await?;
    Ok(MembershipDto::new(moved, name))
}

/// Approve a join request
///
/// **Roles:** staff, or the resident who leads the team.
#[utoipa::path(
    tag = "teams",
    operation_id = "approve_team_membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team."), ("membership" = Uuid, Path, description = "The request.")),
    request_body = MembershipMoveRequest,
    responses(
        (status = 200, description = "A member now.", body = MembershipDto),
        (status = 403, description = "A group leader or a partner."),
        (status = 404, description = "No such request, or not your team."),
        (status = 409, description = "Not an open request (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
    )
)]
#[post("/teams/{id}/members/{membership}/approve")]
pub async fn approve_membership(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<MembershipMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let dto = move_membership(&mut conn, &user, &ctx, *path, MembershipAction::Approve, body.version).await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Decline a join request
///
/// **Roles:** staff, or the resident who leads the team.
#[utoipa::path(
    tag = "teams",
    operation_id = "decline_team_membership",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team."), ("membership" = Uuid, Path, description = "The request.")),
    request_body = MembershipMoveRequest,
    responses(
        (status = 200, description = "Declined.", body = MembershipDto),
        (status = 403, description = "A group leader or a partner."),
        (status = 404, description = "No such request, or not your team."),
        (status = 409, description = "Not an open request (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
    )
)]
#[post("/teams/{id}/members/{membership}/decline")]
pub async fn decline_membership(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<MembershipMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let dto = move_membership(&mut conn, &user, &ctx, *path, MembershipAction::Decline, body.version).await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Leave a team (or withdraw a request)
///
/// **Roles:** the member's household (resident), the team's leader, staff.
#[utoipa::path(
    tag = "teams",
    operation_id = "leave_team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team."), ("membership" = Uuid, Path, description = "The membership or request.")),
    request_body = MembershipMoveRequest,
    responses(
        (status = 200, description = "Left.", body = MembershipDto),
        (status = 403, description = "A group leader or a partner."),
        (status = 404, description = "No such membership within reach."),
        (status = 409, description = "Ended already (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
    )
)]
#[post("/teams/{id}/members/{membership}/leave")]
pub async fn leave_team(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<MembershipMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let dto = move_membership(&mut conn, &user, &ctx, *path, MembershipAction::Leave, body.version).await?;
    Ok(HttpResponse::Ok().json(dto))
}
