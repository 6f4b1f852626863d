//! Reading the roster for a period, and generating it: the database around `domain::generate`.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Months, NaiveDate};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::duty::{DutyAssignment, DutyHoliday, DutyReport, DutyRules, NewDutyAssignment, Unavailability};
use xingguang_db::vocab::{DutySource, DutyStatus};

use super::domain::{self, night_kind, NightKind, RosterInput, Weights, MAX_NIGHTS};
use super::dto::*;
use crate::error::{ApiError, ApiResult, Errors};

/// The period asked for: `from` defaults to the first of this month, `to` to the end of `from`'s month.
pub fn period(query: &PeriodQuery, today: NaiveDate) -> ApiResult<(NaiveDate, NaiveDate)> {
    let from = query.from.unwrap_or_else(|| today.with_day(1).unwrap_or(today));
    let to = query.to.unwrap_or_else(|| end_of_month(from));
    check_period(from, to)?;
    Ok((from, to))
}

pub fn end_of_month(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(day)
}

pub fn check_period(from: NaiveDate, to: NaiveDate) -> ApiResult<()> {
    let mut errors = Errors::default();
    if to < from {
        errors.push("to", "must not be before from");
    } else if (to - from).num_days() >= MAX_NIGHTS {
        errors.push("to", format!("at most {MAX_NIGHTS} nights at a time"));
    }
    errors.finish()
}

pub fn weights(rules: &DutyRules) -> Weights {
    Weights { weekday: rules.weekday_weight, weekend: rules.weekend_weight, holiday: rules.holiday_weight }
}

fn nights(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

/// The roster of `from..=to`: every night, its leaders and its evening report.
pub async fn roster(conn: &mut AsyncPgConnection, community_id: Uuid, from: NaiveDate, to: NaiveDate) -> ApiResult<RosterDto> {
    let rules = DutyRules::get(conn, community_id).await?;
    let holidays: HashMap<NaiveDate, String> =
        DutyHoliday::between(conn, community_id, from, to).await?.into_iter().map(|h| (h.day, h.name)).collect();
    let holiday_days: BTreeSet<NaiveDate> = holidays.keys().copied().collect();
    let mut assignments: HashMap<NaiveDate, Vec<AssignmentDto>> = HashMap::new();
    for row in DutyAssignment::between(conn, community_id, from, to).await? {
        assignments.entry(row.assignment.night).or_default().push(row.into());
    }
    let mut reports: HashMap<NaiveDate, DutyReport> =
        DutyReport::between(conn, community_id, from, to).await?.into_iter().map(|r| (r.night, r)).collect();
    let weights = weights(&rules);
    let nights = nights(from, to)
        .map(|night| {
            let kind = night_kind(night, &holiday_days);
            let on = assignments.remove(&night).unwrap_or_default();
            let present = on.iter().filter(|a| a.status != DutyStatus::Cancelled).count();
            let cancelled = reports.get(&night).is_some_and(|r| r.weather_cancelled);
            NightDto {
                night,
                kind,
                holiday: holidays.get(&night).cloned(),
                weight: weights.of(kind),
                short: !cancelled && present < usize::try_from(rules.leaders_per_night).unwrap_or(2),
                assignments: on,
                report: reports.remove(&night).map(Into::into),
            }
        })
        .collect();
    Ok(RosterDto { from, to, leaders_per_night: rules.leaders_per_night, nights })
}

/// One night of the roster, as it is now (the answer to a change of that night).
pub async fn night(conn: &mut AsyncPgConnection, community_id: Uuid, night: NaiveDate) -> ApiResult<NightDto> {
    roster(conn, community_id, night, night).await?.nights.pop().ok_or_else(ApiError::not_found)
}

/// The community's group leaders' names by user id (for answers that name them).
pub async fn leader_names(conn: &mut AsyncPgConnection, community_id: Uuid) -> ApiResult<HashMap<Uuid, String>> {
    Ok(DutyAssignment::leaders(conn, community_id).await?.into_iter().map(|l| (l.user_id, l.name)).collect())
}

/// The first and last day of the calendar year of `day`.
pub fn year_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let year = day.year();
    (NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(day), NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(day))
}

/// Regenerates `from..=to` inside the caller's transaction: unlocked scheduled nights are
/// forgotten, locked and recorded ones kept, and the rest shared out by `domain::generate`
/// against the ledger of the year so far.
pub async fn generate(conn: &mut AsyncPgConnection, community_id: Uuid, from: NaiveDate, to: NaiveDate) -> ApiResult<GenerateResult> {
    // One generation per community at a time (a second waits, then sees the first's nights).
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended('duty_roster:' || $1::text, 0))")
        .bind::<diesel::sql_types::Text, _>(community_id.to_string())
        .execute(conn)
        .await?;
    let rules = DutyRules::get(conn, community_id).await?;
    let weights = weights(&rules);
    let leaders = DutyAssignment::leaders(conn, community_id).await?;
    if leaders.is_empty() {
        return Err(ApiError::conflict(crate::error::ErrorCode::NoLeaders, "There are no group leaders to put on duty."));
    }
    DutyAssignment::clear_unlocked(conn, community_id, from, to).await?;
    let (year_start, _) = year_of(from);
    let rest = i64::from(rules.min_rest_nights);
    let look_back = from.checked_sub_signed(chrono::Duration::days(rest + 1)).unwrap_or(from).min(year_start);
    let holidays: BTreeSet<NaiveDate> = DutyHoliday::between(conn, community_id, from, to).await?.into_iter().map(|h| h.day).collect();
    let mut input = RosterInput {
        nights: nights(from, to).map(|n| (n, weights.of(night_kind(n, &holidays)))).collect(),
        leaders: leaders.iter().map(|l| l.user_id).collect(),
        per_night: usize::try_from(rules.leaders_per_night).unwrap_or(2),
        min_rest: rest,
        ..Default::default()
    };
    let mut by_night: HashMap<NaiveDate, Vec<Uuid>> = HashMap::new();
    // Everything kept from the start of the year (or the rest window) to the end of the period.
    for row in DutyAssignment::between(conn, community_id, look_back, to).await? {
        let a = row.assignment;
        if a.status == DutyStatus::Cancelled {
            continue;
        }
        input.fixed.entry(a.leader_user_id).or_default().insert(a.night);
        if a.night >= year_start {
            *input.load.entry(a.leader_user_id).or_default() += i64::from(a.weight);
            by_night.entry(a.night).or_default().push(a.leader_user_id);
        }
        if a.night >= from {
            input.kept.entry(a.night).or_default().push(a.leader_user_id);
        }
    }
    for on in by_night.values() {
        for (i, a) in on.iter().enumerate() {
            for b in &on[i + 1..] {
                *input.pairs.entry(if a < b { (*a, *b) } else { (*b, *a) }).or_default() += 1;
            }
        }
    }
    for window in Unavailability::overlapping(conn, community_id, None, from, to).await? {
        input.unavailable.entry(window.leader_user_id).or_default().push((window.first_day, window.last_day));
    }
    let roster = domain::generate(&input);
    let rows: Vec<NewDutyAssignment> = roster
        .assigned
        .iter()
        .map(|(night, leader, weight)| NewDutyAssignment {
            id: xingguang_db::new_id(),
            community_id,
            night: *night,
            leader_user_id: *leader,
            weight: *weight,
            locked: false,
            source: DutySource::Generated,
        })
        .collect();
    DutyAssignment::insert_many(conn, &rows).await?;
    let mut load = input.load;
    for leader in &leaders {
        load.entry(leader.user_id).or_default();
    }
    for (_, leader, weight) in &roster.assigned {
        *load.entry(*leader).or_default() += i64::from(*weight);
    }
    Ok(GenerateResult {
        from,
        to,
        assigned: rows.len(),
        short: roster.short.iter().map(|(night, missing)| ShortNightDto { night: *night, missing: *missing }).collect(),
        rest_broken: roster
            .rest_broken
            .iter()
            .map(|(night, leader)| RestBrokenDto {
                night: *night,
                leader_user_id: *leader,
                leader_name: leaders.iter().find(|l| l.user_id == *leader).map(|l| l.name.clone()).unwrap_or_default(),
            })
            .collect(),
        spread: domain::spread(load.into_values()),
    })
}

/// Each night's kind and, on a holiday, its name.
pub async fn kinds(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    nights: &[NaiveDate],
) -> ApiResult<HashMap<NaiveDate, (NightKind, Option<String>)>> {
    let (Some(first), Some(last)) = (nights.iter().min(), nights.iter().max()) else {
        return Ok(HashMap::new());
    };
    let holidays: HashMap<NaiveDate, String> =
        DutyHoliday::between(conn, community_id, *first, *last).await?.into_iter().map(|h| (h.day, h.name)).collect();
    let days: BTreeSet<NaiveDate> = holidays.keys().copied().collect();
    Ok(nights.iter().map(|n| (*n, (night_kind(*n, &days), holidays.get(n).cloned()))).collect())
}

use diesel_async::RunQueryDsl;
