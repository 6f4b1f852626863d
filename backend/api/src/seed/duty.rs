//! The demo duty roster: 2026's public holidays, the three months before this one and the next
//! month shared out among the 24 group leaders by the real generator, past evenings recorded
//! (about 300 people a night), one evening rained off and one no-show.

use chrono::{Datelike, Duration, Months, NaiveDate};
use diesel_async::AsyncPgConnection;
use rand::{Rng, SeedableRng};
use uuid::Uuid;
use xingguang_db::models::duty::{DutyAssignment, DutyHoliday, DutyReport};
use xingguang_db::vocab::DutyStatus;

/// The State Council's 2026 holiday dates (国办发明电〔2025〕7号), and New Year 2027. The office
/// keeps this list up to date (`PUT /duty/holidays/{day}`).
const HOLIDAYS: [(&str, &str, u32); 8] = [
    ("元旦", "2026-01-01", 3),
    ("春节", "2026-02-15", 9),
    ("清明节", "2026-04-04", 3),
    ("劳动节", "2026-05-01", 5),
    ("端午节", "2026-06-19", 3),
    ("中秋节", "2026-09-25", 3),
    ("国庆节", "2026-10-01", 7),
    ("元旦", "2027-01-01", 1),
];

/// Seeds the roster unless the community has one. Returns whether it did.
pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, recorded_by: Uuid, today: NaiveDate) -> anyhow::Result<bool> {
    let month = today.with_day(1).unwrap_or(today);
    let from = month.checked_sub_months(Months::new(3)).unwrap_or(month);
    let to = crate::duty::service::end_of_month(month.checked_add_months(Months::new(1)).unwrap_or(month));
    if !DutyAssignment::between(conn, community_id, from, to).await?.is_empty() {
        return Ok(false);
    }
    let mut holidays = Vec::new();
    for (name, first, days) in HOLIDAYS {
        let first: NaiveDate = first.parse()?;
        holidays.extend((0..days).map(|d| DutyHoliday { community_id, day: first + Duration::days(d.into()), name: name.to_owned() }));
    }
    DutyHoliday::upsert(conn, &holidays).await?;
    crate::duty::service::generate(conn, community_id, from, to).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;

    let mut rng = rand::rngs::StdRng::seed_from_u64(14);
    let rained_off = today - Duration::days(23);
    let missed = today - Duration::days(9);
    let on_duty = DutyAssignment::between(conn, community_id, from, today - Duration::days(1)).await?;
    let leaders_of = |night: NaiveDate| on_duty.iter().filter(move |r| r.assignment.night == night).map(|r| r.assignment.leader_user_id);
    let mut reports = Vec::new();
    let mut night = from;
    while night < today {
        let cancelled = night == rained_off;
        let weekend = matches!(night.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        reports.push(DutyReport {
            community_id,
            night,
            headcount: (!cancelled).then(|| rng.gen_range(260..=320) + if weekend { 30 } else { 0 }),
            incidents: if cancelled {
                "大雨，活动取消".to_owned()
            } else if night == missed {
                "一位组长临时有事未到，另一位组长独自值守".to_owned()
            } else if rng.gen_ratio(1, 15) {
                "音响线路松动，已修好".to_owned()
            } else {
                String::new()
            },
            weather_cancelled: cancelled,
            recorded_by: leaders_of(night).next().unwrap_or(recorded_by),
            version: 1,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        });
        night += Duration::days(1);
    }
    DutyReport::insert_many(conn, &reports).await?;
    DutyAssignment::mark_served_before(conn, community_id, today).await?;
    for leader in leaders_of(rained_off) {
        DutyAssignment::set_status(conn, community_id, rained_off, leader, DutyStatus::Cancelled).await?;
    }
    if let Some(leader) = leaders_of(missed).nth(1) {
        DutyAssignment::set_status(conn, community_id, missed, leader, DutyStatus::NoShow).await?;
    }
    Ok(true)
}
