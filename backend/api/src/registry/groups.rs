//! Resident groups (居民小组): list, create, update.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::resident_group::{NewResidentGroup, ResidentGroup, ResidentGroupChanges};
use xingguang_db::reach::Reach;

use super::dto::*;
use super::service::{self, conflict_on_duplicate, Errors};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff, StaffOrLeader};
use crate::common::reach::reach;
use crate::error::{ApiError, ApiResult};
use crate::http::version::{check_if_match, etag};
use crate::http::RequestCtx;
use crate::state::AppState;

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
        (status = 403, description = "Residents and partners cannot list groups."),
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
        (status = 403, description = "Not staff."),
        (status = 409, description = "A group with this number exists."),
        (status = 422, description = "Invalid fields."),
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
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such group in this community."),
        (status = 409, description = "Another group has this number."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "Invalid fields."),
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
