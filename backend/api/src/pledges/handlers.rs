//! Pledges: submission (idempotent), review, withdrawal, deliveries and the thank-you list.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::need::Need;
use xingguang_db::models::partner::PartnerUnit;
use xingguang_db::models::pledge::{Delivery, NewPledge, Pledge, PledgeFilter, PledgeTransition};
use xingguang_db::models::state_change::StateChange;

use super::domain::{
    check_items, delivery_fulfils, need_is_met, NeedStatus, PledgeAction, PledgeStatus, SupportDetails, SupportKind, PLEDGE_MACHINE,
};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{AnyRole, Authed, Partner, RoleSet, Staff, StaffOrPartner};
use crate::common::outbox;
use crate::common::reach::{own_partner, partner_scope};
use crate::common::state_machine::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};
use crate::http::idempotency::{Idempotency, Reply};
use crate::http::paging::page;
use crate::http::version::check_if_match;
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;
use xingguang_db::vocab::EventType;
use xingguang_db::vocab::PartnerStatus;

/// The pledge as the API shows it, read again after a change (with partner and need names).
async fn pledge_dto(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> ApiResult<PledgeDto> {
    Pledge::find(conn, community_id, None, id).await?.try_into()
}

async fn detail(conn: &mut AsyncPgConnection, community_id: Uuid, scope: Option<Uuid>, id: Uuid) -> ApiResult<PledgeDetailDto> {
    let row = Pledge::find(conn, community_id, scope, id).await?;
    let history =
        StateChange::of(conn, PLEDGE_MACHINE.entity, id).await?.into_iter().map(PledgeEventDto::try_from).collect::<Result<_, _>>()?;
    let deliveries = Delivery::of_pledge(conn, id).await?.into_iter().map(DeliveryDto::from).collect();
    Ok(PledgeDetailDto { pledge: row.try_into()?, history, deliveries })
}

/// List pledges
///
/// Newest first. Staff see every pledge (`status=submitted` is the review queue); a partner sees
/// its own only.
///
/// **Roles:** staff, partner.
#[utoipa::path(
    tag = "pledges",
    operation_id = "list_pledges",
    security(("bearer" = [])),
    params(PledgeQuery, PageQuery),
    responses(
        (status = 200, description = "A page of pledges.", body = ListResponse<PledgeDto>),
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Residents and group leaders see the thank-you list instead."),
        (status = 422, description = "Unknown status or invalid paging."),
    )
)]
#[get("/pledges")]
pub async fn list_pledges(
    user: Authed<StaffOrPartner>,
    state: web::Data<AppState>,
    query: web::Query<PledgeQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page(&paging)?;
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(PledgeStatus::parse(s).ok_or_else(|| {
            ApiError::validation(vec![FieldError::new("status", "must be submitted, accepted, declined, withdrawn or fulfilled")])
        })?),
    };
    let filter = PledgeFilter { partner_id: partner_scope(&user).or(query.partner_id), need_id: query.need_id, status };
    let mut conn = state.conn().await?;
    let rows = Pledge::list(&mut conn, user.community_id(), &filter, page).await?;
    Ok(HttpResponse::Ok().json(ListResponse::try_from_page(rows, PledgeDto::try_from)?))
}

/// A pledge with its history and deliveries
///
/// **Roles:** staff, partner (own pledges).
#[utoipa::path(
    tag = "pledges",
    operation_id = "get_pledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The pledge's id.")),
    responses(
        (status = 200, description = "The pledge.", body = PledgeDetailDto),
        (status = 403, description = "Residents and group leaders."),
        (status = 404, description = "No such pledge within reach."),
    )
)]
#[get("/pledges/{id}")]
pub async fn get_pledge(user: Authed<StaffOrPartner>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let dto = detail(&mut conn, user.community_id(), partner_scope(&user), *id).await?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, crate::http::version::etag(dto.pledge.version))).json(dto))
}

/// Pledge support
///
/// Money (`amount_fen`), goods (`items`), a venue (`place`, `slots`) or volunteer time
/// (`people` × `hours`), against an open need (whose category fixes the kind) or on the
/// partner's own initiative. Requires an `Idempotency-Key` header: a retry with the same key and
/// body returns the first response (with `Idempotent-Replayed: true`) and creates nothing; the
/// same key with a different body answers 422.
///
/// **Roles:** partner.
#[utoipa::path(
    tag = "pledges",
    operation_id = "create_pledge",
    security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header, description = "Unique per operation, e.g. a UUID; 1–255 visible ASCII characters. Kept at least 24 hours.")),
    request_body = CreatePledgeRequest,
    responses(
        (status = 201, description = "Submitted (or the replay of the first response to this key).", body = PledgeDto,
            headers(("Location" = String, description = "The pledge's URL."))),
        (status = 400, description = "Malformed JSON, or no `Idempotency-Key`."),
        (status = 403, description = "Not a partner, or not linked to a unit."),
        (status = 409, description = "The need is not open, or the partner unit is inactive."),
        (status = 422, description = "Invalid fields, or the key was used for a different request."),
    )
)]
#[post("/pledges")]
pub async fn create_pledge(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    body: web::Json<CreatePledgeRequest>,
) -> ApiResult<HttpResponse> {
    let partner_id = own_partner(&user)?;
    let idem = Idempotency::required(&req, &user, &*body)?;
    let mut support = body.support.clone();
    let mut errors = support.validate();
    let note = body.note.as_deref().unwrap_or("").trim().to_owned();
    if note.chars().count() > 1000 {
        errors.push(FieldError::new("note", "must be at most 1000 characters"));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.conn().await?;
    let reply = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if let Some(replay) = idem.begin(conn).await? {
                return Ok(replay);
            }
            let unit = PartnerUnit::find(conn, user.community_id(), partner_id).await?;
            if unit.status != PartnerStatus::Active {
                return Err(ApiError::conflict(ErrorCode::PartnerInactive, "Your partner unit is inactive; contact the community office."));
            }
            if let Some(need_id) = body.need_id {
                let need = Need::find(conn, user.community_id(), need_id)
                    .await
                    .map_err(|_| ApiError::validation(vec![FieldError::new("need_id", "no such need in this community")]))?;
                if need.status != NeedStatus::Open {
                    return Err(ApiError::conflict(
                        ErrorCode::NeedNotOpen,
                        format!("This need is {} and takes no new pledges.", need.status),
                    ));
                }
                let wanted = need.category.support_kind();
                if wanted != support.kind() {
                    return Err(ApiError::validation(vec![FieldError::new("support.kind", format!("this need takes {wanted} pledges"))]));
                }
            }
            let pledge = Pledge::insert(
                conn,
                &NewPledge {
                    id: xingguang_db::new_id(),
                    community_id: user.community_id(),
                    partner_id,
                    need_id: body.need_id,
                    kind: support.kind(),
                    details: serde_json::to_value(&support).map_err(ApiError::internal)?,
                    quantity: support.quantity(),
                    planned_date: body.planned_date,
                    note: note.clone(),
                    submitted_by_user: user.claims.client_id.is_none().then(|| user.user_id()),
                    submitted_by_client: user.claims.client_id.is_some().then(|| user.user_id()),
                },
            )
            .await?;
            let submit = PLEDGE_MACHINE.rule(PledgeAction::Submit);
            let actor = Actor::of(conn, &user).await?;
            let note = Some(note.clone()).filter(|n| !n.is_empty());
            PLEDGE_MACHINE.record(conn, submit, user.community_id(), pledge.id, None, note, &actor).await?;
            AuditEvent::new(submit.audit, "pledge").by(&user).entity(pledge.id).write(conn, &ctx).await?;
            let dto = pledge_dto(conn, user.community_id(), pledge.id).await?;
            idem.finish(conn, Reply::created(&dto, format!("/api/v1/pledges/{}", dto.id))).await
        })
        .await?;
    Ok(reply.into_response())
}

/// One state change of a pledge: checks the move (409) and the version (412), writes it with a
/// compare-and-set, records the history entry, the audit entry and the webhook event together.
struct Change<'a> {
    action: PledgeAction,
    version: i32,
    note: Option<String>,
    event: Option<EventType>,
    transition: PledgeTransition,
    idem: Option<&'a Idempotency>,
}

async fn change_state<R: RoleSet + Sync>(
    state: &AppState,
    user: &Authed<R>,
    ctx: &RequestCtx,
    id: Uuid,
    change: Change<'_>,
) -> ApiResult<Reply> {
    let mut conn = state.conn().await?;
    let scope = partner_scope(user);
    let reply = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if let Some(replay) = match change.idem {
                Some(idem) => idem.begin(conn).await?,
                None => None,
            } {
                return Ok(replay);
            }
            let current = Pledge::find(conn, user.community_id(), scope, id).await?.pledge;
            let rule = PLEDGE_MACHINE.check(change.action, current.status, user.role())?;
            if current.version != change.version {
                return Err(ApiError::precondition_failed());
            }
            let transition = PledgeTransition { status: Some(rule.to), ..change.transition };
            Pledge::transition(conn, id, change.version, rule.from, &transition).await?.ok_or_else(ApiError::precondition_failed)?;
            let actor = Actor::of(conn, user).await?;
            PLEDGE_MACHINE.record(conn, rule, user.community_id(), id, Some(current.status), change.note.clone(), &actor).await?;
            AuditEvent::new(rule.audit, "pledge").by(user).entity(id).fields(&["status"]).write(conn, ctx).await?;
            let dto = pledge_dto(conn, user.community_id(), id).await?;
            if let Some(event) = change.event {
                outbox::publish(
                    conn,
                    user.community_id(),
                    Some(dto.partner_id),
                    event,
                    serde_json::to_value(&dto).map_err(ApiError::internal)?,
                )
                .await?;
            }
            let reply = Reply::ok(&dto);
            match change.idem {
                Some(idem) => idem.finish(conn, reply).await,
                None => reply,
            }
        })
        .await?;
    if change.event.is_some() {
        state.wake_webhooks();
    }
    Ok(reply)
}

/// Accept a pledge
///
/// Only a `submitted` pledge (else 409). The partner hears `pledge.accepted` by webhook.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "pledges",
    operation_id = "accept_pledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The pledge's id.")),
    request_body = AcceptPledgeRequest,
    responses(
        (status = 200, description = "Accepted.", body = PledgeDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such pledge."),
        (status = 409, description = "The pledge is not submitted (`invalid_transition`)."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[post("/pledges/{id}/accept")]
pub async fn accept_pledge(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<AcceptPledgeRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let note = body.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(ApiError::validation(vec![FieldError::new("note", "must be at most 500 characters")]));
    }
    let change = Change {
        action: PledgeAction::Accept,
        version: body.version,
        note,
        event: Some(EventType::PledgeAccepted),
        transition: PledgeTransition {
            decided_by: Some(Some(user.user_id())),
            decided_at: Some(Some(chrono::Utc::now())),
            ..Default::default()
        },
        idem: None,
    };
    Ok(change_state(&state, &user, &ctx, *id, change).await?.into_response())
}

/// Decline a pledge
///
/// Only a `submitted` pledge (else 409), with a reason the partner sees. The partner hears
/// `pledge.declined` by webhook.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "pledges",
    operation_id = "decline_pledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The pledge's id.")),
    request_body = DeclinePledgeRequest,
    responses(
        (status = 200, description = "Declined.", body = PledgeDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such pledge."),
        (status = 409, description = "The pledge is not submitted (`invalid_transition`)."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "No usable reason."),
    )
)]
#[post("/pledges/{id}/decline")]
pub async fn decline_pledge(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<DeclinePledgeRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let reason = body.reason.trim().to_owned();
    if !(2..=500).contains(&reason.chars().count()) {
        return Err(ApiError::validation(vec![FieldError::new("reason", "must be 2–500 characters")]));
    }
    let change = Change {
        action: PledgeAction::Decline,
        version: body.version,
        note: Some(reason.clone()),
        event: Some(EventType::PledgeDeclined),
        transition: PledgeTransition {
            decline_reason: Some(Some(reason)),
            decided_by: Some(Some(user.user_id())),
            decided_at: Some(Some(chrono::Utc::now())),
            ..Default::default()
        },
        idem: None,
    };
    Ok(change_state(&state, &user, &ctx, *id, change).await?.into_response())
}

/// Withdraw a pledge
///
/// The partner takes back a pledge that has not been decided yet (else 409). Requires an
/// `Idempotency-Key` header.
///
/// **Roles:** partner (own pledges).
#[utoipa::path(
    tag = "pledges",
    operation_id = "withdraw_pledge",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The pledge's id."),
        ("Idempotency-Key" = String, Header, description = "Unique per operation, e.g. a UUID."),
    ),
    request_body = WithdrawPledgeRequest,
    responses(
        (status = 200, description = "Withdrawn.", body = PledgeDto),
        (status = 400, description = "Malformed JSON, or no `Idempotency-Key`."),
        (status = 403, description = "Not a partner."),
        (status = 404, description = "No such pledge of yours."),
        (status = 409, description = "Already decided (`invalid_transition`)."),
        (status = 412, description = "Changed since loaded."),
        (status = 422, description = "Invalid fields, or the key was used for a different request."),
    )
)]
#[post("/pledges/{id}/withdraw")]
pub async fn withdraw_pledge(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<WithdrawPledgeRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    own_partner(&user)?;
    let idem = Idempotency::required(&req, &user, &*body)?;
    let reason = body.reason.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if reason.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(ApiError::validation(vec![FieldError::new("reason", "must be at most 500 characters")]));
    }
    let change = Change {
        action: PledgeAction::Withdraw,
        version: body.version,
        note: reason,
        event: None,
        transition: PledgeTransition::default(),
        idem: Some(&idem),
    };
    Ok(change_state(&state, &user, &ctx, *id, change).await?.into_response())
}

/// The delivered quantity of a delivery request, in the pledge kind's measure.
fn delivered_quantity(kind: SupportKind, body: &mut DeliveryRequest, today: chrono::NaiveDate) -> ApiResult<i64> {
    let mut errors = Vec::new();
    let given = [
        ("amount_fen", body.amount_fen.is_some()),
        ("items", body.items.is_some()),
        ("slots", body.slots.is_some()),
        ("person_hours", body.person_hours.is_some()),
    ];
    let expected = match kind {
        SupportKind::Money => "amount_fen",
        SupportKind::Goods => "items",
        SupportKind::Venue => "slots",
        SupportKind::VolunteerTime => "person_hours",
    };
    for (field, present) in given {
        if present && field != expected {
            errors.push(FieldError::new(field, format!("does not apply to a {kind} pledge; send {expected}")));
        }
    }
    let quantity = match kind {
        SupportKind::Money => body.amount_fen.unwrap_or(0),
        SupportKind::Goods => {
            let items = body.items.get_or_insert_with(Vec::new);
            for item in items.iter_mut() {
                item.name = item.name.trim().to_owned();
                item.unit = item.unit.trim().to_owned();
            }
            check_items("items", items, &mut errors);
            items.iter().map(|i| i.quantity).sum()
        }
        SupportKind::Venue => i64::from(body.slots.unwrap_or(0)),
        SupportKind::VolunteerTime => body.person_hours.unwrap_or(0),
    };
    if quantity <= 0 || quantity > super::domain::MAX_AMOUNT_FEN {
        errors.push(FieldError::new(expected, "must be a positive amount"));
    }
    if body.receipt_number.as_ref().is_some_and(|r| r.chars().count() > 60) {
        errors.push(FieldError::new("receipt_number", "must be at most 60 characters"));
    }
    if body.note.as_ref().is_some_and(|r| r.chars().count() > 500) {
        errors.push(FieldError::new("note", "must be at most 500 characters"));
    }
    if body.delivered_on.is_some_and(|d| d > today) {
        errors.push(FieldError::new("delivered_on", "must not be in the future"));
    }
    if errors.is_empty() {
        Ok(quantity)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Record a delivery
///
/// Support received for an `accepted` pledge (else 409): money, goods, venue slots used or
/// volunteer person-hours, with a receipt number. When deliveries reach the pledged quantity (or
/// `complete` is set) the pledge is `fulfilled` and the partner hears `pledge.fulfilled`; a need
/// whose target is delivered becomes `met`.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "pledges",
    operation_id = "record_delivery",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The pledge's id.")),
    request_body = DeliveryRequest,
    responses(
        (status = 201, description = "Recorded; the pledge with its deliveries.", body = PledgeDetailDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such pledge."),
        (status = 409, description = "The pledge is not accepted (`invalid_transition`), or changed meanwhile."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[post("/pledges/{id}/deliveries")]
pub async fn record_delivery(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<DeliveryRequest>,
) -> ApiResult<HttpResponse> {
    let mut body = body.into_inner();
    let mut conn = state.conn().await?;
    let current = Pledge::find(&mut conn, user.community_id(), None, *id).await?.pledge;
    PLEDGE_MACHINE.check(PledgeAction::Deliver, current.status, user.role())?;
    let today = state.clock.today();
    let quantity = delivered_quantity(current.kind, &mut body, today)?;
    let (dto, fulfilled) = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let delivery = Delivery::insert(
                conn,
                &Delivery {
                    id: xingguang_db::new_id(),
                    community_id: user.community_id(),
                    pledge_id: current.id,
                    partner_id: current.partner_id,
                    delivered_on: body.delivered_on.unwrap_or(today),
                    quantity,
                    details: serde_json::to_value(&body).map_err(ApiError::internal)?,
                    receipt_number: body.receipt_number.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned),
                    note: body.note.as_deref().unwrap_or("").trim().to_owned(),
                    recorded_by: user.user_id(),
                    created_at: chrono::Utc::now(),
                },
            )
            .await?;
            let fulfilled = delivery_fulfils(current.delivered_quantity, quantity, current.quantity, body.complete);
            let rule = PLEDGE_MACHINE.rule(if fulfilled { PledgeAction::Fulfil } else { PledgeAction::Deliver });
            let transition = PledgeTransition {
                status: Some(rule.to),
                delivered_quantity: Some(current.delivered_quantity + quantity),
                fulfilled_at: fulfilled.then(|| Some(chrono::Utc::now())),
                ..Default::default()
            };
            Pledge::transition(conn, current.id, current.version, rule.from, &transition).await?.ok_or_else(|| {
                ApiError::conflict(
                    ErrorCode::ConcurrentChange,
                    "The pledge changed while the delivery was recorded. Reload it and try again.",
                )
            })?;
            if fulfilled {
                let actor = Actor::of(conn, &user).await?;
                PLEDGE_MACHINE.record(conn, rule, user.community_id(), current.id, Some(current.status), None, &actor).await?;
            }
            AuditEvent::new(rule.audit, "pledge")
                .by(&user)
                .entity(current.id)
                .detail(json!({ "delivery_id": delivery.id, "fulfilled": fulfilled }))
                .write(conn, &ctx)
                .await?;
            if let Some(need_id) = current.need_id {
                let need = Need::find_for_update(conn, user.community_id(), need_id).await?;
                let progress = Need::progress(conn, &[need_id]).await?.into_iter().next().map(|(_, p)| p).unwrap_or_default();
                if need_is_met(need.status, need.target_quantity, progress.fulfilled) {
                    Need::set_status(conn, need_id, NeedStatus::Met).await?;
                }
            }
            let dto = detail(conn, user.community_id(), None, current.id).await?;
            if fulfilled {
                let data = serde_json::to_value(&dto.pledge).map_err(ApiError::internal)?;
                outbox::publish(conn, user.community_id(), Some(current.partner_id), EventType::PledgeFulfilled, data).await?;
            }
            Ok((dto, fulfilled))
        })
        .await?;
    if fulfilled {
        state.wake_webhooks();
    }
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((actix_web::http::header::LOCATION, format!("/api/v1/pledges/{}", dto.pledge.id)))
        .json(dto))
}

/// Thank-you list
///
/// Fulfilled support, newest first: which partner gave what for which need. Amounts of money
/// are not shown.
///
/// **Roles:** staff, partner, group_leader, resident.
#[utoipa::path(
    tag = "pledges",
    operation_id = "list_thanks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Up to 100 fulfilled pledges.", body = Vec<ThanksDto>),
    )
)]
#[get("/thanks")]
pub async fn list_thanks(user: Authed<AnyRole>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let rows = Pledge::fulfilled(&mut conn, user.community_id(), 100).await?;
    let thanks: Vec<ThanksDto> = rows
        .into_iter()
        .map(|row| {
            let support: Option<SupportDetails> = serde_json::from_value(row.pledge.details).ok();
            ThanksDto {
                partner_name: row.partner_name,
                kind: row.pledge.kind,
                need_title: row.need_title,
                support: support.filter(|s| s.kind() != SupportKind::Money),
                fulfilled_at: row.pledge.fulfilled_at,
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(thanks))
}
