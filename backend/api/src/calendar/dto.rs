use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// The caller's private calendar feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedDto {
    /// Whether the caller has a feed.
    pub active: bool,
    pub created_at: Option<DateTime<Utc>>,
    /// When a calendar last read it.
    pub last_read_at: Option<DateTime<Utc>>,
}

/// A new feed: the URL is shown this once (only a hash of it is kept).
#[derive(Debug, Serialize, ToSchema)]
pub struct NewFeedDto {
    /// `https://…/api/v1/calendar/feeds/<secret>.ics`: subscribe to it in a calendar app.
    pub url: String,
    /// The same as `webcal://…`, which phones open straight in their calendar.
    pub webcal_url: String,
    pub created_at: DateTime<Utc>,
}
