//! Kinds of support, what a pledge holds for each, and the pledge state machine.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use xingguang_db::models::user::Role;

use crate::common::state_machine::{Machine, Move};
use crate::error::FieldError;
pub use xingguang_db::vocab::{NeedCategory, NeedStatus, PledgeStatus, SupportKind};

/// Something done to a pledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PledgeAction {
    Submit,
    Accept,
    Decline,
    Withdraw,
    /// A delivery that does not complete the pledge.
    Deliver,
    /// The delivery that completes it.
    Fulfil,
}

/// The pledge state machine: a partner submits (or withdraws before a decision), staff accept
/// or decline, and deliveries against an accepted pledge fulfil it.
pub static PLEDGE_MACHINE: Machine<PledgeStatus, PledgeAction> = Machine {
    entity: "pledge",
    moves: &[
        Move {
            action: PledgeAction::Submit,
            name: "submit",
            from: &[],
            to: PledgeStatus::Submitted,
            roles: &[Role::Partner],
            audit: "pledge.create",
            done: "submitted",
        },
        Move {
            action: PledgeAction::Accept,
            name: "accept",
            from: &[PledgeStatus::Submitted],
            to: PledgeStatus::Accepted,
            roles: &[Role::Staff],
            audit: "pledge.accept",
            done: "accepted",
        },
        Move {
            action: PledgeAction::Decline,
            name: "decline",
            from: &[PledgeStatus::Submitted],
            to: PledgeStatus::Declined,
            roles: &[Role::Staff],
            audit: "pledge.decline",
            done: "declined",
        },
        Move {
            action: PledgeAction::Withdraw,
            name: "withdraw",
            from: &[PledgeStatus::Submitted],
            to: PledgeStatus::Withdrawn,
            roles: &[Role::Partner],
            audit: "pledge.withdraw",
            done: "withdrawn",
        },
        Move {
            action: PledgeAction::Deliver,
            name: "deliver",
            from: &[PledgeStatus::Accepted],
            to: PledgeStatus::Accepted,
            roles: &[Role::Staff],
            audit: "pledge.deliver",
            done: "given a delivery",
        },
        Move {
            action: PledgeAction::Fulfil,
            name: "deliver",
            from: &[PledgeStatus::Accepted],
            to: PledgeStatus::Fulfilled,
            roles: &[Role::Staff],
            audit: "pledge.deliver",
            done: "given a delivery",
        },
    ],
};

/// Whether a delivery completes its pledge: the delivered total reaches the pledged quantity,
/// or staff mark the delivery as the last one.
pub fn delivery_fulfils(delivered_before: i64, delivered_now: i64, pledged: i64, marked_complete: bool) -> bool {
    marked_complete || delivered_before + delivered_now >= pledged
}

/// Whether an open need is met: it has a target and what was delivered for it reaches it.
/// Needs without a target stay open until staff close them.
pub fn need_is_met(status: NeedStatus, target: Option<i64>, delivered: i64) -> bool {
    status == NeedStatus::Open && target.is_some_and(|t| delivered >= t)
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
        let m = &PLEDGE_MACHINE;
        for &status in PledgeStatus::ALL {
            assert_eq!(m.check(PledgeAction::Accept, status, Role::Staff).is_ok(), status == PledgeStatus::Submitted);
            assert_eq!(m.check(PledgeAction::Withdraw, status, Role::Partner).is_ok(), status == PledgeStatus::Submitted);
            assert_eq!(m.check(PledgeAction::Deliver, status, Role::Staff).is_ok(), status == PledgeStatus::Accepted);
        }
        assert!(m.check(PledgeAction::Accept, PledgeStatus::Declined, Role::Staff).is_err_and(|e| e.detail.contains("declined")));
        // Partners cannot decide their own pledges; staff cannot withdraw them.
        assert!(m.check(PledgeAction::Accept, PledgeStatus::Submitted, Role::Partner).is_err());
        assert!(m.check(PledgeAction::Withdraw, PledgeStatus::Submitted, Role::Staff).is_err());
        assert_eq!(m.available(PledgeStatus::Submitted, Role::Staff), vec![PledgeAction::Accept, PledgeAction::Decline]);
    }

    #[test]
    fn every_action_has_one_move() {
        for action in [
            PledgeAction::Submit,
            PledgeAction::Accept,
            PledgeAction::Decline,
            PledgeAction::Withdraw,
            PledgeAction::Deliver,
            PledgeAction::Fulfil,
        ] {
            assert_eq!(PLEDGE_MACHINE.moves.iter().filter(|m| m.action == action).count(), 1, "{action:?}");
        }
    }

    #[test]
    fn deliveries_fulfil_at_the_pledged_quantity_and_needs_are_met_at_their_target() {
        assert!(!delivery_fulfils(0, 10, 40, false));
        assert!(delivery_fulfils(30, 10, 40, false));
        assert!(delivery_fulfils(0, 10, 40, true));
        assert!(need_is_met(NeedStatus::Open, Some(40), 40));
        assert!(!need_is_met(NeedStatus::Open, Some(40), 39));
        assert!(!need_is_met(NeedStatus::Open, None, 1_000));
        assert!(!need_is_met(NeedStatus::Closed, Some(40), 40));
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
