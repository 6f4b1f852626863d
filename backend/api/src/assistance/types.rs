//! The kinds of case and their procedures: read the revision in force, save a new one.

use actix_web::{get, put, web, HttpResponse};
use diesel_async::AsyncConnection;
use xingguang_db::models::assistance::CaseType;
use xingguang_db::vocab::CaseKind;

use super::dto::{CaseTypeDto, CaseTypeRequest};
use super::service::{current_types, definition};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff};
use crate::error::{ApiError, ApiResult, Errors};
use crate::http::RequestCtx;
use crate::state::AppState;

fn dto(t: CaseType) -> ApiResult<CaseTypeDto> {
    let definition = definition(&t)?;
    Ok(CaseTypeDto {
        id: t.id,
        kind: t.kind,
        revision: t.revision,
        name: t.name,
        approving_body: t.approving_body,
        definition,
        created_at: t.created_at,
    })
}

/// Case types
///
/// Every kind of case with the procedure in force: its steps (who acts, the deadline in working
/// or calendar days, the rule it comes from), its document checklist and its review interval.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "list_case_types",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The kinds, in their declared order.", body = Vec<CaseTypeDto>),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/case-types")]
pub async fn list_case_types(user: Authed<Staff>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let mut types = current_types(&mut conn, user.community_id()).await?;
    let list = CaseKind::ALL.iter().filter_map(|k| types.remove(k)).map(dto).collect::<ApiResult<Vec<_>>>()?;
    Ok(HttpResponse::Ok().json(list))
}

/// Revise a procedure
///
/// Saves a new revision of a kind's steps, deadlines, approving body and checklist (a county
/// sets its own). Open cases keep the revision they were opened under; new cases follow this one.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "assistance",
    operation_id = "revise_case_type",
    security(("bearer" = [])),
    params(("kind" = CaseKind, Path, description = "The kind.")),
    request_body = CaseTypeRequest,
    responses(
        (status = 200, description = "The new revision.", body = CaseTypeDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "Someone saved a revision at the same time (`concurrent_change`): reload."),
        (status = 422, description = "A step without a name, a deadline out of range, an anchor to a later step, a decision that is not last."),
    )
)]
#[put("/case-types/{kind}")]
pub async fn revise_case_type(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    kind: web::Path<CaseKind>,
    body: web::Json<CaseTypeRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 50);
    let approving_body = errors.optional_text("approving_body", &body.approving_body, 100);
    if let Err(found) = body.definition.check() {
        for e in found {
            errors.0.push(e);
        }
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    let types = current_types(&mut conn, user.community_id()).await?;
    let revision = types.get(&kind).map_or(1, |t| t.revision + 1);
    let row = CaseType {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        kind: *kind,
        revision,
        name,
        approving_body,
        definition: serde_json::to_value(&body.definition).map_err(ApiError::internal)?,
        created_by: Some(user.user_id()),
        created_at: state.clock.now(),
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = CaseType::insert(conn, &row).await?.ok_or_else(|| {
                ApiError::conflict(
                    crate::error::ErrorCode::ConcurrentChange,
                    "Someone saved a revision of this kind at the same time; reload it.",
                )
            })?;
            AuditEvent::new("case_type.revise", "case_type").by(&user).entity(saved.id).fields(&["definition"]).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto(saved)?))
}
