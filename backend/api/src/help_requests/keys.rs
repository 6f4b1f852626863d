//! Open311 API keys for third-party clients (a civic app, the county's platform): staff issue
//! one per client, see it once, and revoke it. Only its SHA-256 is stored.

use actix_web::{delete, get, post, web, HttpResponse};
use diesel_async::AsyncConnection;
use rand::distributions::{Alphanumeric, DistString};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xingguang_db::models::help_request::Open311Client;

use super::dto::{NewOpen311KeyRequest, Open311KeyDto};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff};
use crate::error::{ApiError, ApiResult, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

/// The stored form of a key.
pub fn key_hash(key: &str) -> String {
    format!("{:x}", Sha256::digest(key.as_bytes()))
}

fn dto(c: Open311Client, key: Option<String>) -> Open311KeyDto {
    Open311KeyDto { id: c.id, name: c.name, key, key_hint: c.key_hint, created_at: c.created_at, revoked_at: c.revoked_at }
}

/// Open311 keys
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "open311",
    operation_id = "list_open311_keys",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every key issued, newest first (without the keys themselves).", body = Vec<Open311KeyDto>),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/open311/keys")]
pub async fn list_keys(user: Authed<Staff>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let list: Vec<Open311KeyDto> = Open311Client::all(&mut conn, user.community_id()).await?.into_iter().map(|c| dto(c, None)).collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Issue an Open311 key
///
/// A new `api_key` for one client; the answer is the only time the key is shown.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "open311",
    operation_id = "create_open311_key",
    security(("bearer" = [])),
    request_body = NewOpen311KeyRequest,
    responses(
        (status = 201, description = "The key (shown once).", body = Open311KeyDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "No name."),
    )
)]
#[post("/open311/keys")]
pub async fn create_key(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<NewOpen311KeyRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 100);
    errors.finish()?;
    let key = format!("o311_{}", Alphanumeric.sample_string(&mut rand::thread_rng(), 32));
    let row = Open311Client {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        name,
        key_hash: key_hash(&key),
        key_hint: format!("{}…", &key[..9]),
        created_by: user.user_id(),
        created_at: state.clock.now(),
        revoked_at: None,
    };
    let mut conn = state.conn().await?;
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Open311Client::insert(conn, &row).await?;
            AuditEvent::new("open311_key.create", "open311_client").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(dto(saved, Some(key))))
}

/// Revoke an Open311 key
///
/// The client's requests stay; the key stops working at once.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "open311",
    operation_id = "revoke_open311_key",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The key.")),
    responses(
        (status = 204, description = "Revoked."),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such live key."),
    )
)]
#[delete("/open311/keys/{id}")]
pub async fn revoke_key(user: Authed<Staff>, state: web::Data<AppState>, ctx: RequestCtx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !Open311Client::revoke(conn, user.community_id(), *id).await? {
            return Err(ApiError::not_found());
        }
        AuditEvent::new("open311_key.revoke", "open311_client").by(&user).entity(*id).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
