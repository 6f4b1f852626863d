//! Demo events: the nightly square activity as one series for the year (on the square the bank
//! lends; evenings the duty pair recorded as rained off are called off), this year's three
//! science lectures (300+ people in all), the monthly clean-up by Party members and cadres, and
//! an upcoming lecture with registrations, 张秀英 among them.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::duty::DutyReport;
use xingguang_db::models::event::{Event, Registration};
use xingguang_db::models::event_series::{Series, SeriesException};
use xingguang_db::models::pledge::{Pledge, PledgeFilter};
use xingguang_db::models::resident::{Resident, ResidentFilter};
use xingguang_db::pagination::PageRequest;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{Audience, EventKind, EventStatus, PledgeStatus, RegistrationStatus, SupportKind};

use crate::common::square::{DUTY_END, DUTY_START, SQUARE};

fn at(day: NaiveDate, hour: u32) -> chrono::DateTime<Utc> {
    // Asia/Shanghai is UTC+8 all year.
    let local = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    Utc.from_utc_datetime(&(local - Duration::hours(8)))
}

/// Seeds the events unless the community has some. Returns whether it did.
pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, staff: Uuid, today: NaiveDate) -> anyhow::Result<bool> {
    let year_start = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap_or(today);
    if !Event::between(conn, community_id, at(year_start, 0), at(today + Duration::days(400), 0), None).await?.is_empty() {
        return Ok(false);
    }
    // The square the bank lends: its venue pledge.
    let fulfilled = PledgeFilter { status: Some(PledgeStatus::Fulfilled), ..Default::default() };
    let venue = Pledge::list(conn, community_id, &fulfilled, PageRequest { limit: 50, after: None })
        .await?
        .items
        .into_iter()
        .find(|p| p.pledge.kind == SupportKind::Venue)
        .map(|p| p.pledge.id);
    seed_square(conn, community_id, staff, year_start, venue).await?;
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
        audience: Audience::All,
        team_id: None,
        venue_pledge_id: (place == SQUARE).then_some(venue).flatten(),
    };
    let past = |days: i64| today - Duration::days(days);
    let mut events = vec![
        event(EventKind::Lecture, "老年人防诈骗科普讲座", "社区活动室", past(230), (9, 11), Some(120), Some(108)),
        event(EventKind::Lecture, "夏季防溺水与用电安全讲座", "社区活动室", past(150), (9, 11), Some(120), Some(96)),
        event(EventKind::Lecture, "慢性病防治健康讲座", SQUARE, past(40), (19, 21), Some(150), Some(112)),
    ];
    for month in 0..3 {
        let mut cleanup =
            event(EventKind::Cleanup, "党员干部环境卫生义务清扫", "各居民小组", past(10 + 30 * month), (8, 10), None, Some(46));
        cleanup.audience = Audience::PartyMembers;
        events.push(cleanup);
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

/// The nightly square activity: one daily series for the year, 19:00–21:30, about 300 people;
/// the evenings the duty pair recorded as rained off are its exceptions.
async fn seed_square(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    staff: Uuid,
    year_start: NaiveDate,
    venue: Option<Uuid>,
) -> anyhow::Result<()> {
    let year_end = NaiveDate::from_ymd_opt(chrono::Datelike::year(&year_start), 12, 31).unwrap_or(year_start);
    let series = Series::insert(
        conn,
        &Series {
            id: xingguang_db::new_id(),
            community_id,
            kind: EventKind::Square,
            title: "广场夜间文体活动".to_owned(),
            description: "民众文艺活动队、腰鼓队、健身球队、纸扇队和居民一起跳舞健身；每晚两位组长值班。".to_owned(),
            place: SQUARE.to_owned(),
            venue_pledge_id: venue,
            first_day: year_start,
            starts_local: DUTY_START,
            ends_local: DUTY_END,
            rrule: format!("FREQ=DAILY;UNTIL={}T235959Z", year_end.format("%Y%m%d")),
            expected_size: Some(300),
            created_by: staff,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        },
    )
    .await?;
    for report in DutyReport::between(conn, community_id, year_start, year_end).await?.into_iter().filter(|r| r.weather_cancelled) {
        let row = SeriesException {
            series_id: series.id,
            day: report.night,
            reason: "下雨".to_owned(),
            created_by: staff,
            created_at: Utc::now(),
        };
        SeriesException::insert(conn, &row).await?;
    }
    Ok(())
}
