//! Rules of events: who may register and who gets a place, the personal check-in code, and
//! the dates a recurring event falls on (RFC 5545 RRULE, expanded by the `rrule` crate).

use chrono::{NaiveDate, NaiveTime, TimeZone};
use rrule::{Frequency, RRuleSet, Tz};
use uuid::Uuid;
use xingguang_db::vocab::{Audience, RegistrationStatus, Tag};

/// At most this many occurrences are expanded at once (a year of nightly evenings fits).
pub const MAX_OCCURRENCES: u16 = 400;

/// Why a resident may not register, if they may not.
pub fn ineligible(audience: Audience, tags: &[Tag], team_member: bool) -> Option<&'static str> {
    match audience {
        Audience::All => None,
        Audience::Team if team_member => None,
        Audience::Team => Some("This event is for the team's members."),
        Audience::PartyMembers if tags.contains(&Tag::PartyMember) => None,
        Audience::PartyMembers => Some("This event is for Party members."),
    }
}

/// A series' recurrence rule, checked: only the RRULE value (no other property can be smuggled
/// in), and daily, weekly or monthly (the community's rhythms; finer ones would be thousands of
/// occurrences a year).
pub fn rule_set(first_day: NaiveDate, starts: NaiveTime, rrule: &str) -> Result<RRuleSet, String> {
    let rrule = rrule.trim();
    if rrule.is_empty() || !rrule.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "=;,+-".contains(c)) {
        return Err("must be an RRULE value such as FREQ=DAILY;UNTIL=20261231T235959Z".to_owned());
    }
    let text = format!("DTSTART;TZID=Asia/Shanghai:{}T{}\nRRULE:{rrule}", first_day.format("%Y%m%d"), starts.format("%H%M%S"));
    let set: RRuleSet = text.parse().map_err(|e: rrule::RRuleError| format!("is not a valid recurrence rule: {e}"))?;
    if set.get_rrule().iter().any(|r| !matches!(r.get_freq(), Frequency::Daily | Frequency::Weekly | Frequency::Monthly)) {
        return Err("must repeat daily, weekly or monthly".to_owned());
    }
    Ok(set)
}

/// The days in `from..=to` on which the series falls (before exceptions), soonest first.
pub fn occurrences(set: RRuleSet, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let local = |day: NaiveDate, time: NaiveTime| Tz::Asia__Shanghai.from_local_datetime(&day.and_time(time)).single();
    let (Some(after), Some(before)) =
        (local(from, NaiveTime::MIN), local(to, NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)))
    else {
        return Vec::new();
    };
    set.after(after).before(before).all(MAX_OCCURRENCES).dates.into_iter().map(|d| d.date_naive()).collect()
}

/// A new registration's status: a place while places are left, else the waiting list.
pub fn placement(capacity: i32, places_taken: i64) -> RegistrationStatus {
    if places_taken < i64::from(capacity) {
        RegistrationStatus::Registered
    } else {
        RegistrationStatus::Waitlisted
    }
}

/// The personal code a resident's phone shows as a QR code at the door: the resident's id and a
/// keyed tag (the blind-index key), so a code cannot be made up for someone else. It never
/// changes, so a printed card works too.
pub fn check_in_code(resident_id: Uuid) -> Result<String, xingguang_db::sealed::SealError> {
    let tag = xingguang_db::sealed::keyring()?.blind_index("check_in", &resident_id.to_string());
    let hex: String = tag.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(format!("XG1-{}-{hex}", resident_id.simple()))
}

/// The resident a code names, if the code is genuine.
pub fn read_check_in_code(code: &str) -> Option<Uuid> {
    let rest = code.trim().strip_prefix("XG1-")?;
    let (id, _) = rest.split_once('-')?;
    let resident = Uuid::try_parse(id).ok()?;
    (check_in_code(resident).ok()? == code.trim()).then_some(resident)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn a_nightly_series_crosses_the_month_boundary_day_by_day() {
        let seven_thirty = NaiveTime::from_hms_opt(19, 30, 0).expect("a time");
        let set = rule_set(day("2026-01-01"), seven_thirty, "FREQ=DAILY;UNTIL=20261231T235959Z").expect("valid");
        let days = occurrences(set, day("2026-11-29"), day("2026-12-02"));
        assert_eq!(days, vec![day("2026-11-29"), day("2026-11-30"), day("2026-12-01"), day("2026-12-02")]);
    }

    #[test]
    fn a_monthly_clean_up_on_the_last_saturday() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("a time");
        let set = rule_set(day("2026-01-31"), nine, "FREQ=MONTHLY;BYDAY=-1SA").expect("valid");
        let days = occurrences(set, day("2026-10-01"), day("2026-12-31"));
        assert_eq!(days, vec![day("2026-10-31"), day("2026-11-28"), day("2026-12-26")]);
    }

    #[test]
    fn rules_that_are_not_a_plain_rrule_or_too_fine_are_refused() {
        let t = NaiveTime::from_hms_opt(19, 30, 0).expect("a time");
        assert!(rule_set(day("2026-01-01"), t, "FREQ=SECONDLY").is_err());
        assert!(rule_set(day("2026-01-01"), t, "FREQ=DAILY\nRDATE:20270101T000000Z").is_err());
        assert!(rule_set(day("2026-01-01"), t, "FREQ=DAILY;COUNT=x").is_err());
        assert!(rule_set(day("2026-01-01"), t, "").is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        // Staff type the rule (and the API is fuzzed): whatever the text, it is refused or it
        // expands, never a panic, and never more than the cap.
        #[test]
        fn any_rule_text_is_refused_or_expands_within_the_cap(
            freq in "(DAILY|WEEKLY|MONTHLY|YEARLY|HOURLY)",
            parts in proptest::collection::vec("(INTERVAL|COUNT|BYDAY|BYMONTHDAY|BYSETPOS|UNTIL|WKST|BYMONTH|BYWEEKNO|BYYEARDAY)=[-+0-9A-Z,]{0,12}", 0..4),
            noise in "[A-Z0-9=;,+-]{0,20}",
        ) {
            let t = NaiveTime::from_hms_opt(19, 30, 0).expect("a time");
            let text = format!("FREQ={freq};{};{noise}", parts.join(";"));
            if let Ok(set) = rule_set(day("2026-01-01"), t, &text) {
                proptest::prop_assert!(occurrences(set, day("2026-01-01"), day("2026-12-31")).len() <= usize::from(MAX_OCCURRENCES));
            }
        }
    }

    #[test]
    fn only_the_audience_may_register() {
        assert_eq!(ineligible(Audience::All, &[], false), None);
        assert!(ineligible(Audience::Team, &[], false).is_some());
        assert_eq!(ineligible(Audience::Team, &[], true), None);
        assert!(ineligible(Audience::PartyMembers, &[Tag::Veteran], true).is_some());
        assert_eq!(ineligible(Audience::PartyMembers, &[Tag::PartyMember], false), None);
    }

    #[test]
    fn places_go_first_come_then_the_waiting_list() {
        assert_eq!(placement(2, 0), RegistrationStatus::Registered);
        assert_eq!(placement(2, 1), RegistrationStatus::Registered);
        assert_eq!(placement(2, 2), RegistrationStatus::Waitlisted);
    }
}
