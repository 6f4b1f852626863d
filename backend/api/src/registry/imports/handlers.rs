use crate::common::jobs::RunningJob;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use diesel::OptionalExtension;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xingguang_db::models::job::Job;
use xingguang_db::models::registry_import::{NewRegistryImport, RegistryImport};
use xingguang_db::vocab::{ImportStatus, JobKind, JobState};

use super::domain::{read_sheet, COLUMNS, EXAMPLE_ROW};
use super::dto::*;
use super::service::{self, Actor, INLINE_ROWS};
use crate::auth::extract::{Authed, Staff};
use crate::common::spreadsheet::file_response;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};
use crate::http::paging::page;
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// How long `wait=true` waits for a change, and how often it looks.
const WAIT_AT_MOST: std::time::Duration = std::time::Duration::from_secs(20);
const WAIT_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// Rows checked so far, from the import's job, while it runs.
async fn running_progress(conn: &mut diesel_async::AsyncPgConnection, import: &RegistryImport) -> ApiResult<Option<i32>> {
    if import.status != ImportStatus::Running {
        return Ok(None);
    }
    Ok(Job::find(conn, import.community_id, import.id).await.optional()?.map(|job| job.progress))
}

/// The import template
///
/// The columns the import expects, with one example row. ID numbers must be entered as text.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "get_import_template",
    security(("bearer" = [])),
    params(TemplateQuery),
    responses(
        (status = 200, description = "The template file.", content(
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        (status = 400, description = "Unknown format."),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/registry/imports/template")]
pub async fn get_import_template(
    _user: Authed<Staff>,
    state: web::Data<AppState>,
    query: web::Query<TemplateQuery>,
) -> ApiResult<HttpResponse> {
    let rows = vec![COLUMNS.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>(), EXAMPLE_ROW.iter().map(|c| (*c).to_owned()).collect()];
    file_response(query.format.unwrap_or(FileFormat::Xlsx), state.clock.today(), "居民导入模板", "registry-template", &rows)
}

/// Import residents from a spreadsheet
///
/// Send the file itself as the request body (.xlsx or .csv in UTF-8 or GBK, at most 20 MB).
/// Every row is checked: required fields, the ID number's check digit, birth date and sex
/// against the ID, the group, the address, duplicates within the file and against the registry.
/// The import is all-or-nothing: one bad row and nothing is written, and the report names every
/// problem by row. Rows whose resident is already registered with the same name are skipped, so
/// importing the same file twice creates nothing twice. Files over 2,000 rows run in the
/// background: the answer is 202 and `GET /registry/imports/{id}` shows the progress.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "create_import",
    security(("bearer" = [])),
    params(CreateImportQuery),
    request_body(description = "The .xlsx or .csv file.", content(
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (String = "text/csv"),
        (Vec<u8> = "application/octet-stream"),
    )),
    responses(
        (status = 201, description = "Checked (and, unless a dry run without errors, imported or refused): see `status` and `errors`.", body = ImportDto),
        (status = 202, description = "Large file: running in the background.", body = ImportDto),
        (status = 403, description = "Not staff."),
        (status = 413, description = "Over 20 MB."),
        (status = 422, description = "Not a readable sheet, or no data rows."),
    )
)]
#[post("/registry/imports")]
pub async fn create_import(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    query: web::Query<CreateImportQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::bad_request(ErrorCode::MalformedBody, format!("The upload was interrupted: {e}")))?;
        if bytes.len() + chunk.len() > MAX_IMPORT_BYTES {
            return Err(ApiError::new(
                actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                "The file is larger than 20 MB.",
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    let (format, rows) = read_sheet(&bytes).map_err(|message| ApiError::validation(vec![FieldError::new("file", message)]))?;
    if rows.is_empty() {
        return Err(ApiError::validation(vec![FieldError::new("file", "文件中没有数据行")]));
    }
    // The job first: an import row is never `running` without a job whose holder can be checked.
    let id = xingguang_db::new_id();
    let running = RunningJob::start(&state.pool, id, user.community_id(), JobKind::RegistryImport, rows.len() as i32).await?;
    let mut conn = state.conn().await?;
    let inserted = RegistryImport::insert(
        &mut conn,
        &NewRegistryImport {
            id,
            community_id: user.community_id(),
            created_by: user.user_id(),
            file_name: query.file_name.as_deref().map(|n| n.chars().take(200).collect()),
            file_sha256: format!("{:x}", Sha256::digest(&bytes)),
            format,
            dry_run: query.dry_run,
            status: ImportStatus::Running,
            total_rows: rows.len() as i32,
        },
    )
    .await;
    drop(conn);
    let job = match inserted {
        Ok(job) => job,
        Err(e) => {
            running.finish(JobState::Failed, None, Some(e.to_string())).await?;
            return Err(e.into());
        }
    };
    let actor = Actor { user_id: user.user_id(), role: user.role(), community_id: user.community_id(), ctx };
    if rows.len() <= INLINE_ROWS {
        let finished = service::run(state.clone(), running, job, rows, actor).await?;
        return Ok(HttpResponse::Created().json(ImportDto::new(finished, None)));
    }
    let location = format!("/api/v1/registry/imports/{}", job.id);
    let dto = ImportDto::new(job.clone(), Some(0));
    actix_web::rt::spawn(async move {
        if let Err(e) = service::run(state, running, job, rows, actor).await {
            log::error!("background import failed: {e}");
        }
    });
    Ok(HttpResponse::Accepted().insert_header((header::LOCATION, location)).json(dto))
}

/// The community's imports
///
/// Newest first, without their row reports. `mine=true` keeps the caller's own (the staff home
/// lists the imports that finished for its user).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "list_imports",
    security(("bearer" = [])),
    params(ListImportsQuery, PageQuery),
    responses(
        (status = 200, description = "A page of imports.", body = ListResponse<ImportSummaryDto>),
        (status = 403, description = "Not staff."),
        (status = 422, description = "Invalid paging parameters."),
    )
)]
#[get("/registry/imports")]
pub async fn list_imports(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    query: web::Query<ListImportsQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let request = page(&paging)?;
    let mut conn = state.conn().await?;
    let created_by = query.mine.then(|| user.user_id());
    let rows = RegistryImport::list(&mut conn, user.community_id(), created_by, request).await?;
    Ok(HttpResponse::Ok().json(ListResponse::from_page(rows, ImportSummaryDto::from)))
}

/// An import and its report
///
/// With `wait=true` the answer comes when the import has made progress or finished (at most 20 s),
/// so a client can follow a large import without hammering the server.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "registry",
    operation_id = "get_import",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The import's id."), GetImportQuery),
    responses(
        (status = 200, description = "The import.", body = ImportDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such import in this community."),
    )
)]
#[get("/registry/imports/{id}")]
pub async fn get_import(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<GetImportQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let mut import = RegistryImport::find(&mut conn, user.community_id(), *id).await?;
    let mut progress = running_progress(&mut conn, &import).await?;
    drop(conn);
    if query.wait && import.status == ImportStatus::Running {
        // Polls the database, so any API process can answer for a job another one runs.
        let deadline = tokio::time::Instant::now() + WAIT_AT_MOST;
        let before = progress;
        while tokio::time::Instant::now() < deadline {
            tokio::time::sleep(WAIT_POLL).await;
            let mut conn = state.conn().await?;
            import = RegistryImport::find(&mut conn, user.community_id(), *id).await?;
            progress = running_progress(&mut conn, &import).await?;
            if import.status != ImportStatus::Running || progress != before {
                break;
            }
        }
    }
    Ok(HttpResponse::Ok().json(ImportDto::new(import, progress)))
}
