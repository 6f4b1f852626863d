//! Validating a sheet against the registry, and applying it all-or-nothing.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::household::{Household, NewHousehold};
use xingguang_db::models::registry_import::{existing_id_numbers, residents_named, ImportOutcome, RegistryImport};
use xingguang_db::models::resident::{NewResident, Resident};
use xingguang_db::schema::{households, resident_groups};

use super::domain::{relationship_from_chinese, split_tags, tag_from_chinese, SheetRow};
use crate::audit::AuditEvent;
use crate::common::jobs::{run_caught, RunningJob};
use crate::common::national_id::{NationalId, NationalIdError};
use crate::common::pii::{mask_id_number, parse_phone};
use crate::error::ApiError;
use crate::http::RequestCtx;
use crate::registry::domain::parse_name;
use crate::state::AppState;
use xingguang_db::vocab::{ImportStatus, JobKind, JobState, Relationship, Sex};

/// Files with more data rows than this are imported in the background (poll the import).
pub const INLINE_ROWS: usize = 2_000;
/// At most this many row errors are kept in a report.
pub const MAX_REPORTED_ERRORS: usize = 1_000;

/// One problem in one row, in Chinese.
#[derive(Debug, Clone, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct RowError {
    /// Line in the sheet (the header is line 1); 0 for the file as a whole.
    pub row: usize,
    /// The column, as in the template.
    pub field: String,
    pub message: String,
}

fn row_error(row: usize, field: &str, message: impl Into<String>) -> RowError {
    RowError { row, field: field.to_owned(), message: message.into() }
}

type AddressKey = (String, String, String, String);

/// What a valid sheet will do.
#[derive(Default)]
pub struct Plan {
    pub new_households: Vec<NewHousehold>,
    pub new_residents: Vec<NewResident>,
    /// (household, head resident) for heads named in the sheet.
    pub heads: Vec<(Uuid, Uuid)>,
    pub skipped: usize,
    pub errors: Vec<RowError>,
}

/// Who started an import, for the audit log.
#[derive(Clone)]
pub struct Actor {
    pub user_id: Uuid,
    pub role: xingguang_db::models::user::Role,
    pub community_id: Uuid,
    pub ctx: RequestCtx,
}

/// Validates and (unless a dry run, or any row is invalid) applies the sheet; records the outcome.
/// Runs as a job (`common::jobs`): its progress is visible to every API process, and if this
/// process dies meanwhile the import is marked interrupted (nothing was written: it is
/// all-or-nothing, so it is safe to run again). A panic is reported as the import's failure.
pub async fn run(
    state: actix_web::web::Data<AppState>,
    running: RunningJob,
    job: RegistryImport,
    rows: Vec<SheetRow>,
    actor: Actor,
) -> Result<RegistryImport, ApiError> {
    let running = std::sync::Arc::new(running);
    let result = {
        let (state, job, running) = (state.clone(), job.clone(), running.clone());
        run_caught(async move { run_inner(&state, &job, rows, &actor, &|done| running.progress(done)).await }).await
    };
    let mut conn = state.conn().await?;
    let (finished, job_state, error) = match result {
        Ok(outcome) => (RegistryImport::finish(&mut conn, job.id, &outcome).await?, JobState::Succeeded, None),
        Err(error) => {
            log::error!("import {} failed: {error}", job.id);
            let outcome = ImportOutcome {
                status: ImportStatus::Failed,
                processed_rows: 0,
                households_created: 0,
                residents_created: 0,
                residents_skipped: 0,
                errors: json!([row_error(0, "", "导入时服务器出错，未写入任何数据，请稍后重试")]),
                finished_at: Some(Utc::now()),
            };
            (RegistryImport::finish(&mut conn, job.id, &outcome).await?, JobState::Failed, Some(error.to_string()))
        }
    };
    drop(conn);
    match std::sync::Arc::try_unwrap(running) {
        Ok(running) => running.finish(job_state, Some(json!({ "status": finished.status })), error).await?,
        Err(_) => log::error!("import {}: job still shared at the end", job.id),
    }
    Ok(finished)
}

/// Marks the imports of interrupted jobs as interrupted (called after `common::jobs::reap`),
/// and any import left running without a job (by a server of the version before jobs).
pub async fn on_interrupted(state: &AppState, jobs: &[xingguang_db::models::job::Job]) -> Result<(), ApiError> {
    let ids: Vec<Uuid> = jobs.iter().filter(|j| j.kind == JobKind::RegistryImport).map(|j| j.id).collect();
    let mut conn = state.conn().await?;
    if !ids.is_empty() {
        RegistryImport::mark_interrupted(&mut conn, &ids).await?;
    }
    RegistryImport::mark_orphans_interrupted(&mut conn).await?;
    Ok(())
}

async fn run_inner(
    state: &AppState,
    job: &RegistryImport,
    rows: Vec<SheetRow>,
    actor: &Actor,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ImportOutcome, ApiError> {
    let mut conn = state.conn().await?;
    let total = rows.len() as i32;
    let plan = validate(&mut conn, job.community_id, &rows, state.clock.today(), progress).await?;
    progress(rows.len());
    let mut errors = plan.errors.clone();
    if errors.len() > MAX_REPORTED_ERRORS {
        let more = errors.len() - MAX_REPORTED_ERRORS;
        errors.truncate(MAX_REPORTED_ERRORS);
        errors.push(row_error(0, "", format!("另有 {more} 处错误未列出")));
    }
    let counts = (plan.new_households.len() as i32, plan.new_residents.len() as i32, plan.skipped as i32);
    let status = match (plan.errors.is_empty(), job.dry_run) {
        (false, _) => ImportStatus::Failed,
        (true, true) => ImportStatus::Validated,
        (true, false) => {
            apply(&mut conn, job, &plan, actor).await?;
            ImportStatus::Imported
        }
    };
    // A dry run reports what would be created; a failed import created nothing.
    let (households_created, residents_created) = if status == ImportStatus::Failed { (0, 0) } else { (counts.0, counts.1) };
    Ok(ImportOutcome {
        status,
        processed_rows: total,
        households_created,
        residents_created,
        residents_skipped: counts.2,
        errors: json!(errors),
        finished_at: Some(Utc::now()),
    })
}

/// All-or-nothing: households, residents, heads and the audit entry in one transaction.
async fn apply(conn: &mut AsyncPgConnection, job: &RegistryImport, plan: &Plan, actor: &Actor) -> Result<(), ApiError> {
    conn.transaction::<_, ApiError, _>(async |conn| {
        for chunk in plan.new_households.chunks(2_000) {
            Household::insert_many(conn, chunk).await?;
        }
        for chunk in plan.new_residents.chunks(1_000) {
            Resident::insert_many(conn, chunk).await?;
        }
        Household::set_heads(conn, &plan.heads).await?;
        AuditEvent::new("registry.import", "registry_import")
            .actor(actor.user_id, actor.role, actor.community_id)
            .entity(job.id)
            .detail(json!({
                "file_sha256": job.file_sha256,
                "households_created": plan.new_households.len(),
                "residents_created": plan.new_residents.len(),
                "residents_skipped": plan.skipped,
            }))
            .write(conn, &actor.ctx)
            .await?;
        Ok(())
    })
    .await
}

/// Checks every row against the sheet itself and the registry. `progress` is called every
/// 500 rows.
pub async fn validate(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    rows: &[SheetRow],
    today: NaiveDate,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Plan, ApiError> {
    let groups: HashMap<i32, Uuid> = resident_groups::table
        .filter(resident_groups::community_id.eq(community_id))
        .select((resident_groups::number, resident_groups::id))
        .load::<(i32, Uuid)>(conn)
        .await?
        .into_iter()
        .collect();
    let roads: Vec<String> = rows.iter().map(|r| r.get("道路").to_owned()).collect::<HashSet<_>>().into_iter().collect();
    let existing_households: HashMap<AddressKey, Household> = households::table
        .filter(households::community_id.eq(community_id))
        .filter(households::road.eq_any(&roads))
        .select(Household::as_select())
        .load::<Household>(conn)
        .await?
        .into_iter()
        .map(|h| ((h.road.clone(), h.building.clone(), h.unit.clone(), h.room.clone()), h))
        .collect();
    let numbers: Vec<String> = rows.iter().map(|r| r.get("身份证号").to_uppercase()).collect();
    let mut registered: HashMap<String, String> = HashMap::new();
    for chunk in numbers.chunks(5_000) {
        registered.extend(existing_id_numbers(conn, community_id, chunk).await?);
    }

    // Rows of an exported sheet carry masked ID numbers: they are recognised by the mask and name.
    let masked_names: Vec<String> = rows
        .iter()
        .filter(|r| r.get("身份证号").contains('*'))
        .map(|r| r.get("姓名").to_owned())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut masked_registered: HashSet<(String, String)> = HashSet::new();
    for chunk in masked_names.chunks(5_000) {
        masked_registered
            .extend(residents_named(conn, community_id, chunk).await?.into_iter().map(|(id, name)| (mask_id_number(&id), name)));
    }

    let mut plan = Plan::default();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut planned: HashMap<AddressKey, (Uuid, Uuid)> = HashMap::new(); // address → (household id, group)
    let mut heads: HashSet<Uuid> = existing_households.values().filter(|h| h.head_resident_id.is_some()).map(|h| h.id).collect();
    for (index, row) in rows.iter().enumerate() {
        if index > 0 && index % 500 == 0 {
            progress(index);
        }
        let line = row.line;
        let errors_before = plan.errors.len();
        let masked_id = row.get("身份证号");
        if masked_id.contains('*') {
            // A row of an exported sheet: its resident is registered (skip) or it cannot be imported.
            if masked_registered.contains(&(masked_id.to_uppercase(), row.get("姓名").to_owned())) {
                plan.skipped += 1;
            } else {
                let message = "身份证号已脱敏（含 *），只能对应已登记的居民；新居民请填写完整的身份证号";
                plan.errors.push(row_error(line, "身份证号", message));
            }
            continue;
        }
        let mut error = |field: &str, message: String| plan.errors.push(row_error(line, field, message));

        let group = match row.get("小组编号").trim_start_matches('第').trim_end_matches("组").parse::<i32>() {
            Ok(n) => groups.get(&n).copied().or_else(|| {
                error("小组编号", format!("本社区没有第 {n} 居民小组"));
                None
            }),
            Err(_) => {
                error("小组编号", "请填写小组编号（数字，如 1）".to_owned());
                None
            }
        };
        let road = row.get("道路");
        if road.is_empty() || road.chars().count() > 50 {
            error("道路", "请填写道路（不超过 50 字）".to_owned());
        }
        for column in ["幢", "单元", "室"] {
            if row.get(column).chars().count() > 20 {
                error(column, "不超过 20 字".to_owned());
            }
        }
        let household_phone = match row.get("户电话") {
            "" => None,
            p => parse_phone("户电话", p).map_err(|_| error("户电话", "电话号码格式不对".to_owned())).ok(),
        };
        let name = parse_name(row.get("姓名")).map_err(|_| error("姓名", "请填写姓名（不超过 50 字）".to_owned())).ok();
        let id = match NationalId::parse_on(row.get("身份证号"), today) {
            Ok(id) => Some(id),
            Err(e) => {
                error("身份证号", id_error_in_chinese(&e));
                None
            }
        };
        if let Some(id) = &id {
            let sex = row.get("性别");
            let expected = if id.sex() == Sex::Male { "男" } else { "女" };
            if !sex.is_empty() && sex != expected {
                error("性别", format!("与身份证号不符，身份证号显示为{expected}"));
            }
            let birth = row.get("出生日期");
            if !birth.is_empty() && parse_date(birth) != Some(id.birth_date()) {
                error("出生日期", format!("与身份证号不符，身份证号显示为 {}", id.birth_date()));
            }
        }
        let relationship = relationship_from_chinese(row.get("与户主关系")).or_else(|| {
            error("与户主关系", "请填写：户主、配偶、子女、父母、孙子女、兄弟姐妹或其他".to_owned());
            None
        });
        let phone = match row.get("手机") {
            "" => None,
            p => parse_phone("手机", p).map_err(|_| error("手机", "电话号码格式不对".to_owned())).ok(),
        };
        let mut tags = Vec::new();
        for word in split_tags(row.get("标签")) {
            match tag_from_chinese(word) {
                Some(tag) => tags.push(tag),
                None => error("标签", format!("不认识的标签「{word}」，可用：残疾、低保、党员、独居、退役军人、小组干部")),
            }
        }
        let (Some(group), Some(name), Some(id), Some(relationship)) = (group, name, id, relationship) else { continue };
        if let Some(first) = seen_ids.insert(id.as_str().to_owned(), line) {
            error("身份证号", format!("与第 {first} 行的身份证号重复"));
            continue;
        }
        if let Some(existing) = registered.get(id.as_str()) {
            if *existing == name {
                plan.skipped += 1; // already registered: importing the same file again creates nothing
            } else {
                error("身份证号", format!("该身份证号已登记为「{existing}」"));
            }
            continue;
        }
        let key: AddressKey = (road.to_owned(), row.get("幢").to_owned(), row.get("单元").to_owned(), row.get("室").to_owned());
        let household_id = match (existing_households.get(&key), planned.get(&key)) {
            (Some(h), _) if h.group_id != group => {
                error("小组编号", "该地址的户已属于另一个居民小组".to_owned());
                continue;
            }
            (Some(h), _) => h.id,
            (None, Some((_, planned_group))) if *planned_group != group => {
                error("小组编号", "同一地址在表中填了不同的小组".to_owned());
                continue;
            }
            (None, Some((id, _))) => *id,
            (None, None) => {
                let id = xingguang_db::new_id();
                planned.insert(key.clone(), (id, group));
                plan.new_households.push(NewHousehold {
                    id,
                    community_id,
                    group_id: group,
                    road: key.0.clone(),
                    building: key.1.clone(),
                    unit: key.2.clone(),
                    room: key.3.clone(),
                    phone: household_phone.clone().map(Into::into),
                    head_resident_id: None,
                });
                id
            }
        };
        let record = crate::registry::service::resident_record(community_id, household_id, name, &id, phone, relationship, &tags);
        if relationship == Relationship::Head {
            if !heads.insert(household_id) {
                error("与户主关系", "该户已有户主".to_owned());
                continue;
            }
            plan.heads.push((household_id, record.id));
        }
        if plan.errors.len() > errors_before {
            continue;
        }
        plan.new_residents.push(record);
    }
    Ok(plan)
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"].iter().find_map(|f| NaiveDate::parse_from_str(s.trim(), f).ok())
}

fn id_error_in_chinese(e: &NationalIdError) -> String {
    match e {
        NationalIdError::Format => {
            "身份证号应为 18 位：17 位数字加 1 位数字或 X（若在 Excel 中显示为科学计数，请把该列设为文本）".to_owned()
        }
        NationalIdError::Region(code) => format!("身份证号的地区码 {code} 不是有效的省份代码"),
        NationalIdError::BirthDate(date) => format!("身份证号中的出生日期 {date} 不是真实日期"),
        NationalIdError::FutureBirthDate => "身份证号中的出生日期在今天之后".to_owned(),
        NationalIdError::CheckDigit { expected } => format!("身份证号校验位不对（应为 {expected}），可能有数字录入错误"),
    }
}
