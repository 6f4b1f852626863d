use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::notification::Notification;
use xingguang_db::vocab::NotificationKind;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationsQuery {
    /// Only those not read yet.
    #[serde(default)]
    pub unread: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationDto {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    /// The page it opens in the dashboard (may be empty).
    pub link: String,
    pub read: bool,
    pub created_at: DateTime<Utc>,
}

impl From<Notification> for NotificationDto {
    fn from(n: Notification) -> Self {
        NotificationDto {
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            read: n.read_at.is_some(),
            created_at: n.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationsDto {
    /// The newest 50 (or the unread ones).
    pub items: Vec<NotificationDto>,
    /// How many are unread in all (the badge).
    pub unread: i64,
}
