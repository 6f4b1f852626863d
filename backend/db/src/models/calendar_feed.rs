use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{calendar_feeds, users};
use crate::vocab::Role;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = calendar_feeds)]
pub struct CalendarFeed {
    pub id: Uuid,
    pub community_id: Uuid,
    pub user_id: Uuid,
    pub token_hash: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub last_read_at: Option<DateTime<Utc>>,
}

/// The feed's owner, as the feed needs them.
#[derive(Debug, Clone)]
pub struct FeedOwner {
    pub feed: CalendarFeed,
    pub role: Role,
    pub display_name: String,
    /// The resident the login is (a resident's login).
    pub resident_id: Option<Uuid>,
}

impl CalendarFeed {
    /// The user's feed, replacing any earlier one (whose URL stops working).
    pub async fn replace(conn: &mut AsyncPgConnection, feed: &CalendarFeed) -> QueryResult<CalendarFeed> {
        diesel::insert_into(calendar_feeds::table)
            .values(feed)
            .on_conflict(calendar_feeds::user_id)
            .do_update()
            .set((
                calendar_feeds::id.eq(feed.id),
                calendar_feeds::token_hash.eq(&feed.token_hash),
                calendar_feeds::created_at.eq(feed.created_at),
                calendar_feeds::last_read_at.eq(None::<DateTime<Utc>>),
            ))
            .returning(CalendarFeed::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn of_user(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<Option<CalendarFeed>> {
        calendar_feeds::table.filter(calendar_feeds::user_id.eq(user_id)).select(CalendarFeed::as_select()).first(conn).await.optional()
    }

    pub async fn revoke(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<usize> {
        diesel::delete(calendar_feeds::table.filter(calendar_feeds::user_id.eq(user_id))).execute(conn).await
    }

    /// The feed with this token hash, if its owner's account is still enabled; notes the read.
    pub async fn open(conn: &mut AsyncPgConnection, token_hash: &[u8]) -> QueryResult<Option<FeedOwner>> {
        let found: Option<(CalendarFeed, Role, String, Option<Uuid>)> = calendar_feeds::table
            .inner_join(users::table)
            .filter(calendar_feeds::token_hash.eq(token_hash))
            .filter(users::disabled.eq(false))
            .select((CalendarFeed::as_select(), users::role, users::display_name, users::resident_id))
            .first(conn)
            .await
            .optional()?;
        let Some((feed, role, display_name, resident_id)) = found else { return Ok(None) };
        diesel::update(calendar_feeds::table.find(feed.id)).set(calendar_feeds::last_read_at.eq(diesel::dsl::now)).execute(conn).await?;
        Ok(Some(FeedOwner { feed, role, display_name, resident_id }))
    }
}
