//! Swaps: a leader offers a night, another takes it; it moves at once when the rules hold,
//! else staff decide.

use std::collections::BTreeSet;

use actix_web::{get, post, web, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::duty::{DutyAssignment, DutyRules, DutySwap, SwapMove, Unavailability};
use xingguang_db::vocab::{DutyStatus, Role, SwapStatus};

use super::domain::{has_rested, swap_held_because, SwapAction, SWAP_MACHINE};
use super::dto::*;
use super::service;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, RoleSet, Staff, StaffOrLeader};
use crate::common::state_machine::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

async fn swap_dto(conn: &mut AsyncPgConnection, community_id: Uuid, swap: DutySwap) -> ApiResult<SwapDto> {
    let names = service::leader_names(conn, community_id).await?;
    Ok(SwapDto::new(swap, |id| names.get(&id).cloned().unwrap_or_default()))
}

/// Swaps
///
/// From tonight on, soonest first. A leader sees the open offers and the swaps they are part
/// of; staff see all.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "duty",
    operation_id = "list_swaps",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The swaps.", body = Vec<SwapDto>),
        (status = 403, description = "Not staff or a group leader."),
    )
)]
#[get("/duty/swaps")]
pub async fn list_swaps(user: Authed<StaffOrLeader>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let involving = (user.role() == Role::GroupLeader).then(|| user.user_id());
    let mut conn = state.conn().await?;
    let swaps = DutySwap::list(&mut conn, user.community_id(), state.clock.today(), involving).await?;
    let names = service::leader_names(&mut conn, user.community_id()).await?;
    Ok(HttpResponse::Ok()
        .json(swaps.into_iter().map(|s| SwapDto::new(s, |id| names.get(&id).cloned().unwrap_or_default())).collect::<Vec<_>>()))
}

/// Offer a night
///
/// The leader on duty offers their night (tonight or later) to the other leaders.
///
/// **Roles:** group_leader (their own night).
#[utoipa::path(
    tag = "duty",
    operation_id = "offer_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The caller's assignment.")),
    request_body = OfferSwapRequest,
    responses(
        (status = 201, description = "Offered.", body = SwapDto),
        (status = 403, description = "Not a group leader."),
        (status = 404, description = "Not the caller's assignment."),
        (status = 409, description = "Already offered (`duplicate`), or a past or recorded night (`invalid_transition`)."),
        (status = 422, description = "A note over 200 characters."),
    )
)]
#[post("/duty/assignments/{id}/swap")]
pub async fn offer_swap(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<OfferSwapRequest>,
) -> ApiResult<HttpResponse> {
    let rule = SWAP_MACHINE.check_create(SwapAction::Offer, user.role())?;
    let mut errors = Errors::default();
    let note = errors.optional_text("note", &body.note, 200);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let assignment = DutyAssignment::find(&mut conn, user.community_id(), *id).await?;
    if assignment.leader_user_id != user.user_id() {
        return Err(ApiError::not_found());
    }
    if assignment.night < state.clock.today() || assignment.status != DutyStatus::Scheduled {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "Only a night still ahead can be offered."));
    }
    let now = state.clock.now();
    let swap = DutySwap {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        assignment_id: assignment.id,
        night: assignment.night,
        offered_by: user.user_id(),
        taken_by: None,
        status: SwapStatus::Offered,
        note,
        held_because: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved =
                DutySwap::insert(conn, &swap).await.map_err(|e| crate::error::conflict_on_duplicate(e, "an open swap for this night"))?;
            let actor = Actor::of(conn, &user).await?;
            SWAP_MACHINE.record(conn, rule, user.community_id(), saved.id, None, None, &actor).await?;
            AuditEvent::new(rule.audit, "duty_swap").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(swap_dto(&mut conn, user.community_id(), saved).await?))
}

/// Moves a swap, in one transaction with its history, audit and (when approved) the hand-over.
async fn move_swap<R: RoleSet + Sync>(
    conn: &mut AsyncPgConnection,
    user: &Authed<R>,
    ctx: &RequestCtx,
    current: &DutySwap,
    version: i32,
    action: SwapAction,
    change: SwapMove,
) -> ApiResult<DutySwap> {
    let rule = SWAP_MACHINE.check(action, current.status, user.role())?;
    let approved_now = change.status == SwapStatus::Approved && action == SwapAction::Take;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let moved = DutySwap::transition(conn, current.id, version, rule.from, &change).await?.ok_or_else(ApiError::precondition_failed)?;
        let actor = Actor::of(conn, user).await?;
        SWAP_MACHINE.record(conn, rule, current.community_id, current.id, Some(current.status), None, &actor).await?;
        if approved_now {
            // Taken under the rules: the approval is the rules', recorded as such.
            let approve = SWAP_MACHINE.rule(SwapAction::Approve);
            let rules = Actor { name: "排班规则（自动批准）".to_owned(), user_id: None };
            SWAP_MACHINE.record(conn, approve, current.community_id, current.id, Some(SwapStatus::Taken), None, &rules).await?;
        }
        if moved.status == SwapStatus::Approved {
            let taker = moved.taken_by.ok_or_else(|| ApiError::internal(anyhow::anyhow!("approved swap without a taker")))?;
            if DutyAssignment::hand_over(conn, moved.assignment_id, taker).await? == 0 {
                return Err(ApiError::conflict(ErrorCode::InvalidTransition, "The night was recorded meanwhile; it cannot change hands."));
            }
        }
        AuditEvent::new(rule.audit, "duty_swap").by(user).entity(current.id).fields(&["status"]).write(conn, ctx).await?;
        Ok(moved)
    })
    .await
}

/// Take an offered night
///
/// Another leader takes the night. It moves to them at once when they are free that night, have
/// rested enough around it and the ledger stays fair; otherwise the swap waits for staff
/// (`taken`, with the reason in `held_because`).
///
/// **Roles:** group_leader (not the one who offered it).
#[utoipa::path(
    tag = "duty",
    operation_id = "take_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap.")),
    request_body = SwapMoveRequest,
    responses(
        (status = 200, description = "Taken: `approved` (moved) or `taken` (waits for staff).", body = SwapDto),
        (status = 403, description = "Not a group leader."),
        (status = 404, description = "No such swap in this community."),
        (status = 409, description = "Not offered any more (`invalid_transition`)."),
        (status = 412, description = "Moved by someone else since loaded."),
        (status = 422, description = "The caller offered it, is on duty that night already, or is unavailable."),
    )
)]
#[post("/duty/swaps/{id}/take")]
pub async fn take_swap(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<SwapMoveRequest>,
) -> ApiResult<HttpResponse> {
    let community = user.community_id();
    let mut conn = state.conn().await?;
    let swap = DutySwap::find(&mut conn, community, *id).await?;
    SWAP_MACHINE.check(SwapAction::Take, swap.status, user.role())?;
    let me = user.user_id();
    let rules = DutyRules::get(&mut conn, community).await?;
    let rest = i64::from(rules.min_rest_nights);
    let around = |d: i64| swap.night.checked_add_signed(chrono::Duration::days(d)).unwrap_or(swap.night);
    let nearby = DutyAssignment::between(&mut conn, community, around(-rest), around(rest)).await?;
    let mut errors = Errors::default();
    if swap.offered_by == me {
        errors.push("id", "you offered this night yourself");
    }
    if nearby.iter().any(|r| r.assignment.night == swap.night && r.assignment.leader_user_id == me) {
        errors.push("id", "you are on duty that night already");
    }
    if !Unavailability::overlapping(&mut conn, community, Some(me), swap.night, swap.night).await?.is_empty() {
        errors.push("id", "you entered that night as unavailable");
    }
    errors.finish()?;
    let my_nights: BTreeSet<_> = nearby.iter().filter(|r| r.assignment.leader_user_id == me).map(|r| r.assignment.night).collect();
    let (year_start, year_end) = service::year_of(swap.night);
    let ledger = DutyAssignment::ledger(&mut conn, community, year_start, year_end).await?;
    let leaders = DutyAssignment::leaders(&mut conn, community).await?;
    let load = |id: Uuid| ledger.get(&id).map_or(0, |l| l.served_weight + l.scheduled_weight);
    let least = leaders.iter().map(|l| load(l.user_id)).min().unwrap_or(0);
    let weight = nearby.iter().find(|r| r.assignment.id == swap.assignment_id).map_or(rules.weekday_weight, |r| r.assignment.weight);
    let limit = 2 * i64::from(rules.holiday_weight.max(rules.weekend_weight));
    let held = swap_held_because(has_rested(&my_nights, swap.night, rest), load(me), least, weight, limit);
    let change = SwapMove {
        status: if held.is_some() { SwapStatus::Taken } else { SwapStatus::Approved },
        taken_by: Some(Some(me)),
        held_because: Some(held.map(str::to_owned)),
    };
    let moved = move_swap(&mut conn, &user, &ctx, &swap, body.version, SwapAction::Take, change).await?;
    Ok(HttpResponse::Ok().json(swap_dto(&mut conn, community, moved).await?))
}

/// Approve a taken swap
///
/// The night moves to the leader who took it.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "approve_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap.")),
    request_body = SwapMoveRequest,
    responses(
        (status = 200, description = "Approved.", body = SwapDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such swap in this community."),
        (status = 409, description = "Not waiting for staff (`invalid_transition`)."),
        (status = 412, description = "Moved by someone else since loaded."),
    )
)]
#[post("/duty/swaps/{id}/approve")]
pub async fn approve_swap(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<SwapMoveRequest>,
) -> ApiResult<HttpResponse> {
    decide(user, state, ctx, *id, body.version, SwapAction::Approve).await
}

/// Reject a taken swap
///
/// The night stays with the leader who offered it.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "duty",
    operation_id = "reject_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap.")),
    request_body = SwapMoveRequest,
    responses(
        (status = 200, description = "Rejected.", body = SwapDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such swap in this community."),
        (status = 409, description = "Not waiting for staff (`invalid_transition`)."),
        (status = 412, description = "Moved by someone else since loaded."),
    )
)]
#[post("/duty/swaps/{id}/reject")]
pub async fn reject_swap(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<SwapMoveRequest>,
) -> ApiResult<HttpResponse> {
    decide(user, state, ctx, *id, body.version, SwapAction::Reject).await
}

async fn decide(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: Uuid,
    version: i32,
    action: SwapAction,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let swap = DutySwap::find(&mut conn, user.community_id(), id).await?;
    let to = SWAP_MACHINE.rule(action).to;
    let moved =
        move_swap(&mut conn, &user, &ctx, &swap, version, action, SwapMove { status: to, taken_by: None, held_because: None }).await?;
    Ok(HttpResponse::Ok().json(swap_dto(&mut conn, user.community_id(), moved).await?))
}

/// Withdraw an offer
///
/// The leader who offered the night takes the offer back (until it has moved).
///
/// **Roles:** group_leader (the one who offered it).
#[utoipa::path(
    tag = "duty",
    operation_id = "withdraw_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap.")),
    request_body = SwapMoveRequest,
    responses(
        (status = 200, description = "Withdrawn.", body = SwapDto),
        (status = 403, description = "Not a group leader."),
        (status = 404, description = "Not a swap the caller offered."),
        (status = 409, description = "Already approved, rejected or withdrawn (`invalid_transition`)."),
        (status = 412, description = "Moved by someone else since loaded."),
    )
)]
#[post("/duty/swaps/{id}/withdraw")]
pub async fn withdraw_swap(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<SwapMoveRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let swap = DutySwap::find(&mut conn, user.community_id(), *id).await?;
    if swap.offered_by != user.user_id() {
        return Err(ApiError::not_found());
    }
    let change = SwapMove { status: SwapStatus::Withdrawn, taken_by: None, held_because: None };
    let moved = move_swap(&mut conn, &user, &ctx, &swap, body.version, SwapAction::Withdraw, change).await?;
    Ok(HttpResponse::Ok().json(swap_dto(&mut conn, user.community_id(), moved).await?))
}
