//! The nightly duty roster's tables (`duty_rules`, `duty_holidays`, `duty_unavailability`,
//! `duty_assignments`, `duty_reports`): they are only ever used together, so they share a module.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{duty_assignments, duty_holidays, duty_reports, duty_rules, duty_swaps, duty_unavailability, resident_groups, users};
use crate::vocab::{DutySource, DutyStatus, Role, SwapStatus};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = duty_rules, primary_key(community_id))]
pub struct DutyRules {
    pub community_id: Uuid,
    pub leaders_per_night: i16,
    pub weekday_weight: i16,
    pub weekend_weight: i16,
    pub holiday_weight: i16,
    pub min_rest_nights: i16,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = duty_rules)]
pub struct DutyRulesChanges {
    pub weekday_weight: Option<i16>,
    pub weekend_weight: Option<i16>,
    pub holiday_weight: Option<i16>,
    pub min_rest_nights: Option<i16>,
}

impl DutyRules {
    /// The community's rules; the defaults are written on first use.
    pub async fn get(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<DutyRules> {
        // Read first: the rules are read on every roster view, written once per community.
        if let Some(rules) = duty_rules::table.find(community_id).select(DutyRules::as_select()).first(conn).await.optional()? {
            return Ok(rules);
        }
        diesel::insert_into(duty_rules::table)
            .values(duty_rules::community_id.eq(community_id))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        duty_rules::table.find(community_id).select(DutyRules::as_select()).first(conn).await
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        version: i32,
        changes: &DutyRulesChanges,
    ) -> QueryResult<Option<DutyRules>> {
        diesel::update(duty_rules::table.find(community_id).filter(duty_rules::version.eq(version)))
            .set((changes, duty_rules::version.eq(duty_rules::version + 1), duty_rules::updated_at.eq(diesel::dsl::now)))
            .returning(DutyRules::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = duty_holidays)]
pub struct DutyHoliday {
    pub community_id: Uuid,
    pub day: NaiveDate,
    pub name: String,
}

impl DutyHoliday {
    pub async fn between(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        first: NaiveDate,
        last: NaiveDate,
    ) -> QueryResult<Vec<DutyHoliday>> {
        duty_holidays::table
            .filter(duty_holidays::community_id.eq(community_id))
            .filter(duty_holidays::day.between(first, last))
            .order(duty_holidays::day)
            .select(DutyHoliday::as_select())
            .load(conn)
            .await
    }

    /// Adds the days, renaming any already listed.
    pub async fn upsert(conn: &mut AsyncPgConnection, days: &[DutyHoliday]) -> QueryResult<usize> {
        diesel::insert_into(duty_holidays::table)
            .values(days)
            .on_conflict((duty_holidays::community_id, duty_holidays::day))
            .do_update()
            .set(duty_holidays::name.eq(diesel::upsert::excluded(duty_holidays::name)))
            .execute(conn)
            .await
    }

    pub async fn delete(conn: &mut AsyncPgConnection, community_id: Uuid, day: NaiveDate) -> QueryResult<usize> {
        diesel::delete(duty_holidays::table.filter(duty_holidays::community_id.eq(community_id)).filter(duty_holidays::day.eq(day)))
            .execute(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = duty_unavailability)]
pub struct Unavailability {
    pub id: Uuid,
    pub community_id: Uuid,
    pub leader_user_id: Uuid,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub reason: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl Unavailability {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Unavailability) -> QueryResult<Unavailability> {
        diesel::insert_into(duty_unavailability::table).values(row).returning(Unavailability::as_returning()).get_result(conn).await
    }

    /// Windows that overlap `first..=last`, of one leader or of all.
    pub async fn overlapping(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        leader: Option<Uuid>,
        first: NaiveDate,
        last: NaiveDate,
    ) -> QueryResult<Vec<Unavailability>> {
        let mut query = duty_unavailability::table
            .filter(duty_unavailability::community_id.eq(community_id))
            .filter(duty_unavailability::first_day.le(last))
            .filter(duty_unavailability::last_day.ge(first))
            .order((duty_unavailability::first_day, duty_unavailability::id))
            .select(Unavailability::as_select())
            .into_boxed();
        if let Some(leader) = leader {
            query = query.filter(duty_unavailability::leader_user_id.eq(leader));
        }
        query.load(conn).await
    }

    /// Deletes a window, only the leader's own when `leader` is given (0 rows when out of reach).
    pub async fn delete(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid, leader: Option<Uuid>) -> QueryResult<usize> {
        let mut query = diesel::delete(duty_unavailability::table)
            .filter(duty_unavailability::community_id.eq(community_id))
            .filter(duty_unavailability::id.eq(id))
            .into_boxed();
        if let Some(leader) = leader {
            query = query.filter(duty_unavailability::leader_user_id.eq(leader));
        }
        query.execute(conn).await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = duty_assignments)]
pub struct DutyAssignment {
    pub id: Uuid,
    pub community_id: Uuid,
    pub night: NaiveDate,
    pub leader_user_id: Uuid,
    pub weight: i16,
    pub locked: bool,
    pub source: DutySource,
    pub status: DutyStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = duty_assignments)]
pub struct NewDutyAssignment {
    pub id: Uuid,
    pub community_id: Uuid,
    pub night: NaiveDate,
    pub leader_user_id: Uuid,
    pub weight: i16,
    pub locked: bool,
    pub source: DutySource,
}

/// An assignment with its leader's name and group number.
#[derive(Debug, Clone)]
pub struct AssignmentRow {
    pub assignment: DutyAssignment,
    pub leader_name: String,
    pub group_number: Option<i32>,
}

/// A group leader who can be on duty.
#[derive(Debug, Clone)]
pub struct DutyLeader {
    pub user_id: Uuid,
    pub name: String,
    pub group_number: Option<i32>,
}

/// Per leader, over a period: nights served, their weight, no-shows and nights still ahead.
#[derive(Debug, Clone, Default)]
pub struct LedgerLine {
    pub served_nights: i64,
    pub served_weight: i64,
    pub no_shows: i64,
    pub scheduled_nights: i64,
    pub scheduled_weight: i64,
}

impl DutyAssignment {
    /// The community's active group leaders, by group number.
    pub async fn leaders(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<DutyLeader>> {
        let rows: Vec<(Uuid, String, Option<i32>)> = users::table
            .left_join(resident_groups::table.on(resident_groups::leader_user_id.eq(users::id.nullable())))
            .filter(users::community_id.eq(community_id))
            .filter(users::role.eq(Role::GroupLeader))
            .filter(users::disabled.eq(false))
            .order((resident_groups::number.asc().nulls_last(), users::id))
            .select((users::id, users::display_name, resident_groups::number.nullable()))
            .load(conn)
            .await?;
        Ok(rows.into_iter().map(|(user_id, name, group_number)| DutyLeader { user_id, name, group_number }).collect())
    }

    /// The assignments of `first..=last`, by night then group number.
    pub async fn between(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        first: NaiveDate,
        last: NaiveDate,
    ) -> QueryResult<Vec<AssignmentRow>> {
        let rows: Vec<(DutyAssignment, String, Option<i32>)> = duty_assignments::table
            .inner_join(users::table)
            .left_join(resident_groups::table.on(resident_groups::leader_user_id.eq(users::id.nullable())))
            .filter(duty_assignments::community_id.eq(community_id))
            .filter(duty_assignments::night.between(first, last))
            .order((duty_assignments::night, resident_groups::number.asc().nulls_last(), duty_assignments::id))
            .select((DutyAssignment::as_select(), users::display_name, resident_groups::number.nullable()))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(assignment, leader_name, group_number)| AssignmentRow { assignment, leader_name, group_number })
            .collect())
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<DutyAssignment> {
        duty_assignments::table
            .filter(duty_assignments::community_id.eq(community_id))
            .find(id)
            .select(DutyAssignment::as_select())
            .first(conn)
            .await
    }

    /// Forgets the unlocked, still scheduled assignments of `first..=last` (before regenerating).
    pub async fn clear_unlocked(conn: &mut AsyncPgConnection, community_id: Uuid, first: NaiveDate, last: NaiveDate) -> QueryResult<usize> {
        diesel::delete(
            duty_assignments::table
                .filter(duty_assignments::community_id.eq(community_id))
                .filter(duty_assignments::night.between(first, last))
                .filter(duty_assignments::locked.eq(false))
                .filter(duty_assignments::status.eq(DutyStatus::Scheduled)),
        )
        .execute(conn)
        .await
    }

    /// Forgets every assignment of one night (before staff set it by hand).
    pub async fn clear_night(conn: &mut AsyncPgConnection, community_id: Uuid, night: NaiveDate) -> QueryResult<usize> {
        diesel::delete(
            duty_assignments::table.filter(duty_assignments::community_id.eq(community_id)).filter(duty_assignments::night.eq(night)),
        )
        .execute(conn)
        .await
    }

    pub async fn insert_many(conn: &mut AsyncPgConnection, rows: &[NewDutyAssignment]) -> QueryResult<usize> {
        let mut written = 0;
        // Bound parameters are limited to 65,535 per statement.
        for chunk in rows.chunks(5_000) {
            written += diesel::insert_into(duty_assignments::table).values(chunk).execute(conn).await?;
        }
        Ok(written)
    }

    pub async fn set_locked(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        id: Uuid,
        version: i32,
        locked: bool,
    ) -> QueryResult<Option<DutyAssignment>> {
        crate::versioned_update!(
            conn,
            duty_assignments,
            id,
            version,
            duty_assignments::locked.eq(locked),
            DutyAssignment,
            duty_assignments::community_id.eq(community_id)
        )
    }

    /// Sets what happened to each leader of a night.
    pub async fn set_status(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        night: NaiveDate,
        leader: Uuid,
        status: DutyStatus,
    ) -> QueryResult<usize> {
        diesel::update(
            duty_assignments::table
                .filter(duty_assignments::community_id.eq(community_id))
                .filter(duty_assignments::night.eq(night))
                .filter(duty_assignments::leader_user_id.eq(leader)),
        )
        .set((
            duty_assignments::status.eq(status),
            duty_assignments::version.eq(duty_assignments::version + 1),
            duty_assignments::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
    }

    /// Marks every scheduled assignment before `night` as served (demo data: evenings gone by).
    pub async fn mark_served_before(conn: &mut AsyncPgConnection, community_id: Uuid, night: NaiveDate) -> QueryResult<usize> {
        diesel::update(
            duty_assignments::table
                .filter(duty_assignments::community_id.eq(community_id))
                .filter(duty_assignments::night.lt(night))
                .filter(duty_assignments::status.eq(DutyStatus::Scheduled)),
        )
        .set(duty_assignments::status.eq(DutyStatus::Served))
        .execute(conn)
        .await
    }

    /// Each leader's ledger over `first..=last`.
    pub async fn ledger(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        first: NaiveDate,
        last: NaiveDate,
    ) -> QueryResult<std::collections::HashMap<Uuid, LedgerLine>> {
        let rows: Vec<(Uuid, DutyStatus, i16)> = duty_assignments::table
            .filter(duty_assignments::community_id.eq(community_id))
            .filter(duty_assignments::night.between(first, last))
            .select((duty_assignments::leader_user_id, duty_assignments::status, duty_assignments::weight))
            .load(conn)
            .await?;
        let mut ledger: std::collections::HashMap<Uuid, LedgerLine> = std::collections::HashMap::new();
        for (leader, status, weight) in rows {
            let line = ledger.entry(leader).or_default();
            match status {
                DutyStatus::Served => {
                    line.served_nights += 1;
                    line.served_weight += i64::from(weight);
                }
                DutyStatus::NoShow => line.no_shows += 1,
                DutyStatus::Scheduled => {
                    line.scheduled_nights += 1;
                    line.scheduled_weight += i64::from(weight);
                }
                DutyStatus::Cancelled => {}
            }
        }
        Ok(ledger)
    }

    /// Every community's scheduled assignments of one night, each with the names of the others on
    /// duty with them (for the day-before reminders).
    pub async fn scheduled_on(conn: &mut AsyncPgConnection, night: NaiveDate) -> QueryResult<Vec<(DutyAssignment, String)>> {
        duty_assignments::table
            .inner_join(users::table)
            .filter(duty_assignments::night.eq(night))
            .filter(duty_assignments::status.eq(DutyStatus::Scheduled))
            .order((duty_assignments::community_id, duty_assignments::id))
            .select((DutyAssignment::as_select(), users::display_name))
            .load(conn)
            .await
    }

    /// The nights a leader is on duty from `from` on (their next duties).
    pub async fn upcoming_for(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        leader: Uuid,
        from: NaiveDate,
        limit: i64,
    ) -> QueryResult<Vec<DutyAssignment>> {
        duty_assignments::table
            .filter(duty_assignments::community_id.eq(community_id))
            .filter(duty_assignments::leader_user_id.eq(leader))
            .filter(duty_assignments::night.ge(from))
            .order(duty_assignments::night)
            .limit(limit)
            .select(DutyAssignment::as_select())
            .load(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = duty_reports, primary_key(community_id, night))]
pub struct DutyReport {
    pub community_id: Uuid,
    pub night: NaiveDate,
    pub headcount: Option<i32>,
    pub incidents: String,
    pub weather_cancelled: bool,
    pub recorded_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DutyReport {
    pub async fn between(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        first: NaiveDate,
        last: NaiveDate,
    ) -> QueryResult<Vec<DutyReport>> {
        duty_reports::table
            .filter(duty_reports::community_id.eq(community_id))
            .filter(duty_reports::night.between(first, last))
            .order(duty_reports::night)
            .select(DutyReport::as_select())
            .load(conn)
            .await
    }

    pub async fn insert_many(conn: &mut AsyncPgConnection, reports: &[DutyReport]) -> QueryResult<usize> {
        diesel::insert_into(duty_reports::table).values(reports).execute(conn).await
    }

    /// Writes the night's report; a second report replaces the first (its version goes up).
    pub async fn upsert(conn: &mut AsyncPgConnection, report: &DutyReport) -> QueryResult<DutyReport> {
        diesel::insert_into(duty_reports::table)
            .values(report)
            .on_conflict((duty_reports::community_id, duty_reports::night))
            .do_update()
            .set((
                duty_reports::headcount.eq(report.headcount),
                duty_reports::incidents.eq(&report.incidents),
                duty_reports::weather_cancelled.eq(report.weather_cancelled),
                duty_reports::recorded_by.eq(report.recorded_by),
                duty_reports::version.eq(duty_reports::version + 1),
                duty_reports::updated_at.eq(diesel::dsl::now),
            ))
            .returning(DutyReport::as_returning())
            .get_result(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = duty_swaps)]
pub struct DutySwap {
    pub id: Uuid,
    pub community_id: Uuid,
    pub assignment_id: Uuid,
    pub night: NaiveDate,
    pub offered_by: Uuid,
    pub taken_by: Option<Uuid>,
    pub status: SwapStatus,
    pub note: String,
    pub held_because: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A swap's move: the new status from one of `from`, with who took it and why it waits.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = duty_swaps)]
pub struct SwapMove {
    pub status: SwapStatus,
    pub taken_by: Option<Option<Uuid>>,
    pub held_because: Option<Option<String>>,
}

impl DutySwap {
    pub async fn insert(conn: &mut AsyncPgConnection, swap: &DutySwap) -> QueryResult<DutySwap> {
        diesel::insert_into(duty_swaps::table).values(swap).returning(DutySwap::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<DutySwap> {
        duty_swaps::table.filter(duty_swaps::community_id.eq(community_id)).find(id).select(DutySwap::as_select()).first(conn).await
    }

    /// Swaps of nights from `from` on, soonest first; only those `involving` a user (offered
    /// or taken by them) plus the open offers, when given.
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        from: NaiveDate,
        involving: Option<Uuid>,
    ) -> QueryResult<Vec<DutySwap>> {
        let mut query = duty_swaps::table
            .filter(duty_swaps::community_id.eq(community_id))
            .filter(duty_swaps::night.ge(from))
            .order((duty_swaps::night, duty_swaps::id))
            .limit(500)
            .select(DutySwap::as_select())
            .into_boxed();
        if let Some(user) = involving {
            query = query
                .filter(duty_swaps::offered_by.eq(user).or(duty_swaps::taken_by.eq(user)).or(duty_swaps::status.eq(SwapStatus::Offered)));
        }
        query.load(conn).await
    }

    /// Compare-and-set: moves the swap only if it is still at `version` in one of `from`.
    pub async fn transition(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        from: &[SwapStatus],
        change: &SwapMove,
    ) -> QueryResult<Option<DutySwap>> {
        diesel::update(duty_swaps::table.find(id).filter(duty_swaps::version.eq(version)).filter(duty_swaps::status.eq_any(from.to_vec())))
            .set((change, duty_swaps::version.eq(duty_swaps::version + 1), duty_swaps::updated_at.eq(diesel::dsl::now)))
            .returning(DutySwap::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

impl DutyAssignment {
    /// Hands a night over to another leader (an approved swap): locked, so regeneration keeps it.
    pub async fn hand_over(conn: &mut AsyncPgConnection, id: Uuid, to: Uuid) -> QueryResult<usize> {
        diesel::update(duty_assignments::table.find(id).filter(duty_assignments::status.eq(DutyStatus::Scheduled)))
            .set((
                duty_assignments::leader_user_id.eq(to),
                duty_assignments::source.eq(DutySource::Swap),
                duty_assignments::locked.eq(true),
                duty_assignments::version.eq(duty_assignments::version + 1),
                duty_assignments::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await
    }
}
