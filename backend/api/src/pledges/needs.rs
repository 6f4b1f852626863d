//! Needs: what the community asks its partners for.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::need::{Need, NeedChanges, NewNeed, Progress};
use xingguang_db::models::user::Role;

use super::domain::{NeedCategory, NeedStatus};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{AnyRole, Authed, Staff};
use crate::common::outbox;
use crate::error::Errors;
use crate::error::{ApiError, ApiResult};
use crate::http::paging::page;
use crate::http::version::{check_if_match, etag};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;
use xingguang_db::vocab::EventType;

/// Residents and group leaders see needs, but no money figures.
fn shows_figures(role: Role, need: &Need) -> bool {
    matches!(role, Role::Staff | Role::Partner) || need.category != NeedCategory::Money
}

async fn with_progress(conn: &mut diesel_async::AsyncPgConnection, role: Role, needs: Vec<Need>) -> ApiResult<Vec<NeedDto>> {
    let ids: Vec<Uuid> = needs.iter().map(|n| n.id).collect();
    let progress = Need::progress(conn, &ids).await?;
    let of = |id: Uuid| progress.iter().find(|(n, _)| *n == id).map(|(_, p)| *p);
    Ok(needs
        .into_iter()
        .map(|need| {
            let show = shows_figures(role, &need);
            let p = of(need.id);
            NeedDto::new(need, p, show)
        })
        .collect())
}

fn check_target(errors: &mut Errors, target: Option<i64>) -> Option<i64> {
    if target.is_some_and(|t| !(1..=super::domain::MAX_AMOUNT_FEN).contains(&t)) {
        errors.push("target_quantity", "must be a positive whole number");
    }
    target
}

/// List needs
///
/// Newest first. Staff and partners see targets and progress; residents and group leaders see
/// the needs without money figures.
///
/// **Roles:** staff, partner, group_leader, resident.
#[utoipa::path(
    tag = "pledges",
    operation_id = "list_needs",
    security(("bearer" = [])),
    params(NeedQuery, PageQuery),
    responses(
        (status = 200, description = "A page of needs.", body = ListResponse<NeedDto>),
        (status = 400, description = "Malformed query."),
        (status = 422, description = "Unknown status or invalid paging."),
    )
)]
#[get("/needs")]
pub async fn list_needs(
    user: Authed<AnyRole>,
    state: web::Data<AppState>,
    query: web::Query<NeedQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page(&paging)?;
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            NeedStatus::parse(s)
                .ok_or_else(|| ApiError::validation(vec![crate::error::FieldError::new("status", "must be open, met or closed")]))?,
        ),
    };
    let mut conn = state.conn().await?;
    let rows = Need::list(&mut conn, user.community_id(), status, page).await?;
    let next = rows.next;
    let items = with_progress(&mut conn, user.role(), rows.items).await?;
    Ok(HttpResponse::Ok().json(ListResponse::from_page(xingguang_db::pagination::Page { items, next }, |n| n)))
}

/// A need with its progress
///
/// **Roles:** staff, partner, group_leader, resident.
#[utoipa::path(
    tag = "pledges",
    operation_id = "get_need",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The need's id.")),
    responses(
        (status = 200, description = "The need.", body = NeedDto, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such need in this community."),
    )
)]
#[get("/needs/{id}")]
pub async fn get_need(user: Authed<AnyRole>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let need = Need::find(&mut conn, user.community_id(), *id).await?;
    let dto = with_progress(&mut conn, user.role(), vec![need]).await?.pop().ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.version))).json(dto))
}

/// Publish a need
///
/// Partners subscribed to `need.published` hear about it by webhook.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "pledges",
    operation_id = "create_need",
    security(("bearer" = [])),
    request_body = CreateNeedRequest,
    responses(
        (status = 201, description = "Published.", body = NeedDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[post("/needs")]
pub async fn create_need(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CreateNeedRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let title = errors.required_text("title", &body.title, 100);
    let description = errors.optional_text("description", body.description.as_deref().unwrap_or(""), 2000);
    let target_quantity = check_target(&mut errors, body.target_quantity);
    let unit = match body.category.fixed_unit() {
        Some(unit) => unit.to_owned(),
        None => {
            let unit = body.unit.as_deref().map(str::trim).unwrap_or("件").to_owned();
            if unit.is_empty() || unit.chars().count() > 20 {
                errors.push("unit", "must be 1–20 characters");
            }
            unit
        }
    };
    if body.deadline.is_some_and(|d| d < state.clock.today()) {
        errors.push("deadline", "must not be in the past");
    }
    errors.finish()?;
    let new = NewNeed {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        title,
        description,
        category: body.category,
        target_quantity,
        unit,
        deadline: body.deadline,
        created_by: user.user_id(),
    };
    let mut conn = state.conn().await?;
    let dto = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let need = Need::insert(conn, &new).await?;
            AuditEvent::new("need.create", "need").by(&user).entity(need.id).write(conn, &ctx).await?;
            let dto = NeedDto::new(need, Some(Progress::default()), true);
            outbox::publish(
                conn,
                user.community_id(),
                None,
                EventType::NeedPublished,
                serde_json::to_value(&dto).map_err(ApiError::internal)?,
            )
            .await?;
            Ok(dto)
        })
        .await?;
    state.wake_webhooks();
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, format!("/api/v1/needs/{}", dto.id)))
        .insert_header((actix_web::http::header::ETAG, etag(dto.version)))
        .json(dto))
}

/// Update or close a need
///
/// Send the `version` you loaded (or `If-Match`); a stale version answers 412.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "pledges",
    operation_id = "update_need",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The need's id.")),
    request_body = UpdateNeedRequest,
    responses(
        (status = 200, description = "Updated.", body = NeedDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such need."),
        (status = 412, description = "Changed by someone else since loaded."),
        (status = 422, description = "Invalid fields."),
    )
)]
#[patch("/needs/{id}")]
pub async fn update_need(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateNeedRequest>,
) -> ApiResult<HttpResponse> {
    check_if_match(&req, body.version)?;
    let mut errors = Errors::default();
    let mut changes = NeedChanges::default();
    let mut fields = Vec::new();
    if let Some(title) = &body.title {
        changes.title = Some(errors.required_text("title", title, 100));
        fields.push("title");
    }
    if let Some(description) = &body.description {
        changes.description = Some(errors.optional_text("description", description, 2000));
        fields.push("description");
    }
    if body.target_quantity.is_some() {
        changes.target_quantity = Some(check_target(&mut errors, body.target_quantity));
        fields.push("target_quantity");
    }
    if let Some(deadline) = body.deadline {
        changes.deadline = Some(Some(deadline));
        fields.push("deadline");
    }
    if let Some(status) = body.status {
        changes.status = Some(status);
        fields.push("status");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    Need::find(&mut conn, user.community_id(), *id).await?;
    let need = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let need =
                Need::update(conn, user.community_id(), *id, body.version, &changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("need.update", "need").by(&user).entity(need.id).fields(&fields).write(conn, &ctx).await?;
            Ok(need)
        })
        .await?;
    let dto = with_progress(&mut conn, user.role(), vec![need]).await?.pop().ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::ETAG, etag(dto.version))).json(dto))
}
