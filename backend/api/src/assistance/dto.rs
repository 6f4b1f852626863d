use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::vocab::{CaseEntryKind, CaseKind, CaseStatus, EmploymentCategory, PaymentKind};

use super::domain::Definition;

/// A kind of case as the community runs it now (its current revision).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseTypeDto {
    pub id: Uuid,
    pub kind: CaseKind,
    /// Each change is a new revision; a case keeps the one it was opened under.
    pub revision: i32,
    pub name: String,
    /// Who approves, e.g. 县民政局.
    pub approving_body: String,
    pub definition: Definition,
    pub created_at: DateTime<Utc>,
}

/// A new revision of a kind's procedure.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseTypeRequest {
    #[schema(max_length = 50)]
    pub name: String,
    #[schema(max_length = 100)]
    pub approving_body: String,
    pub definition: Definition,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    pub status: Option<CaseStatus>,
    pub kind: Option<CaseKind>,
    /// Staff: cases assigned to this staff member.
    pub assignee_id: Option<Uuid>,
    /// Staff: cases of one resident group.
    pub group_id: Option<Uuid>,
    /// Open cases past their step's deadline.
    pub overdue: Option<bool>,
    /// Approved cases due for review within 30 days (or overdue for it).
    pub review_due: Option<bool>,
}

/// One case in a list. Leaders see only the kind, the state and the household (cases staff
/// chose to share); nothing financial is ever in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseSummaryDto {
    pub id: Uuid,
    pub kind: CaseKind,
    pub kind_name: String,
    pub status: CaseStatus,
    pub household_id: Uuid,
    pub applicant_name: String,
    pub address: String,
    pub group_number: i32,
    /// The step the case is at (its name) and who acts there.
    pub step_name: String,
    pub step_body: String,
    pub step_due_on: Option<NaiveDate>,
    /// Working days left to the step's deadline (negative: overdue). Null when none runs.
    pub working_days_left: Option<i64>,
    pub overdue: bool,
    pub opened_on: NaiveDate,
    pub next_review_on: Option<NaiveDate>,
    /// Staff only (null for others).
    pub assignee_name: Option<String>,
    /// A conflict of interest is registered (staff only; false for others).
    pub conflict: bool,
    pub version: i32,
}

/// Open a case.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCaseRequest {
    pub kind: CaseKind,
    /// The applicant (their household is the case's household).
    pub applicant_id: Uuid,
    /// Other residents of the household the case concerns.
    #[serde(default)]
    pub resident_ids: Vec<Uuid>,
    /// Defaults to the caller.
    pub assignee_id: Option<Uuid>,
    /// When the application was made (default today; not in the future).
    pub opened_on: Option<NaiveDate>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub summary: String,
    /// The committee applies on the family's behalf (needs a written mandate).
    #[serde(default)]
    pub on_behalf: bool,
    #[serde(default)]
    pub mandate_on_file: bool,
    /// Members able to work (低保 reviews every 6 months).
    #[serde(default)]
    pub able_to_work: bool,
    /// Re-employment: the category (derived from the registry when omitted, if it can be).
    pub employment_category: Option<EmploymentCategory>,
    /// Re-employment: a 零就业家庭 (no member works).
    #[serde(default)]
    pub zero_employment: bool,
}

/// Edit a case (only the fields sent change).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseUpdateRequest {
    pub version: i32,
    #[serde(default, deserialize_with = "crate::http::paging::double_option")]
    pub assignee_id: Option<Option<Uuid>>,
    #[schema(max_length = 2000)]
    pub summary: Option<String>,
    pub mandate_on_file: Option<bool>,
    /// The staff member the applicant is related to (办法 Arts 11, 20); null clears it.
    #[serde(default, deserialize_with = "crate::http::paging::double_option")]
    pub conflict_user_id: Option<Option<Uuid>>,
    #[schema(max_length = 500)]
    pub conflict_note: Option<String>,
    /// Let the household's group leader see that the household has an open case.
    pub shared_with_leader: Option<bool>,
    pub able_to_work: Option<bool>,
    /// The documents received (keys of the kind's checklist).
    pub documents_received: Option<Vec<String>>,
    /// The proposed amount, in fen (shown on the 公示).
    #[serde(default, deserialize_with = "crate::http::paging::double_option")]
    pub amount_fen: Option<Option<i64>>,
    #[serde(default, deserialize_with = "crate::http::paging::double_option")]
    pub payment: Option<Option<PaymentKind>>,
    #[serde(default, deserialize_with = "crate::http::paging::double_option")]
    pub employment_category: Option<Option<EmploymentCategory>>,
    pub zero_employment: Option<bool>,
}

/// A step of the case's procedure (as its revision defines it: see `StepDef`) and where the
/// case stands with it. (The definition's fields are listed, not flattened: `StepDef` refuses
/// unknown fields, and a flattened schema would then refuse this answer's own.)
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseStepDto {
    pub key: String,
    pub name: String,
    /// Who acts at this step.
    pub body: String,
    /// The deadline in days (working days when `working_days`); none when the law sets none.
    pub days: Option<u32>,
    pub working_days: bool,
    /// The deadline counts from the start of this earlier step.
    pub counted_from: Option<String>,
    /// Needs a recorded home survey.
    pub survey: bool,
    /// The 公示.
    pub publicity: bool,
    /// The approving body decides here.
    pub decision: bool,
    /// The rule it comes from.
    pub basis: String,
    pub index: i32,
    pub started_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    /// Staff only.
    pub completed_by: Option<String>,
    /// Staff only.
    pub note: Option<String>,
    /// `done`, `current` or `later`.
    pub state: String,
    pub overdue: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentStateDto {
    pub key: String,
    pub name: String,
    pub received: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseEntryDto {
    pub id: Uuid,
    pub kind: CaseEntryKind,
    pub body: String,
    pub internal: bool,
    pub occurred_on: NaiveDate,
    pub surveyors: Vec<String>,
    pub family_signed: Option<bool>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A state change in the case's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseHistoryDto {
    pub action: String,
    pub from: Option<String>,
    pub to: String,
    pub actor: String,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

/// A resident the case concerns.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasePersonDto {
    pub id: Uuid,
    pub name: String,
    pub age: i32,
}

/// A case in full, shaped by the caller: staff see everything but the financial details (see
/// `/finances`); the family sees the steps and the public entries.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDetailDto {
    #[serde(flatten)]
    pub summary: CaseSummaryDto,
    pub case_type_id: Uuid,
    /// The revision of the procedure this case follows.
    pub revision: i32,
    pub approving_body: String,
    pub people: Vec<CasePersonDto>,
    pub household_size: i32,
    pub steps: Vec<CaseStepDto>,
    pub documents: Vec<DocumentStateDto>,
    pub entries: Vec<CaseEntryDto>,
    pub history: Vec<CaseHistoryDto>,
    pub amount_fen: Option<i64>,
    pub payment: Option<PaymentKind>,
    pub payment_from: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub decision_note: String,
    pub employment_category: Option<EmploymentCategory>,
    pub zero_employment: bool,
    pub placed_on: Option<NaiveDate>,
    pub placement: String,
    pub closed_on: Option<NaiveDate>,
    // Staff only from here (null for others).
    pub summary_text: Option<String>,
    pub assignee_id: Option<Uuid>,
    pub on_behalf: Option<bool>,
    pub mandate_on_file: Option<bool>,
    pub able_to_work: Option<bool>,
    pub shared_with_leader: Option<bool>,
    /// Visible to supervisors only.
    pub conflict_user_id: Option<Uuid>,
    pub conflict_note: Option<String>,
    /// Whether the caller may read the financial details (the assignee or a supervisor).
    pub can_see_finances: bool,
    /// Whether the 公示 notice can be printed (the case is at or past its publicity step).
    pub publicity_available: bool,
    /// The actions the caller may take now.
    pub actions: Vec<String>,
    /// The holidays of a year the deadlines cross have not been entered (weekends only).
    pub calendar_incomplete: bool,
}

/// Income and assets: read only by the assignee and supervisors; every read is audited.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseFinancesDto {
    /// Household income per month, in fen.
    pub monthly_income_fen: Option<i64>,
    /// Deposits, vehicles, real estate, in words.
    #[schema(max_length = 2000)]
    pub assets_note: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinancesUpdateRequest {
    pub version: i32,
    /// Household income per month, in fen.
    pub monthly_income_fen: Option<i64>,
    #[schema(max_length = 2000)]
    pub assets_note: String,
}

/// Why the financial details are read (kept in the audit log).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FinancesQuery {
    /// 4–200 characters, e.g. 初审核对收入.
    pub reason: String,
}

/// A move: the version loaded, and a note for the history.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseMoveRequest {
    pub version: i32,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
    /// When it happened (default today; not in the future).
    pub on: Option<NaiveDate>,
}

/// The approving body's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    pub version: i32,
    /// In fen (per month when `payment` is monthly).
    pub amount_fen: i64,
    pub payment: PaymentKind,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
    pub on: Option<NaiveDate>,
}

/// Solved: for re-employment, where the person was placed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SolveRequest {
    pub version: i32,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
    /// Re-employment: the employer or 公益性岗位 (required for re-employment).
    #[serde(default)]
    #[schema(max_length = 200)]
    pub placement: String,
    pub on: Option<NaiveDate>,
}

/// A timeline entry.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEntryRequest {
    pub kind: CaseEntryKind,
    #[schema(min_length = 1, max_length = 4000)]
    pub body: String,
    /// Staff only (default); false lets the family read it.
    #[serde(default = "default_internal")]
    pub internal: bool,
    pub occurred_on: Option<NaiveDate>,
    /// A survey: the surveyors (at least 2).
    #[serde(default)]
    pub surveyors: Vec<String>,
    /// A survey: whether the family members present signed the form.
    pub family_signed: Option<bool>,
}

fn default_internal() -> bool {
    true
}

/// The case after an entry (a review moves the next review date; an objection calls for 民主评议).
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryCreatedDto {
    pub entry: CaseEntryDto,
    pub version: i32,
    pub next_review_on: Option<NaiveDate>,
}
