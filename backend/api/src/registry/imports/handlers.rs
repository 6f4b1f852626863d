use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use futures_util::StreamExt;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xingguang_db::models::registry_import::{NewRegistryImport, RegistryImport};
use xingguang_db::models::resident::Resident;
use xingguang_db::pagination::PageRequest;

use super::domain::{read_sheet, relationship_to_chinese, tag_to_chinese, COLUMNS, EXAMPLE_ROW};
use super::dto::*;
use super::service::{self, Actor, INLINE_ROWS};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Staff, StaffOrLeader};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::RequestCtx;
use crate::registry::dto::{ResidentDto, ResidentQuery};
use crate::registry::policy::{reach, sees_sensitive_tags};
use crate::state::AppState;

/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Largest export, in rows.
pub const MAX_EXPORT_ROWS: usize = 200_000;
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        (status = 400, description = "Unknown format.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/registry/imports/template")]
pub async fn get_import_template(_user: Authed<Staff>, query: web::Query<TemplateQuery>) -> ApiResult<HttpResponse> {
    let rows = vec![COLUMNS.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>(), EXAMPLE_ROW.iter().map(|c| (*c).to_owned()).collect()];
    file_response(query.format.unwrap_or_default(), "居民导入模板", "registry-template", &rows)
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
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Over 20 MB.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a readable sheet, or no data rows.", body = Problem, content_type = "application/problem+json"),
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
        let chunk = chunk.map_err(|e| ApiError::bad_request("malformed_body", format!("The upload was interrupted: {e}")))?;
        if bytes.len() + chunk.len() > MAX_IMPORT_BYTES {
            return Err(ApiError::new(
                actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "The file is larger than 20 MB.",
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    let (format, rows) = read_sheet(&bytes).map_err(|message| ApiError::validation(vec![FieldError::new("file", message)]))?;
    if rows.is_empty() {
        return Err(ApiError::validation(vec![FieldError::new("file", "文件中没有数据行")]));
    }
    let mut conn = state.conn().await?;
    let job = RegistryImport::insert(
        &mut conn,
        &NewRegistryImport {
            id: xingguang_db::new_id(),
            community_id: user.community_id(),
            created_by: user.user_id(),
            file_name: query.file_name.as_deref().map(|n| n.chars().take(200).collect()),
            file_sha256: format!("{:x}", Sha256::digest(&bytes)),
            format: format.as_str().to_owned(),
            dry_run: query.dry_run,
            status: "running".to_owned(),
            total_rows: rows.len() as i32,
        },
    )
    .await?;
    drop(conn);
    let actor = Actor { user_id: user.user_id(), role: user.role(), community_id: user.community_id(), ctx };
    if rows.len() <= INLINE_ROWS {
        let finished = service::run(state.clone(), job, rows, actor).await?;
        return Ok(HttpResponse::Created().json(ImportDto::new(finished, None)));
    }
    let location = format!("/api/v1/registry/imports/{}", job.id);
    let dto = ImportDto::new(job.clone(), Some(0));
    actix_web::rt::spawn(async move {
        if let Err(e) = service::run(state, job, rows, actor).await {
            log::error!("background import failed: {e}");
        }
    });
    Ok(HttpResponse::Accepted().insert_header((header::LOCATION, location)).json(dto))
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
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such import in this community.", body = Problem, content_type = "application/problem+json"),
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
    let job = RegistryImport::find(&mut conn, user.community_id(), *id).await?;
    drop(conn);
    if query.wait && job.status == "running" {
        if let Some(mut changes) = state.jobs.subscribe(job.id) {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(20), changes.changed()).await;
        }
    }
    let mut conn = state.conn().await?;
    let job = RegistryImport::find(&mut conn, user.community_id(), *id).await?;
    let live = if job.status == "running" { state.jobs.progress_of(job.id) } else { None };
    Ok(HttpResponse::Ok().json(ImportDto::new(job, live)))
}

/// Export residents to a spreadsheet
///
/// Any filtered resident list (the same filters as `GET /residents`) as .xlsx or .csv, with ID
/// numbers and phones masked as in the API. At most 200,000 rows. Audited.
///
/// **Roles:** staff, group_leader (own group).
#[utoipa::path(
    tag = "registry",
    operation_id = "export_residents",
    security(("bearer" = [])),
    params(ExportQuery, ResidentQuery),
    responses(
        (status = 200, description = "The file.", content(
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        (status = 400, description = "Malformed query.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Residents and partners cannot export.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filters.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/registry/export")]
pub async fn export_residents(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    format: web::Query<ExportQuery>,
    query: web::Query<ResidentQuery>,
) -> ApiResult<HttpResponse> {
    let today = crate::registry::today();
    let filter = crate::registry::service::resident_filter(&query, today)?;
    let sensitive = sees_sensitive_tags(user.role());
    let mut conn = state.conn().await?;
    let mut rows = vec![["小组编号", "地址", "姓名", "性别", "出生日期", "年龄", "身份证号", "手机", "与户主关系", "标签", "状态"]
        .map(str::to_owned)
        .to_vec()];
    let mut after = None;
    loop {
        let page = Resident::list(&mut conn, reach(&user), &filter, PageRequest { limit: 5_000, after }).await?;
        for row in page.items {
            let dto = ResidentDto::from_row(row, today, sensitive);
            rows.push(vec![
                dto.group_number.map(|n| n.to_string()).unwrap_or_default(),
                dto.address.unwrap_or_default(),
                dto.name,
                if dto.sex == crate::registry::national_id::Sex::Male { "男" } else { "女" }.to_owned(),
                dto.birth_date.to_string(),
                dto.age.to_string(),
                dto.id_number_masked,
                dto.phone_masked.unwrap_or_default(),
                relationship_to_chinese(dto.relationship).to_owned(),
                dto.tags.iter().map(|t| tag_to_chinese(*t)).collect::<Vec<_>>().join(","),
                match dto.status {
                    crate::registry::domain::ResidentStatus::Active => "在册",
                    crate::registry::domain::ResidentStatus::MovedOut => "迁出",
                    crate::registry::domain::ResidentStatus::Deceased => "死亡",
                }
                .to_owned(),
            ]);
        }
        after = page.next;
        if after.is_none() || rows.len() > MAX_EXPORT_ROWS {
            break;
        }
    }
    rows.truncate(MAX_EXPORT_ROWS + 1);
    AuditEvent::new("registry.export", "resident")
        .by(&user)
        .detail(json!({ "rows": rows.len() - 1, "query": query_summary(&query) }))
        .write(&mut conn, &ctx)
        .await?;
    file_response(format.format.unwrap_or_default(), "居民名单", "residents", &rows)
}

fn query_summary(q: &ResidentQuery) -> serde_json::Value {
    json!({ "group_id": q.group_id, "household_id": q.household_id, "min_age": q.min_age, "max_age": q.max_age, "tags": q.tags, "status": q.status, "q": q.q })
}

/// A table as a downloadable file. CSV gets a UTF-8 byte-order mark so Excel shows Chinese.
fn file_response(format: FileFormat, chinese_name: &str, ascii_name: &str, rows: &[Vec<String>]) -> ApiResult<HttpResponse> {
    let date = crate::registry::today().format("%Y%m%d");
    let (body, content_type, extension) = match format {
        FileFormat::Csv => {
            let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
            for row in rows {
                writer.write_record(row).map_err(ApiError::internal)?;
            }
            (writer.into_inner().map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))?, "text/csv; charset=utf-8", "csv")
        }
        FileFormat::Xlsx => (xlsx(rows).map_err(ApiError::internal)?, XLSX, "xlsx"),
    };
    let utf8_name: String = format!("{chinese_name}-{date}.{extension}").bytes().map(|b| format!("%{b:02X}")).collect();
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{ascii_name}-{date}.{extension}\"; filename*=UTF-8''{utf8_name}"),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

fn xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    // Every cell is text, so Excel keeps 18-digit ID numbers intact.
    let text = rust_xlsxwriter::Format::new().set_num_format("@");
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let format = if r == 0 { &bold } else { &text };
            sheet.write_string_with_format(r as u32, c as u16, value, format)?;
        }
    }
    for c in 0..rows.first().map_or(0, Vec::len) {
        sheet.set_column_width(c as u16, if c == 1 || c == 6 || c == 7 { 22 } else { 12 })?;
        sheet.set_column_format(c as u16, &text)?;
    }
    workbook.save_to_buffer()
}
