//! Working days (工作日) on the national holiday calendar: deadlines in law are counted in
//! working days — 3 to start the survey, 15 for the 初审, 5 for the county's decision — and a
//! public holiday does not count while a weekend make-up day (调休上班) does. Used by every
//! capability with a clock (assistance cases now; help requests next).
//!
//! The calendar is data (`work_calendar_days`, kept by staff as the State Council publishes it):
//! a year with no entries is counted on weekends alone, and says so ([`WorkCalendar::knows`]).

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use diesel_async::AsyncPgConnection;
use xingguang_db::models::assistance::CalendarDay;
use xingguang_db::vocab::WorkdayKind;

/// The days that differ from their weekday, and the years the calendar was entered for.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    overrides: HashMap<NaiveDate, WorkdayKind>,
    years: BTreeSet<i32>,
}

/// The calendar as last read by [`WorkCalendar::recent`], and when.
static RECENT: std::sync::Mutex<Option<(std::time::Instant, WorkCalendar)>> = std::sync::Mutex::new(None);

/// The furthest a deadline is counted (a guard against absurd inputs: 2 years of working days).
const MAX_WORKING_DAYS: u32 = 500;

impl WorkCalendar {
    pub fn new(days: impl IntoIterator<Item = (NaiveDate, WorkdayKind)>) -> Self {
        let overrides: HashMap<NaiveDate, WorkdayKind> = days.into_iter().collect();
        let years = overrides.keys().map(Datelike::year).collect();
        WorkCalendar { overrides, years }
    }

    /// The calendar of the whole years from `first` to well past `last` (deadlines reach beyond
    /// the last start): one query, and a year is known exactly when it has entries.
    pub async fn load(conn: &mut AsyncPgConnection, first: NaiveDate, last: NaiveDate) -> diesel::QueryResult<Self> {
        let until = last.checked_add_days(Days::new(400)).unwrap_or(last);
        let from = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
        let to = NaiveDate::from_ymd_opt(until.year(), 12, 31).unwrap_or(until);
        let rows = CalendarDay::between(conn, from, to).await?;
        Ok(WorkCalendar::new(rows.into_iter().map(|d| (d.day, d.kind))))
    }

    /// The whole calendar as read within the last minute on this instance — for showing "working
    /// days left" in lists, where a minute's delay after a staff edit does not matter. Deadlines
    /// being set use [`WorkCalendar::load`].
    pub async fn recent(conn: &mut AsyncPgConnection) -> diesel::QueryResult<Self> {
        const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(60);
        if let Some((at, calendar)) = RECENT.lock().ok().and_then(|c| c.clone()) {
            if at.elapsed() < FRESH_FOR {
                return Ok(calendar);
            }
        }
        let (first, last) = (NaiveDate::from_ymd_opt(1900, 1, 1), NaiveDate::from_ymd_opt(2200, 12, 31));
        let rows = CalendarDay::between(conn, first.unwrap_or_default(), last.unwrap_or_default()).await?;
        let calendar = WorkCalendar::new(rows.into_iter().map(|d| (d.day, d.kind)));
        if let Ok(mut cached) = RECENT.lock() {
            *cached = Some((std::time::Instant::now(), calendar.clone()));
        }
        Ok(calendar)
    }

    /// Forgets the recent calendar (after an edit on this instance).
    pub fn forget_recent() {
        if let Ok(mut cached) = RECENT.lock() {
            *cached = None;
        }
    }

    /// Whether the holidays of `day`'s year were entered (otherwise only weekends count).
    pub fn knows(&self, day: NaiveDate) -> bool {
        self.years.contains(&day.year())
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.overrides.get(&day) {
            Some(WorkdayKind::Holiday) => false,
            Some(WorkdayKind::Workday) => true,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The `n`th working day after `start` (start itself not counted): a step started on
    /// `start` with `n` working days is due by the end of that day. `n = 0` is `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n.min(MAX_WORKING_DAYS);
        while left > 0 {
            day = day.succ_opt().unwrap_or(day);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier —
    /// so "working days left until the deadline" is `between(today, due)`, and overdue is < 0.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (low, high, sign) = if to >= from { (from, to, 1) } else { (to, from, -1) };
        let span = (high - low).num_days().min(i64::from(MAX_WORKING_DAYS) * 2);
        let count = (1..=span).filter(|d| low.checked_add_days(Days::new(*d as u64)).is_some_and(|day| self.is_working_day(day))).count();
        sign * count as i64
    }
}

/// How a deadline is counted: working days on the calendar, or calendar days (the 7-day 公示).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    WorkingDays(u32),
    CalendarDays(u32),
}

impl Span {
    pub fn due_from(self, calendar: &WorkCalendar, start: NaiveDate) -> NaiveDate {
        match self {
            Span::WorkingDays(n) => calendar.add_working_days(start, n),
            Span::CalendarDays(n) => start.checked_add_days(Days::new(u64::from(n))).unwrap_or(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    /// The 2026 National Day and Mid-Autumn arrangement: 9-25..27 and 10-1..7 off, Sunday 9-20
    /// and Saturday 10-10 worked.
    fn autumn_2026() -> WorkCalendar {
        let mut days: Vec<(NaiveDate, WorkdayKind)> = Vec::new();
        for day in ["2026-09-25", "2026-09-26", "2026-09-27"] {
            days.push((d(day), WorkdayKind::Holiday));
        }
        for n in 1..=7 {
            days.push((d(&format!("2026-10-0{n}")), WorkdayKind::Holiday));
        }
        days.push((d("2026-09-20"), WorkdayKind::Workday));
        days.push((d("2026-10-10"), WorkdayKind::Workday));
        WorkCalendar::new(days)
    }

    #[test]
    fn a_plain_week_skips_the_weekend() {
        let cal = WorkCalendar::default();
        // Friday + 1 working day = Monday; + 5 = next Friday.
        assert_eq!(cal.add_working_days(d("2026-11-27"), 1), d("2026-11-30"));
        assert_eq!(cal.add_working_days(d("2026-11-27"), 5), d("2026-12-04"));
        assert_eq!(cal.add_working_days(d("2026-11-28"), 0), d("2026-11-28"));
        assert!(!cal.knows(d("2026-11-27")));
    }

    #[test]
    fn holidays_do_not_count_and_make_up_days_do() {
        let cal = autumn_2026();
        // Thursday 9-24 + 1 → the holiday runs 9-25..27, 9-28 (Mon) is the first working day.
        assert_eq!(cal.add_working_days(d("2026-09-24"), 1), d("2026-09-28"));
        // Wednesday 9-30 + 1 → 10-1..7 off, Thursday 10-8.
        assert_eq!(cal.add_working_days(d("2026-09-30"), 1), d("2026-10-08"));
        // 10-8 (Thu), 10-9 (Fri), 10-10 (Sat, make-up working day): 3 working days from 9-30.
        assert_eq!(cal.add_working_days(d("2026-09-30"), 3), d("2026-10-10"));
        // Saturday 9-19 + 1 → Sunday 9-20 is a make-up working day.
        assert_eq!(cal.add_working_days(d("2026-09-19"), 1), d("2026-09-20"));
        // 15 working days from 9-21 (Mon): 9-22..24 (3), 9-28..30 (6), 10-8..10 (9), 10-12..16 (14), 10-19 (15).
        assert_eq!(cal.add_working_days(d("2026-09-21"), 15), d("2026-10-19"));
        assert!(cal.knows(d("2026-01-05")));
    }

    #[test]
    fn days_left_is_negative_when_overdue_and_matches_adding() {
        let cal = autumn_2026();
        assert_eq!(cal.between(d("2026-09-30"), d("2026-10-10")), 3);
        assert_eq!(cal.between(d("2026-10-10"), d("2026-09-30")), -3);
        assert_eq!(cal.between(d("2026-10-02"), d("2026-10-02")), 0);
        for n in 0..40 {
            let start = d("2026-09-18");
            assert_eq!(cal.between(start, cal.add_working_days(start, n)), i64::from(n));
        }
    }

    #[test]
    fn seven_calendar_days_of_publicity_ignore_holidays() {
        let cal = autumn_2026();
        assert_eq!(Span::CalendarDays(7).due_from(&cal, d("2026-09-28")), d("2026-10-05"));
        assert_eq!(Span::WorkingDays(5).due_from(&cal, d("2026-09-28")), d("2026-10-10"));
    }
}
