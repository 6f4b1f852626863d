//! The resident handbook (居民手册): everyone reads the current edition (and downloads it as a
//! PDF); staff edit the one draft and publish it as the next edition, which freezes it.

use actix_web::{get, post, put, web, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::community::Community;
use xingguang_db::models::help_request::{Edition, EditionChange};
use xingguang_db::vocab::EditionStatus;

use super::domain::{validate, Content};
use super::dto::{EditionSummaryDto, EditionUpdateRequest, HandbookDto, NewEditionRequest, VersionRequest};
use super::print::handbook_pdf;
use crate::audit::AuditEvent;
use crate::auth::extract::{AnyRole, Authed, Staff};
use crate::error::{conflict_on_duplicate, ApiError, ApiResult, ErrorCode};
use crate::http::RequestCtx;
use crate::state::AppState;

/// An edition's content as the code understands it (a stored document it cannot read is an
/// error, never an empty handbook).
pub fn content(edition: &Edition) -> ApiResult<Content> {
    serde_json::from_value(edition.content.clone()).map_err(ApiError::internal)
}

fn dto(edition: Edition) -> ApiResult<HandbookDto> {
    let content = content(&edition)?;
    Ok(HandbookDto {
        id: edition.id,
        number: edition.number,
        title: edition.title,
        status: edition.status,
        published_on: edition.published_on,
        version: edition.version,
        categories: content.categories,
    })
}

/// The edition in force, or 404 when none has been published.
pub async fn current(conn: &mut AsyncPgConnection, community_id: Uuid) -> ApiResult<Edition> {
    Edition::current(conn, community_id).await?.ok_or_else(ApiError::not_found)
}

fn pdf_response(edition: &Edition, community: &Community) -> ApiResult<HttpResponse> {
    let bytes = handbook_pdf(edition, &content(edition)?, &community.name);
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("content-disposition", format!("attachment; filename=\"handbook-{}.pdf\"", edition.number)))
        .body(bytes))
}

/// The handbook
///
/// The current edition: categories of matters and, under each, whom to call — the party, the
/// phone, the hours, the address and what to have ready.
///
/// **Roles:** everyone signed in.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "get_handbook",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The current edition.", body = HandbookDto),
        (status = 404, description = "No edition has been published yet."),
    )
)]
#[get("/handbook")]
pub async fn get_handbook(user: Authed<AnyRole>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(dto(current(&mut conn, user.community_id()).await?)?))
}

/// The handbook as a PDF
///
/// The current edition as an A5 booklet: a cover, the contents with page numbers, one section
/// per category in large type — for residents without a smartphone.
///
/// **Roles:** everyone signed in.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "get_handbook_pdf",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The PDF.", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No edition has been published yet."),
    )
)]
#[get("/handbook/pdf")]
pub async fn get_handbook_pdf(user: Authed<AnyRole>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let edition = current(&mut conn, user.community_id()).await?;
    let community = Community::find(&mut conn, user.community_id()).await?;
    pdf_response(&edition, &community)
}

/// Handbook editions
///
/// Every edition, newest first: the published ones (frozen) and the draft being edited.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "list_handbook_editions",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The editions.", body = Vec<EditionSummaryDto>),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/handbook/editions")]
pub async fn list_editions(user: Authed<Staff>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let mut list = Vec::new();
    for edition in Edition::all(&mut conn, user.community_id()).await? {
        let content = content(&edition)?;
        list.push(EditionSummaryDto {
            id: edition.id,
            number: edition.number,
            title: edition.title,
            status: edition.status,
            published_on: edition.published_on,
            categories: content.categories.len(),
            entries: content.categories.iter().map(|c| c.entries.len()).sum(),
            updated_at: edition.updated_at,
        });
    }
    Ok(HttpResponse::Ok().json(list))
}

/// One edition
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "get_handbook_edition",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The edition.")),
    responses(
        (status = 200, description = "The edition.", body = HandbookDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such edition."),
    )
)]
#[get("/handbook/editions/{id}")]
pub async fn get_edition(user: Authed<Staff>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(dto(Edition::find(&mut conn, user.community_id(), *id).await?)?))
}

/// An edition as a PDF
///
/// Any edition, the draft included (to proof-read before publishing).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "get_handbook_edition_pdf",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The edition.")),
    responses(
        (status = 200, description = "The PDF.", content_type = "application/pdf", body = Vec<u8>),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such edition."),
    )
)]
#[get("/handbook/editions/{id}/pdf")]
pub async fn get_edition_pdf(user: Authed<Staff>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let edition = Edition::find(&mut conn, user.community_id(), *id).await?;
    let community = Community::find(&mut conn, user.community_id()).await?;
    pdf_response(&edition, &community)
}

/// Start a draft
///
/// A new draft copying the current edition (or empty when none is published). There is one
/// draft at a time.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "create_handbook_edition",
    security(("bearer" = [])),
    request_body = NewEditionRequest,
    responses(
        (status = 201, description = "The draft.", body = HandbookDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "A draft exists already (`duplicate`): edit that one."),
    )
)]
#[post("/handbook/editions")]
pub async fn create_edition(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    _body: web::Json<NewEditionRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let now = state.clock.now();
    let community_id = user.community_id();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let base = Edition::current(conn, community_id).await?;
            let number = Edition::next_number(conn, community_id).await?;
            let row = Edition {
                id: xingguang_db::new_id(),
                community_id,
                number,
                title: base.as_ref().map_or_else(|| "居民手册".to_owned(), |b| b.title.clone()),
                status: EditionStatus::Draft,
                content: base.map_or_else(|| serde_json::json!({ "categories": [] }), |b| b.content),
                published_on: None,
                published_by: None,
                version: 1,
                created_at: now,
                updated_at: now,
            };
            let saved = Edition::insert(conn, &row).await.map_err(|e| conflict_on_duplicate(e, "A draft of the handbook"))?;
            AuditEvent::new("handbook.draft", "handbook_edition").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(dto(saved)?))
}

/// Save a draft
///
/// Replaces the draft's title and content. A category's `code` stays the same across editions
/// (it is the Open311 `service_code`).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "update_handbook_edition",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft.")),
    request_body = EditionUpdateRequest,
    responses(
        (status = 200, description = "The saved draft.", body = HandbookDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such edition."),
        (status = 409, description = "The edition is published and frozen (`invalid_transition`)."),
        (status = 412, description = "Someone saved it since you loaded it."),
        (status = 422, description = "A field is invalid (each on its path, e.g. `categories[2].entries[0].phone`)."),
    )
)]
#[put("/handbook/editions/{id}")]
pub async fn update_edition(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<EditionUpdateRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let content = Content { categories: body.categories };
    let errors = validate(&body.title, &content);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.conn().await?;
    let edition = Edition::find(&mut conn, user.community_id(), *id).await?;
    if edition.status == EditionStatus::Published {
        return Err(frozen());
    }
    let change = EditionChange { title: body.title, content: serde_json::to_value(&content).map_err(ApiError::internal)? };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Edition::save_draft(conn, edition.id, body.version, change).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("handbook.save", "handbook_edition")
                .by(&user)
                .entity(saved.id)
                .fields(&["title", "content"])
                .write(conn, &ctx)
                .await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto(saved)?))
}

fn frozen() -> ApiError {
    ApiError::conflict(
        ErrorCode::InvalidTransition,
        "A published edition is frozen (it is the printed book); start a new draft to change it.",
    )
}

/// Publish a draft
///
/// The draft becomes the current edition and is frozen; residents read it from now on.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "help_requests",
    operation_id = "publish_handbook_edition",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft.")),
    request_body = VersionRequest,
    responses(
        (status = 200, description = "The published edition.", body = HandbookDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such edition."),
        (status = 409, description = "Already published, or it has no category (`invalid_transition`)."),
        (status = 412, description = "Someone saved it since you loaded it."),
    )
)]
#[post("/handbook/editions/{id}/publish")]
pub async fn publish_edition(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<VersionRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let edition = Edition::find(&mut conn, user.community_id(), *id).await?;
    if edition.status == EditionStatus::Published {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "This edition is published already."));
    }
    if content(&edition)?.categories.is_empty() {
        return Err(ApiError::conflict(ErrorCode::InvalidTransition, "An empty handbook cannot be published: add its categories first."));
    }
    let today = state.clock.today();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved =
                Edition::publish(conn, edition.id, body.version, today, user.user_id()).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("handbook.publish", "handbook_edition").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto(saved)?))
}
