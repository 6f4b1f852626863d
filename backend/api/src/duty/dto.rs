use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::duty::{AssignmentRow, DutyReport, DutyRules, DutySwap, Unavailability};
use xingguang_db::vocab::{DutySource, DutyStatus, SwapStatus};

use super::domain::NightKind;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// First night (default: the first of this month).
    pub from: Option<NaiveDate>,
    /// Last night (default: the end of `from`'s month); at most 366 nights after `from`.
    pub to: Option<NaiveDate>,
}

/// One leader on duty one night.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentDto {
    pub id: Uuid,
    pub leader_user_id: Uuid,
    pub leader_name: String,
    /// The group the leader leads.
    pub group_number: Option<i32>,
    /// Kept when the roster is generated again.
    pub locked: bool,
    pub source: DutySource,
    pub status: DutyStatus,
    pub version: i32,
}

impl From<AssignmentRow> for AssignmentDto {
    fn from(row: AssignmentRow) -> Self {
        let a = row.assignment;
        AssignmentDto {
            id: a.id,
            leader_user_id: a.leader_user_id,
            leader_name: row.leader_name,
            group_number: row.group_number,
            locked: a.locked,
            source: a.source,
            status: a.status,
            version: a.version,
        }
    }
}

/// What the night's pair recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct EveningReportDto {
    /// Estimated number of people on the square.
    pub headcount: Option<i32>,
    pub incidents: String,
    /// Called off (e.g. rain): the night counts for nobody.
    pub weather_cancelled: bool,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<DutyReport> for EveningReportDto {
    fn from(r: DutyReport) -> Self {
        EveningReportDto {
            headcount: r.headcount,
            incidents: r.incidents,
            weather_cancelled: r.weather_cancelled,
            updated_at: r.updated_at,
            version: r.version,
        }
    }
}

/// One night of the roster.
#[derive(Debug, Serialize, ToSchema)]
pub struct NightDto {
    pub night: NaiveDate,
    pub kind: NightKind,
    /// The holiday's name on a holiday.
    pub holiday: Option<String>,
    /// The night's weight in the ledger, in tenths of a night.
    pub weight: i16,
    pub assignments: Vec<AssignmentDto>,
    /// Fewer leaders than the rules ask for.
    pub short: bool,
    pub report: Option<EveningReportDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterDto {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub leaders_per_night: i16,
    pub nights: Vec<NightDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct GenerateRequest {
    /// First night to (re)generate; not in the past.
    pub from: NaiveDate,
    /// Last night; at most 366 nights after `from`.
    pub to: NaiveDate,
}

/// A night the generator could not fill.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShortNightDto {
    pub night: NaiveDate,
    /// Places left empty: every other leader is unavailable.
    pub missing: usize,
}

/// A duty that breaks the rest rule because nobody rested was available.
#[derive(Debug, Serialize, ToSchema)]
pub struct RestBrokenDto {
    pub night: NaiveDate,
    pub leader_user_id: Uuid,
    pub leader_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GenerateResult {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Assignments made (locked and already recorded nights are kept as they were).
    pub assigned: usize,
    pub short: Vec<ShortNightDto>,
    pub rest_broken: Vec<RestBrokenDto>,
    /// Most minus least weighted load over the year, after this roster (tenths of a night).
    pub spread: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SetNightRequest {
    /// The leaders on duty that night (as many as the rules ask for, or fewer); locked.
    pub leader_user_ids: Vec<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LockRequest {
    pub locked: bool,
    /// The assignment's `version` (412 when someone changed it since).
    pub version: i32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct EveningReportRequest {
    /// Estimated number of people on the square.
    #[schema(minimum = 0, maximum = 100000)]
    pub headcount: Option<i32>,
    #[serde(default)]
    pub incidents: String,
    /// Called off (e.g. rain).
    #[serde(default)]
    pub weather_cancelled: bool,
    /// Leaders of the night who did not come.
    #[serde(default)]
    pub no_show_user_ids: Vec<Uuid>,
}

/// One leader's line in the fairness ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerLineDto {
    pub leader_user_id: Uuid,
    pub leader_name: String,
    pub group_number: Option<i32>,
    pub served_nights: i64,
    /// Weighted nights served, in tenths of a night.
    pub served_weight: i64,
    /// Duties missed; `null` on other leaders' lines when a leader asks (staff see all).
    pub no_shows: Option<i64>,
    /// Nights still ahead in the year.
    pub scheduled_nights: i64,
    pub scheduled_weight: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerDto {
    pub year: i32,
    pub lines: Vec<LedgerLineDto>,
    /// Most minus least (served + scheduled) weight, in tenths of a night.
    pub spread: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Default: this year.
    pub year: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyNightDto {
    /// The assignment (to offer it for a swap).
    pub assignment_id: Uuid,
    pub night: NaiveDate,
    pub kind: NightKind,
    /// The holiday's name on a holiday.
    pub holiday: Option<String>,
    pub status: DutyStatus,
    /// The other leaders on duty that night.
    pub partners: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnavailabilityDto {
    pub id: Uuid,
    pub leader_user_id: Uuid,
    pub leader_name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

impl UnavailabilityDto {
    pub fn new(u: Unavailability, leader_name: String) -> Self {
        UnavailabilityDto {
            id: u.id,
            leader_user_id: u.leader_user_id,
            leader_name,
            first_day: u.first_day,
            last_day: u.last_day,
            reason: u.reason,
            created_at: u.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateUnavailabilityRequest {
    /// Staff only: the leader concerned (a leader enters their own).
    pub leader_user_id: Option<Uuid>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DutyRulesDto {
    pub leaders_per_night: i16,
    /// Weights in tenths of a night (10 = one ordinary night).
    pub weekday_weight: i16,
    pub weekend_weight: i16,
    pub holiday_weight: i16,
    /// Nights off between two duties of one leader.
    pub min_rest_nights: i16,
    pub version: i32,
}

impl From<DutyRules> for DutyRulesDto {
    fn from(r: DutyRules) -> Self {
        DutyRulesDto {
            leaders_per_night: r.leaders_per_night,
            weekday_weight: r.weekday_weight,
            weekend_weight: r.weekend_weight,
            holiday_weight: r.holiday_weight,
            min_rest_nights: r.min_rest_nights,
            version: r.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateRulesRequest {
    #[schema(minimum = 1, maximum = 100)]
    pub weekday_weight: Option<i16>,
    #[schema(minimum = 1, maximum = 100)]
    pub weekend_weight: Option<i16>,
    #[schema(minimum = 1, maximum = 100)]
    pub holiday_weight: Option<i16>,
    #[schema(minimum = 0, maximum = 30)]
    pub min_rest_nights: Option<i16>,
    pub version: i32,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HolidayDto {
    pub day: NaiveDate,
    pub name: String,
}

/// A night offered by one leader to the others.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapDto {
    pub id: Uuid,
    pub night: NaiveDate,
    pub assignment_id: Uuid,
    pub offered_by: Uuid,
    pub offered_by_name: String,
    pub taken_by: Option<Uuid>,
    pub taken_by_name: Option<String>,
    pub status: SwapStatus,
    pub note: String,
    /// Why a taken swap waits for staff.
    pub held_because: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl SwapDto {
    pub fn new(swap: DutySwap, name_of: impl Fn(Uuid) -> String) -> Self {
        SwapDto {
            id: swap.id,
            night: swap.night,
            assignment_id: swap.assignment_id,
            offered_by_name: name_of(swap.offered_by),
            offered_by: swap.offered_by,
            taken_by_name: swap.taken_by.map(&name_of),
            taken_by: swap.taken_by,
            status: swap.status,
            note: swap.note,
            held_because: swap.held_because,
            version: swap.version,
            created_at: swap.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct OfferSwapRequest {
    /// A word for the others, e.g. why.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SwapMoveRequest {
    /// The swap's `version` (412 when someone moved it since).
    pub version: i32,
}
