//! Kinds of support, what a pledge holds for each, and the pledge state machine.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::FieldError;

/// The four kinds of support a partner can pledge. Each has its own measure, used for progress:
/// money in fen, goods in pieces, a venue in time slots, volunteer time in person-hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SupportKind {
    Money,
    Goods,
    Venue,
    VolunteerTime,
}

impl SupportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SupportKind::Money => "money",
            SupportKind::Goods => "goods",
            SupportKind::Venue => "venue",
            SupportKind::VolunteerTime => "volunteer_time",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [SupportKind::Money, SupportKind::Goods, SupportKind::Venue, SupportKind::VolunteerTime].into_iter().find(|k| k.as_str() == s)
    }
}

/// What a need asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NeedCategory {
    Money,
    Venue,
    Equipment,
    Volunteers,
    Services,
}

impl NeedCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            NeedCategory::Money => "money",
            NeedCategory::Venue => "venue",
            NeedCategory::Equipment => "equipment",
            NeedCategory::Volunteers => "volunteers",
            NeedCategory::Services => "services",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [NeedCategory::Money, NeedCategory::Venue, NeedCategory::Equipment, NeedCategory::Volunteers, NeedCategory::Services]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// The kind of pledge that answers this need (services are given as volunteer time).
    pub fn support_kind(self) -> SupportKind {
        match self {
            NeedCategory::Money => SupportKind::Money,
            NeedCategory::Venue => SupportKind::Venue,
            NeedCategory::Equipment => SupportKind::Goods,
            NeedCategory::Volunteers | NeedCategory::Services => SupportKind::VolunteerTime,
        }
    }

    /// The unit of the target; equipment names its own (台, 套, 件 …).
    pub fn fixed_unit(self) -> Option<&'static str> {
        match self {
            NeedCategory::Money => Some("fen"),
            NeedCategory::Venue => Some("slot"),
            NeedCategory::Volunteers | NeedCategory::Services => Some("person_hour"),
            NeedCategory::Equipment => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    Open,
    Met,
    Closed,
}

impl NeedStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NeedStatus::Open => "open",
            NeedStatus::Met => "met",
            NeedStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [NeedStatus::Open, NeedStatus::Met, NeedStatus::Closed].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PledgeStatus {
    Submitted,
    Accepted,
    Declined,
    Withdrawn,
    Fulfilled,
}

impl PledgeStatus {
    pub const ALL: [PledgeStatus; 5] =
        [PledgeStatus::Submitted, PledgeStatus::Accepted, PledgeStatus::Declined, PledgeStatus::Withdrawn, PledgeStatus::Fulfilled];

    pub fn as_str(self) -> &'static str {
        match self {
            PledgeStatus::Submitted => "submitted",
            PledgeStatus::Accepted => "accepted",
            PledgeStatus::Declined => "declined",
            PledgeStatus::Withdrawn => "withdrawn",
            PledgeStatus::Fulfilled => "fulfilled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Something done to a pledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PledgeAction {
    Accept,
    Decline,
    Withdraw,
    Deliver,
}

impl PledgeAction {
    /// The states this action may start from.
    pub fn allowed_from(self) -> &'static [PledgeStatus] {
        match self {
            PledgeAction::Accept | PledgeAction::Decline | PledgeAction::Withdraw => &[PledgeStatus::Submitted],
            PledgeAction::Deliver => &[PledgeStatus::Accepted],
        }
    }

    pub fn allowed_from_str(self) -> Vec<&'static str> {
        self.allowed_from().iter().map(|s| s.as_str()).collect()
    }

    fn verb(self) -> &'static str {
        match self {
            PledgeAction::Accept => "accepted",
            PledgeAction::Decline => "declined",
            PledgeAction::Withdraw => "withdrawn",
            PledgeAction::Deliver => "given a delivery",
        }
    }

    /// `Err(message)` for a 409 when the pledge is in a state this action cannot leave.
    pub fn check(self, current: PledgeStatus) -> Result<(), String> {
        if self.allowed_from().contains(&current) {
            Ok(())
        } else {
            let from = self.allowed_from().iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" or ");
            Err(format!("A {} pledge cannot be {}; only a {from} one can.", current.as_str(), self.verb()))
        }
    }
}

/// One line of a goods pledge or delivery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoodsItem {
    #[schema(example = "折叠椅", min_length = 1, max_length = 50)]
    pub name: String,
    #[schema(example = 40, minimum = 1)]
    pub quantity: i64,
    #[schema(example = "把", min_length = 1, max_length = 10)]
    pub unit: String,
}

/// A time the venue is offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeSlot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// What is pledged, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SupportDetails {
    /// Money, in fen (分): 500000 = ¥5,000.00.
    Money { amount_fen: i64 },
    /// Goods or equipment.
    Goods { items: Vec<GoodsItem> },
    /// A place and the time slots it is available.
    Venue { place: String, slots: Vec<TimeSlot> },
    /// People × hours each.
    VolunteerTime { people: i32, hours: i32 },
}

pub const MAX_AMOUNT_FEN: i64 = 100_000_000_000; // ¥1 billion
pub const MAX_QUANTITY: i64 = 1_000_000;

pub fn check_items(field: &str, items: &[GoodsItem], errors: &mut Vec<FieldError>) {
    if items.is_empty() || items.len() > 50 {
        errors.push(FieldError::new(field, "must list 1–50 items"));
    }
    for (i, item) in items.iter().enumerate() {
        if item.name.trim().is_empty() || item.name.chars().count() > 50 {
            errors.push(FieldError::new(format!("{field}[{i}].name"), "must be 1–50 characters"));
        }
        if !(1..=MAX_QUANTITY).contains(&item.quantity) {
            errors.push(FieldError::new(format!("{field}[{i}].quantity"), format!("must be between 1 and {MAX_QUANTITY}")));
        }
        if item.unit.trim().is_empty() || item.unit.chars().count() > 10 {
            errors.push(FieldError::new(format!("{field}[{i}].unit"), "must be 1–10 characters"));
        }
    }
}

impl SupportDetails {
    pub fn kind(&self) -> SupportKind {
        match self {
            SupportDetails::Money { .. } => SupportKind::Money,
            SupportDetails::Goods { .. } => SupportKind::Goods,
            SupportDetails::Venue { .. } => SupportKind::Venue,
            SupportDetails::VolunteerTime { .. } => SupportKind::VolunteerTime,
        }
    }

    /// The pledge in its kind's measure: fen, pieces, slots, person-hours.
    pub fn quantity(&self) -> i64 {
        match self {
            SupportDetails::Money { amount_fen } => *amount_fen,
            SupportDetails::Goods { items } => items.iter().map(|i| i.quantity).sum(),
            SupportDetails::Venue { slots, .. } => slots.len() as i64,
            SupportDetails::VolunteerTime { people, hours } => i64::from(*people) * i64::from(*hours),
        }
    }

    /// Field errors (under `support.`), with text trimmed.
    pub fn validate(&mut self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match self {
            SupportDetails::Money { amount_fen } => {
                if !(1..=MAX_AMOUNT_FEN).contains(amount_fen) {
                    errors.push(FieldError::new("support.amount_fen", "must be between 1 fen and ¥1,000,000,000"));
                }
            }
            SupportDetails::Goods { items } => {
                for item in items.iter_mut() {
                    item.name = item.name.trim().to_owned();
                    item.unit = item.unit.trim().to_owned();
                }
                check_items("support.items", items, &mut errors);
            }
            SupportDetails::Venue { place, slots } => {
                *place = place.trim().to_owned();
                if place.is_empty() || place.chars().count() > 100 {
                    errors.push(FieldError::new("support.place", "must be 1–100 characters"));
                }
                if slots.is_empty() || slots.len() > 100 {
                    errors.push(FieldError::new("support.slots", "must list 1–100 time slots"));
                }
                for (i, slot) in slots.iter().enumerate() {
                    let length = slot.ends_at - slot.starts_at;
                    if length <= chrono::Duration::zero() || length > chrono::Duration::hours(24) {
                        errors.push(FieldError::new(format!("support.slots[{i}]"), "must end after it starts, within 24 hours"));
                    }
                }
            }
            SupportDetails::VolunteerTime { people, hours } => {
                if !(1..=10_000).contains(people) {
                    errors.push(FieldError::new("support.people", "must be between 1 and 10000"));
                }
                if !(1..=1_000).contains(hours) {
                    errors.push(FieldError::new("support.hours", "must be between 1 and 1000 hours each"));
                }
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_submitted_pledges_can_be_decided_and_only_accepted_ones_delivered() {
        for status in PledgeStatus::ALL {
            assert_eq!(PledgeAction::Accept.check(status).is_ok(), status == PledgeStatus::Submitted);
            assert_eq!(PledgeAction::Withdraw.check(status).is_ok(), status == PledgeStatus::Submitted);
            assert_eq!(PledgeAction::Deliver.check(status).is_ok(), status == PledgeStatus::Accepted);
        }
        assert!(PledgeAction::Accept.check(PledgeStatus::Declined).is_err_and(|m| m.contains("declined")));
    }

    #[test]
    fn each_kind_has_its_measure() {
        let goods = SupportDetails::Goods {
            items: vec![
                GoodsItem { name: "折叠椅".into(), quantity: 40, unit: "把".into() },
                GoodsItem { name: "桌子".into(), quantity: 5, unit: "张".into() },
            ],
        };
        assert_eq!(goods.quantity(), 45);
        assert_eq!(SupportDetails::VolunteerTime { people: 6, hours: 3 }.quantity(), 18);
        assert_eq!(SupportDetails::Money { amount_fen: 500_000 }.quantity(), 500_000);
        let mut bad = SupportDetails::VolunteerTime { people: 0, hours: 2000 };
        assert_eq!(bad.validate().len(), 2);
    }

    #[test]
    fn details_are_tagged_by_kind() {
        let parsed: SupportDetails = serde_json::from_str(r#"{"kind":"money","amount_fen":100}"#).expect("parses");
        assert_eq!(parsed, SupportDetails::Money { amount_fen: 100 });
        assert!(serde_json::from_str::<SupportDetails>(r#"{"kind":"money","items":[]}"#).is_err());
    }
}
