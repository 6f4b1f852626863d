use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::vocab::{ElderlyCardStatus, FileFormat, Sex, VisitCondition, VisitReason};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ElderlyQuery {
    /// At least this old (default 60).
    #[param(minimum = 0, maximum = 130)]
    pub min_age: Option<i32>,
    /// Younger than this (e.g. 80 with `min_age` 70 lists the seventies).
    #[param(minimum = 1, maximum = 131)]
    pub below_age: Option<i32>,
    /// Staff: one resident group (a leader always sees their own).
    pub group_id: Option<Uuid>,
    /// `none` (no card yet), `applied` or `issued`.
    #[param(inline)]
    pub card: Option<CardFilter>,
    /// The day ages are counted on (default today).
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CardFilter {
    None,
    Applied,
    Issued,
}

/// An older resident on an age list.
#[derive(Debug, Serialize, ToSchema)]
pub struct OlderResidentDto {
    pub id: Uuid,
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub age: i32,
    pub group_number: i32,
    pub address: String,
    pub living_alone: bool,
    /// Staff only (sensitive: null for leaders).
    pub disabled: Option<bool>,
    /// The card or application (to issue it), with its version.
    pub card_id: Option<Uuid>,
    pub card_version: Option<i32>,
    pub card_status: Option<ElderlyCardStatus>,
    pub card_number: Option<String>,
    pub card_issued_on: Option<NaiveDate>,
}

/// How many older people, by band, and where the cards stand.
#[derive(Debug, Serialize, ToSchema)]
pub struct ElderlySummaryDto {
    pub on: NaiveDate,
    pub aged_60_plus: i64,
    pub aged_70_plus: i64,
    pub aged_80_plus: i64,
    pub aged_90_plus: i64,
    /// 100+: the longevity subsidy (浙江实施办法 第27条).
    pub aged_100_plus: i64,
    /// 60+ without a card or an application.
    pub without_card: i64,
    pub cards_pending: i64,
    pub cards_issued_this_year: i64,
    /// Turning 60 and 70 this year: the autumn batch registration.
    pub turning_60_this_year: i64,
    pub turning_70_this_year: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CardApplicationRequest {
    pub resident_id: Uuid,
    /// Default today.
    pub applied_on: Option<NaiveDate>,
}

/// Register everyone turning these ages this year who has no card yet.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CardBatchRequest {
    /// Default [60, 70].
    #[serde(default)]
    pub ages: Vec<i32>,
    /// Default this year.
    pub year: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CardBatchDto {
    /// Applications created.
    pub created: usize,
    /// People of those ages who already had a card or an application.
    pub already: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ElderlyCardDto {
    pub id: Uuid,
    pub resident_id: Uuid,
    pub status: ElderlyCardStatus,
    pub applied_on: NaiveDate,
    pub card_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub version: i32,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CardIssueRequest {
    pub version: i32,
    #[schema(min_length = 1, max_length = 40)]
    pub card_number: String,
    /// Default today.
    pub issued_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CardExportQuery {
    /// `applied` (default: the list to send to the county) or `issued`.
    pub status: Option<ElderlyCardStatus>,
    /// `xlsx` (default) or `csv`.
    pub format: Option<FileFormat>,
}

/// A festival visit campaign with its progress.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignDto {
    pub id: Uuid,
    pub name: String,
    pub festival_on: NaiveDate,
    pub resident_min_age: i32,
    pub cadre_min_age: Option<i32>,
    /// For a leader: their group only.
    pub total: i64,
    pub visited: i64,
    pub follow_ups: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCampaignRequest {
    /// e.g. 2026年重阳节走访.
    #[schema(max_length = 50)]
    pub name: String,
    /// The festival's day: ages are counted on it.
    pub festival_on: NaiveDate,
    /// Residents at least this old (default 80).
    pub resident_min_age: Option<i32>,
    /// Group cadres (the registry's 小组干部 tag) at least this old (default 70; null for none).
    #[serde(default = "default_cadre_age")]
    pub cadre_min_age: Option<i32>,
}

fn default_cadre_age() -> Option<i32> {
    Some(70)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupProgressDto {
    pub group_id: Uuid,
    pub group_number: i32,
    pub group_name: String,
    pub total: i64,
    pub visited: i64,
    pub follow_ups: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignDetailDto {
    #[serde(flatten)]
    pub campaign: CampaignDto,
    pub groups: Vec<GroupProgressDto>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitQuery {
    /// Staff: one group (a leader always sees their own).
    pub group_id: Option<Uuid>,
    /// Only the visits flagged for follow-up.
    pub follow_up: Option<bool>,
}

/// One person to visit, and the visit once recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitDto {
    pub id: Uuid,
    pub resident_id: Uuid,
    pub name: String,
    pub age: i32,
    pub address: String,
    pub group_number: i32,
    pub reason: VisitReason,
    pub living_alone: bool,
    /// Staff only (null for leaders).
    pub disabled: Option<bool>,
    pub visitor_id: Option<Uuid>,
    pub visitor_name: Option<String>,
    pub visited_on: Option<NaiveDate>,
    pub visitors: String,
    pub gift: String,
    pub condition: Option<VisitCondition>,
    pub note: String,
    pub follow_up: bool,
    pub version: i32,
}

/// A visit as made.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitRecordRequest {
    pub version: i32,
    /// Default today.
    pub visited_on: Option<NaiveDate>,
    /// Who went, in words (default: the caller).
    #[serde(default)]
    #[schema(max_length = 200)]
    pub visitors: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub gift: String,
    pub condition: VisitCondition,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub note: String,
    /// The office should follow up (it can open a case).
    #[serde(default)]
    pub follow_up: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitorRequest {
    pub version: i32,
    /// A group leader or staff member; null clears it.
    pub visitor_id: Option<Uuid>,
}
