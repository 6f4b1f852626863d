//! `event_series` and `event_series_exceptions`: a recurring event (one row and its RRULE) and
//! the occurrences called off.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{event_series, event_series_exceptions, pledges};
use crate::vocab::EventKind;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = event_series)]
pub struct Series {
    pub id: Uuid,
    pub community_id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub place: String,
    pub venue_pledge_id: Option<Uuid>,
    pub first_day: NaiveDate,
    pub starts_local: NaiveTime,
    pub ends_local: NaiveTime,
    pub rrule: String,
    pub expected_size: Option<i32>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = event_series_exceptions)]
pub struct SeriesException {
    pub series_id: Uuid,
    pub day: NaiveDate,
    pub reason: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl Series {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Series) -> QueryResult<Series> {
        diesel::insert_into(event_series::table).values(row).returning(Series::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Series> {
        event_series::table.filter(event_series::community_id.eq(community_id)).find(id).select(Series::as_select()).first(conn).await
    }

    pub async fn all(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<Series>> {
        event_series::table
            .filter(event_series::community_id.eq(community_id))
            .order((event_series::first_day, event_series::id))
            .limit(200)
            .select(Series::as_select())
            .load(conn)
            .await
    }

    /// Series held at one partner's venues.
    pub async fn at_partner_venues(conn: &mut AsyncPgConnection, community_id: Uuid, partner_id: Uuid) -> QueryResult<Vec<Series>> {
        event_series::table
            .inner_join(pledges::table.on(event_series::venue_pledge_id.eq(pledges::id.nullable())))
            .filter(event_series::community_id.eq(community_id))
            .filter(pledges::partner_id.eq(partner_id))
            .order((event_series::first_day, event_series::id))
            .select(Series::as_select())
            .load(conn)
            .await
    }

    /// Bumps the version (an exception changed the series, so calendars fetch it again).
    pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
        diesel::update(event_series::table.find(id))
            .set((event_series::version.eq(event_series::version + 1), event_series::updated_at.eq(diesel::dsl::now)))
            .execute(conn)
            .await
            .map(|_| ())
    }
}

impl SeriesException {
    /// Inserts it unless that day is already called off; returns whether it is new.
    pub async fn insert(conn: &mut AsyncPgConnection, row: &SeriesException) -> QueryResult<bool> {
        let n = diesel::insert_into(event_series_exceptions::table).values(row).on_conflict_do_nothing().execute(conn).await?;
        Ok(n == 1)
    }

    /// Takes a day's exception back; returns whether there was one.
    pub async fn delete(conn: &mut AsyncPgConnection, series_id: Uuid, day: NaiveDate) -> QueryResult<bool> {
        let n = diesel::delete(event_series_exceptions::table.find((series_id, day))).execute(conn).await?;
        Ok(n == 1)
    }

    pub async fn of_series(conn: &mut AsyncPgConnection, series: &[Uuid]) -> QueryResult<Vec<SeriesException>> {
        event_series_exceptions::table
            .filter(event_series_exceptions::series_id.eq_any(series.to_vec()))
            .order((event_series_exceptions::series_id, event_series_exceptions::day))
            .select(SeriesException::as_select())
            .load(conn)
            .await
    }
}
