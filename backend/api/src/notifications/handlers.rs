//! A user's own notifications.

use actix_web::{get, post, web, HttpResponse};
use uuid::Uuid;
use xingguang_db::models::notification::Notification;

use super::dto::*;
use crate::auth::extract::{AnyRole, Authed};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// My notifications
///
/// Newest first, with the number unread.
///
/// **Roles:** any signed-in user (their own only).
#[utoipa::path(
    tag = "notifications",
    operation_id = "list_notifications",
    security(("bearer" = [])),
    params(NotificationsQuery),
    responses((status = 200, description = "The notifications.", body = NotificationsDto))
)]
#[get("/notifications")]
pub async fn list_notifications(
    user: Authed<AnyRole>,
    state: web::Data<AppState>,
    query: web::Query<NotificationsQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let items = Notification::of_user(&mut conn, user.user_id(), query.unread, 50).await?;
    let unread = Notification::unread_count(&mut conn, user.user_id()).await?;
    Ok(HttpResponse::Ok().json(NotificationsDto { items: items.into_iter().map(NotificationDto::from).collect(), unread }))
}

/// Mark a notification read
///
/// **Roles:** any signed-in user (their own only).
#[utoipa::path(
    tag = "notifications",
    operation_id = "mark_notification_read",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The notification.")),
    responses(
        (status = 204, description = "Read (also when it already was)."),
        (status = 404, description = "No such notification of yours."),
    )
)]
#[post("/notifications/{id}/read")]
pub async fn mark_read(user: Authed<AnyRole>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    if !Notification::exists(&mut conn, user.user_id(), *id).await? {
        return Err(ApiError::not_found());
    }
    Notification::mark_read(&mut conn, user.user_id(), Some(*id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all my notifications read
///
/// **Roles:** any signed-in user (their own only).
#[utoipa::path(
    tag = "notifications",
    operation_id = "mark_all_notifications_read",
    security(("bearer" = [])),
    responses((status = 204, description = "All read."))
)]
#[post("/notifications/read-all")]
pub async fn read_all(user: Authed<AnyRole>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Notification::mark_read(&mut conn, user.user_id(), None).await?;
    Ok(HttpResponse::NoContent().finish())
}
