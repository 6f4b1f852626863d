//! What the help-request and handbook endpoints take and give.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::vocab::{EditionStatus, RequestChannel, RequestKind, RequestStatus};

use super::domain::{Category, PartyKind, RequestAction};

/// A handbook edition with its categories and entries.
#[derive(Debug, Serialize, ToSchema)]
pub struct HandbookDto {
    pub id: Uuid,
    pub number: i32,
    pub title: String,
    pub status: EditionStatus,
    pub published_on: Option<NaiveDate>,
    pub version: i32,
    pub categories: Vec<Category>,
}

/// One edition in the list.
#[derive(Debug, Serialize, ToSchema)]
pub struct EditionSummaryDto {
    pub id: Uuid,
    pub number: i32,
    pub title: String,
    pub status: EditionStatus,
    pub published_on: Option<NaiveDate>,
    pub categories: usize,
    pub entries: usize,
    pub updated_at: DateTime<Utc>,
}

/// A draft's whole content, replacing what it held.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditionUpdateRequest {
    pub version: i32,
    #[schema(max_length = 100, example = "星光社区居民手册（2027年版）")]
    pub title: String,
    pub categories: Vec<Category>,
}

/// The version a move is made on.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionRequest {
    pub version: i32,
}

/// An empty body (a new draft copies the current edition).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEditionRequest {}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    pub status: Option<RequestStatus>,
    /// A handbook category's code.
    #[param(max_length = 40)]
    pub category: Option<String>,
    /// Open requests past their resolution time.
    pub overdue: Option<bool>,
    /// Staff only: requests assigned to this staff member.
    pub assignee_id: Option<Uuid>,
    /// Staff only: requests nobody has taken.
    pub unassigned: Option<bool>,
    /// Staff only: requests of one resident group.
    pub group_id: Option<Uuid>,
    /// Open requests escalated for running past their resolution time.
    pub escalated: Option<bool>,
    /// Resolved requests whose follow-up call is due (today or earlier).
    pub followup_due: Option<bool>,
    /// Staff only: a request number, or words of the description.
    #[param(max_length = 50)]
    pub q: Option<String>,
}

/// A request in a list. The caller's phone is masked unless the reader works the request (or
/// is the caller's own household).
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestSummaryDto {
    pub id: Uuid,
    /// What the requester quotes, e.g. `2026-0042`.
    pub number: String,
    pub kind: RequestKind,
    pub category_code: String,
    pub category_name: String,
    pub description: String,
    pub address: String,
    pub channel: RequestChannel,
    pub status: RequestStatus,
    pub caller_name: String,
    pub caller_phone: Option<String>,
    pub group_number: Option<i32>,
    pub assignee_id: Option<Uuid>,
    pub assignee_name: Option<String>,
    pub received_at: DateTime<Utc>,
    pub response_due_at: DateTime<Utc>,
    pub resolution_due_at: DateTime<Utc>,
    pub followup_due_on: Option<NaiveDate>,
    /// Open and past its resolution time.
    pub overdue: bool,
    /// Nobody took it within its response time.
    pub response_overdue: bool,
    /// Escalated: its resolution time passed and the director was told.
    pub escalated: bool,
    pub satisfaction: Option<i16>,
    pub version: i32,
}

/// The handbook entry a request was referred to, as it was then.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReferralDto {
    pub name: String,
    pub party: PartyKind,
    pub phone: String,
    /// The outside party's reference number.
    pub reference: Option<String>,
}

/// Another request, by number.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestRefDto {
    pub id: Uuid,
    pub number: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PhotoDto {
    pub id: Uuid,
    pub content_type: String,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Move,
    Note,
}

/// One line of a request's timeline: a move, or a note (internal notes only for staff).
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineDto {
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
    pub action: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub body: Option<String>,
    pub public: bool,
    pub actor: String,
}

/// A request with its timeline and what the caller may do now.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestDetailDto {
    #[serde(flatten)]
    pub summary: RequestSummaryDto,
    /// The phone is shown masked (staff not working the request may reveal it, audited).
    pub phone_masked: bool,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    /// Answers to the category's questions.
    pub answers: serde_json::Value,
    pub media_url: Option<String>,
    pub referral: Option<ReferralDto>,
    pub resolution: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub duplicate_of: Option<RequestRefDto>,
    /// The dispute it went to mediation as, when it did.
    pub mediation_ref: Option<String>,
    pub followup_comment: Option<String>,
    /// The last day the requester may reopen it (resolved or closed requests).
    pub reopen_until: Option<NaiveDate>,
    pub photos: Vec<PhotoDto>,
    /// Who filed it for the requester (a leader or staff on the hotline).
    pub filed_by_name: Option<String>,
    pub timeline: Vec<TimelineDto>,
    pub actions: Vec<RequestAction>,
    pub can_note: bool,
}

/// A photo sent with a new request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoUpload {
    #[schema(example = "image/jpeg")]
    pub content_type: String,
    /// The image, base64 (≤ 2 MiB once decoded).
    pub data: String,
}

/// A new request. The channel follows from who files it: a resident in the app, a leader for a
/// resident of their group, staff on the hotline.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRequestRequest {
    pub kind: RequestKind,
    #[schema(example = "utilities")]
    pub category_code: String,
    #[schema(max_length = 2000)]
    pub description: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    /// Answers to the category's questions, by question code.
    #[serde(default)]
    pub answers: Option<serde_json::Map<String, serde_json::Value>>,
    /// The requester in the registry: a resident themself or a member of their household
    /// (default: themself); a leader, a resident of their group; staff, anyone.
    pub resident_id: Option<Uuid>,
    /// Staff on the hotline: who called, when they are not in the registry.
    #[schema(max_length = 50)]
    pub caller_name: Option<String>,
    #[schema(max_length = 20)]
    pub caller_phone: Option<String>,
    /// Up to 3 photos.
    #[serde(default)]
    pub photos: Vec<PhotoUpload>,
}

/// Refer to a handbook entry: the category's code and the entry's position in it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryRef {
    pub category_code: String,
    pub index: usize,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    pub version: i32,
    pub assignee_id: Uuid,
    pub entry: Option<EntryRef>,
    #[schema(max_length = 100)]
    pub referral_ref: Option<String>,
    /// An internal note for the assignee.
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteMoveRequest {
    pub version: i32,
    /// Start: internal; not ours: public (where to go instead); reopen: why (public).
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveRequest {
    pub version: i32,
    /// What was done, as the requester reads it.
    #[schema(max_length = 2000)]
    pub resolution: String,
}

/// The follow-up call's (or the requester's own) rating.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    pub version: i32,
    #[schema(minimum = 1, maximum = 5)]
    pub satisfaction: i16,
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateRequest {
    pub version: i32,
    /// The original's number, e.g. `2026-0042`.
    #[schema(max_length = 20)]
    pub of: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    #[schema(max_length = 2000)]
    pub body: String,
    /// Staff may keep a note internal; the requester's side always writes public notes.
    #[serde(default = "public_default")]
    pub public: bool,
}

fn public_default() -> bool {
    true
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevealedPhoneDto {
    pub phone: Option<String>,
}

/// The staff home page's counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestCountsDto {
    pub open: i64,
    pub unassigned: i64,
    pub overdue: i64,
    pub escalated: i64,
    pub followups_due: i64,
}

/// A third-party Open311 client's key (the key itself only when issued).
#[derive(Debug, Serialize, ToSchema)]
pub struct Open311KeyDto {
    pub id: Uuid,
    pub name: String,
    /// The whole key: shown once, when issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub key_hint: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOpen311KeyRequest {
    #[schema(max_length = 100, example = "县数字城管平台")]
    pub name: String,
}
