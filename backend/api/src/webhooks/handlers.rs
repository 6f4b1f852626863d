use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::webhook::{NewWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointChanges};

use super::domain::{check_url, new_secret, EventType};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Partner, StaffOrPartner};
use crate::common::reach::{own_partner, partner_scope};
use crate::error::{ApiError, ApiResult, ErrorCode, Errors};
use crate::http::idempotency::{Idempotency, Reply};
use crate::http::paging::page;
use crate::http::version::{check_if_match, etag};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

fn events(errors: &mut Errors, list: &[EventType]) -> Vec<EventType> {
    if list.is_empty() {
        errors.push("events", "choose at least one event");
    }
    if list.iter().any(|e| !e.is_subscribable()) {
        errors.push(
            "events",
            "webhook.test and duty.reminder cannot be subscribed to: every endpoint receives a test event when you send one, and a duty reminder names a person",
        );
    }
    let mut out = list.to_vec();
    out.sort_by_key(|e| e.as_str());
    out.dedup();
    out
}

/// List webhook endpoints
///
/// A partner sees its own; staff see every partner's (or one's, with `partner_id`).
///
/// **Roles:** staff, partner.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_endpoints",
    security(("bearer" = [])),
    params(EndpointQuery),
    responses(
        (status = 200, description = "Endpoints, newest first.", body = Vec<EndpointDto>),
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Residents and group leaders."),
    )
)]
#[get("/webhooks/endpoints")]
pub async fn list_endpoints(
    user: Authed<StaffOrPartner>,
    state: web::Data<AppState>,
    query: web::Query<EndpointQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let list = WebhookEndpoint::list(&mut conn, user.community_id(), partner_scope(&user).or(query.partner_id)).await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(EndpointDto::from).collect::<Vec<_>>()))
}

/// Register a webhook endpoint
///
/// The response holds the signing secret (`whsec_…`, Standard Webhooks format) once. Requires an
/// `Idempotency-Key` header.
///
/// **Roles:** partner.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "create_endpoint",
    security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header, description = "Unique per operation, e.g. a UUID.")),
    request_body = CreateEndpointRequest,
    responses(
        (status = 201, description = "Registered; the secret is shown once.", body = EndpointSecretDto),
        (status = 400, description = "Malformed JSON, or no `Idempotency-Key`."),
        (status = 403, description = "Not a partner."),
        (status = 422, description = "Invalid URL or events, or the key was used for a different request."),
    )
)]
#[post("/webhooks/endpoints")]
pub async fn create_endpoint(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    body: web::Json<CreateEndpointRequest>,
) -> ApiResult<HttpResponse> {
    let partner_id = own_partner(&user)?;
    let idem = Idempotency::required(&req, &user, &*body)?;
    let mut errors = Errors::default();
    let url = errors.check(check_url(&body.url, state.settings.webhook_allow_http_loopback));
    let events = events(&mut errors, &body.events);
    let description = errors.optional_text("description", body.description.as_deref().unwrap_or(""), 200);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let reply = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if let Some(replay) = idem.begin(conn).await? {
                return Ok(replay);
            }
            let secret = new_secret();
            let endpoint = WebhookEndpoint::insert(
                conn,
                &NewWebhookEndpoint {
                    id: xingguang_db::new_id(),
                    community_id: user.community_id(),
                    partner_id,
                    url: url.clone().unwrap_or_default(),
                    description: description.clone(),
                    events: events.clone(),
                    secret: secret.clone().into(),
                },
            )
            .await?;
            AuditEvent::new("webhook_endpoint.create", "webhook_endpoint").by(&user).entity(endpoint.id).write(conn, &ctx).await?;
            let location = format!("/api/v1/webhooks/endpoints/{}", endpoint.id);
            idem.finish(conn, Reply::created(EndpointSecretDto { endpoint: endpoint.into(), secret }, location)).await
        })
        .await?;
    Ok(reply.into_response())
}

/// Change a webhook endpoint
///
/// URL, description, events, or `enabled` (a disabled endpoint gets no new deliveries).
/// Send the `version` you loaded; a stale one answers 412.
///
/// **Roles:** partner (own endpoints).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "update_endpoint",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The endpoint's id.")),
    request_body = UpdateEndpointRequest,
    responses(
        (status = 200, description = "Updated.", body = EndpointDto),
        (status = 403, description = "Not a partner."),
        (status = 404, description = "No such endpoint of yours."),
        (status = 412, description = "Changed since loaded."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[patch("/webhooks/endpoints/{id}")]
pub async fn update_endpoint(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateEndpointRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let partner_id = own_partner(&user)?;
    let mut errors = Errors::default();
    let mut changes = WebhookEndpointChanges::default();
    let mut fields = Vec::new();
    if let Some(url) = &body.url {
        changes.url = errors.check(check_url(url, state.settings.webhook_allow_http_loopback));
        fields.push("url");
    }
    if let Some(text) = &body.description {
        changes.description = Some(errors.optional_text("description", text, 200));
        fields.push("description");
    }
    if let Some(list) = &body.events {
        changes.events = Some(events(&mut errors, list));
        fields.push("events");
    }
    if let Some(enabled) = body.enabled {
        changes.enabled = Some(enabled);
        fields.push("enabled");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    WebhookEndpoint::find(&mut conn, user.community_id(), Some(partner_id), *id).await?;
    let endpoint = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let endpoint = WebhookEndpoint::update(conn, *id, body.version, &changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("webhook_endpoint.update", "webhook_endpoint")
                .by(&user)
                .entity(endpoint.id)
                .fields(&fields)
                .write(conn, &ctx)
                .await?;
            Ok(endpoint)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(endpoint.version))).json(EndpointDto::from(endpoint)))
}

/// Remove a webhook endpoint
///
/// Its pending deliveries are dropped with it.
///
/// **Roles:** partner (own endpoints).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "delete_endpoint",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The endpoint's id.")),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "Not a partner."),
        (status = 404, description = "No such endpoint of yours."),
    )
)]
#[delete("/webhooks/endpoints/{id}")]
pub async fn delete_endpoint(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let partner_id = own_partner(&user)?;
    let mut conn = state.conn().await?;
    let endpoint = WebhookEndpoint::find(&mut conn, user.community_id(), Some(partner_id), *id).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        WebhookEndpoint::delete(conn, endpoint.id).await?;
        AuditEvent::new("webhook_endpoint.delete", "webhook_endpoint").by(&user).entity(endpoint.id).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate an endpoint's signing secret
///
/// Returns the new secret once. For 24 hours deliveries carry two signatures (new and old
/// secret), so the receiver can switch without missing any. Requires an `Idempotency-Key` header.
///
/// **Roles:** partner (own endpoints).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "rotate_endpoint_secret",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The endpoint's id."),
        ("Idempotency-Key" = String, Header, description = "Unique per operation, e.g. a UUID."),
    ),
    responses(
        (status = 200, description = "The new secret, shown once.", body = EndpointSecretDto),
        (status = 400, description = "No `Idempotency-Key`."),
        (status = 403, description = "Not a partner."),
        (status = 404, description = "No such endpoint of yours."),
        (status = 422, description = "The key was used for a different request."),
    )
)]
#[post("/webhooks/endpoints/{id}/rotate-secret")]
pub async fn rotate_endpoint_secret(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let partner_id = own_partner(&user)?;
    let idem = Idempotency::required(&req, &user, &json!({}))?;
    let mut conn = state.conn().await?;
    let endpoint = WebhookEndpoint::find(&mut conn, user.community_id(), Some(partner_id), *id).await?;
    let reply = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if let Some(replay) = idem.begin(conn).await? {
                return Ok(replay);
            }
            let secret = new_secret();
            let changes = WebhookEndpointChanges {
                secret: Some(secret.clone().into()),
                previous_secret: Some(Some(endpoint.secret.clone())),
                previous_expires_at: Some(Some(chrono::Utc::now() + chrono::Duration::hours(24))),
                ..Default::default()
            };
            let updated =
                WebhookEndpoint::update(conn, endpoint.id, endpoint.version, &changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("webhook_endpoint.rotate_secret", "webhook_endpoint").by(&user).entity(updated.id).write(conn, &ctx).await?;
            idem.finish(conn, Reply::ok(EndpointSecretDto { endpoint: updated.into(), secret })).await
        })
        .await?;
    Ok(reply.into_response())
}

/// Send a test event
///
/// Queues a `webhook.test` event for this endpoint only (whatever events it subscribes to), signed
/// like every delivery, so you can check your receiver and its signature verification. It shows
/// in the delivery log. Requires an `Idempotency-Key` header.
///
/// **Roles:** partner (own endpoints).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "send_test_event",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The endpoint's id."),
        ("Idempotency-Key" = String, Header, description = "Unique per operation, e.g. a UUID."),
    ),
    responses(
        (status = 202, description = "Queued; the worker sends it within moments.", body = WebhookDeliveryDto),
        (status = 400, description = "No `Idempotency-Key`."),
        (status = 403, description = "Not a partner."),
        (status = 404, description = "No such endpoint of yours."),
        (status = 409, description = "The endpoint is disabled."),
        (status = 422, description = "The key was used for a different request."),
    )
)]
#[post("/webhooks/endpoints/{id}/test")]
pub async fn send_test_event(
    user: Authed<Partner>,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let partner_id = own_partner(&user)?;
    let idem = Idempotency::required(&req, &user, &json!({}))?;
    let mut conn = state.conn().await?;
    let endpoint = WebhookEndpoint::find(&mut conn, user.community_id(), Some(partner_id), *id).await?;
    if !endpoint.enabled {
        return Err(ApiError::conflict(ErrorCode::EndpointDisabled, "This endpoint is disabled; enable it first."));
    }
    let reply = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if let Some(replay) = idem.begin(conn).await? {
                return Ok(replay);
            }
            let delivery_id = crate::common::outbox::publish_test(conn, &endpoint).await?;
            let delivery = WebhookDelivery::find(conn, endpoint.id, delivery_id).await?;
            let event = xingguang_db::models::webhook::WebhookEvent::find(conn, delivery.event_id).await?;
            let mut reply = Reply::ok(WebhookDeliveryDto::from((delivery, event)))?;
            reply.status = actix_web::http::StatusCode::ACCEPTED;
            idem.finish(conn, Ok(reply)).await
        })
        .await?;
    state.wake_webhooks();
    Ok(reply.into_response())
}

/// An endpoint's delivery log
///
/// Newest first, with the payload as sent and the latest attempt's outcome.
///
/// **Roles:** staff, partner (own endpoints).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_deliveries",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The endpoint's id."), PageQuery),
    responses(
        (status = 200, description = "A page of deliveries.", body = ListResponse<WebhookDeliveryDto>),
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Residents and group leaders."),
        (status = 404, description = "No such endpoint within reach."),
        (status = 422, description = "Invalid paging."),
    )
)]
#[get("/webhooks/endpoints/{id}/deliveries")]
pub async fn list_deliveries(
    user: Authed<StaffOrPartner>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page(&paging)?;
    let mut conn = state.conn().await?;
    let endpoint = WebhookEndpoint::find(&mut conn, user.community_id(), partner_scope(&user), *id).await?;
    let rows = WebhookDelivery::of_endpoint(&mut conn, endpoint.id, page).await?;
    Ok(HttpResponse::Ok().json(ListResponse::from_page(rows, WebhookDeliveryDto::from)))
}

/// Re-send a delivery
///
/// Queues the delivery again now, with the same `webhook-id` (attempts start over). Partners
/// send an `Idempotency-Key` header.
///
/// **Roles:** staff, partner (own endpoints).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "resend_delivery",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The endpoint's id."),
        ("delivery" = Uuid, Path, description = "The delivery's id."),
        ("Idempotency-Key" = Option<String>, Header, description = "Required for partners."),
    ),
    responses(
        (status = 200, description = "Queued again.", body = WebhookDeliveryDto),
        (status = 400, description = "No `Idempotency-Key` (partners)."),
        (status = 403, description = "Residents and group leaders."),
        (status = 404, description = "No such delivery within reach."),
        (status = 409, description = "Still pending: it will be tried anyway."),
        (status = 422, description = "The key was used for a different request."),
    )
)]
#[post("/webhooks/endpoints/{id}/deliveries/{delivery}/resend")]
pub async fn resend_delivery(
    user: Authed<StaffOrPartner>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (endpoint_id, delivery_id) = path.into_inner();
    let scope = partner_scope(&user);
    let idem =
        if scope.is_some() { Idempotency::required(&req, &user, &json!({}))? } else { Idempotency::optional(&req, &user, &json!({}))? };
    let mut conn = state.conn().await?;
    let endpoint = WebhookEndpoint::find(&mut conn, user.community_id(), scope, endpoint_id).await?;
    let reply = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if let Some(replay) = idem.begin(conn).await? {
                return Ok(replay);
            }
            let delivery = WebhookDelivery::find(conn, endpoint.id, delivery_id).await?;
            if delivery.status == xingguang_db::vocab::DeliveryStatus::Pending {
                return Err(ApiError::conflict(
                    ErrorCode::DeliveryPending,
                    "This delivery is still pending and will be tried again automatically.",
                ));
            }
            let requeued = WebhookDelivery::requeue(conn, delivery.id).await?;
            AuditEvent::new("webhook_delivery.resend", "webhook_delivery").by(&user).entity(requeued.id).write(conn, &ctx).await?;
            let event = xingguang_db::models::webhook::WebhookEvent::find(conn, requeued.event_id).await?;
            idem.finish(conn, Reply::ok(WebhookDeliveryDto::from((requeued, event)))).await
        })
        .await?;
    state.wake_webhooks();
    Ok(reply.into_response())
}
