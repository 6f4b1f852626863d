//! `case_types`, `assistance_cases`, `case_steps`, `case_entries` and `work_calendar_days`:
//! assistance cases (低保, 临时救助, 医疗救助, disability, re-employment, hardship), the
//! procedure each kind follows, and the holiday calendar their deadlines are counted on.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Date, Int4, Int8, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{assistance_cases, case_entries, case_steps, case_types, work_calendar_days};
use crate::vocab::{CaseEntryKind, CaseKind, CaseStatus, EmploymentCategory, PaymentKind, WorkdayKind};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = work_calendar_days)]
pub struct CalendarDay {
    pub day: NaiveDate,
    pub kind: WorkdayKind,
    pub name: String,
    pub updated_at: DateTime<Utc>,
}

impl CalendarDay {
    pub async fn between(conn: &mut AsyncPgConnection, first: NaiveDate, last: NaiveDate) -> QueryResult<Vec<CalendarDay>> {
        work_calendar_days::table
            .filter(work_calendar_days::day.between(first, last))
            .order(work_calendar_days::day)
            .select(CalendarDay::as_select())
            .load(conn)
            .await
    }

    /// Adds or replaces a day.
    pub async fn put(conn: &mut AsyncPgConnection, day: &CalendarDay) -> QueryResult<CalendarDay> {
        diesel::insert_into(work_calendar_days::table)
            .values(day)
            .on_conflict(work_calendar_days::day)
            .do_update()
            .set((
                work_calendar_days::kind.eq(day.kind),
                work_calendar_days::name.eq(&day.name),
                work_calendar_days::updated_at.eq(day.updated_at),
            ))
            .returning(CalendarDay::as_returning())
            .get_result(conn)
            .await
    }

    /// Removes a day (it becomes what its weekday says); whether there was one.
    pub async fn delete(conn: &mut AsyncPgConnection, day: NaiveDate) -> QueryResult<bool> {
        diesel::delete(work_calendar_days::table.find(day)).execute(conn).await.map(|n| n > 0)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_types)]
pub struct CaseType {
    pub id: Uuid,
    pub community_id: Uuid,
    pub kind: CaseKind,
    pub revision: i32,
    pub name: String,
    pub approving_body: String,
    pub definition: serde_json::Value,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl CaseType {
    /// The revision in force of every kind the community has.
    pub async fn current(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<CaseType>> {
        case_types::table
            .filter(case_types::community_id.eq(community_id))
            .distinct_on(case_types::kind)
            .order((case_types::kind, case_types::revision.desc()))
            .select(CaseType::as_select())
            .load(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<CaseType> {
        case_types::table.filter(case_types::community_id.eq(community_id)).find(id).select(CaseType::as_select()).first(conn).await
    }

    pub async fn by_ids(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<CaseType>> {
        case_types::table.filter(case_types::id.eq_any(ids)).select(CaseType::as_select()).load(conn).await
    }

    /// Inserts a revision; `None` when that revision exists already (someone else saved first,
    /// or the defaults were written by a parallel request).
    pub async fn insert(conn: &mut AsyncPgConnection, row: &CaseType) -> QueryResult<Option<CaseType>> {
        diesel::insert_into(case_types::table)
            .values(row)
            .on_conflict_do_nothing()
            .returning(CaseType::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = assistance_cases)]
pub struct Case {
    pub id: Uuid,
    pub community_id: Uuid,
    pub case_type_id: Uuid,
    pub kind: CaseKind,
    pub household_id: Uuid,
    pub applicant_id: Uuid,
    pub resident_ids: Vec<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub status: CaseStatus,
    pub step_index: i32,
    pub step_started_on: NaiveDate,
    pub step_due_on: Option<NaiveDate>,
    pub opened_on: NaiveDate,
    pub summary: String,
    pub on_behalf: bool,
    pub mandate_on_file: bool,
    pub conflict_user_id: Option<Uuid>,
    pub conflict_note: String,
    pub shared_with_leader: bool,
    /// `{monthly_income_fen, assets_note}`, sealed at rest.
    pub finances: Option<crate::sealed::SealedJsonValue>,
    pub able_to_work: bool,
    pub documents_received: Vec<String>,
    pub amount_fen: Option<i64>,
    pub payment: Option<PaymentKind>,
    pub payment_from: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub decision_note: String,
    pub next_review_on: Option<NaiveDate>,
    pub employment_category: Option<EmploymentCategory>,
    pub zero_employment: bool,
    pub placed_on: Option<NaiveDate>,
    pub placement: String,
    pub closed_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What staff edit on a case (not its status or step: those move through the machine).
#[derive(Debug, AsChangeset)]
#[diesel(table_name = assistance_cases)]
pub struct CaseChanges {
    pub assignee_id: Option<Option<Uuid>>,
    pub summary: Option<String>,
    pub mandate_on_file: Option<bool>,
    pub conflict_user_id: Option<Option<Uuid>>,
    pub conflict_note: Option<String>,
    pub shared_with_leader: Option<bool>,
    pub able_to_work: Option<bool>,
    pub documents_received: Option<Vec<String>>,
    pub amount_fen: Option<Option<i64>>,
    pub payment: Option<Option<PaymentKind>>,
    pub employment_category: Option<Option<EmploymentCategory>>,
    pub zero_employment: Option<bool>,
    pub placement: Option<String>,
    pub next_review_on: Option<Option<NaiveDate>>,
}

/// The financial details (assignee and supervisors only).
#[derive(Debug, AsChangeset)]
#[diesel(table_name = assistance_cases, treat_none_as_null = true)]
pub struct FinanceChanges {
    pub finances: Option<crate::sealed::SealedJsonValue>,
}

/// A move of the case: its status, step and outcome columns together.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = assistance_cases, treat_none_as_null = true)]
pub struct CaseMove {
    pub status: CaseStatus,
    pub step_index: i32,
    pub step_started_on: NaiveDate,
    pub step_due_on: Option<NaiveDate>,
    pub amount_fen: Option<i64>,
    pub payment: Option<PaymentKind>,
    pub payment_from: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub decision_note: String,
    pub next_review_on: Option<NaiveDate>,
    pub placed_on: Option<NaiveDate>,
    pub placement: String,
    pub zero_employment: bool,
    pub closed_on: Option<NaiveDate>,
}

/// Which cases a list shows. Staff filters; a leader's and a resident's reach are applied by
/// `group_id` / `household_id` (and `shared_only` for a leader).
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    pub kind: Option<CaseKind>,
    pub assignee_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub household_id: Option<Uuid>,
    pub overdue_on: Option<NaiveDate>,
    /// Approved cases whose review falls on or before this day.
    pub review_by: Option<NaiveDate>,
    pub shared_only: bool,
    /// One case (its line, for a detail page).
    pub case_id: Option<Uuid>,
}

/// One line of the case list: the case and who and where it concerns.
#[derive(Debug, Clone, QueryableByName)]
pub struct CaseLine {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub case_type_id: Uuid,
    #[diesel(sql_type = Text)]
    pub kind: CaseKind,
    #[diesel(sql_type = Text)]
    pub status: CaseStatus,
    #[diesel(sql_type = Int4)]
    pub step_index: i32,
    #[diesel(sql_type = Date)]
    pub step_started_on: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    pub step_due_on: Option<NaiveDate>,
    #[diesel(sql_type = Date)]
    pub opened_on: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    pub next_review_on: Option<NaiveDate>,
    #[diesel(sql_type = SqlUuid)]
    pub household_id: Uuid,
    #[diesel(sql_type = Text)]
    pub applicant_name: String,
    #[diesel(sql_type = Text)]
    pub address: String,
    #[diesel(sql_type = Int4)]
    pub group_number: i32,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub assignee_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub assignee_name: Option<String>,
    #[diesel(sql_type = Bool)]
    pub conflict: bool,
    #[diesel(sql_type = Int4)]
    pub version: i32,
}

/// The list's SQL (also run by `bench/` beside pgbench): open cases by their step's deadline —
/// so overdue ones come first — then finished ones; keyset on (deadline, id).
pub const CASE_LIST_SQL: &str = "\
SELECT c.id, c.case_type_id, c.kind, c.status, c.step_index, c.step_started_on, c.step_due_on, c.opened_on,
       c.next_review_on, c.household_id, r.name AS applicant_name,
       h.road || h.building || h.unit || h.room AS address, g.number AS group_number,
       c.assignee_id, u.display_name AS assignee_name, c.conflict_user_id IS NOT NULL AS conflict, c.version
FROM assistance_cases c
JOIN residents r ON r.id = c.applicant_id
JOIN households h ON h.id = c.household_id
JOIN resident_groups g ON g.id = h.group_id
LEFT JOIN users u ON u.id = c.assignee_id
WHERE c.community_id = $1
  AND ($2::text IS NULL OR c.status = $2)
  AND ($3::text IS NULL OR c.kind = $3)
  AND ($4::uuid IS NULL OR c.assignee_id = $4)
  AND ($5::uuid IS NULL OR h.group_id = $5)
  AND ($6::uuid IS NULL OR c.household_id = $6)
  AND ($7::date IS NULL OR (c.status = 'open' AND c.step_due_on < $7))
  AND ($8::date IS NULL OR (c.status = 'approved' AND c.next_review_on <= $8))
  AND (NOT $9 OR c.shared_with_leader)
  AND ($12::uuid IS NULL OR c.id = $12)
  AND ($10::uuid IS NULL OR (COALESCE(c.step_due_on, DATE '9999-12-31'), c.id) >
       (SELECT COALESCE(a.step_due_on, DATE '9999-12-31'), a.id FROM assistance_cases a WHERE a.id = $10))
ORDER BY COALESCE(c.step_due_on, DATE '9999-12-31'), c.id
LIMIT $11";

impl Case {
    /// Whether the community has any case (the demo seed adds its cases once).
    pub async fn any(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(assistance_cases::table.filter(assistance_cases::community_id.eq(community_id))))
            .get_result(conn)
            .await
    }

    pub async fn insert(conn: &mut AsyncPgConnection, row: &Case) -> QueryResult<Case> {
        diesel::insert_into(assistance_cases::table).values(row).returning(Case::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Case> {
        assistance_cases::table.filter(assistance_cases::community_id.eq(community_id)).find(id).select(Case::as_select()).first(conn).await
    }

    pub async fn update(conn: &mut AsyncPgConnection, id: Uuid, version: i32, changes: CaseChanges) -> QueryResult<Option<Case>> {
        crate::versioned_update!(conn, assistance_cases, id, version, changes, Case)
    }

    pub async fn update_finances(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        changes: FinanceChanges,
    ) -> QueryResult<Option<Case>> {
        crate::versioned_update!(conn, assistance_cases, id, version, changes, Case)
    }

    /// Applies a move if the case is still in `from` at `version` (compare-and-set).
    pub async fn apply(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        from: CaseStatus,
        changes: CaseMove,
    ) -> QueryResult<Option<Case>> {
        crate::versioned_update!(conn, assistance_cases, id, version, changes, Case, assistance_cases::status.eq(from))
    }

    /// A page of the list (`limit + 1` rows fetched: the extra one says there is more).
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        filter: &CaseFilter,
        after: Option<Uuid>,
        limit: i64,
    ) -> QueryResult<Vec<CaseLine>> {
        diesel::sql_query(CASE_LIST_SQL)
            .bind::<SqlUuid, _>(community_id)
            .bind::<Nullable<Text>, _>(filter.status.map(|s| s.as_str()))
            .bind::<Nullable<Text>, _>(filter.kind.map(|k| k.as_str()))
            .bind::<Nullable<SqlUuid>, _>(filter.assignee_id)
            .bind::<Nullable<SqlUuid>, _>(filter.group_id)
            .bind::<Nullable<SqlUuid>, _>(filter.household_id)
            .bind::<Nullable<Date>, _>(filter.overdue_on)
            .bind::<Nullable<Date>, _>(filter.review_by)
            .bind::<Bool, _>(filter.shared_only)
            .bind::<Nullable<SqlUuid>, _>(after)
            .bind::<Int8, _>(limit + 1)
            .bind::<Nullable<SqlUuid>, _>(filter.case_id)
            .load(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_steps)]
pub struct CaseStep {
    pub id: Uuid,
    pub community_id: Uuid,
    pub case_id: Uuid,
    pub step_index: i32,
    pub step_key: String,
    pub started_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub completed_by: Option<Uuid>,
    pub note: String,
}

impl CaseStep {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &CaseStep) -> QueryResult<()> {
        diesel::insert_into(case_steps::table).values(row).execute(conn).await.map(|_| ())
    }

    /// Marks step `index` of a case done.
    pub async fn complete(conn: &mut AsyncPgConnection, case_id: Uuid, index: i32, on: NaiveDate, by: Uuid, note: &str) -> QueryResult<()> {
        diesel::update(case_steps::table.filter(case_steps::case_id.eq(case_id)).filter(case_steps::step_index.eq(index)))
            .set((case_steps::completed_on.eq(on), case_steps::completed_by.eq(by), case_steps::note.eq(note)))
            .execute(conn)
            .await
            .map(|_| ())
    }

    pub async fn of_case(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<CaseStep>> {
        case_steps::table
            .filter(case_steps::case_id.eq(case_id))
            .order(case_steps::step_index)
            .select(CaseStep::as_select())
            .load(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_entries)]
pub struct CaseEntry {
    pub id: Uuid,
    pub community_id: Uuid,
    pub case_id: Uuid,
    pub kind: CaseEntryKind,
    pub body: String,
    pub internal: bool,
    pub occurred_on: NaiveDate,
    pub surveyors: Vec<String>,
    pub family_signed: Option<bool>,
    pub author_id: Uuid,
    pub created_at: DateTime<Utc>,
}

impl CaseEntry {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &CaseEntry) -> QueryResult<CaseEntry> {
        diesel::insert_into(case_entries::table).values(row).returning(CaseEntry::as_returning()).get_result(conn).await
    }

    /// A case's entries in date order; `public_only` leaves out the internal ones.
    pub async fn of_case(conn: &mut AsyncPgConnection, case_id: Uuid, public_only: bool) -> QueryResult<Vec<CaseEntry>> {
        let mut query = case_entries::table.filter(case_entries::case_id.eq(case_id)).into_boxed();
        if public_only {
            query = query.filter(case_entries::internal.eq(false));
        }
        query.order((case_entries::occurred_on, case_entries::created_at)).select(CaseEntry::as_select()).load(conn).await
    }

    /// Whether the case has an entry of this kind on or after `since`.
    pub async fn has_since(conn: &mut AsyncPgConnection, case_id: Uuid, kind: CaseEntryKind, since: NaiveDate) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            case_entries::table
                .filter(case_entries::case_id.eq(case_id))
                .filter(case_entries::kind.eq(kind))
                .filter(case_entries::occurred_on.ge(since)),
        ))
        .get_result(conn)
        .await
    }
}
