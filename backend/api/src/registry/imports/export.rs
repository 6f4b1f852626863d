//! The registry export: any filtered resident list as a sheet in the import template's
//! columns, so an exported sheet can be edited and imported again. ID numbers and phones are
//! masked as in the API (a masked row re-imports as "already registered"); the sheet says so.

use actix_web::{get, web, HttpResponse};
use serde_json::json;
use xingguang_db::models::resident::{Resident, ResidentFilter, ResidentRow};
use xingguang_db::pagination::PageRequest;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{ResidentStatus, Sex};

use super::domain::{relationship_to_chinese, tag_to_chinese, COLUMNS};
use super::dto::{ExportQuery, FileFormat};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, StaffOrLeader};
use crate::common::pii::{mask_id_number, mask_phone, sees_sensitive_tags};
use crate::common::reach::reach;
use crate::common::spreadsheet::table_download;
use crate::error::{ApiError, ApiResult};
use crate::http::RequestCtx;
use crate::registry::domain::age_on;
use crate::registry::dto::ResidentQuery;
use crate::registry::service::resident_filter;
use crate::state::AppState;

/// Columns after the template's: read-only facts (the import checks 性别 and 出生日期 against
/// the ID number and ignores the rest), and the note on masking.
const EXTRA_COLUMNS: [&str; 5] = ["性别", "出生日期", "年龄", "状态", "说明"];
/// In the first data row's 说明 cell.
const MASKING_NOTE: &str =
    "身份证号和电话已脱敏（含 *）：重新导入时，这些行按姓名和脱敏号码对应已登记的居民，不会重复登记；新居民请填写完整号码。";
/// Rows read from the database per page of the download.
const PAGE: i64 = 1_000;

fn header() -> Vec<String> {
    COLUMNS.iter().chain(EXTRA_COLUMNS.iter()).map(|c| (*c).to_owned()).collect()
}

/// One resident in the template's columns, then the extra ones.
fn export_row(row: ResidentRow, today: chrono::NaiveDate, sensitive: bool, first: bool) -> Vec<String> {
    let ResidentRow { resident: r, household: h, group_number } = row;
    let tags: Vec<&str> = r.tags.iter().filter(|t| sensitive || !t.is_sensitive()).map(|t| tag_to_chinese(*t)).collect();
    vec![
        group_number.to_string(),
        h.road,
        h.building,
        h.unit,
        h.room,
        h.phone.as_deref().map(mask_phone).unwrap_or_default(),
        r.name,
        mask_id_number(&r.id_number),
        relationship_to_chinese(r.relationship).to_owned(),
        r.phone.as_deref().map(mask_phone).unwrap_or_default(),
        tags.join(","),
        if r.sex == Sex::Male { "男" } else { "女" }.to_owned(),
        r.birth_date.to_string(),
        age_on(r.birth_date, today).to_string(),
        match r.status {
            ResidentStatus::Active => "在册",
            ResidentStatus::MovedOut => "迁出",
            ResidentStatus::Deceased => "死亡",
        }
        .to_owned(),
        if first { MASKING_NOTE.to_owned() } else { String::new() },
    ]
}

/// Export residents to a spreadsheet
///
/// Any filtered resident list (the same filters as `GET /residents`) as .xlsx or .csv, in the
/// import template's columns (then 性别, 出生日期, 年龄, 状态, 说明), so that an exported sheet
/// can be edited and imported again. ID numbers and phones are masked as in the API; rows with
/// a masked ID number re-import as "already registered". CSV is streamed, with no row limit;
/// .xlsx holds up to 1,048,575 rows. Audited, with the filters and the number of rows.
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
        (status = 400, description = "Malformed query."),
        (status = 403, description = "Residents and partners cannot export; a filter on a tag the caller may not see."),
        (status = 422, description = "Invalid filters, or too many rows for one .xlsx sheet."),
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
    let today = state.clock.today();
    let filter = resident_filter(&query, today, user.role())?;
    let (reach, sensitive) = (reach(&user), sees_sensitive_tags(user.role()));
    let mut conn = state.conn().await?;
    let rows = Resident::count(&mut conn, reach, &filter).await?;
    // Written before any row leaves: an export that is not audited does not happen.
    AuditEvent::new("registry.export", "resident")
        .by(&user)
        .detail(json!({ "rows": rows, "query": query_summary(&query) }))
        .write(&mut conn, &ctx)
        .await?;
    let pages = pages(conn, reach, filter, today, sensitive);
    table_download(format.format.unwrap_or(FileFormat::Xlsx), today, ("居民名单", "residents"), header(), pages).await
}

/// The rows of the list, a page at a time, on one connection held for the download.
fn pages(
    conn: xingguang_db::DbConn,
    reach: Reach,
    filter: ResidentFilter,
    today: chrono::NaiveDate,
    sensitive: bool,
) -> impl futures_util::Stream<Item = ApiResult<Vec<Vec<String>>>> + Unpin + 'static {
    struct Cursor {
        conn: xingguang_db::DbConn,
        after: Option<uuid::Uuid>,
        first: bool,
        done: bool,
    }
    let start = Cursor { conn, after: None, first: true, done: false };
    Box::pin(futures_util::stream::unfold(start, move |mut cursor| {
        let filter = filter.clone();
        async move {
            if cursor.done {
                return None;
            }
            let page = match Resident::list(&mut cursor.conn, reach, &filter, PageRequest { limit: PAGE, after: cursor.after }).await {
                Ok(page) => page,
                Err(e) => {
                    cursor.done = true;
                    return Some((Err(ApiError::from(e)), cursor));
                }
            };
            cursor.after = page.next;
            cursor.done = page.next.is_none();
            let mut rows = Vec::with_capacity(page.items.len());
            for row in page.items {
                rows.push(export_row(row, today, sensitive, cursor.first));
                cursor.first = false;
            }
            Some((Ok(rows), cursor))
        }
    }))
}

/// The filters of an export, for its audit entry. The search text is not kept (it can be a
/// name or ID digits, and the audit log holds no personal values), only that there was one.
fn query_summary(q: &ResidentQuery) -> serde_json::Value {
    json!({ "group_id": q.group_id, "household_id": q.household_id, "min_age": q.min_age, "max_age": q.max_age, "tags": q.tags, "status": q.status, "searched": q.q.is_some() })
}
