//! Recurring events (RFC 5545 series with exceptions), the public calendar, what partners see of
//! their venue, the in-app notice of an event called off, and the day-before duty reminder.

use awc::http::StatusCode;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, CalendarComponent, Component};
use serde_json::{json, Value};

use crate::helpers::TestApp;

async fn series(app: &TestApp, staff: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/event-series", Some(staff), &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json
}

fn nightly(first: &str, until: &str) -> Value {
    json!({ "kind": "square", "title": "广场舞", "place": "县工商银行门前广场", "first_day": first, "starts_local": "19:30:00", "ends_local": "21:00:00", "rrule": format!("FREQ=DAILY;UNTIL={until}T235959Z"), "expected_size": 300 })
}

#[actix_web::test]
async fn a_nightly_series_expands_across_the_month_boundary_and_a_rained_off_night_is_called_off() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let s = series(&app, &staff, nightly("2026-11-01", "20261231")).await;
    let id = s["id"].as_str().expect("id");
    let days = app.get(&format!("/api/v1/event-series/{id}/occurrences?from=2026-11-29&to=2026-12-02"), Some(&staff)).await;
    assert_eq!(days.status, StatusCode::OK, "{}", days.body);
    let list = days.json.as_array().expect("list");
    let dates: Vec<&str> = list.iter().map(|o| o["day"].as_str().expect("day")).collect();
    assert_eq!(dates, ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    assert_eq!(list[2]["starts_at"], "2026-12-01T11:30:00Z", "19:30 in Wuyi is 11:30 UTC");

    let off = app
        .post_json(&format!("/api/v1/event-series/{id}/exceptions"), Some(&staff), &json!({ "day": "2026-11-30", "reason": "下雨" }))
        .await;
    assert_eq!(off.status, StatusCode::CREATED, "{}", off.body);
    app.post_json(&format!("/api/v1/event-series/{id}/exceptions"), Some(&staff), &json!({ "day": "2026-11-30", "reason": "下雨" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");
    app.post_json(&format!("/api/v1/event-series/{id}/exceptions"), Some(&staff), &json!({ "day": "2027-01-05", "reason": "下雨" }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let after = app.get(&format!("/api/v1/event-series/{id}/occurrences?from=2026-11-29&to=2026-12-02"), Some(&staff)).await.json;
    assert_eq!(after[1]["status"], "cancelled");
    assert_eq!(after[1]["cancel_reason"], "下雨");
    assert_eq!(after[0]["status"], "scheduled");
    let mine = app.get(&format!("/api/v1/event-series/{id}"), Some(&staff)).await.json;
    assert_eq!(mine["version"], 2, "calling a day off changes the series (calendars fetch it again)");
    assert_eq!(mine["exceptions"][0]["day"], "2026-11-30");

    // Taken back (the rain stopped), then called off again for the tests below.
    let restore = format!("/api/v1/event-series/{id}/exceptions/2026-11-30");
    assert_eq!(app.send_json(awc::http::Method::DELETE, &restore, &staff, None).await.status, StatusCode::NO_CONTENT);
    app.send_json(awc::http::Method::DELETE, &restore, &staff, None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get(&format!("/api/v1/event-series/{id}"), Some(&staff)).await.json["exceptions"], json!([]));
    app.post_json(&format!("/api/v1/event-series/{id}/exceptions"), Some(&staff), &json!({ "day": "2026-11-30", "reason": "下雨" })).await;

    // A resident sees the evenings but not who is on duty.
    let resident = app.token("resident").await;
    let seen = app.get(&format!("/api/v1/event-series/{id}/occurrences?from=2026-11-29&to=2026-12-02"), Some(&resident)).await.json;
    assert!(seen.as_array().expect("list").iter().all(|o| o["on_duty"].as_array().is_some_and(Vec::is_empty)));
    app.post_json(&format!("/api/v1/event-series/{id}/exceptions"), Some(&resident), &json!({ "day": "2026-12-01", "reason": "x" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn rules_that_are_not_a_daily_weekly_or_monthly_rrule_are_refused() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    for rule in ["FREQ=SECONDLY", "FREQ=DAILY\r\nRDATE:20270101T000000Z", "FREQ=DAILY;COUNT=abc", "nonsense"] {
        let mut body = nightly("2026-11-01", "20261231");
        body["rrule"] = json!(rule);
        let res = app.post_json("/api/v1/event-series", Some(&staff), &body).await;
        res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert!(res.body.contains("rrule"), "{rule}: {}", res.body);
    }
    let mut ancient = nightly("2026-11-01", "20261231");
    ancient["first_day"] = json!("0001-01-01");
    app.post_json("/api/v1/event-series", Some(&staff), &ancient)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let s = series(&app, &staff, nightly("2026-11-01", "20261231")).await;
    let far = format!("/api/v1/event-series/{}/occurrences?from=9999-01-01", s["id"].as_str().expect("id"));
    app.get(&far, Some(&staff)).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut late = nightly("2026-11-01", "20261231");
    late["ends_local"] = json!("19:00:00");
    app.post_json("/api/v1/event-series", Some(&staff), &late).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

#[actix_web::test]
async fn the_public_calendar_carries_the_series_rule_and_its_exceptions_and_nothing_personal() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let s = series(&app, &staff, nightly("2026-11-01", "20261231")).await;
    let id = s["id"].as_str().expect("id");
    app.post_json(&format!("/api/v1/event-series/{id}/exceptions"), Some(&staff), &json!({ "day": "2026-12-01", "reason": "下雨" })).await;
    let community = app.get("/api/v1/me", Some(&staff)).await.json["community"]["id"].as_str().expect("community").to_owned();
    let mut res = app.client.get(app.url(&format!("/api/v1/calendar/public/{community}.ics"))).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let body = String::from_utf8_lossy(&res.body().limit(4 << 20).await.expect("body")).into_owned();
    let parsed: Calendar = body.parse().expect("a standard parser reads the public calendar");
    let entries: Vec<_> =
        parsed.components.iter().filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None }).collect();
    let square = entries.iter().find(|e| e.get_uid() == Some(&format!("series-{id}@xingguang"))).expect("the series is one entry");
    assert_eq!(square.property_value("RRULE"), Some("FREQ=DAILY;UNTIL=20261231T235959Z"));
    // EXDATE may repeat, so the parser keeps it apart from the single-valued properties.
    let exdates: Vec<&str> = square.multi_properties().get("EXDATE").map(|v| v.iter().map(|p| p.value()).collect()).unwrap_or_default();
    assert_eq!(exdates, ["20261201T193000"], "{body}");
    assert_eq!(square.property_value("DTSTART"), Some("20261101T193000"));
    assert!(square.property_value("SEQUENCE").is_some_and(|v| v == "2"));
    // Lectures are there; no resident's name is.
    assert!(entries.iter().any(|e| e.get_summary().is_some_and(|s| s.contains("讲座"))));
    assert!(!body.contains("张秀英"), "no registrant's name in the public calendar");
    assert!(!entries.iter().any(|e| e.get_summary().is_some_and(|s| s.contains("党员"))), "Party-only events are not public");
    let mut missing =
        app.client.get(app.url(&format!("/api/v1/calendar/public/{}.ics", uuid::Uuid::new_v4()))).send().await.expect("request");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let _ = missing.body().await;
}

#[actix_web::test]
async fn a_partner_sees_what_its_venue_hosts_and_nobody_who_comes() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let partner = app.token("partner").await;
    let pledges = app.get("/api/v1/pledges?limit=50", Some(&partner)).await.json;
    let venue =
        pledges["items"].as_array().expect("items").iter().find(|p| p["support"]["kind"] == "venue").expect("the bank's venue pledge")
            ["id"]
            .clone();
    let mut body = nightly("2026-11-01", "20261231");
    body["venue_pledge_id"] = venue.clone();
    let s = series(&app, &staff, body).await;
    let starts = Utc::now() + Duration::days(4);
    let lecture = app
        .post_json(
            "/api/v1/events",
            Some(&staff),
            &json!({ "kind": "lecture", "title": "防诈骗讲座", "place": "县工商银行门前广场", "starts_at": starts, "ends_at": starts + Duration::hours(2), "capacity": 200, "venue_pledge_id": venue }),
        )
        .await;
    assert_eq!(lecture.status, StatusCode::CREATED, "{}", lecture.body);
    let seen = app.get("/api/v1/venue-events", Some(&partner)).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
    let events = seen.json["events"].as_array().expect("events");
    assert!(events.iter().any(|e| e["id"] == lecture.json["id"] && e["expected_size"] == 200), "{}", seen.body);
    assert!(seen.json["series"].as_array().expect("series").iter().any(|x| x["id"] == s["id"]));
    assert!(!seen.body.contains("resident"), "nothing about who comes: {}", seen.body);
    app.get("/api/v1/venue-events", Some(&staff)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.get(&format!("/api/v1/events/{}/registrations", lecture.json["id"].as_str().expect("id")), Some(&partner))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn calling_an_event_off_tells_everyone_registered_in_the_app_once() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = app.token("resident").await;
    let starts = Utc::now() + Duration::days(3);
    let event = app
        .post_json(
            "/api/v1/events",
            Some(&staff),
            &json!({ "kind": "lecture", "title": "用电安全讲座", "place": "社区活动室", "starts_at": starts, "ends_at": starts + Duration::hours(2), "capacity": 50 }),
        )
        .await;
    let id = event.json["id"].as_str().expect("id");
    assert_eq!(app.post_json(&format!("/api/v1/events/{id}/registrations"), Some(&resident), &json!({})).await.status, StatusCode::CREATED);
    let before = app.get("/api/v1/notifications?unread=true", Some(&resident)).await.json["unread"].as_i64().expect("count");
    let cancelled = app.post_json(&format!("/api/v1/events/{id}/cancel"), Some(&staff), &json!({ "reason": "下雨", "version": 1 })).await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.body);
    let told = app.get("/api/v1/notifications?unread=true", Some(&resident)).await.json;
    assert_eq!(told["unread"].as_i64(), Some(before + 1));
    let notice = told["items"].as_array().expect("items").iter().find(|n| n["kind"] == "event_cancelled").expect("told").clone();
    assert!(notice["title"].as_str().is_some_and(|t| t.contains("用电安全讲座")));
    assert!(notice["body"].as_str().is_some_and(|b| b.contains("下雨")));
    assert_eq!(notice["link"], format!("/events/{id}"));
    assert_eq!(app.post_json("/api/v1/notifications/read-all", Some(&resident), &json!({})).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/notifications", Some(&resident)).await.json["unread"], 0);
}

#[actix_web::test]
async fn leaders_on_duty_tomorrow_are_reminded_once_from_nine_in_the_morning() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use xingguang_db::schema::{notifications, webhook_deliveries, webhook_events};

    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let mut conn = app.pool.get().await.expect("conn");
    let china = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    let today: NaiveDate = Utc::now().with_timezone(&china).date_naive();
    let at =
        |hour: u32| china.from_local_datetime(&today.and_hms_opt(hour, 0, 0).expect("time")).single().expect("one").with_timezone(&Utc);
    // The demo roster runs into next month: tomorrow has its pair.
    let roster = app.get(&format!("/api/v1/duty/roster?from={0}&to={0}", today + Duration::days(1)), Some(&staff)).await.json;
    let pair = roster["nights"][0]["assignments"].as_array().map_or(0, Vec::len);
    assert!(pair >= 1, "the demo roster has tomorrow: {roster}");

    assert_eq!(xingguang::duty::reminders::send_due(&mut conn, at(7)).await.expect("runs"), 0, "not before nine");
    // (The server's own loop may have sent them already: either way each leader is told once.)
    xingguang::duty::reminders::send_due(&mut conn, at(10)).await.expect("runs");
    assert_eq!(xingguang::duty::reminders::send_due(&mut conn, at(11)).await.expect("runs"), 0, "only once");
    let told: i64 =
        notifications::table.filter(notifications::kind.eq("duty_reminder")).count().get_result(&mut conn).await.expect("count");
    assert_eq!(told as usize, pair, "each leader on duty tomorrow is told");

    // The outbox holds one duty.reminder per leader, delivered to no partner.
    let events: i64 =
        webhook_events::table.filter(webhook_events::event_type.eq("duty.reminder")).count().get_result(&mut conn).await.expect("count");
    assert_eq!(events as usize, pair);
    let deliveries: i64 = webhook_deliveries::table
        .inner_join(webhook_events::table)
        .filter(webhook_events::event_type.eq("duty.reminder"))
        .count()
        .get_result(&mut conn)
        .await
        .expect("count");
    assert_eq!(deliveries, 0, "a reminder names a person: never sent to partners");
}
