//! What the case handlers share: the community's case types (written from the defaults the first
//! time they are needed), a case's definition and calendar, and the list line as each role sees it.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::assistance::{Case, CaseLine, CaseStep, CaseType};
use xingguang_db::models::user::{Role, User};
use xingguang_db::vocab::{CaseKind, CaseStatus};

use super::domain::{default_definition, Definition};
use super::dto::CaseSummaryDto;
use crate::common::workdays::WorkCalendar;
use crate::error::{ApiError, ApiResult};

/// The community's current case types by kind; kinds it never configured get revision 1 from
/// the defaults (idempotent: a parallel request writing the same revision is harmless).
pub async fn current_types(conn: &mut AsyncPgConnection, community_id: Uuid) -> ApiResult<HashMap<CaseKind, CaseType>> {
    let mut types: HashMap<CaseKind, CaseType> = CaseType::current(conn, community_id).await?.into_iter().map(|t| (t.kind, t)).collect();
    let missing: Vec<CaseKind> = CaseKind::ALL.iter().copied().filter(|k| !types.contains_key(k)).collect();
    if !missing.is_empty() {
        for kind in missing {
            let (name, body, definition) = default_definition(kind);
            let row = CaseType {
                id: xingguang_db::new_id(),
                community_id,
                kind,
                revision: 1,
                name: name.to_owned(),
                approving_body: body.to_owned(),
                definition: serde_json::to_value(&definition).map_err(ApiError::internal)?,
                created_by: None,
                created_at: chrono::Utc::now(),
            };
            CaseType::insert(conn, &row).await?;
        }
        types = CaseType::current(conn, community_id).await?.into_iter().map(|t| (t.kind, t)).collect();
    }
    Ok(types)
}

/// Every revision a list of cases refers to, by id.
pub async fn types_by_id(
    conn: &mut AsyncPgConnection,
    ids: impl Iterator<Item = Uuid>,
) -> ApiResult<HashMap<Uuid, (CaseType, Definition)>> {
    let mut ids: Vec<Uuid> = ids.collect();
    ids.sort();
    ids.dedup();
    let mut out = HashMap::new();
    for t in CaseType::by_ids(conn, &ids).await? {
        let def = definition(&t)?;
        out.insert(t.id, (t, def));
    }
    Ok(out)
}

/// The revision a case follows (a case always has one: a missing one is a bug).
pub async fn revision_of(conn: &mut AsyncPgConnection, case: &Case) -> ApiResult<(CaseType, Definition)> {
    types_by_id(conn, std::iter::once(case.case_type_id))
        .await?
        .remove(&case.case_type_id)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("case {} has no case type {}", case.id, case.case_type_id)))
}

/// A stored definition (one the code cannot read is a bug, not a default).
pub fn definition(t: &CaseType) -> ApiResult<Definition> {
    serde_json::from_value(t.definition.clone())
        .map_err(|e| ApiError::internal(anyhow::anyhow!("case type {} revision {}: {e}", t.kind, t.revision)))
}

/// The calendar covering cases opened from `first` to today and their deadlines.
pub async fn calendar(conn: &mut AsyncPgConnection, first: NaiveDate, today: NaiveDate) -> ApiResult<WorkCalendar> {
    Ok(WorkCalendar::load(conn, first.checked_sub_days(Days::new(1)).unwrap_or(first), today).await?)
}

/// Staff with their flags (assignee checks, supervisor rights).
pub async fn staff_user(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> ApiResult<Option<User>> {
    use diesel::OptionalExtension;
    let user = User::find(conn, id).await.optional()?;
    Ok(user.filter(|u| u.community_id == community_id && u.role == Role::Staff && !u.disabled))
}

/// Whether `user` may read a case's income and assets: its assignee, or a supervisor.
pub async fn sees_finances(conn: &mut AsyncPgConnection, case: &Case, user_id: Uuid, role: Role) -> ApiResult<bool> {
    if role != Role::Staff {
        return Ok(false);
    }
    if case.assignee_id == Some(user_id) {
        return Ok(true);
    }
    Ok(User::find(conn, user_id).await?.supervisor)
}

/// The step starts recorded so far, by key (for deadlines counted from an earlier step).
pub fn starts(def: &Definition, steps: &[CaseStep]) -> Vec<(String, NaiveDate)> {
    steps.iter().filter_map(|s| def.steps.get(s.step_index as usize).map(|d| (d.key.clone(), s.started_on))).collect()
}

pub fn summary(line: CaseLine, t: &(CaseType, Definition), calendar: &WorkCalendar, today: NaiveDate, role: Role) -> CaseSummaryDto {
    let (case_type, def) = t;
    let step = def.steps.get(line.step_index as usize);
    let running = line.status == CaseStatus::Open;
    let due = if running { line.step_due_on } else { None };
    let left = due.map(|d| calendar.between(today, d));
    let staff = role == Role::Staff;
    CaseSummaryDto {
        id: line.id,
        kind: line.kind,
        kind_name: case_type.name.clone(),
        status: line.status,
        household_id: line.household_id,
        applicant_name: line.applicant_name,
        address: line.address,
        group_number: line.group_number,
        step_name: step.map(|s| s.name.clone()).unwrap_or_default(),
        step_body: step.map(|s| s.body.clone()).unwrap_or_default(),
        step_due_on: due,
        working_days_left: left,
        overdue: due.is_some_and(|d| d < today),
        opened_on: line.opened_on,
        next_review_on: line.next_review_on,
        assignee_name: if staff { line.assignee_name } else { None },
        conflict: staff && line.conflict,
        version: line.version,
    }
}
