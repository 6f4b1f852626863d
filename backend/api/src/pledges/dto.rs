use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::need::{Need, Progress};
use xingguang_db::models::pledge::{Delivery, PledgeRow};
use xingguang_db::models::state_change::StateChange;

use crate::error::ApiError;

use super::domain::{GoodsItem, NeedCategory, NeedStatus, PledgeStatus, SupportDetails, SupportKind};

/// Pledged, accepted and delivered support against a need, in its unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressDto {
    /// Submitted, accepted and fulfilled pledges.
    pub pledged: i64,
    /// Accepted and fulfilled pledges.
    pub accepted: i64,
    /// Delivered so far.
    pub fulfilled: i64,
}

impl From<Progress> for ProgressDto {
    fn from(p: Progress) -> Self {
        ProgressDto { pledged: p.pledged, accepted: p.accepted, fulfilled: p.fulfilled }
    }
}

/// Something the community needs (社区需求).
#[derive(Debug, Serialize, ToSchema)]
pub struct NeedDto {
    pub id: Uuid,
    #[schema(example = "重阳节敬老活动经费")]
    pub title: String,
    pub description: String,
    pub category: NeedCategory,
    /// The kind of pledge that answers it.
    pub support_kind: SupportKind,
    /// In `unit`. Hidden from residents and group leaders when the need is for money.
    pub target_quantity: Option<i64>,
    /// `fen` for money, `slot` for a venue, `person_hour` for volunteers and services, else the
    /// equipment's own unit (台, 套 …).
    pub unit: String,
    pub deadline: Option<NaiveDate>,
    pub status: NeedStatus,
    /// Staff and partners only; hidden from residents and group leaders for money needs.
    pub progress: Option<ProgressDto>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl NeedDto {
    /// `show_figures`: whether the caller may see the target and progress.
    pub fn new(need: Need, progress: Option<Progress>, show_figures: bool) -> Self {
        let category = need.category;
        NeedDto {
            id: need.id,
            title: need.title,
            description: need.description,
            category,
            support_kind: category.support_kind(),
            target_quantity: need.target_quantity.filter(|_| show_figures),
            unit: need.unit,
            deadline: need.deadline,
            status: need.status,
            progress: show_figures.then(|| progress.unwrap_or_default().into()),
            version: need.version,
            created_at: need.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateNeedRequest {
    #[schema(min_length = 1, max_length = 100, example = "夜间广场舞场地")]
    pub title: String,
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    pub category: NeedCategory,
    /// In the category's unit (fen for money); omit for an open-ended need.
    #[schema(minimum = 1)]
    pub target_quantity: Option<i64>,
    /// Equipment only: the unit counted, e.g. 台. Other categories have a fixed unit.
    #[schema(max_length = 20)]
    pub unit: Option<String>,
    pub deadline: Option<NaiveDate>,
}

/// Changes to a need; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateNeedRequest {
    pub version: i32,
    #[schema(min_length = 1, max_length = 100)]
    pub title: Option<String>,
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    #[schema(minimum = 1)]
    pub target_quantity: Option<i64>,
    pub deadline: Option<NaiveDate>,
    /// `closed` stops new pledges; `open` reopens.
    pub status: Option<NeedStatus>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeedQuery {
    /// `open`, `met` or `closed`; all when omitted.
    pub status: Option<String>,
}

/// A pledge of support by a partner unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct PledgeDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub need_id: Option<Uuid>,
    pub need_title: Option<String>,
    pub support: SupportDetails,
    /// In the kind's measure: fen, pieces, slots or person-hours.
    pub quantity: i64,
    pub delivered_quantity: i64,
    pub planned_date: Option<NaiveDate>,
    pub note: String,
    pub status: PledgeStatus,
    pub decline_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub fulfilled_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<PledgeRow> for PledgeDto {
    type Error = ApiError;

    fn try_from(row: PledgeRow) -> Result<Self, ApiError> {
        let p = row.pledge;
        let support = serde_json::from_value(p.details)
            .map_err(|e| ApiError::internal(anyhow::anyhow!("pledge {}: unreadable details: {e}", p.id)))?;
        Ok(PledgeDto {
            id: p.id,
            partner_id: p.partner_id,
            partner_name: row.partner_name,
            need_id: p.need_id,
            need_title: row.need_title,
            support,
            quantity: p.quantity,
            delivered_quantity: p.delivered_quantity,
            planned_date: p.planned_date,
            note: p.note,
            status: p.status,
            decline_reason: p.decline_reason,
            decided_at: p.decided_at,
            fulfilled_at: p.fulfilled_at,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        })
    }
}

/// One step in a pledge's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct PledgeEventDto {
    pub status: PledgeStatus,
    pub note: Option<String>,
    /// Who: a staff member's name, the partner unit or its API client.
    pub actor_name: String,
    pub at: DateTime<Utc>,
}

impl TryFrom<StateChange> for PledgeEventDto {
    type Error = ApiError;

    fn try_from(e: StateChange) -> Result<Self, ApiError> {
        let status = PledgeStatus::parse(&e.to_state)
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("pledge history {}: unknown state {:?}", e.id, e.to_state)))?;
        Ok(PledgeEventDto { status, note: e.note, actor_name: e.actor_name, at: e.at })
    }
}

/// Support actually received.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryDto {
    pub id: Uuid,
    pub pledge_id: Uuid,
    pub delivered_on: NaiveDate,
    /// In the pledge kind's measure.
    pub quantity: i64,
    pub amount_fen: Option<i64>,
    pub items: Option<Vec<GoodsItem>>,
    pub slots: Option<i32>,
    pub person_hours: Option<i64>,
    pub receipt_number: Option<String>,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl From<Delivery> for DeliveryDto {
    fn from(d: Delivery) -> Self {
        let detail: DeliveryRequest = serde_json::from_value(d.details).unwrap_or_default();
        DeliveryDto {
            id: d.id,
            pledge_id: d.pledge_id,
            delivered_on: d.delivered_on,
            quantity: d.quantity,
            amount_fen: detail.amount_fen,
            items: detail.items,
            slots: detail.slots,
            person_hours: detail.person_hours,
            receipt_number: d.receipt_number,
            note: d.note,
            created_at: d.created_at,
        }
    }
}

/// A pledge with its history and deliveries.
#[derive(Debug, Serialize, ToSchema)]
pub struct PledgeDetailDto {
    #[serde(flatten)]
    pub pledge: PledgeDto,
    pub history: Vec<PledgeEventDto>,
    pub deliveries: Vec<DeliveryDto>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePledgeRequest {
    /// The need this answers; omit for support offered on the partner's own initiative.
    pub need_id: Option<Uuid>,
    pub support: SupportDetails,
    pub planned_date: Option<NaiveDate>,
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptPledgeRequest {
    pub version: i32,
    /// Shown to the partner, e.g. who will receive the goods.
    #[schema(max_length = 500)]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclinePledgeRequest {
    pub version: i32,
    /// Shown to the partner.
    #[schema(min_length = 2, max_length = 500, example = "本次活动经费已足额")]
    pub reason: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawPledgeRequest {
    pub version: i32,
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// One delivery of an accepted pledge. Send the field of the pledge's kind: `amount_fen` (money),
/// `items` (goods), `slots` (venue: slots used), `person_hours` (volunteer time).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryRequest {
    pub delivered_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<GoodsItem>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slots: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_hours: Option<i64>,
    /// E.g. the bank transfer or receipt number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 60)]
    pub receipt_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 500)]
    pub note: Option<String>,
    /// Mark the pledge fulfilled with this delivery even if less than pledged arrived. A pledge
    /// is fulfilled anyway once deliveries reach the pledged quantity.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub complete: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PledgeQuery {
    /// `submitted` (the review queue), `accepted`, `declined`, `withdrawn` or `fulfilled`.
    pub status: Option<String>,
    /// Staff only: one partner's pledges.
    pub partner_id: Option<Uuid>,
    pub need_id: Option<Uuid>,
}

/// Public thanks for fulfilled support: who gave what, without amounts of money.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThanksDto {
    pub partner_name: String,
    pub kind: SupportKind,
    pub need_title: Option<String>,
    /// What was given; `null` for money (amounts are not published).
    pub support: Option<SupportDetails>,
    pub fulfilled_at: Option<DateTime<Utc>>,
}
