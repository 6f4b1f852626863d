//! A case's income and assets: sensitive personal data (PIPL Art 28), sealed at rest, read and
//! recorded only by the case's assignee and supervisors, every read audited with its reason.

use actix_web::{get, put, web, HttpResponse};
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::assistance::{Case, FinanceChanges};
use xingguang_db::sealed::SealedJsonValue;

use super::dto::*;
use super::service::sees_finances;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff};
use crate::common::pii::{audit_reveal, RevealRequest};
use crate::error::{ApiError, ApiResult, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

/// The stored financial details (none recorded: no income, no note).
fn finances_of(case: &Case) -> ApiResult<CaseFinancesDto> {
    match &case.finances {
        Some(SealedJsonValue(value)) => serde_json::from_value(value.clone()).map_err(ApiError::internal),
        None => Ok(CaseFinancesDto { monthly_income_fen: None, assets_note: String::new() }),
    }
}

/// A case's income and assets
///
/// Sensitive personal data (PIPL Art 28): only the case's assignee and supervisors read it,
/// with a stated reason; every read is written to the audit log before the answer is sent.
///
/// **Roles:** staff (the assignee or a supervisor).
#[utoipa::path(
    tag = "assistance",
    operation_id = "get_case_finances",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case."), FinancesQuery),
    responses(
        (status = 200, description = "The financial details.", body = CaseFinancesDto),
        (status = 403, description = "Not staff, or neither the assignee nor a supervisor."),
        (status = 404, description = "No such case."),
        (status = 422, description = "No reason (4–200 characters)."),
    )
)]
#[get("/cases/{id}/finances")]
pub async fn get_finances(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    query: web::Query<FinancesQuery>,
) -> ApiResult<HttpResponse> {
    let reason = RevealRequest { reason: query.reason.clone() };
    let reason = reason.reason()?;
    let mut conn = state.conn().await?;
    let case = Case::find(&mut conn, user.community_id(), *id).await?;
    if !sees_finances(&mut conn, &case, user.user_id(), user.role()).await? {
        return Err(ApiError::forbidden("Only the case's assignee and supervisors read its income and assets."));
    }
    audit_reveal(&mut conn, &user, &ctx, ("case.finances_read", "assistance_case"), case.id, &["finances"], reason).await?;
    Ok(HttpResponse::Ok().json(finances_of(&case)?))
}

/// Record a case's income and assets
///
/// **Roles:** staff (the assignee or a supervisor).
#[utoipa::path(
    tag = "assistance",
    operation_id = "put_case_finances",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The case.")),
    request_body = FinancesUpdateRequest,
    responses(
        (status = 200, description = "Saved (the new values).", body = CaseFinancesDto),
        (status = 403, description = "Not staff, or neither the assignee nor a supervisor."),
        (status = 404, description = "No such case."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "A negative income or a note too long."),
    )
)]
#[put("/cases/{id}/finances")]
pub async fn put_finances(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<FinancesUpdateRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let assets_note = errors.optional_text("assets_note", &body.assets_note, 2000);
    if body.monthly_income_fen.is_some_and(|f| !(0..=10_000_000_000).contains(&f)) {
        errors.push("monthly_income_fen", "must be 0 or more (fen)");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    let case = Case::find(&mut conn, user.community_id(), *id).await?;
    if !sees_finances(&mut conn, &case, user.user_id(), user.role()).await? {
        return Err(ApiError::forbidden("Only the case's assignee and supervisors record its income and assets."));
    }
    let value = CaseFinancesDto { monthly_income_fen: body.monthly_income_fen, assets_note };
    let changes = FinanceChanges { finances: Some(SealedJsonValue(serde_json::to_value(&value).map_err(ApiError::internal)?)) };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Case::update_finances(conn, case.id, body.version, changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("case.finances_update", "assistance_case")
                .by(&user)
                .entity(case.id)
                .fields(&["finances"])
                .write(conn, &ctx)
                .await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(finances_of(&saved)?))
}
