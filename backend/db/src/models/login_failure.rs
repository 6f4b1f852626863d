use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::schema::login_failures;

pub struct LoginFailure;

impl LoginFailure {
    pub async fn record(conn: &mut AsyncPgConnection, username: &str, ip: &str) -> QueryResult<()> {
        diesel::insert_into(login_failures::table)
            .values((login_failures::id.eq(crate::new_id()), login_failures::username.eq(username), login_failures::ip.eq(ip)))
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Failures for this username from this address since `since`, and the oldest of them
    /// (which tells when the window frees a slot).
    pub async fn recent(
        conn: &mut AsyncPgConnection,
        username: &str,
        ip: &str,
        since: DateTime<Utc>,
    ) -> QueryResult<(i64, Option<DateTime<Utc>>)> {
        login_failures::table
            .filter(login_failures::username.eq(username))
            .filter(login_failures::ip.eq(ip))
            .filter(login_failures::failed_at.gt(since))
            .select((diesel::dsl::count_star(), diesel::dsl::min(login_failures::failed_at)))
            .first(conn)
            .await
    }

    /// Failures for this username from any address since `since`, and the latest of them.
    pub async fn for_account(
        conn: &mut AsyncPgConnection,
        username: &str,
        since: DateTime<Utc>,
    ) -> QueryResult<(i64, Option<DateTime<Utc>>)> {
        login_failures::table
            .filter(login_failures::username.eq(username))
            .filter(login_failures::failed_at.gt(since))
            .select((diesel::dsl::count_star(), diesel::dsl::max(login_failures::failed_at)))
            .first(conn)
            .await
    }

    /// Failures from this address for any username since `since`, and the oldest of them.
    pub async fn for_address(conn: &mut AsyncPgConnection, ip: &str, since: DateTime<Utc>) -> QueryResult<(i64, Option<DateTime<Utc>>)> {
        login_failures::table
            .filter(login_failures::ip.eq(ip))
            .filter(login_failures::failed_at.gt(since))
            .select((diesel::dsl::count_star(), diesel::dsl::min(login_failures::failed_at)))
            .first(conn)
            .await
    }

    /// A successful login clears the count for that username and address.
    pub async fn clear(conn: &mut AsyncPgConnection, username: &str, ip: &str) -> QueryResult<()> {
        diesel::delete(login_failures::table.filter(login_failures::username.eq(username)).filter(login_failures::ip.eq(ip)))
            .execute(conn)
            .await
            .map(|_| ())
    }
}
