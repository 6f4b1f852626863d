//! Private calendar feeds: a secret URL that a standard iCalendar parser reads, revocable.

use awc::http::{Method, StatusCode};
use icalendar::{Calendar, CalendarComponent, Component};

use crate::helpers::TestApp;

/// Reads a feed URL without any login, as a calendar app does.
async fn fetch(app: &TestApp, url: &str) -> (StatusCode, String, Option<String>) {
    let path = &url[url.find("/api/v1/").expect("an API path")..];
    let mut res = app.client.get(app.url(path)).send().await.expect("request");
    let body = String::from_utf8_lossy(&res.body().await.expect("body")).into_owned();
    let kind = res.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (res.status(), body, kind)
}

#[actix_web::test]
async fn a_leaders_feed_lists_their_duty_nights_and_a_standard_parser_reads_it() {
    let app = TestApp::spawn().await;
    let leader = app.token("leader").await;
    let made = app.post_json("/api/v1/calendar/feed", Some(&leader), &serde_json::json!({})).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let url = made.json["url"].as_str().expect("url").to_owned();
    assert!(made.json["webcal_url"].as_str().is_some_and(|u| u.starts_with("webcal://")));

    let (status, body, kind) = fetch(&app, &url).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(kind.is_some_and(|k| k.starts_with("text/calendar")));
    assert!(body.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai"), "{body}");
    let parsed: Calendar = body.parse().expect("a standard parser reads the feed");
    let events: Vec<_> =
        parsed.components.iter().filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None }).collect();
    let nights = app.get("/api/v1/duty/my-nights", Some(&leader)).await.json.as_array().expect("list").len();
    assert!(events.len() >= nights && nights > 0, "{} entries for {nights} upcoming nights", events.len());
    for event in &events {
        assert!(event.get_uid().is_some_and(|uid| uid.starts_with("duty-")));
        assert!(event.get_summary().is_some_and(|s| s.starts_with("广场值班")));
        assert!(event.property_value("DTSTART").is_some_and(|v| v.ends_with("T190000")), "{:?}", event.property_value("DTSTART"));
    }
    assert!(!app.get("/api/v1/calendar/feed", Some(&leader)).await.json["last_read_at"].is_null(), "the read is noted");

    // A new feed replaces the old URL; stopping it ends the new one.
    let again = app.post_json("/api/v1/calendar/feed", Some(&leader), &serde_json::json!({})).await;
    assert_eq!(fetch(&app, &url).await.0, StatusCode::NOT_FOUND);
    let second = again.json["url"].as_str().expect("url").to_owned();
    assert_eq!(fetch(&app, &second).await.0, StatusCode::OK);
    assert_eq!(app.send_json(Method::DELETE, "/api/v1/calendar/feed", &leader, None).await.status, StatusCode::NO_CONTENT);
    assert_eq!(fetch(&app, &second).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&app, "/api/v1/calendar/feeds/not-a-feed.ics").await.0, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_staff_feed_shows_the_whole_roster_and_a_rained_off_night_as_cancelled() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let made = app.post_json("/api/v1/calendar/feed", Some(&staff), &serde_json::json!({})).await;
    let (_, body, _) = fetch(&app, made.json["url"].as_str().expect("url")).await;
    let parsed: Calendar = body.parse().expect("parses");
    let cancelled = parsed
        .components
        .iter()
        .filter(|c| matches!(c, CalendarComponent::Event(e) if e.property_value("STATUS") == Some("CANCELLED")))
        .count();
    assert_eq!(cancelled, 2, "the demo's rained-off night, for both of its leaders");

    let partner = app.token("partner").await;
    app.post_json("/api/v1/calendar/feed", Some(&partner), &serde_json::json!({})).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[test]
fn the_access_log_never_shows_a_feed_secret() {
    assert_eq!(xingguang::startup::logged_path("/api/v1/calendar/feeds/s3cr3t.ics"), "/api/v1/calendar/feeds/…");
    assert_eq!(xingguang::startup::logged_path("/api/v1/residents"), "/api/v1/residents");
}
