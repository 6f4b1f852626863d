use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::event::{Counts, Event, Registration};
use xingguang_db::vocab::{Audience, EventKind, EventStatus, RegistrationStatus};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Events starting from (default: now).
    pub from: Option<DateTime<Utc>>,
    /// … until (default: 90 days after `from`; at most a year).
    pub to: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventDto {
    pub id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub place: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `null`: no registration (heads are counted at the door).
    pub capacity: Option<i32>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub status: EventStatus,
    pub cancel_reason: Option<String>,
    pub registered: i64,
    pub waitlisted: i64,
    pub attended: i64,
    /// Places still free (`null` without registration).
    pub places_left: Option<i64>,
    /// Who may register.
    pub audience: Audience,
    /// The team, when the audience is a team.
    pub team_id: Option<Uuid>,
    /// The partner's venue pledge the place comes from (the square the bank lends).
    pub venue_pledge_id: Option<Uuid>,
    pub version: i32,
}

impl EventDto {
    pub fn new(e: Event, c: Counts) -> Self {
        EventDto {
            places_left: e.capacity.map(|cap| (i64::from(cap) - c.registered - c.attended).max(0)),
            id: e.id,
            kind: e.kind,
            title: e.title,
            description: e.description,
            place: e.place,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            capacity: e.capacity,
            registration_closes_at: e.registration_closes_at,
            status: e.status,
            cancel_reason: e.cancel_reason,
            registered: c.registered,
            waitlisted: c.waitlisted,
            attended: c.attended,
            audience: e.audience,
            team_id: e.team_id,
            venue_pledge_id: e.venue_pledge_id,
            version: e.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateEventRequest {
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub place: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Omit for an event without registration.
    #[schema(minimum = 1, maximum = 100000)]
    pub capacity: Option<i32>,
    /// Default: when the event starts.
    pub registration_closes_at: Option<DateTime<Utc>>,
    /// Who may register (default: every resident).
    #[serde(default = "everyone")]
    pub audience: Audience,
    /// The team, when the audience is `team`.
    pub team_id: Option<Uuid>,
    /// An accepted venue pledge the place comes from; its partner sees the event.
    pub venue_pledge_id: Option<Uuid>,
}

fn everyone() -> Audience {
    Audience::All
}

/// An event at a partner's venue, as the partner sees it: when, what and how many, nothing
/// about who.
#[derive(Debug, Serialize, ToSchema)]
pub struct VenueEventDto {
    pub id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub place: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: EventStatus,
    /// The people expected: the capacity, or those registered, or the usual headcount.
    pub expected_size: Option<i64>,
}

/// A recurring event at a partner's venue.
#[derive(Debug, Serialize, ToSchema)]
pub struct VenueSeriesDto {
    pub id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub place: String,
    /// The RFC 5545 rule.
    pub rrule: String,
    pub first_day: chrono::NaiveDate,
    #[schema(value_type = String, example = "19:30:00")]
    pub starts_local: chrono::NaiveTime,
    #[schema(value_type = String, example = "21:30:00")]
    pub ends_local: chrono::NaiveTime,
    pub expected_size: Option<i32>,
    /// The occurrences in the period asked for (cancelled ones excluded).
    pub occurrences: Vec<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VenueScheduleDto {
    pub events: Vec<VenueEventDto>,
    pub series: Vec<VenueSeriesDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CancelEventRequest {
    /// Shown to everyone registered (e.g. 下雨).
    pub reason: String,
    pub version: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationDto {
    pub id: Uuid,
    pub event_id: Uuid,
    pub resident_id: Uuid,
    pub resident_name: String,
    pub status: RegistrationStatus,
    /// Checked in without having registered.
    pub walk_in: bool,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl RegistrationDto {
    pub fn new(r: Registration, resident_name: String) -> Self {
        RegistrationDto {
            id: r.id,
            event_id: r.event_id,
            resident_id: r.resident_id,
            resident_name,
            status: r.status,
            walk_in: r.walk_in,
            checked_in_at: r.checked_in_at,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RegisterRequest {
    /// Who comes: yourself when omitted (a resident), or a member of your household; staff and
    /// leaders name the resident.
    pub resident_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckInRequest {
    /// The code from the resident's phone (QR) …
    pub code: Option<String>,
    /// … or the resident, found by name.
    pub resident_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInCodeDto {
    /// Show it as a QR code; it never changes.
    pub code: String,
    /// The resident the login is.
    pub resident_id: Uuid,
    pub resident_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesDto {
    pub id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub place: String,
    pub venue_pledge_id: Option<Uuid>,
    /// The first occurrence.
    pub first_day: chrono::NaiveDate,
    /// Local (Asia/Shanghai) times of every occurrence.
    #[schema(value_type = String, example = "19:30:00")]
    pub starts_local: chrono::NaiveTime,
    #[schema(value_type = String, example = "21:30:00")]
    pub ends_local: chrono::NaiveTime,
    /// RFC 5545 RRULE value.
    pub rrule: String,
    pub expected_size: Option<i32>,
    /// The days called off.
    pub exceptions: Vec<SeriesExceptionDto>,
    pub version: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesExceptionDto {
    pub day: chrono::NaiveDate,
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateSeriesRequest {
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub place: String,
    /// An accepted venue pledge the place comes from.
    pub venue_pledge_id: Option<Uuid>,
    pub first_day: chrono::NaiveDate,
    /// Local time, e.g. `19:30:00`.
    #[schema(value_type = String, example = "19:30:00")]
    pub starts_local: chrono::NaiveTime,
    #[schema(value_type = String, example = "21:30:00")]
    pub ends_local: chrono::NaiveTime,
    /// RFC 5545 RRULE value repeating daily, weekly or monthly.
    #[schema(example = "FREQ=DAILY;UNTIL=20261231T235959Z")]
    pub rrule: String,
    #[schema(minimum = 0, maximum = 100000)]
    pub expected_size: Option<i32>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OccurrencesQuery {
    /// First day (default: today).
    pub from: Option<chrono::NaiveDate>,
    /// Last day (default: 30 days after `from`; at most a year).
    pub to: Option<chrono::NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OccurrenceDto {
    pub day: chrono::NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: EventStatus,
    pub cancel_reason: Option<String>,
    /// The leaders on duty that night (the square; staff and leaders only).
    pub on_duty: Vec<String>,
    /// Heads counted by the duty pair (the square).
    pub headcount: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CancelOccurrenceRequest {
    pub day: chrono::NaiveDate,
    /// E.g. 下雨.
    pub reason: String,
}
