//! The clock: "now", and "today" in the community's time zone.
//!
//! Wuyi keeps China Standard Time (Asia/Shanghai, UTC+8, no daylight saving since 1991), so a
//! moment at 23:30 UTC is already the next day there: ages, deadlines and "not in the future"
//! checks use [`Clock::today`], never the UTC date. Tests inject a fixed moment with
//! [`Clock::fixed`] (through `AppState::clock`).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// UTC+8 (checked at compile time).
pub const CHINA: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The real time.
    pub fn system() -> Self {
        Clock { fixed: None }
    }

    /// Always `at` (tests).
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Clock { fixed: Some(at) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    /// Today's date in the community (UTC+8).
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&CHINA).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_past_eleven_utc_is_already_tomorrow_in_wuyi() {
        let at = DateTime::parse_from_rfc3339("2026-11-27T23:30:00Z").expect("valid").with_timezone(&Utc);
        assert_eq!(Clock::fixed(at).today(), NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid"));
        let morning = DateTime::parse_from_rfc3339("2026-11-27T15:59:59Z").expect("valid").with_timezone(&Utc);
        assert_eq!(Clock::fixed(morning).today(), NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid"));
    }
}
