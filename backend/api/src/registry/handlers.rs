use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel::OptionalExtension;
use diesel_async::AsyncConnection;
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::household::{Household, HouseholdChanges, HouseholdFilter, NewHousehold};
use xingguang_db::models::resident::{RegistryStats, Resident, ResidentChanges};
use xingguang_db::models::resident_group::{NewResidentGroup, ResidentGroup, ResidentGroupChanges};
use xingguang_db::models::user::Role;
use xingguang_db::reach::Reach;

use super::domain::{parse_phone, ResidentStatus};
use super::dto::*;
use super::policy::{reach, sees_sensitive_tags};
use super::service::{self, conflict_on_duplicate, Errors};
use super::today;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, Staff, StaffOrLeader};
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::paging::page;
use crate::http::version::{check_if_match, etag};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// Groups

/// List resident groups
///
/// Groups with their leaders and head counts, by number. A group leader sees their own group.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "registry",
    operation_id = "list_groups",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "All groups within reach.", body = Vec<GroupDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Residents and partners cannot list groups.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/groups")]
pub async fn list_groups(user: Authed<StaffOrLeader>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let only = match reach(&user) {
        Reach::Community(_) => None,
        Reach::Group { group_id, .. } => Some(group_id),
        _ => return Ok(HttpResponse::Ok().json(Vec::<GroupDto>::new())),
    };
    let mut conn = state.conn().await?;
    let groups = ResidentGroup::summaries(&mut conn, user.community_id(), only).await?;
    Ok(HttpResponse::Ok().json(groups.into_iter().map(GroupDto::from).collect::<Vec<_>>()))
}

/// Create a resident group
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "create_group",
    security(("bearer" = [])),
    request_body = CreateGroupRequest,
    responses(
        (status = 201, description = "Created.", body = GroupDto),
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A group with this number exists.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/groups")]
pub async fn create_group(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateGroupRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    if !(1..=999).contains(&body.number) {
        errors.push("number", "must be between 1 and 999");
    }
    let name = body.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 50 {
        errors.push("name", "must be 1–50 characters");
    }
    let mut conn = state.conn().await?;
    service::check_leader(&mut conn, &mut errors, user.community_id(), body.leader_user_id).await?;
    errors.finish()?;
    let group = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let new = NewResidentGroup {
                id: xingguang_db::new_id(),
                community_id: user.community_id(),
                number: body.number,
                name: &name,
                leader_user_id: body.leader_user_id,
            };
            let group = ResidentGroup::insert(conn, &new).await.map_err(|e| conflict_on_duplicate(e, "A group with this number"))?;
            AuditEvent::new("group.create", "resident_group")
                .by(&user)
                .entity(group.id)
                .fields(&["number", "name", "leader_user_id"])
                .write(conn, &ctx)
                .await?;
            Ok(ResidentGroup::summaries(conn, user.community_id(), Some(group.id)).await?)
        })
        .await?;
    let dto = group.into_iter().next().map(GroupDto::from).ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Created().json(dto))
}

/// Update a resident group
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "update_group",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The group's id.")),
    request_body = UpdateGroupRequest,
    responses(
        (status = 200, description = "Updated.", body = GroupDto),
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group in this community.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another group has this number.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since loaded.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/groups/{id}")]
pub async fn update_group(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateGroupRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let mut errors = Errors::default();
    let mut changes = ResidentGroupChanges::default();
    let mut fields = Vec::new();
    if let Some(number) = body.number {
        if !(1..=999).contains(&number) {
            errors.push("number", "must be between 1 and 999");
        }
        changes.number = Some(number);
        fields.push("number");
    }
    if let Some(name) = &body.name {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 50 {
            errors.push("name", "must be 1–50 characters");
        }
        changes.name = Some(name.to_owned());
        fields.push("name");
    }
    let mut conn = state.conn().await?;
    let current = ResidentGroup::find(&mut conn, user.community_id(), *id).await?;
    if let Some(leader) = body.leader_user_id {
        if leader != current.leader_user_id {
            service::check_leader(&mut conn, &mut errors, user.community_id(), leader).await?;
        }
        changes.leader_user_id = Some(leader);
        fields.push("leader_user_id");
    }
    errors.finish()?;
    let summary = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let updated = ResidentGroup::update(conn, user.community_id(), *id, body.version, &changes)
                .await
                .map_err(|e| conflict_on_duplicate(e, "A group with this number"))?
                .ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("group.update", "resident_group").by(&user).entity(updated.id).fields(&fields).write(conn, &ctx).await?;
            Ok(ResidentGroup::summaries(conn, user.community_id(), Some(updated.id)).await?)
        })
        .await?;
    let dto = summary.into_iter().next().map(GroupDto::from).ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.version))).json(dto))
}

// ---------------------------------------------------------------------------------------------
// Households

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
        (status = 400, description = "Malformed query.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partners have no access to the registry.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid paging.", body = Problem, content_type = "application/problem+json"),
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
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partners have no access to the registry.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such household within reach.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/households/{id}")]
pub async fn get_household(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let household = Household::find(&mut conn, reach(&user), *id).await?;
    let members = Resident::members(&mut conn, household.id).await?;
    let row = Household::with_details(&mut conn, vec![household]).await?.into_iter().next().ok_or_else(ApiError::not_found)?;
    let (today, sensitive) = (today(), sees_sensitive_tags(user.role()));
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
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A household at this address exists.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
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
                phone: phone.clone(),
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
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such household in this community.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another household has this address.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since loaded.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
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
        changes.phone = Some(phone.as_deref().filter(|p| !p.trim().is_empty()).and_then(|p| errors.check(parse_phone("phone", p))));
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

// ---------------------------------------------------------------------------------------------
// Residents

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
        (status = 400, description = "Malformed query.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partners have no access to the registry.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filters or paging.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/residents")]
pub async fn list_residents(
    user: Authed<Community>,
    state: web::Data<AppState>,
    query: web::Query<ResidentQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let today = today();
    let page = page(&paging)?;
    let filter = service::resident_filter(&query, today)?;
    let mut conn = state.conn().await?;
    let rows = Resident::list(&mut conn, reach(&user), &filter, page).await?;
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
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partners have no access to the registry.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resident within reach.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/residents/{id}")]
pub async fn get_resident(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let row = Resident::find(&mut conn, reach(&user), *id).await?;
    let dto = ResidentDto::from_row(row, today(), sees_sensitive_tags(user.role()));
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
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This ID number is already registered.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a wrong check digit.", body = Problem, content_type = "application/problem+json"),
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
    Ok(HttpResponse::Created().json(ResidentDto::from_row(row, today(), true)))
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
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A leader, or a resident changing more than their own phone.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resident within reach.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new ID number is already registered.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since loaded.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
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
    let dto = ResidentDto::from_row(row, today(), sees_sensitive_tags(user.role()));
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
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resident in this community.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already in that status.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since loaded.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date in the future.", body = Problem, content_type = "application/problem+json"),
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
    let today = today();
    let date = body.date.unwrap_or(today);
    if date > today {
        return Err(ApiError::validation(vec![crate::error::FieldError::new("date", "must not be in the future")]));
    }
    let mut conn = state.conn().await?;
    let current = Resident::find(&mut conn, reach(&user), *id).await?;
    if current.resident.status == body.status.as_str() {
        return Err(ApiError::conflict("status_unchanged", format!("The resident is already {}.", body.status.as_str())));
    }
    if current.resident.status == ResidentStatus::Deceased.as_str() {
        return Err(ApiError::conflict("deceased", "A deceased resident's status cannot change."));
    }
    let changes =
        ResidentChanges { status: Some(body.status.as_str().to_owned()), status_changed_on: Some(Some(date)), ..Default::default() };
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
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resident in this community.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No usable reason.", body = Problem, content_type = "application/problem+json"),
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
    AuditEvent::new("resident.reveal", "resident")
        .by(&user)
        .entity(row.resident.id)
        .fields(&["id_number", "phone", "household_phone"])
        .detail(json!({ "reason": reason }))
        .write(&mut conn, &ctx)
        .await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(RevealResponse {
        id_number: row.resident.id_number,
        phone: row.resident.phone,
        household_phone: row.household.phone,
    }))
}

/// Registry figures
///
/// Households and active residents, by age band (0–17, 18–59, 60–69, 70–79, 80+), by tag and by
/// group, within the caller's reach.
///
/// **Roles:** staff, group_leader (own group), resident (own household).
#[utoipa::path(
    tag = "registry",
    operation_id = "get_registry_stats",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The figures.", body = RegistryStatsDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partners have no access to the registry.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/registry/stats")]
pub async fn get_registry_stats(user: Authed<Community>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let reach = reach(&user);
    let mut conn = state.conn().await?;
    let stats = RegistryStats::load(&mut conn, reach, today()).await?;
    // Names and leaders come from the groups table; the counts from the one pass above.
    let groups: Vec<GroupDto> = match reach {
        Reach::Community(c) => ResidentGroup::listed(&mut conn, c, None).await?,
        Reach::Group { community_id, group_id } => ResidentGroup::listed(&mut conn, community_id, Some(group_id)).await?,
        _ => Vec::new(),
    }
    .into_iter()
    .map(|(group, leader_name)| {
        let (households, residents) = stats.groups.iter().find(|(id, _, _)| *id == group.id).map_or((0, 0), |(_, h, r)| (*h, *r));
        GroupDto::from(xingguang_db::models::resident_group::GroupSummary { group, leader_name, households, residents })
    })
    .collect();
    let sensitive = sees_sensitive_tags(user.role());
    Ok(HttpResponse::Ok().json(RegistryStatsDto {
        households: stats.households,
        residents: stats.residents,
        age_bands: stats.age_bands.into_iter().map(|(key, count)| CountDto { key: key.to_owned(), count }).collect(),
        tags: stats
            .tags
            .into_iter()
            .filter(|(tag, _)| sensitive || super::domain::Tag::parse(tag).is_some_and(|t| !t.is_sensitive()))
            .map(|(key, count)| CountDto { key, count })
            .collect(),
        groups,
    }))
}
