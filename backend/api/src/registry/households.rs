//! Households (户): list, create, read with members, update.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel::OptionalExtension;
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::household::{Household, HouseholdChanges, HouseholdFilter, NewHousehold};
use xingguang_db::models::resident::Resident;
use xingguang_db::models::resident_group::ResidentGroup;

use super::dto::*;
use super::service::{conflict_on_duplicate, Errors};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff};
use crate::common::pii::{parse_phone, sees_sensitive_tags};
use crate::common::reach::reach;
use crate::error::{ApiError, ApiResult};
use crate::http::paging::page;
use crate::http::version::{check_if_match, etag};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

/// List households
///
/// Newest first. Staff see the community, a group leader their group, a resident their own household.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "registry",
    operation_id = "list_households",
    security(("bearer" = [])),
    params(HouseholdQuery, PageQuery),
    responses(
        (status = 200, description = "A page of households.", body = ListResponse<HouseholdDto>),
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Partners have no access to the registry."),
        (status = 422, description = "Invalid paging."),
    )
)]
#[get("/households")]
pub async fn list_households(
    user: Authed<Community>,
    state: web::Data<AppState>,
    query: web::Query<HouseholdQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page(&paging)?;
    let filter = HouseholdFilter { group_id: query.group_id, address: query.address.clone().map(|a| a.chars().take(50).collect()) };
    let mut conn = state.conn().await?;
    let rows = Household::list(&mut conn, reach(&user), &filter, page).await?;
    Ok(HttpResponse::Ok().json(ListResponse::from_page(rows, HouseholdDto::from)))
}

/// A household and its members
///
/// **Roles:** staff, group_leader (own group), resident (own household).
#[utoipa::path(
    tag = "registry",
    operation_id = "get_household",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The household's id.")),
    responses(
        (status = 200, description = "The household.", body = HouseholdDetailDto, headers(("ETag" = String, description = "The version."))),
        (status = 403, description = "Partners have no access to the registry."),
        (status = 404, description = "No such household within reach."),
    )
)]
#[get("/households/{id}")]
pub async fn get_household(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let household = Household::find(&mut conn, reach(&user), *id).await?;
    let members = Resident::members(&mut conn, household.id).await?;
    let row = Household::with_details(&mut conn, vec![household]).await?.into_iter().next().ok_or_else(ApiError::not_found)?;
    let (today, sensitive) = (state.clock.today(), sees_sensitive_tags(user.role()));
    let place = (row.group_number, row.household.address());
    let dto = HouseholdDetailDto {
        members: members.into_iter().map(|r| ResidentDto::new(r, Some(place.clone()), today, sensitive)).collect(),
        household: HouseholdDto::from(row),
    };
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.household.version))).json(dto))
}

/// Create a household
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "create_household",
    security(("bearer" = [])),
    request_body = CreateHouseholdRequest,
    responses(
        (status = 201, description = "Created.", body = HouseholdDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "A household at this address exists."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[post("/households")]
pub async fn create_household(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateHouseholdRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let road = body.road.trim().to_owned();
    if road.is_empty() || road.chars().count() > 50 {
        errors.push("road", "must be 1–50 characters");
    }
    for (field, value) in [("building", &body.building), ("unit", &body.unit), ("room", &body.room)] {
        if value.trim().chars().count() > 20 {
            errors.push(field, "must be at most 20 characters");
        }
    }
    let phone = body.phone.as_deref().filter(|p| !p.trim().is_empty()).and_then(|p| errors.check(parse_phone("phone", p)));
    let mut conn = state.conn().await?;
    if ResidentGroup::find(&mut conn, user.community_id(), body.group_id).await.optional()?.is_none() {
        errors.push("group_id", "no such group in this community");
    }
    errors.finish()?;
    let row = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let new = NewHousehold {
                id: xingguang_db::new_id(),
                community_id: user.community_id(),
                group_id: body.group_id,
                road: road.clone(),
                building: body.building.trim().to_owned(),
                unit: body.unit.trim().to_owned(),
                room: body.room.trim().to_owned(),
                phone: phone.clone().map(Into::into),
                head_resident_id: None,
            };
            let household = Household::insert(conn, &new).await.map_err(|e| conflict_on_duplicate(e, "A household at this address"))?;
            AuditEvent::new("household.create", "household")
                .by(&user)
                .entity(household.id)
                .fields(&["group_id", "road", "building", "unit", "room", "phone"])
                .write(conn, &ctx)
                .await?;
            Ok(Household::with_details(conn, vec![household]).await?)
        })
        .await?;
    let dto = row.into_iter().next().map(HouseholdDto::from).ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Created().json(dto))
}

/// Update a household
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "update_household",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The household's id.")),
    request_body = UpdateHouseholdRequest,
    responses(
        (status = 200, description = "Updated.", body = HouseholdDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such household in this community."),
        (status = 409, description = "Another household has this address."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[patch("/households/{id}")]
pub async fn update_household(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateHouseholdRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let mut errors = Errors::default();
    let mut changes = HouseholdChanges::default();
    let mut fields = Vec::new();
    let mut conn = state.conn().await?;
    let household = Household::find(&mut conn, reach(&user), *id).await?;
    if let Some(group) = body.group_id {
        if ResidentGroup::find(&mut conn, user.community_id(), group).await.optional()?.is_none() {
            errors.push("group_id", "no such group in this community");
        }
        changes.group_id = Some(group);
        fields.push("group_id");
    }
    if let Some(road) = &body.road {
        if road.trim().is_empty() || road.trim().chars().count() > 50 {
            errors.push("road", "must be 1–50 characters");
        }
        changes.road = Some(road.trim().to_owned());
        fields.push("road");
    }
    for (field, value, slot) in [
        ("building", &body.building, &mut changes.building),
        ("unit", &body.unit, &mut changes.unit),
        ("room", &body.room, &mut changes.room),
    ] {
        if let Some(value) = value {
            if value.trim().chars().count() > 20 {
                errors.push(field, "must be at most 20 characters");
            }
            *slot = Some(value.trim().to_owned());
            fields.push(field);
        }
    }
    if let Some(phone) = &body.phone {
        changes.phone =
            Some(phone.as_deref().filter(|p| !p.trim().is_empty()).and_then(|p| errors.check(parse_phone("phone", p))).map(Into::into));
        fields.push("phone");
    }
    if let Some(head) = body.head_resident_id {
        if let Some(head) = head {
            let member = Resident::find(&mut conn, reach(&user), head).await.optional()?;
            if member.is_none_or(|m| m.resident.household_id != household.id) {
                errors.push("head_resident_id", "must be a member of this household");
            }
        }
        changes.head_resident_id = Some(head);
        fields.push("head_resident_id");
    }
    errors.finish()?;
    let row = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let updated = Household::update(conn, user.community_id(), *id, body.version, &changes)
                .await
                .map_err(|e| conflict_on_duplicate(e, "A household at this address"))?
                .ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("household.update", "household").by(&user).entity(updated.id).fields(&fields).write(conn, &ctx).await?;
            Ok(Household::with_details(conn, vec![updated]).await?)
        })
        .await?;
    let dto = row.into_iter().next().map(HouseholdDto::from).ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.version))).json(dto))
}
