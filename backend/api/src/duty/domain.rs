//! The roster's rules: how much a night weighs, and the generator that shares the nights out
//! fairly. Pure functions, so the properties the office relies on are tested without a database.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use uuid::Uuid;
use xingguang_db::vocab::{Role, SwapStatus};

use crate::common::state_machine::{Machine, Move};

/// Longest period one request may generate or show (a year and a day).
pub const MAX_NIGHTS: i64 = 366;

/// What kind of night it is, for its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NightKind {
    Weekday,
    /// Saturday and Sunday evenings.
    Weekend,
    /// A public holiday on the office's list.
    Holiday,
}

/// The weights of the community's rules, in tenths of a night.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub weekday: i16,
    pub weekend: i16,
    pub holiday: i16,
}

impl Weights {
    pub fn of(&self, kind: NightKind) -> i16 {
        match kind {
            NightKind::Weekday => self.weekday,
            NightKind::Weekend => self.weekend,
            NightKind::Holiday => self.holiday,
        }
    }
}

pub fn night_kind(night: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> NightKind {
    if holidays.contains(&night) {
        NightKind::Holiday
    } else if matches!(night.weekday(), Weekday::Sat | Weekday::Sun) {
        NightKind::Weekend
    } else {
        NightKind::Weekday
    }
}

/// Everything the generator needs to know.
#[derive(Debug, Clone, Default)]
pub struct RosterInput {
    /// The nights to fill, in order, each with its weight.
    pub nights: Vec<(NaiveDate, i16)>,
    /// The leaders who may be on duty, in a stable order (ties go to the earlier one).
    pub leaders: Vec<Uuid>,
    pub per_night: usize,
    /// Nights off required between two duties of one leader.
    pub min_rest: i64,
    /// Each leader's weighted load so far this year (served and still scheduled).
    pub load: HashMap<Uuid, i64>,
    /// Duties that stay: before the period (for the rest rule) and locked nights inside it.
    pub fixed: HashMap<Uuid, BTreeSet<NaiveDate>>,
    /// Leaders kept on a night of the period (locked): the night needs fewer new ones.
    pub kept: HashMap<NaiveDate, Vec<Uuid>>,
    /// `(first, last)` windows when a leader cannot come.
    pub unavailable: HashMap<Uuid, Vec<(NaiveDate, NaiveDate)>>,
    /// How often two leaders have shared a night this year (key: the smaller id first).
    pub pairs: HashMap<(Uuid, Uuid), u32>,
}

/// What the generator decided.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster {
    /// New assignments: (night, leader, weight).
    pub assigned: Vec<(NaiveDate, Uuid, i16)>,
    /// Nights left short of leaders, and by how many (everyone else was unavailable).
    pub short: Vec<(NaiveDate, usize)>,
    /// Assignments that had to break the rest rule (nobody rested was available).
    pub rest_broken: Vec<(NaiveDate, Uuid)>,
}

fn pair_key(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

fn is_unavailable(windows: Option<&Vec<(NaiveDate, NaiveDate)>>, night: NaiveDate) -> bool {
    windows.is_some_and(|w| w.iter().any(|(first, last)| (*first..=*last).contains(&night)))
}

/// Whether a leader with these duties has rested enough around `night`.
fn rested(duties: Option<&BTreeSet<NaiveDate>>, night: NaiveDate, min_rest: i64) -> bool {
    let Some(duties) = duties else { return true };
    let gap = chrono::Duration::days(min_rest);
    let first = night.checked_sub_signed(gap).unwrap_or(NaiveDate::MIN);
    let last = night.checked_add_signed(gap).unwrap_or(NaiveDate::MAX);
    duties.range(first..=last).all(|d| *d == night)
}

/// Fills each night's free places, night by night, with the eligible leader who carries the
/// least weighted load so far — the rule that keeps the ledger's spread within about one heavy
/// night. Among loads within one light night of each other, the leader who shared fewer nights
/// with those already on it wins, then the lighter load, then whoever served longest ago, then
/// the roster order. Eligible: not already on that night, not
/// unavailable, and rested (`min_rest` nights between duties, also before a locked night ahead);
/// if no rested leader is available the rest rule gives way (reported), availability never.
pub fn generate(input: &RosterInput) -> Roster {
    let mut load = input.load.clone();
    let mut duties = input.fixed.clone();
    let mut pairs = input.pairs.clone();
    let mut roster = Roster::default();
    let order: HashMap<Uuid, usize> = input.leaders.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Loads within one light night of each other count as equal, so that among them the leader
    // who shared fewer nights with the others on duty wins: pairs vary instead of repeating
    // with the rotation.
    let band = i64::from(input.nights.iter().map(|(_, w)| *w).min().unwrap_or(1).max(1));
    for &(night, weight) in &input.nights {
        let mut on_night: Vec<Uuid> = input.kept.get(&night).cloned().unwrap_or_default();
        while on_night.len() < input.per_night {
            let available = |id: &Uuid| !on_night.contains(id) && !is_unavailable(input.unavailable.get(id), night);
            let rank = |id: &Uuid| {
                let shared: u32 = on_night.iter().map(|other| pairs.get(&pair_key(*id, *other)).copied().unwrap_or(0)).sum();
                let last = duties.get(id).and_then(|d| d.range(..night).next_back().copied());
                let load = load.get(id).copied().unwrap_or(0);
                (load.div_euclid(band), shared, load, last, order.get(id).copied().unwrap_or(usize::MAX))
            };
            let rested_pick =
                input.leaders.iter().filter(|id| available(id) && rested(duties.get(id), night, input.min_rest)).min_by_key(|id| rank(id));
            let pick = match rested_pick {
                Some(id) => *id,
                None => match input.leaders.iter().filter(|id| available(id)).min_by_key(|id| rank(id)) {
                    Some(id) => {
                        roster.rest_broken.push((night, *id));
                        *id
                    }
                    None => {
                        roster.short.push((night, input.per_night - on_night.len()));
                        break;
                    }
                },
            };
            for other in &on_night {
                *pairs.entry(pair_key(pick, *other)).or_default() += 1;
            }
            *load.entry(pick).or_default() += i64::from(weight);
            duties.entry(pick).or_default().insert(night);
            on_night.push(pick);
            roster.assigned.push((night, pick, weight));
        }
    }
    roster
}

/// What can happen to a swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwapAction {
    Offer,
    Take,
    Approve,
    Reject,
    Withdraw,
}

/// Swaps: a leader offers a night; another takes it, and it moves at once when the rules hold
/// (see [`swap_held_because`]), else staff approve or reject; the offerer may withdraw until then.
pub static SWAP_MACHINE: Machine<SwapStatus, SwapAction> = Machine {
    entity: "duty_swap",
    moves: &[
        Move {
            action: SwapAction::Offer,
            name: "offer",
            from: &[],
            to: SwapStatus::Offered,
            roles: &[Role::GroupLeader],
            audit: "duty_swap.offer",
            done: "offered",
        },
        Move {
            action: SwapAction::Take,
            name: "take",
            from: &[SwapStatus::Offered],
            to: SwapStatus::Taken,
            roles: &[Role::GroupLeader],
            audit: "duty_swap.take",
            done: "taken",
        },
        Move {
            action: SwapAction::Approve,
            name: "approve",
            from: &[SwapStatus::Taken],
            to: SwapStatus::Approved,
            roles: &[Role::Staff],
            audit: "duty_swap.approve",
            done: "approved",
        },
        Move {
            action: SwapAction::Reject,
            name: "reject",
            from: &[SwapStatus::Taken],
            to: SwapStatus::Rejected,
            roles: &[Role::Staff],
            audit: "duty_swap.reject",
            done: "rejected",
        },
        Move {
            action: SwapAction::Withdraw,
            name: "withdraw",
            from: &[SwapStatus::Offered, SwapStatus::Taken],
            to: SwapStatus::Withdrawn,
            roles: &[Role::GroupLeader],
            audit: "duty_swap.withdraw",
            done: "withdrawn",
        },
    ],
};

/// Why a taken swap must wait for staff, or `None` when it may move at once: the taker has
/// rested enough around the night, and taking it does not put them more than `limit` (two
/// heavy nights) above the least loaded leader of the year.
pub fn swap_held_because(rested: bool, taker_load: i64, least_load: i64, weight: i16, limit: i64) -> Option<&'static str> {
    if !rested {
        Some("接班的组长前后几天已有值班，休息不足")
    } else if taker_load + i64::from(weight) - least_load > limit {
        Some("接班后该组长的值班量明显多于其他组长")
    } else {
        None
    }
}

/// Whether a leader with these duties has rested enough around `night` (for swaps).
pub fn has_rested(duties: &BTreeSet<NaiveDate>, night: NaiveDate, min_rest: i64) -> bool {
    rested(Some(duties), night, min_rest)
}

/// The spread of a ledger: the most loaded leader's weight minus the least loaded one's.
pub fn spread(loads: impl IntoIterator<Item = i64>) -> i64 {
    let loads: Vec<i64> = loads.into_iter().collect();
    match (loads.iter().max(), loads.iter().min()) {
        (Some(max), Some(min)) => max - min,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 1).expect("a date") + chrono::Duration::days(n)
    }

    fn leaders(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    fn nights(count: i64) -> Vec<(NaiveDate, i16)> {
        let holidays = BTreeSet::from([day(0), day(1), day(2)]);
        let weights = Weights { weekday: 10, weekend: 15, holiday: 20 };
        (0..count).map(|n| (day(n), weights.of(night_kind(day(n), &holidays)))).collect()
    }

    fn loads(input: &RosterInput, roster: &Roster) -> HashMap<Uuid, i64> {
        let mut load: HashMap<Uuid, i64> = input.leaders.iter().map(|l| (*l, 0)).collect();
        for (_, leader, weight) in &roster.assigned {
            *load.entry(*leader).or_default() += i64::from(*weight);
        }
        load
    }

    #[test]
    fn a_swap_waits_for_staff_only_when_a_rule_is_not_met() {
        assert_eq!(swap_held_because(true, 100, 90, 10, 40), None);
        assert!(swap_held_because(false, 100, 90, 10, 40).is_some(), "rest");
        assert!(swap_held_because(true, 130, 90, 15, 40).is_some(), "ledger");
        assert_eq!(swap_held_because(true, 120, 90, 10, 40), None, "exactly at the limit");
    }

    #[test]
    fn the_swap_machine_allows_only_its_moves() {
        assert!(SWAP_MACHINE.check(SwapAction::Take, SwapStatus::Offered, Role::GroupLeader).is_ok());
        assert!(SWAP_MACHINE.check(SwapAction::Approve, SwapStatus::Offered, Role::Staff).is_err(), "nothing to approve yet");
        assert!(SWAP_MACHINE.check(SwapAction::Approve, SwapStatus::Taken, Role::GroupLeader).is_err(), "staff decide");
        assert!(SWAP_MACHINE.check(SwapAction::Withdraw, SwapStatus::Approved, Role::GroupLeader).is_err(), "too late");
    }

    #[test]
    fn weekends_and_holidays_weigh_more() {
        let holidays = BTreeSet::from([day(0)]);
        assert_eq!(night_kind(day(0), &holidays), NightKind::Holiday);
        assert_eq!(night_kind(NaiveDate::from_ymd_opt(2026, 11, 28).expect("a Saturday"), &holidays), NightKind::Weekend);
        assert_eq!(night_kind(NaiveDate::from_ymd_opt(2026, 11, 30).expect("a Monday"), &holidays), NightKind::Weekday);
    }

    #[test]
    fn a_quarter_for_24_leaders_is_fair_rested_and_pairs_vary() {
        let input = RosterInput { nights: nights(92), leaders: leaders(24), per_night: 2, min_rest: 3, ..Default::default() };
        let roster = generate(&input);
        assert!(roster.short.is_empty() && roster.rest_broken.is_empty(), "{roster:?}");
        assert_eq!(roster.assigned.len(), 184);
        assert!(spread(loads(&input, &roster).into_values()) <= 20, "within one heavy night");
        let mut pairs: HashMap<(Uuid, Uuid), u32> = HashMap::new();
        for night in roster.assigned.chunks(2) {
            *pairs.entry(pair_key(night[0].1, night[1].1)).or_default() += 1;
        }
        assert!(
            pairs.values().all(|n| *n <= 2),
            "no pair more than twice in a quarter (276 pairs for 92 nights): {:?}",
            pairs.values().max()
        );
    }

    #[test]
    fn locked_nights_stay_and_count() {
        let mut input = RosterInput { nights: nights(10), leaders: leaders(6), per_night: 2, min_rest: 1, ..Default::default() };
        let boss = Uuid::from_u128(1);
        input.kept.insert(day(4), vec![boss]);
        input.fixed.insert(boss, BTreeSet::from([day(4)]));
        input.load.insert(boss, 10);
        let roster = generate(&input);
        let on_4: Vec<Uuid> = roster.assigned.iter().filter(|(n, _, _)| *n == day(4)).map(|(_, l, _)| *l).collect();
        assert_eq!(on_4.len(), 1, "one place left on the locked night");
        assert!(!on_4.contains(&boss));
        assert!(!roster.assigned.iter().any(|(n, l, _)| *l == boss && (*n == day(3) || *n == day(5))), "rest around a locked night");
    }

    #[test]
    fn nobody_available_leaves_the_night_short_and_says_so() {
        let mut input = RosterInput { nights: nights(3), leaders: leaders(3), per_night: 2, min_rest: 0, ..Default::default() };
        for id in leaders(2) {
            input.unavailable.insert(id, vec![(day(1), day(1))]);
        }
        let roster = generate(&input);
        assert_eq!(roster.short, vec![(day(1), 1)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_rule_holds_for_any_availability(
            leader_count in 6u128..30,
            night_count in 7i64..120,
            min_rest in 0i64..4,
            windows in proptest::collection::vec((0u128..30, 0i64..120, 0i64..14), 0..20),
        ) {
            let mut input = RosterInput { nights: nights(night_count), leaders: leaders(leader_count), per_night: 2, min_rest, ..Default::default() };
            for (who, start, length) in windows {
                input.unavailable.entry(Uuid::from_u128(who % leader_count + 1)).or_default().push((day(start), day(start + length)));
            }
            let roster = generate(&input);
            let mut per_night: HashMap<NaiveDate, Vec<Uuid>> = HashMap::new();
            for (night, leader, _) in &roster.assigned {
                prop_assert!(!is_unavailable(input.unavailable.get(leader), *night), "nobody unavailable is assigned");
                per_night.entry(*night).or_default().push(*leader);
            }
            for (night, _) in &input.nights {
                let on = per_night.get(night).cloned().unwrap_or_default();
                let short = roster.short.iter().find(|(n, _)| n == night).map_or(0, |(_, k)| *k);
                prop_assert_eq!(on.len() + short, 2, "exactly two places per night, filled or reported");
                prop_assert!(on.len() < 2 || on[0] != on[1], "two distinct leaders");
            }
            let broken: BTreeSet<(NaiveDate, Uuid)> = roster.rest_broken.iter().copied().collect();
            let mut last: HashMap<Uuid, NaiveDate> = HashMap::new();
            for (night, leader, _) in &roster.assigned {
                if let Some(previous) = last.get(leader) {
                    prop_assert!((*night - *previous).num_days() > min_rest || broken.contains(&(*night, *leader)), "rest rule, unless reported");
                }
                last.insert(*leader, *night);
            }
        }

        // "When availability allows": with fewer than two leaders beyond the (rest + 1) × 2 that
        // the rest rule needs, the rotation is forced and weekends land where the cycle puts them
        // (8 leaders, rest 3, 102 nights: 21 tenths apart), so the property starts at ten. (The
        // generator is deterministic: every pair in these ranges was checked once, all hold.)
        #[test]
        fn with_everyone_available_the_spread_stays_within_one_heavy_night(leader_count in 10u128..40, night_count in 30i64..120) {
            let input = RosterInput { nights: nights(night_count), leaders: leaders(leader_count), per_night: 2, min_rest: 3, ..Default::default() };
            let roster = generate(&input);
            prop_assert!(roster.rest_broken.is_empty());
            prop_assert!(spread(loads(&input, &roster).into_values()) <= 20);
        }
    }
}
