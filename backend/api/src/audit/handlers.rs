use actix_web::{get, web, HttpResponse};

use super::dto::{AuditEntryDto, AuditQuery};
use crate::auth::extract::{Authed, Staff};
use crate::error::{ApiError, ApiResult};
use crate::http::{ListResponse, PageQuery};
use crate::state::AppState;

/// List the audit log
///
/// The caller's community's audit log, newest first: logins (successful and failed), logouts,
/// user changes and every other recorded write.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit",
    params(AuditQuery, PageQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of audit entries.", body = ListResponse<AuditEntryDto>),
        (status = 400, description = "Malformed query string."),
        (status = 403, description = "The caller is not staff."),
        (status = 422, description = "Invalid filter or paging values."),
    )
)]
#[get("/audit")]
pub async fn list_audit(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    filter: web::Query<AuditQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let mut errors = Vec::new();
    let filter = filter.parse().map_err(|e| errors.extend(e)).ok();
    let page = page.parse().map_err(|e| errors.push(e)).ok();
    let (Some(filter), Some(page)) = (filter, page) else {
        return Err(ApiError::validation(errors));
    };
    let mut conn = state.conn().await?;
    let rows = xingguang_db::models::audit::AuditEntry::list(&mut conn, user.community_id(), &filter, page).await?;
    Ok(HttpResponse::Ok().json(ListResponse::from_page(rows, AuditEntryDto::from_row)))
}
