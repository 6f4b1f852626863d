//! Telling people in the app: call [`notify`] inside the transaction of the change that causes
//! it. Each notification names its `cause`, so the same cause never tells a person twice (a job
//! that runs again, or two API instances, insert nothing new).

use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::notification::Notification;
use xingguang_db::vocab::NotificationKind;

/// What to tell: the text is stored as written (Chinese, like an SMS would be).
pub struct Message<'a> {
    pub kind: NotificationKind,
    pub title: &'a str,
    pub body: &'a str,
    /// The SPA path it opens.
    pub link: &'a str,
    pub cause: &'a str,
}

/// Tells each of `users`; returns how many were told for the first time.
pub async fn notify(conn: &mut AsyncPgConnection, community_id: Uuid, users: &[Uuid], message: &Message<'_>) -> QueryResult<usize> {
    let created_at = chrono::Utc::now();
    let rows: Vec<Notification> = users
        .iter()
        .map(|&user_id| Notification {
            id: xingguang_db::new_id(),
            community_id,
            user_id,
            kind: message.kind,
            title: message.title.chars().take(200).collect(),
            body: message.body.chars().take(1000).collect(),
            link: message.link.to_owned(),
            cause: message.cause.to_owned(),
            read_at: None,
            created_at,
        })
        .collect();
    Notification::insert_new(conn, &rows).await
}
