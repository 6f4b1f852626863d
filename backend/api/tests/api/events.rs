//! Events: registration with a capacity and a waiting list (exact under contention), household
//! registration, check-in by personal code, and who may do what.

use awc::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::TestApp;

async fn publish(app: &TestApp, staff: &str, capacity: i64) -> String {
    let starts = Utc::now() + Duration::days(3);
    let body = json!({ "kind": "lecture", "title": "防诈骗讲座", "place": "社区活动室", "starts_at": starts, "ends_at": starts + Duration::hours(2), "capacity": capacity });
    let res = app.post_json("/api/v1/events", Some(staff), &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json["id"].as_str().expect("id").to_owned()
}

/// Residents of the demo registry, as staff see them.
async fn residents(app: &TestApp, staff: &str, n: usize) -> Vec<String> {
    let list = app.get(&format!("/api/v1/residents?limit={n}"), Some(staff)).await;
    list.json["items"].as_array().expect("items").iter().map(|r| r["id"].as_str().expect("id").to_owned()).collect()
}

async fn event(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(&format!("/api/v1/events/{id}"), Some(token)).await.json
}

#[actix_web::test]
async fn a_full_event_keeps_a_waiting_list_that_moves_up_on_a_cancellation() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let id = publish(&app, &staff, 2).await;
    let people = residents(&app, &staff, 3).await;
    let mut registrations = Vec::new();
    for person in &people {
        let res = app.post_json(&format!("/api/v1/events/{id}/registrations"), Some(&staff), &json!({ "resident_id": person })).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        registrations.push(res.json.clone());
    }
    let statuses: Vec<&str> = registrations.iter().map(|r| r["status"].as_str().expect("status")).collect();
    assert_eq!(statuses, ["registered", "registered", "waitlisted"]);
    assert_eq!(event(&app, &staff, &id).await["places_left"], 0);
    app.post_json(&format!("/api/v1/events/{id}/registrations"), Some(&staff), &json!({ "resident_id": people[0] }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");

    let first = registrations[0]["id"].as_str().expect("id");
    let cancelled = app.send_json(Method::DELETE, &format!("/api/v1/events/{id}/registrations/{first}"), &staff, None).await;
    assert_eq!(cancelled.status, StatusCode::NO_CONTENT, "{}", cancelled.body);
    let list = app.get(&format!("/api/v1/events/{id}/registrations"), Some(&staff)).await.json;
    let third = list.as_array().expect("list").iter().find(|r| r["resident_id"] == people[2].as_str()).expect("the third");
    assert_eq!(third["status"], "registered", "the waiting list moved up");
    let counts = event(&app, &staff, &id).await;
    assert_eq!((counts["registered"].as_i64(), counts["waitlisted"].as_i64()), (Some(2), Some(0)));
}

#[actix_web::test]
async fn fifty_residents_at_once_for_the_last_place_and_exactly_one_gets_it() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let id = publish(&app, &staff, 1).await;
    let people = residents(&app, &staff, 50).await;
    assert_eq!(people.len(), 50);
    let path = format!("/api/v1/events/{id}/registrations");
    let bodies: Vec<Value> = people.iter().map(|p| json!({ "resident_id": p })).collect();
    let answers = futures_util::future::join_all(bodies.iter().map(|b| app.post_json(&path, Some(&staff), b))).await;
    assert!(answers.iter().all(|a| a.status == StatusCode::CREATED), "{:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());
    let placed = answers.iter().filter(|a| a.json["status"] == "registered").count();
    assert_eq!(placed, 1, "exactly one gets the last place");
    let counts = event(&app, &staff, &id).await;
    assert_eq!((counts["registered"].as_i64(), counts["waitlisted"].as_i64()), (Some(1), Some(49)));
}

#[actix_web::test]
async fn a_resident_registers_their_household_and_is_checked_in_by_the_code_on_their_phone() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let id = publish(&app, &staff, 100).await;
    let resident = app.token("resident").await;
    let me = app.post_json(&format!("/api/v1/events/{id}/registrations"), Some(&resident), &json!({})).await;
    assert_eq!(me.status, StatusCode::CREATED, "{}", me.body);
    assert_eq!(me.json["resident_name"], "张秀英");
    // Someone of another household is out of reach.
    let household = app.get("/api/v1/me", Some(&resident)).await.json["household_id"].clone();
    let all = app.get("/api/v1/residents?limit=200", Some(&staff)).await.json;
    let stranger = all["items"].as_array().expect("items").iter().find(|r| r["household_id"] != household).expect("another household");
    app.post_json(&format!("/api/v1/events/{id}/registrations"), Some(&resident), &json!({ "resident_id": stranger["id"] }))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let mine = app.get(&format!("/api/v1/events/{id}/registrations"), Some(&resident)).await.json;
    assert_eq!(mine.as_array().expect("list").len(), 1, "a resident sees only their household's registrations");

    // At the door: the code from the phone, read by a leader (any resident of the community).
    let code = app.get("/api/v1/events/check-in-code", Some(&resident)).await.json["code"].as_str().expect("code").to_owned();
    let leader = app.token("leader02").await;
    let checked = app.post_json(&format!("/api/v1/events/{id}/check-in"), Some(&leader), &json!({ "code": code })).await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    assert_eq!((checked.json["status"].as_str(), checked.json["walk_in"].as_bool()), (Some("attended"), Some(false)));
    app.post_json(&format!("/api/v1/events/{id}/check-in"), Some(&leader), &json!({ "code": code }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");
    // A made-up code is refused; someone unregistered who comes is a walk-in.
    let forged = format!("{}0", &code[..code.len() - 1]);
    app.post_json(&format!("/api/v1/events/{id}/check-in"), Some(&leader), &json!({ "code": forged }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let walk_in = app.post_json(&format!("/api/v1/events/{id}/check-in"), Some(&staff), &json!({ "resident_id": stranger["id"] })).await;
    assert_eq!(walk_in.json["walk_in"], true, "{}", walk_in.body);
    assert_eq!(event(&app, &staff, &id).await["attended"], 2);
    // By name, a leader reaches only their own group.
    let outside =
        app.post_json(&format!("/api/v1/events/{id}/check-in"), Some(&leader), &json!({ "resident_id": me.json["resident_id"] })).await;
    outside.assert_problem(StatusCode::NOT_FOUND, "not_found");
    resident_cannot_check_in(&app, &resident, &id).await;
}

async fn resident_cannot_check_in(app: &TestApp, resident: &str, id: &str) {
    app.post_json(&format!("/api/v1/events/{id}/check-in"), Some(resident), &json!({ "code": "x" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn a_called_off_event_takes_nobody_and_only_staff_publish() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let id = publish(&app, &staff, 10).await;
    let cancelled = app.post_json(&format!("/api/v1/events/{id}/cancel"), Some(&staff), &json!({ "reason": "下雨", "version": 1 })).await;
    assert_eq!(cancelled.json["status"], "cancelled", "{}", cancelled.body);
    let resident = app.token("resident").await;
    app.post_json(&format!("/api/v1/events/{id}/registrations"), Some(&resident), &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let leader = app.token("leader").await;
    let body = json!({ "kind": "meeting", "title": "x", "place": "y", "starts_at": Utc::now() + Duration::days(1), "ends_at": Utc::now() + Duration::days(2) });
    app.post_json("/api/v1/events", Some(&leader), &body).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let partner = app.token("partner").await;
    app.get("/api/v1/events", Some(&partner)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let past = json!({ "kind": "meeting", "title": "x", "place": "y", "starts_at": Utc::now() - Duration::days(2), "ends_at": Utc::now() - Duration::days(3) });
    let refused = app.post_json("/api/v1/events", Some(&staff), &past).await;
    refused.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(refused.body.contains("starts_at") && refused.body.contains("ends_at"), "{}", refused.body);
    // The demo: three lectures this year with 300+ people in all.
    let year = app
        .get(
            &format!("/api/v1/events?from={}&to={}", (Utc::now() - Duration::days(300)).to_rfc3339(), Utc::now().to_rfc3339())
                .replace('+', "%2B"),
            Some(&staff),
        )
        .await;
    assert_eq!(year.status, StatusCode::OK, "{}", year.body);
    assert!(year.json.as_array().expect("list").iter().filter(|e| e["kind"] == "lecture").count() >= 3);
}
