//! The rules of help requests and of the handbook they are routed to: what a handbook edition
//! holds and what makes it valid, the moves a request may make ([`REQUEST_MACHINE`]), its clocks
//! (response and resolution times in hours or working days on the holiday calendar; the
//! follow-up call 3 working days after resolution; reopening within 30 days), and which photos
//! are accepted.

use crate::common::clock::CHINA;
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xingguang_db::models::user::Role;
use xingguang_db::vocab::{RequestKind, RequestStatus as S};

use crate::common::state_machine::{Machine, Move};
use crate::common::workdays::WorkCalendar;
use crate::error::FieldError;

/// Working days after resolution by which the follow-up call (回访) is due.
pub const FOLLOW_UP_WORKING_DAYS: u32 = 3;
/// Days after resolution during which the requester may reopen.
pub const REOPEN_DAYS: u64 = 30;
/// Photos per request, and each one's size.
pub const MAX_PHOTOS: usize = 3;
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LimitUnit {
    /// Clock hours, round the clock (a gas smell cannot wait for Monday).
    Hours,
    /// Working days on the holiday calendar, the day counted to its end.
    WorkingDays,
}

/// A response or resolution time, e.g. 2 hours or 5 working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    #[schema(minimum = 1, maximum = 720)]
    pub amount: u32,
    pub unit: LimitUnit,
}

/// Who answers at a handbook entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// A desk of the community office.
    Office,
    /// One of the partner units (共建单位).
    Partner,
    /// A county department.
    County,
    /// A utility (water, power, gas).
    Utility,
    Other,
}

/// One party to call, as the printed handbook lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[schema(example = "县供电公司抢修")]
    pub name: String,
    pub party: PartyKind,
    #[schema(example = "0579-87000001")]
    pub phone: String,
    #[schema(example = "24小时")]
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub address: String,
    /// What the resident should have ready, e.g. 户号、身份证.
    #[serde(default)]
    pub bring: String,
}

/// One answer choice of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: String,
    pub name: String,
}

/// An extra question a category asks (an Open311 service attribute).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub code: String,
    pub label: String,
    #[serde(default)]
    pub required: bool,
    /// Empty: a free-text answer.
    #[serde(default)]
    pub choices: Vec<Choice>,
}

/// A category of the handbook: where requests of its kind go and how fast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable across editions; the Open311 `service_code`.
    #[schema(example = "utilities")]
    pub code: String,
    #[schema(example = "水电气维修")]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// What a request in it usually is.
    pub kind: RequestKind,
    pub response: Limit,
    pub resolution: Limit,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// An edition's content (`handbook_editions.content`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub categories: Vec<Category>,
}

impl Content {
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }
}

fn is_code(s: &str) -> bool {
    (1..=40).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn text(errors: &mut Vec<FieldError>, field: String, value: &str, min: usize, max: usize) {
    let n = value.trim().chars().count();
    if n < min || n > max || value.trim().len() != value.len() {
        errors.push(FieldError::new(field, format!("must be {min}–{max} characters without leading or trailing spaces")));
    }
}

/// A handbook phone: 3–20 characters of digits, spaces, `-` and `+` (110 and 12345 included).
fn is_phone(s: &str) -> bool {
    (3..=20).contains(&s.len())
        && s.chars().filter(char::is_ascii_digit).count() >= 3
        && s.chars().all(|c| c.is_ascii_digit() || " -+".contains(c))
}

/// Every problem of a draft, each on its field (`categories[2].entries[0].phone`).
pub fn validate(title: &str, content: &Content) -> Vec<FieldError> {
    let mut errors = Vec::new();
    text(&mut errors, "title".into(), title, 1, 100);
    if content.categories.len() > 40 {
        errors.push(FieldError::new("categories", "at most 40 categories"));
    }
    for (i, c) in content.categories.iter().enumerate() {
        let at = format!("categories[{i}]");
        if !is_code(&c.code) {
            errors.push(FieldError::new(format!("{at}.code"), "must be 1–40 lowercase letters, digits, '_' or '-'"));
        } else if content.categories[..i].iter().any(|o| o.code == c.code) {
            errors.push(FieldError::new(format!("{at}.code"), "is used by an earlier category"));
        }
        text(&mut errors, format!("{at}.name"), &c.name, 1, 50);
        text(&mut errors, format!("{at}.description"), &c.description, 0, 500);
        for (which, limit) in [("response", c.response), ("resolution", c.resolution)] {
            let max = if limit.unit == LimitUnit::Hours { 720 } else { 60 };
            if !(1..=max).contains(&limit.amount) {
                errors.push(FieldError::new(format!("{at}.{which}.amount"), format!("must be 1–{max}")));
            }
        }
        if c.entries.len() > 60 {
            errors.push(FieldError::new(format!("{at}.entries"), "at most 60 entries"));
        }
        for (j, e) in c.entries.iter().enumerate() {
            let at = format!("{at}.entries[{j}]");
            text(&mut errors, format!("{at}.name"), &e.name, 1, 80);
            if !is_phone(&e.phone) {
                errors.push(FieldError::new(format!("{at}.phone"), "must be a phone number: 3–20 digits, spaces, '-' or '+'"));
            }
            text(&mut errors, format!("{at}.hours"), &e.hours, 0, 50);
            text(&mut errors, format!("{at}.address"), &e.address, 0, 100);
            text(&mut errors, format!("{at}.bring"), &e.bring, 0, 200);
        }
        if c.questions.len() > 10 {
            errors.push(FieldError::new(format!("{at}.questions"), "at most 10 questions"));
        }
        for (j, q) in c.questions.iter().enumerate() {
            let at = format!("{at}.questions[{j}]");
            if !is_code(&q.code) || c.questions[..j].iter().any(|o| o.code == q.code) {
                errors.push(FieldError::new(format!("{at}.code"), "must be a unique code: 1–40 lowercase letters, digits, '_' or '-'"));
            }
            text(&mut errors, format!("{at}.label"), &q.label, 1, 100);
            if q.choices.len() > 20 {
                errors.push(FieldError::new(format!("{at}.choices"), "at most 20 choices"));
            }
            for (k, choice) in q.choices.iter().enumerate() {
                if !is_code(&choice.key) || q.choices[..k].iter().any(|o| o.key == choice.key) {
                    errors.push(FieldError::new(format!("{at}.choices[{k}].key"), "must be a unique code"));
                }
                text(&mut errors, format!("{at}.choices[{k}].name"), &choice.name, 1, 50);
            }
        }
    }
    errors
}

/// The answers to a category's questions: known codes only, required ones present, choices
/// among the keys (free text ≤ 200 characters).
pub fn check_answers(category: &Category, answers: &serde_json::Map<String, serde_json::Value>, field: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (code, value) in answers {
        let Some(q) = category.questions.iter().find(|q| &q.code == code) else {
            errors.push(FieldError::new(format!("{field}.{code}"), "is not a question of this category"));
            continue;
        };
        let ok = match value.as_str() {
            Some(v) if q.choices.is_empty() => (1..=200).contains(&v.chars().count()),
            Some(v) => q.choices.iter().any(|c| c.key == v),
            None => false,
        };
        if !ok {
            errors.push(FieldError::new(format!("{field}.{code}"), "is not an answer this question takes"));
        }
    }
    for q in category.questions.iter().filter(|q| q.required && !answers.contains_key(&q.code)) {
        errors.push(FieldError::new(format!("{field}.{}", q.code), format!("is required ({})", q.label)));
    }
    errors
}

/// The local day (China Standard Time) of an instant.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&CHINA).date_naive()
}

/// The end of a local day (its following midnight), as an instant.
fn end_of(day: NaiveDate) -> DateTime<Utc> {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    CHINA
        .from_local_datetime(&next.and_hms_opt(0, 0, 0).unwrap_or_default())
        .single()
        .map_or_else(|| next.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(), |t| t.with_timezone(&Utc))
}

/// When a limit counted from `from` runs out: hours on the clock, or the end of the n-th
/// working day after the local day of `from`.
pub fn due(from: DateTime<Utc>, limit: Limit, calendar: &WorkCalendar) -> DateTime<Utc> {
    match limit.unit {
        LimitUnit::Hours => from + chrono::Duration::hours(i64::from(limit.amount)),
        LimitUnit::WorkingDays => end_of(calendar.add_working_days(local_day(from), limit.amount)),
    }
}

/// The day the follow-up call is due for a request resolved at `resolved`.
pub fn follow_up_due(resolved: DateTime<Utc>, calendar: &WorkCalendar) -> NaiveDate {
    calendar.add_working_days(local_day(resolved), FOLLOW_UP_WORKING_DAYS)
}

/// The last day a request resolved at `resolved` may be reopened.
pub fn reopen_until(resolved: DateTime<Utc>) -> NaiveDate {
    let day = local_day(resolved);
    day.checked_add_days(Days::new(REOPEN_DAYS)).unwrap_or(day)
}

/// Whether a request is open (its clocks run).
pub fn is_open(status: S) -> bool {
    matches!(status, S::Received | S::Assigned | S::InProgress)
}

/// The image type of a photo by its first bytes (the declared type is not trusted).
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestAction {
    /// Recorded (受理): the move that creates a request.
    Receive,
    Assign,
    Start,
    Resolve,
    FollowUp,
    Rate,
    NotOurs,
    Duplicate,
    Reopen,
}

const OPEN: &[S] = &[S::Received, S::Assigned, S::InProgress];
const STAFF: &[Role] = &[Role::Staff];

/// 受理 → 派单 → 办理 → 办结 → 回访 (closed); or not the community's matter, or a duplicate;
/// reopened by the requester within 30 days of resolution.
pub static REQUEST_MACHINE: Machine<S, RequestAction> = Machine {
    entity: "help request",
    moves: &[
        Move {
            action: RequestAction::Receive,
            name: "receive",
            from: &[],
            to: S::Received,
            roles: &[Role::Resident, Role::GroupLeader, Role::Staff],
            audit: "help_request.create",
            done: "received",
        },
        Move {
            action: RequestAction::Assign,
            name: "assign",
            from: OPEN,
            to: S::Assigned,
            roles: STAFF,
            audit: "help_request.assign",
            done: "assigned",
        },
        Move {
            action: RequestAction::Start,
            name: "start",
            from: &[S::Assigned],
            to: S::InProgress,
            roles: STAFF,
            audit: "help_request.start",
            done: "started",
        },
        Move {
            action: RequestAction::Resolve,
            name: "resolve",
            from: &[S::Assigned, S::InProgress],
            to: S::Resolved,
            roles: STAFF,
            audit: "help_request.resolve",
            done: "resolved",
        },
        Move {
            action: RequestAction::FollowUp,
            name: "follow_up",
            from: &[S::Resolved],
            to: S::Closed,
            roles: STAFF,
            audit: "help_request.follow_up",
            done: "followed up",
        },
        Move {
            action: RequestAction::Rate,
            name: "rate",
            from: &[S::Resolved],
            to: S::Closed,
            roles: &[Role::Resident, Role::GroupLeader],
            audit: "help_request.rate",
            done: "rated",
        },
        Move {
            action: RequestAction::NotOurs,
            name: "not_ours",
            from: OPEN,
            to: S::NotOurs,
            roles: STAFF,
            audit: "help_request.not_ours",
            done: "referred elsewhere",
        },
        Move {
            action: RequestAction::Duplicate,
            name: "duplicate",
            from: OPEN,
            to: S::Duplicate,
            roles: STAFF,
            audit: "help_request.duplicate",
            done: "marked a duplicate",
        },
        Move {
            action: RequestAction::Reopen,
            name: "reopen",
            from: &[S::Resolved, S::Closed],
            to: S::InProgress,
            roles: &[Role::Resident, Role::GroupLeader, Role::Staff],
            audit: "help_request.reopen",
            done: "reopened",
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use xingguang_db::vocab::WorkdayKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    fn at(s: &str) -> DateTime<Utc> {
        CHINA.from_local_datetime(&chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a time")).unwrap().with_timezone(&Utc)
    }

    /// 2026's National Day: 10-01..07 off, Saturday 10-10 worked.
    fn national_day() -> WorkCalendar {
        let mut days: Vec<(NaiveDate, WorkdayKind)> = (1..=7).map(|n| (d(&format!("2026-10-0{n}")), WorkdayKind::Holiday)).collect();
        days.push((d("2026-10-10"), WorkdayKind::Workday));
        WorkCalendar::new(days)
    }

    #[test]
    fn working_day_limits_skip_weekends_and_holidays_and_count_make_up_days() {
        let cal = national_day();
        let days = |n| Limit { amount: n, unit: LimitUnit::WorkingDays };
        // Friday afternoon + 1 working day: the end of Monday.
        assert_eq!(due(at("2026-11-20 16:00"), days(1), &cal), at("2026-11-24 00:00"));
        // Filed on the 30th of September: the holiday week does not count, so 2 working days
        // are Thursday the 8th and Friday the 9th.
        assert_eq!(due(at("2026-09-30 10:00"), days(2), &cal), at("2026-10-10 00:00"));
        // Filed on Friday the 9th: the make-up Saturday (the 10th) is the first working day.
        assert_eq!(due(at("2026-10-09 10:00"), days(1), &cal), at("2026-10-11 00:00"));
        // Hours run round the clock, holidays or not.
        assert_eq!(due(at("2026-10-01 23:00"), Limit { amount: 2, unit: LimitUnit::Hours }, &cal), at("2026-10-02 01:00"));
        // The follow-up call: 3 working days after a resolution on the eve of the holiday.
        assert_eq!(follow_up_due(at("2026-09-30 18:00"), &cal), d("2026-10-10"));
        assert_eq!(reopen_until(at("2026-11-01 09:00")), d("2026-12-01"));
    }

    #[test]
    fn a_request_moves_by_the_table_and_the_requester_only_rates_and_reopens() {
        use RequestAction as A;
        assert_eq!(REQUEST_MACHINE.check(A::Assign, S::Received, Role::Staff).map(|m| m.to).ok(), Some(S::Assigned));
        assert_eq!(REQUEST_MACHINE.check(A::Resolve, S::Received, Role::Staff).err().map(|e| e.status.as_u16()), Some(409));
        assert_eq!(REQUEST_MACHINE.check(A::Resolve, S::InProgress, Role::Resident).err().map(|e| e.status.as_u16()), Some(403));
        assert_eq!(REQUEST_MACHINE.check(A::Rate, S::Resolved, Role::Resident).map(|m| m.to).ok(), Some(S::Closed));
        assert_eq!(REQUEST_MACHINE.check(A::Reopen, S::Closed, Role::GroupLeader).map(|m| m.to).ok(), Some(S::InProgress));
        assert_eq!(REQUEST_MACHINE.check(A::Reopen, S::NotOurs, Role::Resident).err().map(|e| e.status.as_u16()), Some(409));
        assert_eq!(REQUEST_MACHINE.available(S::Resolved, Role::Resident), vec![A::Rate, A::Reopen]);
        for status in [S::Received, S::Assigned, S::InProgress, S::Resolved, S::Closed, S::NotOurs, S::Duplicate] {
            assert!(REQUEST_MACHINE.available(status, Role::Partner).is_empty());
        }
    }

    #[test]
    fn photos_are_known_by_their_bytes() {
        assert_eq!(sniff_image(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff_image(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff_image(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_image(b"GIF89a"), None);
    }

    fn category() -> Category {
        Category {
            code: "utilities".into(),
            name: "水电气维修".into(),
            description: String::new(),
            kind: RequestKind::Repair,
            response: Limit { amount: 2, unit: LimitUnit::Hours },
            resolution: Limit { amount: 3, unit: LimitUnit::WorkingDays },
            questions: vec![Question {
                code: "what".into(),
                label: "哪一项".into(),
                required: true,
                choices: vec![Choice { key: "water".into(), name: "水".into() }],
            }],
            entries: vec![Entry {
                name: "火警".into(),
                party: PartyKind::County,
                phone: "119".into(),
                hours: "24小时".into(),
                address: String::new(),
                bring: String::new(),
            }],
        }
    }

    #[test]
    fn a_draft_is_checked_field_by_field() {
        let good = Content { categories: vec![category()] };
        assert!(validate("居民手册", &good).is_empty(), "119 is a phone number a handbook lists");
        let mut bad = good.clone();
        bad.categories.push(category());
        bad.categories[1].entries[0].phone = "call us".into();
        bad.categories[1].resolution.amount = 0;
        let fields: Vec<String> = validate(" ", &bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "categories[1].code", "categories[1].resolution.amount", "categories[1].entries[0].phone"]);
    }

    #[test]
    fn answers_must_be_the_questions_own() {
        let c = category();
        let answers = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();
        assert!(check_answers(&c, &answers(serde_json::json!({ "what": "water" })), "answers").is_empty());
        let fields: Vec<String> = check_answers(&c, &answers(serde_json::json!({ "what": "fire", "extra": "x" })), "answers")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["answers.extra", "answers.what"]);
        assert_eq!(check_answers(&c, &serde_json::Map::new(), "answers").len(), 1, "the required question is missing");
    }
}
