//! Demo events: this year's three science lectures (300+ people in all), the monthly clean-up,
//! and an upcoming lecture with registrations, 张秀英 among them.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::event::{Event, Registration};
use xingguang_db::models::resident::{Resident, ResidentFilter};
use xingguang_db::pagination::PageRequest;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{EventKind, EventStatus, RegistrationStatus};

fn at(day: NaiveDate, hour: u32) -> chrono::DateTime<Utc> {
    // Asia/Shanghai is UTC+8 all year.
    let local = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    Utc.from_utc_datetime(&(local - Duration::hours(8)))
}

/// Seeds the events unless the community has some. Returns whether it did.
pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, staff: Uuid, today: NaiveDate) -> anyhow::Result<bool> {
    let year_start = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap_or(today);
    if !Event::between(conn, community_id, at(year_start, 0), at(today + Duration::days(400), 0)).await?.is_empty() {
        return Ok(false);
    }
    let event = |kind, title: &str, place: &str, day: NaiveDate, hours: (u32, u32), capacity, headcount| Event {
        id: xingguang_db::new_id(),
        community_id,
        kind,
        title: title.to_owned(),
        description: String::new(),
        place: place.to_owned(),
        starts_at: at(day, hours.0),
        ends_at: at(day, hours.1),
        capacity,
        registration_closes_at: None,
        status: EventStatus::Scheduled,
        cancel_reason: None,
        headcount,
        created_by: staff,
        version: 1,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    let past = |days: i64| today - Duration::days(days);
    let mut events = vec![
        event(EventKind::Lecture, "老年人防诈骗科普讲座", "社区活动室", past(230), (9, 11), Some(120), Some(108)),
        event(EventKind::Lecture, "夏季防溺水与用电安全讲座", "社区活动室", past(150), (9, 11), Some(120), Some(96)),
        event(EventKind::Lecture, "慢性病防治健康讲座", "县工商银行门前广场", past(40), (19, 21), Some(150), Some(112)),
    ];
    for month in 0..3 {
        events.push(event(EventKind::Cleanup, "党员干部环境卫生义务清扫", "各居民小组", past(10 + 30 * month), (8, 10), None, Some(46)));
    }
    let upcoming = event(EventKind::Lecture, "冬季防火与燃气安全讲座", "社区活动室", today + Duration::days(12), (9, 11), Some(80), None);
    let upcoming_id = upcoming.id;
    events.push(upcoming);
    events.push(event(EventKind::Cleanup, "除四害集中清理行动", "各居民小组", today + Duration::days(20), (8, 10), Some(40), None));
    for e in &events {
        Event::insert(conn, e).await?;
    }
    // The first residents of the registry register for the coming lecture (张秀英 first).
    let mut filter = ResidentFilter { status: Some(xingguang_db::vocab::ResidentStatus::Active), ..Default::default() };
    let page = Resident::list(conn, Reach::Community(community_id), &filter, PageRequest { limit: 30, after: None }).await?;
    let mut people: Vec<Uuid> = page.items.iter().map(|r| r.resident.id).collect();
    filter.search = Some(xingguang_db::models::resident::Search::Name("张秀英".to_owned()));
    let zhang = Resident::list(conn, Reach::Community(community_id), &filter, PageRequest { limit: 1, after: None }).await?;
    if let Some(zhang) = zhang.items.first() {
        people.retain(|id| *id != zhang.resident.id);
        people.insert(0, zhang.resident.id);
    }
    for resident in people.into_iter().take(24) {
        Registration::insert(
            conn,
            &Registration {
                id: xingguang_db::new_id(),
                community_id,
                event_id: upcoming_id,
                resident_id: resident,
                registered_by: staff,
                status: RegistrationStatus::Registered,
                walk_in: false,
                checked_in_at: None,
                checked_in_by: None,
                version: 1,
                created_at: Utc::now(),
                updated_at: Utc::now(),
            },
        )
        .await?;
    }
    Ok(true)
}
