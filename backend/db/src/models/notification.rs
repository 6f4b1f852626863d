//! `notifications`: what a user is told in the app.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::notifications;
use crate::vocab::NotificationKind;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = notifications)]
pub struct Notification {
    pub id: Uuid,
    pub community_id: Uuid,
    pub user_id: Uuid,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    pub link: String,
    pub cause: String,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Notification {
    /// Inserts those not already sent for the same cause (a retried job or a second instance
    /// never tells anyone twice); returns how many are new.
    pub async fn insert_new(conn: &mut AsyncPgConnection, rows: &[Notification]) -> QueryResult<usize> {
        if rows.is_empty() {
            return Ok(0);
        }
        diesel::insert_into(notifications::table)
            .values(rows)
            .on_conflict((notifications::user_id, notifications::cause))
            .do_nothing()
            .execute(conn)
            .await
    }

    /// A user's notifications, newest first (unread only if asked).
    pub async fn of_user(conn: &mut AsyncPgConnection, user_id: Uuid, unread_only: bool, limit: i64) -> QueryResult<Vec<Notification>> {
        let mut query = notifications::table.filter(notifications::user_id.eq(user_id)).into_boxed();
        if unread_only {
            query = query.filter(notifications::read_at.is_null());
        }
        query.order(notifications::id.desc()).limit(limit).select(Notification::as_select()).load(conn).await
    }

    pub async fn unread_count(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<i64> {
        notifications::table
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null())
            .count()
            .get_result(conn)
            .await
    }

    /// Marks one (or, with `None`, every) notification of the user read; returns how many changed.
    pub async fn mark_read(conn: &mut AsyncPgConnection, user_id: Uuid, id: Option<Uuid>) -> QueryResult<usize> {
        let mut query = diesel::update(notifications::table)
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null())
            .into_boxed();
        if let Some(id) = id {
            query = query.filter(notifications::id.eq(id));
        }
        query.set(notifications::read_at.eq(diesel::dsl::now)).execute(conn).await
    }

    pub async fn exists(conn: &mut AsyncPgConnection, user_id: Uuid, id: Uuid) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            notifications::table.filter(notifications::user_id.eq(user_id)).filter(notifications::id.eq(id)),
        ))
        .get_result(conn)
        .await
    }
}
