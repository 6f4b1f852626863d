use actix_web::{get, patch, post, web, HttpResponse};
use diesel_async::AsyncConnection;
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::partner::{ApiClient, NewApiClient, NewPartnerUnit, PartnerUnit, PartnerUnitChanges};

use super::domain::{hash_secret, new_client_id, new_client_secret, secret_hint};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff, StaffOrPartner};
use crate::common::pii::{audit_reveal, parse_phone, RevealRequest};
use crate::common::reach::{check_partner, partner_scope};
use crate::error::{conflict_on_duplicate, ErrorCode, Errors};
use crate::error::{ApiError, ApiResult};
use crate::http::version::etag;
use crate::http::RequestCtx;
use crate::state::AppState;

fn phone(errors: &mut Errors, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    errors.check(parse_phone("contact_phone", value))
}

/// List partner units
///
/// By name. A partner sees its own unit only.
///
/// **Roles:** staff, partner.
#[utoipa::path(
    tag = "partners",
    operation_id = "list_partners",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The partner units within reach.", body = Vec<PartnerDto>),
        (status = 403, description = "Residents and group leaders see partners through the thank-you list only."),
    )
)]
#[get("/partners")]
pub async fn list_partners(user: Authed<StaffOrPartner>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let units = PartnerUnit::list(&mut conn, user.community_id(), partner_scope(&user)).await?;
    Ok(HttpResponse::Ok().json(units.into_iter().map(PartnerDto::from).collect::<Vec<_>>()))
}

/// Register a partner unit
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "partners",
    operation_id = "create_partner",
    security(("bearer" = [])),
    request_body = CreatePartnerRequest,
    responses(
        (status = 201, description = "Created.", body = PartnerDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "A unit with this name exists."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[post("/partners")]
pub async fn create_partner(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreatePartnerRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let new = NewPartnerUnit {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        name: errors.required_text("name", &body.name, 100),
        kind: body.kind,
        contact_name: body.contact_name.as_deref().map(|v| errors.optional_text("contact_name", v, 50)).filter(|v| !v.is_empty()),
        contact_phone: body.contact_phone.as_deref().and_then(|v| phone(&mut errors, v)).map(Into::into),
        address: body.address.as_deref().map(|v| errors.optional_text("address", v, 200)).filter(|v| !v.is_empty()),
        partnered_since: body.partnered_since,
    };
    errors.finish()?;
    let mut conn = state.conn().await?;
    let unit = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let unit = PartnerUnit::insert(conn, &new).await.map_err(|e| conflict_on_duplicate(e, "A partner unit with this name"))?;
            AuditEvent::new("partner.create", "partner_unit").by(&user).entity(unit.id).write(conn, &ctx).await?;
            Ok(unit)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((actix_web::http::header::ETAG, etag(unit.version))).json(PartnerDto::from(unit)))
}

/// A partner unit
///
/// **Roles:** staff, partner (own unit).
#[utoipa::path(
    tag = "partners",
    operation_id = "get_partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id.")),
    responses(
        (status = 200, description = "The unit.", body = PartnerDto, headers(("ETag" = String, description = "The version."))),
        (status = 403, description = "Residents and group leaders."),
        (status = 404, description = "No such unit within reach."),
    )
)]
#[get("/partners/{id}")]
pub async fn get_partner(user: Authed<StaffOrPartner>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    check_partner(&user, *id)?;
    let mut conn = state.conn().await?;
    let unit = PartnerUnit::find(&mut conn, user.community_id(), *id).await?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(unit.version))).json(PartnerDto::from(unit)))
}

/// Update a partner unit
///
/// Send the `version` you loaded (or `If-Match`); a stale version answers 412.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "partners",
    operation_id = "update_partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id.")),
    request_body = UpdatePartnerRequest,
    responses(
        (status = 200, description = "Updated.", body = PartnerDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such unit."),
        (status = 409, description = "Another unit has this name."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[patch("/partners/{id}")]
pub async fn update_partner(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: actix_web::HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdatePartnerRequest>,
) -> ApiResult<HttpResponse> {
    crate::http::version::check_if_match(&req, body.version)?;
    let mut errors = Errors::default();
    let mut changes = PartnerUnitChanges::default();
    let mut fields = Vec::new();
    if let Some(v) = &body.name {
        changes.name = Some(errors.required_text("name", v, 100));
        fields.push("name");
    }
    if let Some(kind) = body.kind {
        changes.kind = Some(kind);
        fields.push("kind");
    }
    if let Some(v) = &body.contact_name {
        changes.contact_name = Some(Some(errors.optional_text("contact_name", v, 50)).filter(|v| !v.is_empty()));
        fields.push("contact_name");
    }
    if let Some(v) = &body.contact_phone {
        changes.contact_phone = Some(phone(&mut errors, v).map(Into::into));
        fields.push("contact_phone");
    }
    if let Some(v) = &body.address {
        changes.address = Some(Some(errors.optional_text("address", v, 200)).filter(|v| !v.is_empty()));
        fields.push("address");
    }
    if let Some(date) = body.partnered_since {
        changes.partnered_since = Some(Some(date));
        fields.push("partnered_since");
    }
    if let Some(status) = body.status {
        changes.status = Some(status);
        fields.push("status");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    PartnerUnit::find(&mut conn, user.community_id(), *id).await?;
    let unit = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let unit = PartnerUnit::update(conn, user.community_id(), *id, body.version, &changes)
                .await
                .map_err(|e| conflict_on_duplicate(e, "A partner unit with this name"))?
                .ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("partner.update", "partner_unit").by(&user).entity(unit.id).fields(&fields).write(conn, &ctx).await?;
            Ok(unit)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(unit.version))).json(PartnerDto::from(unit)))
}

/// Reveal a partner's contact phone
///
/// The reason is kept in the audit log.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "partners",
    operation_id = "reveal_partner_contact",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id.")),
    request_body = RevealRequest,
    responses(
        (status = 200, description = "The unmasked contact.", body = PartnerContactDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such unit."),
        (status = 422, description = "No usable reason."),
    )
)]
#[post("/partners/{id}/reveal")]
pub async fn reveal_partner_contact(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<RevealRequest>,
) -> ApiResult<HttpResponse> {
    let reason = body.reason()?;
    let mut conn = state.conn().await?;
    let unit = PartnerUnit::find(&mut conn, user.community_id(), *id).await?;
    audit_reveal(&mut conn, &user, &ctx, ("partner.reveal", "partner_unit"), unit.id, &["contact_phone"], reason).await?;
    Ok(HttpResponse::Ok().json(PartnerContactDto { contact_name: unit.contact_name, contact_phone: unit.contact_phone.map(Into::into) }))
}

/// List a partner's API clients
///
/// **Roles:** staff, partner (own unit).
#[utoipa::path(
    tag = "partners",
    operation_id = "list_clients",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id.")),
    responses(
        (status = 200, description = "Newest first; secrets are never listed.", body = Vec<ApiClientDto>),
        (status = 403, description = "Residents and group leaders."),
        (status = 404, description = "No such unit within reach."),
    )
)]
#[get("/partners/{id}/clients")]
pub async fn list_clients(user: Authed<StaffOrPartner>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    check_partner(&user, *id)?;
    let mut conn = state.conn().await?;
    let unit = PartnerUnit::find(&mut conn, user.community_id(), *id).await?;
    let clients = ApiClient::list(&mut conn, user.community_id(), unit.id).await?;
    Ok(HttpResponse::Ok().json(clients.into_iter().map(ApiClientDto::from).collect::<Vec<_>>()))
}

/// Create an API client
///
/// The secret is in this response only: hand it to the partner now. It is stored hashed.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "partners",
    operation_id = "create_client",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id.")),
    request_body = CreateClientRequest,
    responses(
        (status = 201, description = "Created; the secret is shown once.", body = ApiClientSecretDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such unit."),
        (status = 409, description = "The unit is inactive."),
        (status = 422, description = "Invalid name."),
    )
)]
#[post("/partners/{id}/clients")]
pub async fn create_client(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CreateClientRequest>,
) -> ApiResult<HttpResponse> {
    let client_name = body.name.trim().to_owned();
    if client_name.is_empty() || client_name.chars().count() > 60 {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("name", "must be 1–60 characters")]));
    }
    let mut conn = state.conn().await?;
    let unit = PartnerUnit::find(&mut conn, user.community_id(), *id).await?;
    if unit.status != xingguang_db::vocab::PartnerStatus::Active {
        return Err(ApiError::conflict(
            ErrorCode::PartnerInactive,
            "This partner unit is inactive; reactivate it before giving it API access.",
        ));
    }
    let secret = new_client_secret();
    let client = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let client = ApiClient::insert(
                conn,
                &NewApiClient {
                    id: xingguang_db::new_id(),
                    community_id: user.community_id(),
                    partner_id: unit.id,
                    client_id: new_client_id(),
                    name: client_name.clone(),
                    secret_hash: hash_secret(&secret),
                    secret_hint: secret_hint(&secret),
                    created_by: user.user_id(),
                },
            )
            .await?;
            AuditEvent::new("api_client.create", "api_client")
                .by(&user)
                .entity(client.id)
                .detail(json!({ "partner_id": unit.id, "client_id": client.client_id }))
                .write(conn, &ctx)
                .await?;
            Ok(client)
        })
        .await?;
    Ok(HttpResponse::Created().json(ApiClientSecretDto { client: client.into(), client_secret: secret }))
}

/// Rotate an API client's secret
///
/// The old secret stops working at once (tokens already issued run out within their lifetime).
/// The new secret is in this response only.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "partners",
    operation_id = "rotate_client",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id."), ("client" = Uuid, Path, description = "The API client's id.")),
    responses(
        (status = 200, description = "The new secret, shown once.", body = ApiClientSecretDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such client of this unit."),
        (status = 409, description = "The client is revoked."),
    )
)]
#[post("/partners/{id}/clients/{client}/rotate")]
pub async fn rotate_client(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (partner_id, client_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let client = ApiClient::find(&mut conn, user.community_id(), partner_id, client_id).await?;
    if client.revoked_at.is_some() {
        return Err(ApiError::conflict(ErrorCode::ClientRevoked, "This API client is revoked; create a new one."));
    }
    let secret = new_client_secret();
    let client = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let client = ApiClient::rotate(conn, client.id, hash_secret(&secret), secret_hint(&secret)).await.map_err(|e| match e {
                diesel::result::Error::NotFound => ApiError::conflict(ErrorCode::ClientRevoked, "This API client was revoked meanwhile."),
                other => other.into(),
            })?;
            AuditEvent::new("api_client.rotate", "api_client").by(&user).entity(client.id).write(conn, &ctx).await?;
            Ok(client)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ApiClientSecretDto { client: client.into(), client_secret: secret }))
}

/// Revoke an API client
///
/// Its secret stops working at once; revoking twice is harmless.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "partners",
    operation_id = "revoke_client",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The partner unit's id."), ("client" = Uuid, Path, description = "The API client's id.")),
    responses(
        (status = 200, description = "Revoked.", body = ApiClientDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such client of this unit."),
    )
)]
#[post("/partners/{id}/clients/{client}/revoke")]
pub async fn revoke_client(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (partner_id, client_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let client = ApiClient::find(&mut conn, user.community_id(), partner_id, client_id).await?;
    let client = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let client = ApiClient::revoke(conn, client.id).await?;
            AuditEvent::new("api_client.revoke", "api_client").by(&user).entity(client.id).write(conn, &ctx).await?;
            Ok(client)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ApiClientDto::from(client)))
}
