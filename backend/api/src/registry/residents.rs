//! Residents (人): list, register, read, update, status changes and the audited reveal.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::resident::{Resident, ResidentChanges, Search};
use xingguang_db::models::user::Role;
use xingguang_db::reach::Reach;

use super::domain::status_change_allowed;
use super::dto::*;
use super::service::{self, conflict_on_duplicate, Errors};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff};
use crate::common::pii::{audit_reveal, sees_sensitive_tags};
use crate::common::reach::reach;
use crate::error::{ApiError, ApiResult};
use crate::http::paging::page;
use crate::http::version::{check_if_match, etag};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

/// List residents
///
/// Newest first, active residents unless `status` says otherwise. Search `q` by name, pinyin or
/// initials (`zs` finds 张三), the last digits of the ID number, or part of the address.
///
/// **Roles:** staff, group_leader (own group), resident (own household).
#[utoipa::path(
    tag = "registry",
    operation_id = "list_residents",
    security(("bearer" = [])),
    params(ResidentQuery, PageQuery),
    responses(
        (status = 200, description = "A page of residents, masked.", body = ListResponse<ResidentDto>),
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Partners have no access to the registry."),
        (status = 422, description = "Invalid filters or paging."),
    )
)]
#[get("/residents")]
pub async fn list_residents(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    query: web::Query<ResidentQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let page = page(&paging)?;
    let filter = service::resident_filter(&query, today, user.role())?;
    let mut conn = state.conn().await?;
    let rows = Resident::list(&mut conn, reach(&user), &filter, page).await?;
    // Finding someone by ID-number digits narrows a masked number like a reveal does: audited.
    if matches!(filter.search, Some(Search::IdSuffix(_))) && !rows.items.is_empty() {
        AuditEvent::new("resident.id_search", "resident")
            .by(&user)
            .fields(&["id_number"])
            .detail(json!({ "matches": rows.items.len(), "ids": rows.items.iter().map(|r| r.resident.id).collect::<Vec<_>>() }))
            .write(&mut conn, &ctx)
            .await?;
    }
    let sensitive = sees_sensitive_tags(user.role());
    Ok(HttpResponse::Ok().json(ListResponse::from_page(rows, |row| ResidentDto::from_row(row, today, sensitive))))
}

/// A resident
///
/// **Roles:** staff, group_leader (own group), resident (own household).
#[utoipa::path(
    tag = "registry",
    operation_id = "get_resident",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The resident's id.")),
    responses(
        (status = 200, description = "The resident, masked.", body = ResidentDto, headers(("ETag" = String, description = "The version."))),
        (status = 403, description = "Partners have no access to the registry."),
        (status = 404, description = "No such resident within reach."),
    )
)]
#[get("/residents/{id}")]
pub async fn get_resident(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let row = Resident::find(&mut conn, reach(&user), *id).await?;
    let dto = ResidentDto::from_row(row, state.clock.today(), sees_sensitive_tags(user.role()));
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.version))).json(dto))
}

/// Register a resident
///
/// The ID number is checked (GB 11643 check digit, region, birth date); sex and birth date are
/// taken from it. One ID number is registered at most once per community.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "create_resident",
    security(("bearer" = [])),
    request_body = CreateResidentRequest,
    responses(
        (status = 201, description = "Registered.", body = ResidentDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "This ID number is already registered."),
        (status = 422, description = "Invalid fields, e.g. a wrong check digit."),
    )
)]
#[post("/residents")]
pub async fn create_resident(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateResidentRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let new = service::new_resident(&mut errors, user.community_id(), &body);
    let mut conn = state.conn().await?;
    service::household_in(&mut conn, &mut errors, user.community_id(), body.household_id).await?;
    errors.finish()?;
    let new = new.ok_or_else(ApiError::not_found)?;
    let row = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let resident = Resident::insert(conn, &new).await.map_err(|e| conflict_on_duplicate(e, "A resident with this ID number"))?;
            AuditEvent::new("resident.create", "resident")
                .by(&user)
                .entity(resident.id)
                .fields(&["household_id", "name", "id_number", "sex", "birth_date", "phone", "relationship", "tags"])
                .write(conn, &ctx)
                .await?;
            Ok(Resident::find(conn, Reach::Community(user.community_id()), resident.id).await?)
        })
        .await?;
    Ok(HttpResponse::Created().json(ResidentDto::from_row(row, state.clock.today(), true)))
}

/// Update a resident
///
/// Staff may change any field. A resident may change only their own `phone`.
///
/// **Roles:** staff, resident (own record, phone only).
#[utoipa::path(
    tag = "registry",
    operation_id = "update_resident",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The resident's id.")),
    request_body = UpdateResidentRequest,
    responses(
        (status = 200, description = "Updated.", body = ResidentDto),
        (status = 403, description = "A leader, or a resident changing more than their own phone."),
        (status = 404, description = "No such resident within reach."),
        (status = 409, description = "The new ID number is already registered."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[patch("/residents/{id}")]
pub async fn update_resident(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateResidentRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let mut conn = state.conn().await?;
    // Out of reach answers 404 before any role rule could reveal that the record exists.
    Resident::find(&mut conn, reach(&user), *id).await?;
    match user.role() {
        Role::Staff => {}
        Role::Resident if user.claims.resident_id == Some(*id) => {
            let only_phone = body.household_id.is_none()
                && body.name.is_none()
                && body.id_number.is_none()
                && body.relationship.is_none()
                && body.tags.is_none();
            if !only_phone {
                return Err(ApiError::forbidden("Residents may change only their own phone number."));
            }
        }
        _ => return Err(ApiError::forbidden("Only staff may change this record.")),
    }
    let mut errors = Errors::default();
    let (changes, fields) = service::resident_changes(&mut errors, &body);
    if let Some(household) = changes.household_id {
        service::household_in(&mut conn, &mut errors, user.community_id(), household).await?;
    }
    errors.finish()?;
    let row = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let updated = Resident::update(conn, user.community_id(), *id, body.version, &changes)
                .await
                .map_err(|e| conflict_on_duplicate(e, "A resident with this ID number"))?
                .ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("resident.update", "resident").by(&user).entity(updated.id).fields(&fields).write(conn, &ctx).await?;
            Ok(Resident::find(conn, Reach::Community(user.community_id()), updated.id).await?)
        })
        .await?;
    let dto = ResidentDto::from_row(row, state.clock.today(), sees_sensitive_tags(user.role()));
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.version))).json(dto))
}

/// Change a resident's status
///
/// Moved out, deceased, or back to active. The record is kept, with the date.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "change_resident_status",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The resident's id.")),
    request_body = ChangeStatusRequest,
    responses(
        (status = 200, description = "Changed.", body = ResidentDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such resident in this community."),
        (status = 409, description = "Already in that status."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "A date in the future."),
    )
)]
#[post("/residents/{id}/status")]
pub async fn change_resident_status(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<ChangeStatusRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let date = body.date.unwrap_or(today);
    if date > today {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("date", "must not be in the future")]));
    }
    let mut conn = state.conn().await?;
    let current = Resident::find(&mut conn, reach(&user), *id).await?;
    status_change_allowed(current.resident.status, body.status)?;
    let changes = ResidentChanges { status: Some(body.status), status_changed_on: Some(Some(date)), ..Default::default() };
    let row = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let updated = Resident::update(conn, user.community_id(), *id, body.version, &changes)
                .await?
                .ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("resident.status", "resident")
                .by(&user)
                .entity(updated.id)
                .fields(&["status", "status_changed_on"])
                .detail(json!({ "from": current.resident.status, "to": body.status.as_str() }))
                .write(conn, &ctx)
                .await?;
            Ok(Resident::find(conn, Reach::Community(user.community_id()), updated.id).await?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResidentDto::from_row(row, today, true)))
}

/// Reveal a resident's ID number and phones
///
/// Returns the unmasked values. The stated reason, who asked and when are written to the audit log.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "reveal_resident",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The resident's id.")),
    request_body = RevealRequest,
    responses(
        (status = 200, description = "The full values.", body = RevealResponse),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such resident in this community."),
        (status = 422, description = "No usable reason."),
    )
)]
#[post("/residents/{id}/reveal")]
pub async fn reveal_resident(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<RevealRequest>,
) -> ApiResult<HttpResponse> {
    let reason = body.reason()?;
    let mut conn = state.conn().await?;
    let row = Resident::find(&mut conn, reach(&user), *id).await?;
    // The reveal is only answered once its audit entry is stored.
    let fields = ["id_number", "phone", "household_phone"];
    audit_reveal(&mut conn, &user, &ctx, ("resident.reveal", "resident"), row.resident.id, &fields, reason).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(RevealResponse {
        id_number: row.resident.id_number.into(),
        phone: row.resident.phone.map(Into::into),
        household_phone: row.household.phone.map(Into::into),
    }))
}
