use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::household::HouseholdRow;
use xingguang_db::models::resident::{Resident, ResidentRow};
use xingguang_db::models::resident_group::GroupSummary;

use super::domain::{age_on, Relationship, ResidentStatus, Tag};
use crate::common::pii::{mask_id_number, mask_phone};
use crate::http::paging::double_option;
use xingguang_db::vocab::Sex;

/// A resident group (居民小组).
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupDto {
    pub id: Uuid,
    /// The group's number within the community, e.g. 1 for 第一居民小组.
    pub number: i32,
    pub name: String,
    /// The `group_leader` user who leads it.
    pub leader_user_id: Option<Uuid>,
    pub leader_name: Option<String>,
    /// Households in the group.
    pub households: i64,
    /// Active residents in the group.
    pub residents: i64,
    /// Send back when updating.
    pub version: i32,
}

impl From<GroupSummary> for GroupDto {
    fn from(s: GroupSummary) -> Self {
        GroupDto {
            id: s.group.id,
            number: s.group.number,
            name: s.group.name,
            leader_user_id: s.group.leader_user_id,
            leader_name: s.leader_name,
            households: s.households,
            residents: s.residents,
            version: s.group.version,
        }
    }
}

/// A new resident group.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateGroupRequest {
    #[schema(minimum = 1, maximum = 999)]
    pub number: i32,
    #[schema(min_length = 1, max_length = 50, example = "第一居民小组")]
    pub name: String,
    /// A `group_leader` user of this community who leads no other group.
    pub leader_user_id: Option<Uuid>,
}

/// Changes to a group; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroupRequest {
    /// The `version` you loaded; a stale one answers 412.
    pub version: i32,
    #[schema(minimum = 1, maximum = 999)]
    pub number: Option<i32>,
    #[schema(min_length = 1, max_length = 50)]
    pub name: Option<String>,
    /// `null` removes the leader.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub leader_user_id: Option<Option<Uuid>>,
}

/// A household (户).
#[derive(Debug, Serialize, ToSchema)]
pub struct HouseholdDto {
    pub id: Uuid,
    pub group_id: Uuid,
    pub group_number: i32,
    /// e.g. 朝阳路
    pub road: String,
    /// e.g. 12幢
    pub building: String,
    /// e.g. 2单元
    pub unit: String,
    /// e.g. 301室
    pub room: String,
    /// The whole address, e.g. 朝阳路12幢2单元301室.
    pub address: String,
    /// Masked: `138****5678`. Staff reveal it through a member's reveal endpoint.
    pub phone_masked: Option<String>,
    pub head_resident_id: Option<Uuid>,
    pub head_name: Option<String>,
    /// Active members.
    pub members: i64,
    pub version: i32,
}

impl From<HouseholdRow> for HouseholdDto {
    fn from(row: HouseholdRow) -> Self {
        let h = row.household;
        HouseholdDto {
            address: format!("{}{}{}{}", h.road, h.building, h.unit, h.room),
            id: h.id,
            group_id: h.group_id,
            group_number: row.group_number,
            road: h.road,
            building: h.building,
            unit: h.unit,
            room: h.room,
            phone_masked: h.phone.as_deref().map(mask_phone),
            head_resident_id: h.head_resident_id,
            head_name: row.head_name,
            members: row.members,
            version: h.version,
        }
    }
}

/// A household with its members.
#[derive(Debug, Serialize, ToSchema)]
pub struct HouseholdDetailDto {
    pub household: HouseholdDto,
    /// Head first, then by age; moved-out and deceased members are included with their status.
    pub members: Vec<ResidentDto>,
}

/// A new household.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateHouseholdRequest {
    pub group_id: Uuid,
    #[schema(min_length = 1, max_length = 50, example = "朝阳路")]
    pub road: String,
    #[schema(max_length = 20, example = "12幢")]
    #[serde(default)]
    pub building: String,
    #[schema(max_length = 20, example = "2单元")]
    #[serde(default)]
    pub unit: String,
    #[schema(max_length = 20, example = "301室")]
    #[serde(default)]
    pub room: String,
    #[schema(max_length = 20, example = "0579-87654321")]
    pub phone: Option<String>,
}

/// Changes to a household; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateHouseholdRequest {
    pub version: i32,
    pub group_id: Option<Uuid>,
    #[schema(min_length = 1, max_length = 50)]
    pub road: Option<String>,
    #[schema(max_length = 20)]
    pub building: Option<String>,
    #[schema(max_length = 20)]
    pub unit: Option<String>,
    #[schema(max_length = 20)]
    pub room: Option<String>,
    /// `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 20)]
    pub phone: Option<Option<String>>,
    /// A member of this household; `null` removes the head.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub head_resident_id: Option<Option<Uuid>>,
}

/// A resident (人), with personal data masked.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentDto {
    pub id: Uuid,
    pub household_id: Uuid,
    pub group_number: Option<i32>,
    /// The household's address.
    pub address: Option<String>,
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// Age in whole years today.
    pub age: i32,
    /// Masked: `330723**********1X`. Staff reveal it with `POST /residents/{id}/reveal`.
    pub id_number_masked: String,
    /// Masked: `138****5678`.
    pub phone_masked: Option<String>,
    pub relationship: Relationship,
    /// Sensitive tags (disabled, dibao) are shown to staff only.
    pub tags: Vec<Tag>,
    pub status: ResidentStatus,
    /// When the status last changed (moved out / died / returned).
    pub status_changed_on: Option<NaiveDate>,
    pub version: i32,
}

impl ResidentDto {
    pub fn new(resident: Resident, place: Option<(i32, String)>, today: NaiveDate, sensitive_tags: bool) -> Self {
        ResidentDto {
            id: resident.id,
            household_id: resident.household_id,
            group_number: place.as_ref().map(|(n, _)| *n),
            address: place.map(|(_, a)| a),
            sex: resident.sex,
            age: age_on(resident.birth_date, today),
            birth_date: resident.birth_date,
            id_number_masked: mask_id_number(&resident.id_number),
            phone_masked: resident.phone.as_deref().map(mask_phone),
            relationship: resident.relationship,
            tags: resident.tags.into_iter().filter(|t| sensitive_tags || !t.is_sensitive()).collect(),
            status: resident.status,
            status_changed_on: resident.status_changed_on,
            version: resident.version,
            name: resident.name,
        }
    }

    pub fn from_row(row: ResidentRow, today: NaiveDate, sensitive_tags: bool) -> Self {
        let place = (row.group_number, row.household.address());
        Self::new(row.resident, Some(place), today, sensitive_tags)
    }
}

/// A new resident. Birth date and sex come from the ID number; if you send them they must agree.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateResidentRequest {
    pub household_id: Uuid,
    #[schema(min_length = 1, max_length = 50, example = "张秀英")]
    pub name: String,
    /// 18 characters, GB 11643 (checked).
    #[schema(min_length = 18, max_length = 18, pattern = "^[0-9]{17}[0-9Xx]$")]
    pub id_number: String,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    #[schema(max_length = 20)]
    pub phone: Option<String>,
    pub relationship: Relationship,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

/// Changes to a resident; omitted fields stay as they are. A resident may change only `phone`,
/// and only on their own record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateResidentRequest {
    pub version: i32,
    /// Move to another household of the community.
    pub household_id: Option<Uuid>,
    #[schema(min_length = 1, max_length = 50)]
    pub name: Option<String>,
    #[schema(min_length = 18, max_length = 18)]
    pub id_number: Option<String>,
    /// `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 20)]
    pub phone: Option<Option<String>>,
    pub relationship: Option<Relationship>,
    pub tags: Option<Vec<Tag>>,
}

/// A status change: moved out, deceased, or back to active. The record is kept.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeStatusRequest {
    pub version: i32,
    pub status: ResidentStatus,
    /// When it happened; today if omitted.
    pub date: Option<NaiveDate>,
}

pub use crate::common::pii::RevealRequest;

/// Unmasked personal data of one resident.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevealResponse {
    pub id_number: String,
    pub phone: Option<String>,
    /// The household's phone.
    pub household_phone: Option<String>,
}

/// Filters for the household list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HouseholdQuery {
    pub group_id: Option<Uuid>,
    /// Part of the address, e.g. 朝阳路 or 12幢.
    #[param(max_length = 50)]
    pub address: Option<String>,
}

/// Filters for the resident list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResidentQuery {
    pub group_id: Option<Uuid>,
    pub household_id: Option<Uuid>,
    /// At least this old today.
    #[param(minimum = 0, maximum = 150)]
    pub min_age: Option<i32>,
    /// At most this old today.
    #[param(minimum = 0, maximum = 150)]
    pub max_age: Option<i32>,
    /// Comma-separated; residents with all of them, e.g. `living_alone,party_member`.
    pub tags: Option<String>,
    /// `active` (default), `moved_out`, `deceased` or `all`.
    pub status: Option<String>,
    /// Name (汉字 part), pinyin or initials (`zs` finds 张三), the last digits of the ID number,
    /// or part of the address.
    #[param(max_length = 50)]
    pub q: Option<String>,
}

/// One bucket of a count.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountDto {
    /// An age band (`0-17`, `18-59`, `60-69`, `70-79`, `80+`) or a tag.
    pub key: String,
    pub count: i64,
}

/// Registry figures within the caller's reach.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistryStatsDto {
    pub households: i64,
    /// Active residents.
    pub residents: i64,
    pub age_bands: Vec<CountDto>,
    /// Residents per tag (sensitive tags for staff only).
    pub tags: Vec<CountDto>,
    /// Households and residents per group.
    pub groups: Vec<GroupDto>,
}
