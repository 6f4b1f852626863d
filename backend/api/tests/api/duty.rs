//! The nightly duty roster: the demo roster, regeneration around unavailability and locked
//! nights, evening reports, the ledger, and who may do what.

use awc::http::{Method, StatusCode};
use chrono::{Datelike, Months, NaiveDate};
use serde_json::{json, Value};

use crate::helpers::TestApp;

fn today() -> NaiveDate {
    xingguang::common::clock::Clock::system().today()
}

/// The first and last night of next month.
fn next_month() -> (NaiveDate, NaiveDate) {
    let first = today().with_day(1).and_then(|d| d.checked_add_months(Months::new(1))).expect("next month");
    (first, xingguang::duty::service::end_of_month(first))
}

async fn roster(app: &TestApp, token: &str, from: NaiveDate, to: NaiveDate) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/duty/roster?from={from}&to={to}"), Some(token)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json["nights"].as_array().expect("nights").clone()
}

fn leaders_of(night: &Value) -> Vec<String> {
    night["assignments"].as_array().expect("assignments").iter().map(|a| a["leader_user_id"].as_str().expect("id").to_owned()).collect()
}

async fn user_id(app: &TestApp, token: &str) -> String {
    app.get("/api/v1/me", Some(token)).await.json["id"].as_str().expect("id").to_owned()
}

#[actix_web::test]
async fn the_demo_roster_has_two_leaders_every_night_and_records_the_evenings() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let first = today().with_day(1).and_then(|d| d.checked_sub_months(Months::new(3))).expect("three months ago");
    let (_, last) = next_month();
    let nights = roster(&app, &staff, first, last).await;
    assert_eq!(nights.len() as i64, (last - first).num_days() + 1);
    for night in &nights {
        let on = leaders_of(night);
        assert_eq!(on.len(), 2, "{night}");
        assert_ne!(on[0], on[1]);
        assert_eq!(night["short"], false, "{night}");
    }
    let past: Vec<&Value> = nights.iter().filter(|n| n["night"].as_str() < Some(today().to_string().as_str())).collect();
    assert!(past.iter().all(|n| !n["report"].is_null()), "every past evening is recorded");
    let rained = past.iter().filter(|n| n["report"]["weather_cancelled"] == true).count();
    assert_eq!(rained, 1);
    let heads: Vec<i64> = past.iter().filter_map(|n| n["report"]["headcount"].as_i64()).collect();
    let mean = heads.iter().sum::<i64>() / heads.len() as i64;
    assert!((250..=350).contains(&mean), "about 300 people a night: {mean}");

    let ledger = app.get("/api/v1/duty/ledger", Some(&staff)).await;
    assert_eq!(ledger.status, StatusCode::OK, "{}", ledger.body);
    let lines = ledger.json["lines"].as_array().expect("lines");
    assert_eq!(lines.len(), 24, "every leader has a line");
    assert_eq!(lines.iter().map(|l| l["no_shows"].as_i64().unwrap_or(0)).sum::<i64>(), 1);
    // A leader sees the nights of all, but missed duties only on their own line.
    let leader = app.token("leader").await;
    let me = user_id(&app, &leader).await;
    let seen = app.get("/api/v1/duty/ledger", Some(&leader)).await.json;
    for line in seen["lines"].as_array().expect("lines") {
        assert_eq!(line["no_shows"].is_null(), line["leader_user_id"] != me.as_str(), "{line}");
        assert!(line["served_nights"].is_i64());
    }
    // Fair: within about two heavy nights, after a rained-off night and a no-show.
    assert!(ledger.json["spread"].as_i64().expect("spread") <= 40, "{}", ledger.body);
}

#[actix_web::test]
async fn regeneration_respects_unavailability_and_keeps_locked_nights() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let leader = app.token("leader").await;
    let me = user_id(&app, &leader).await;
    let (from, to) = next_month();
    let before = roster(&app, &staff, from, to).await;
    let mine: Vec<&Value> = before.iter().filter(|n| leaders_of(n).contains(&me)).collect();
    assert!(!mine.is_empty(), "the leader has nights next month");

    // Away for the first ten days of next month.
    let away_until = from + chrono::Duration::days(9);
    let entered = app
        .post_json(
            "/api/v1/duty/unavailability",
            Some(&leader),
            &json!({ "first_day": from, "last_day": away_until, "reason": "去杭州看孙子" }),
        )
        .await;
    assert_eq!(entered.status, StatusCode::CREATED, "{}", entered.body);
    // Lock another night of the month with its pair.
    let kept = before
        .iter()
        .find(|n| !leaders_of(n).contains(&me) && n["night"].as_str() > Some(away_until.to_string().as_str()))
        .expect("a night");
    for a in kept["assignments"].as_array().expect("assignments") {
        let path = format!("/api/v1/duty/assignments/{}", a["id"].as_str().expect("id"));
        let res = app.send_json(Method::PATCH, &path, &staff, Some(&json!({ "locked": true, "version": a["version"] }))).await;
        assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.body);
    }

    let generated = app.post_json("/api/v1/duty/roster/generate", Some(&staff), &json!({ "from": from, "to": to })).await;
    assert_eq!(generated.status, StatusCode::OK, "{}", generated.body);
    assert_eq!(generated.json["short"], json!([]));
    let after = roster(&app, &staff, from, to).await;
    for night in &after {
        assert_eq!(leaders_of(night).len(), 2, "{night}");
        if night["night"].as_str() <= Some(away_until.to_string().as_str()) {
            assert!(!leaders_of(night).contains(&me), "not on duty while away: {night}");
        }
    }
    let kept_after = after.iter().find(|n| n["night"] == kept["night"]).expect("the locked night");
    assert_eq!(leaders_of(kept_after), leaders_of(kept), "a locked night stays");
    assert_eq!(app.audit_actions("duty_roster.generate").await.len(), 1);

    // The leader sees their next nights, none while away.
    let next = app.get("/api/v1/duty/my-nights", Some(&leader)).await;
    assert_eq!(next.status, StatusCode::OK, "{}", next.body);
    assert!(next.json.as_array().expect("list").iter().all(|n| n["partners"].as_array().map_or(0, Vec::len) == 1));
}

#[actix_web::test]
async fn the_pair_on_duty_records_the_evening_and_no_shows_count() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let tonight = roster(&app, &staff, today(), today()).await.pop().expect("tonight");
    let on = leaders_of(&tonight);
    // Log in as tonight's first leader: the demo leaders are `leader` and `leader02`…`leader24`.
    let ledger = app.get("/api/v1/duty/ledger", Some(&staff)).await;
    let number = ledger.json["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["leader_user_id"] == on[0].as_str())
        .and_then(|l| l["group_number"].as_i64())
        .expect("the leader's group");
    let username = if number == 1 { "leader".to_owned() } else { format!("leader{number:02}") };
    let on_duty = app.token(&username).await;
    let path = format!("/api/v1/duty/nights/{}/report", today());
    let report = json!({ "headcount": 310, "incidents": "一切正常", "no_show_user_ids": [on[1]] });
    let res = app.send_json(Method::PUT, &path, &on_duty, Some(&report)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json["report"]["headcount"], 310);
    let statuses: Vec<(&str, &str)> = res.json["assignments"]
        .as_array()
        .expect("assignments")
        .iter()
        .map(|a| (a["leader_user_id"].as_str().expect("id"), a["status"].as_str().expect("status")))
        .collect();
    assert!(statuses.contains(&(on[0].as_str(), "served")) && statuses.contains(&(on[1].as_str(), "no_show")), "{statuses:?}");

    // Someone else's night is out of reach for a leader; a future night cannot be recorded yet.
    let other = if username == "leader05" { "leader06" } else { "leader05" };
    let other_token = app.token(other).await;
    let other_id = user_id(&app, &other_token).await;
    if !on.contains(&other_id) {
        app.send_json(Method::PUT, &path, &other_token, Some(&report)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    }
    let tomorrow = format!("/api/v1/duty/nights/{}/report", today() + chrono::Duration::days(1));
    app.send_json(Method::PUT, &tomorrow, &staff, Some(&json!({})))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let bad = json!({ "headcount": -5, "no_show_user_ids": [other_id] });
    let refused = app.send_json(Method::PUT, &path, &staff, Some(&bad)).await;
    refused.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(refused.body.contains("headcount") && refused.body.contains("no_show_user_ids"), "{}", refused.body);
}

#[actix_web::test]
async fn only_staff_plan_and_leaders_keep_to_their_own() {
    let app = TestApp::spawn().await;
    let (from, to) = next_month();
    let period = json!({ "from": from, "to": to });
    for who in ["resident", "partner"] {
        let token = app.token(who).await;
        app.get("/api/v1/duty/roster", Some(&token)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }
    let leader = app.token("leader").await;
    app.post_json("/api/v1/duty/roster/generate", Some(&leader), &period).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let staff = app.token("staff").await;
    let other = user_id(&app, &app.token("leader02").await).await;
    let for_other = json!({ "leader_user_id": other, "first_day": from, "last_day": from });
    app.post_json("/api/v1/duty/unavailability", Some(&leader), &for_other).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let by_staff = app.post_json("/api/v1/duty/unavailability", Some(&staff), &for_other).await;
    assert_eq!(by_staff.status, StatusCode::CREATED, "{}", by_staff.body);
    let theirs = format!("/api/v1/duty/unavailability/{}", by_staff.json["id"].as_str().expect("id"));
    app.send_json(Method::DELETE, &theirs, &leader, None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert!(
        app.get("/api/v1/duty/unavailability", Some(&leader)).await.json.as_array().expect("list").is_empty(),
        "a leader sees only their own"
    );

    // Bad periods.
    let yesterday = today() - chrono::Duration::days(1);
    for body in [
        json!({ "from": yesterday, "to": to }),
        json!({ "from": to, "to": from }),
        json!({ "from": from, "to": from + chrono::Duration::days(400) }),
    ] {
        app.post_json("/api/v1/duty/roster/generate", Some(&staff), &body)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    }
}

#[actix_web::test]
async fn two_generations_at_once_leave_one_roster() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let (from, to) = next_month();
    let period = json!({ "from": from, "to": to });
    let (a, b) = futures_util::join!(
        app.post_json("/api/v1/duty/roster/generate", Some(&staff), &period),
        app.post_json("/api/v1/duty/roster/generate", Some(&staff), &period)
    );
    assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK), "{} {}", a.body, b.body);
    for night in roster(&app, &staff, from, to).await {
        assert_eq!(leaders_of(&night).len(), 2, "{night}");
    }
}

/// A token for the leader with this user id (demo leaders are `leader`, `leader02`…`leader24`).
async fn token_of(app: &TestApp, staff: &str, leader_id: &str) -> String {
    let ledger = app.get("/api/v1/duty/ledger", Some(staff)).await;
    let number = ledger.json["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["leader_user_id"] == leader_id)
        .and_then(|l| l["group_number"].as_i64())
        .expect("the leader's group");
    app.token(&if number == 1 { "leader".to_owned() } else { format!("leader{number:02}") }).await
}

#[actix_web::test]
async fn a_swap_goes_through_when_the_rules_hold_and_waits_for_staff_when_not() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let (from, to) = next_month();
    let nights = roster(&app, &staff, from, to).await;
    // A night in the middle of next month, its first leader offers it.
    let night = &nights[14];
    let date: NaiveDate = night["night"].as_str().expect("date").parse().expect("a date");
    let holder = leaders_of(night)[0].clone();
    let assignment = night["assignments"][0]["id"].as_str().expect("id").to_owned();
    let holder_token = token_of(&app, &staff, &holder).await;
    let offered =
        app.post_json(&format!("/api/v1/duty/assignments/{assignment}/swap"), Some(&holder_token), &json!({ "note": "家里有事" })).await;
    assert_eq!(offered.status, StatusCode::CREATED, "{}", offered.body);
    let swap = offered.json["id"].as_str().expect("id").to_owned();
    app.post_json(&format!("/api/v1/duty/assignments/{assignment}/swap"), Some(&holder_token), &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");
    app.post_json(&format!("/api/v1/duty/swaps/{swap}/take"), Some(&holder_token), &json!({ "version": 1 }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post_json(&format!("/api/v1/duty/swaps/{swap}/approve"), Some(&staff), &json!({ "version": 1 }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");

    // Someone free and rested around that night takes it: it moves at once.
    let window = roster(&app, &staff, date - chrono::Duration::days(4), date + chrono::Duration::days(4)).await;
    let busy: Vec<String> = window.iter().flat_map(leaders_of).collect();
    let ledger = app.get("/api/v1/duty/ledger", Some(&staff)).await.json;
    let lines = ledger["lines"].as_array().expect("lines");
    let free =
        lines.iter().map(|l| l["leader_user_id"].as_str().expect("id").to_owned()).find(|id| !busy.contains(id)).expect("a free leader");
    let taker = token_of(&app, &staff, &free).await;
    let taken = app.post_json(&format!("/api/v1/duty/swaps/{swap}/take"), Some(&taker), &json!({ "version": 1 })).await;
    assert_eq!(taken.status, StatusCode::OK, "{}", taken.body);
    assert_eq!(taken.json["status"], "approved", "{}", taken.body);
    let after = roster(&app, &staff, date, date).await.pop().expect("the night");
    assert!(leaders_of(&after).contains(&free) && !leaders_of(&after).contains(&holder), "{after}");
    assert!(after["assignments"].as_array().expect("list").iter().any(|a| a["source"] == "swap" && a["locked"] == true));
    let withdrawn = app.post_json(&format!("/api/v1/duty/swaps/{swap}/withdraw"), Some(&holder_token), &json!({ "version": 2 })).await;
    withdrawn.assert_problem(StatusCode::CONFLICT, "invalid_transition");

    // A leader on duty the night before takes another night: not rested, so staff decide.
    let next = &nights[20];
    let next_date: NaiveDate = next["night"].as_str().expect("date").parse().expect("a date");
    let eve = roster(&app, &staff, next_date - chrono::Duration::days(1), next_date - chrono::Duration::days(1)).await.pop().expect("eve");
    let tired = leaders_of(&eve).into_iter().find(|id| !leaders_of(next).contains(id)).expect("a leader of the eve");
    let next_holder = token_of(&app, &staff, &leaders_of(next)[0]).await;
    let next_assignment = next["assignments"][0]["id"].as_str().expect("id");
    let offer = app.post_json(&format!("/api/v1/duty/assignments/{next_assignment}/swap"), Some(&next_holder), &json!({})).await;
    let second = offer.json["id"].as_str().expect("id").to_owned();
    let tired_token = token_of(&app, &staff, &tired).await;
    let held = app.post_json(&format!("/api/v1/duty/swaps/{second}/take"), Some(&tired_token), &json!({ "version": 1 })).await;
    assert_eq!(held.json["status"], "taken", "{}", held.body);
    assert!(held.json["held_because"].as_str().is_some_and(|r| r.contains("休息")), "{}", held.body);
    app.post_json(&format!("/api/v1/duty/swaps/{second}/approve"), Some(&tired_token), &json!({ "version": 2 }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let rejected = app.post_json(&format!("/api/v1/duty/swaps/{second}/reject"), Some(&staff), &json!({ "version": 2 })).await;
    assert_eq!(rejected.json["status"], "rejected", "{}", rejected.body);
    let unchanged = roster(&app, &staff, next_date, next_date).await.pop().expect("the night");
    assert_eq!(leaders_of(&unchanged), leaders_of(next), "a rejected swap changes nothing");
    assert_eq!(app.audit_actions("duty_swap.take").await.len(), 2);
}
