//! Teams: join requests decided by staff or the team's leader and told in the app, who sees the
//! members, equipment linked to a partner's goods pledge, and events only a team (or Party
//! members) may register for.

use awc::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::TestApp;

async fn create_team(app: &TestApp, staff: &str, name: &str, leader: Option<&str>) -> Value {
    let res = app
        .post_json(
            "/api/v1/teams",
            Some(staff),
            &json!({ "name": name, "practice_schedule": "每晚 19:30 广场", "leader_resident_id": leader }),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json
}

async fn notifications(app: &TestApp, token: &str) -> Value {
    let res = app.get("/api/v1/notifications", Some(token)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json
}

fn ids(list: &Value) -> Vec<String> {
    list["items"].as_array().expect("items").iter().map(|r| r["id"].as_str().expect("id").to_owned()).collect()
}

#[actix_web::test]
async fn a_resident_asks_to_join_staff_approve_and_the_resident_is_told_in_the_app() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = app.token("resident").await;
    let team = create_team(&app, &staff, "太极拳队", None).await;
    let id = team["id"].as_str().expect("id");

    let asked = app.post_json(&format!("/api/v1/teams/{id}/members"), Some(&resident), &json!({})).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.body);
    assert_eq!(asked.json["status"], "requested");
    app.post_json(&format!("/api/v1/teams/{id}/members"), Some(&resident), &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");

    // The resident sees where their household stands, not the member list.
    let seen = app.get(&format!("/api/v1/teams/{id}"), Some(&resident)).await.json;
    assert!(seen["members"].is_null(), "{seen}");
    assert_eq!(seen["your_household"][0]["status"], "requested");
    let staff_view = app.get(&format!("/api/v1/teams/{id}"), Some(&staff)).await.json;
    assert_eq!(staff_view["members"].as_array().map(Vec::len), Some(1));

    let membership = asked.json["id"].as_str().expect("id");
    let path = format!("/api/v1/teams/{id}/members/{membership}");
    let leader = app.token("leader").await;
    app.post_json(&format!("{path}/approve"), Some(&leader), &json!({ "version": 1 }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    // The resident cannot approve themself: they do not lead the team.
    app.post_json(&format!("{path}/approve"), Some(&resident), &json!({ "version": 1 }))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let approved = app.post_json(&format!("{path}/approve"), Some(&staff), &json!({ "version": 1 })).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    assert_eq!(approved.json["status"], "member");
    app.post_json(&format!("{path}/decline"), Some(&staff), &json!({ "version": 2 }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");

    let told = notifications(&app, &resident).await;
    let item = told["items"].as_array().expect("items").iter().find(|n| n["kind"] == "team_decision").expect("told of the decision");
    assert!(item["title"].as_str().is_some_and(|t| t.contains("太极拳队")), "{item}");
    assert_eq!(item["read"], false);
    assert!(told["unread"].as_i64().is_some_and(|n| n >= 1));
    assert_eq!(
        app.get("/api/v1/teams", Some(&staff)).await.json.as_array().expect("list").iter().find(|t| t["id"] == id).expect("team")
            ["member_count"],
        1
    );

    // The member leaves on their own.
    let left = app.post_json(&format!("{path}/leave"), Some(&resident), &json!({ "version": 2 })).await;
    assert_eq!(left.json["status"], "left", "{}", left.body);
    assert!(!app.audit_actions("team_membership.approve").await.is_empty());
}

#[actix_web::test]
async fn the_team_leader_decides_requests_and_is_told_of_them() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = app.token("resident").await;
    // The demo resident (found by the name on their check-in code) leads the new team; they ask
    // for another member of their household.
    let my_name = app.get("/api/v1/events/check-in-code", Some(&resident)).await.json["resident_name"].clone();
    let household = app.get("/api/v1/residents?limit=20", Some(&resident)).await.json;
    let people = household["items"].as_array().expect("items");
    let me = people.iter().find(|r| r["name"] == my_name).expect("myself")["id"].as_str().expect("id").to_owned();
    let other = people.iter().find(|r| r["id"] != me.as_str()).expect("a household member")["id"].as_str().expect("id").to_owned();
    let team = create_team(&app, &staff, "门球队", Some(&me)).await;
    let id = team["id"].as_str().expect("id");
    let listed = app.get("/api/v1/teams", Some(&resident)).await.json;
    assert_eq!(listed.as_array().expect("list").iter().find(|t| t["id"] == id).expect("team")["you_lead"], true);

    let asked = app.post_json(&format!("/api/v1/teams/{id}/members"), Some(&resident), &json!({ "resident_id": other })).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.body);
    let told = notifications(&app, &resident).await;
    assert!(told["items"].as_array().expect("items").iter().any(|n| n["kind"] == "team_request"), "{told}");
    let seen = app.get(&format!("/api/v1/teams/{id}"), Some(&resident)).await.json;
    assert_eq!(seen["members"].as_array().map(Vec::len), Some(1), "the team's leader sees the requests");
    let membership = asked.json["id"].as_str().expect("id");
    let declined =
        app.post_json(&format!("/api/v1/teams/{id}/members/{membership}/decline"), Some(&resident), &json!({ "version": 1 })).await;
    assert_eq!(declined.json["status"], "declined", "{}", declined.body);

    // Someone outside the household is out of reach; partners see no teams.
    let household_ids: Vec<&str> = people.iter().filter_map(|r| r["id"].as_str()).collect();
    let stranger = ids(&app.get("/api/v1/residents?limit=100", Some(&staff)).await.json)
        .into_iter()
        .find(|r| !household_ids.contains(&r.as_str()))
        .expect("someone else");
    app.post_json(&format!("/api/v1/teams/{id}/members"), Some(&resident), &json!({ "resident_id": stranger }))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let partner = app.token("partner").await;
    app.get("/api/v1/teams", Some(&partner)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    // Reading marks it read; another user's notification is out of reach.
    let first = told["items"][0]["id"].as_str().expect("id");
    assert_eq!(
        app.post_json(&format!("/api/v1/notifications/{first}/read"), Some(&resident), &json!({})).await.status,
        StatusCode::NO_CONTENT
    );
    app.post_json(&format!("/api/v1/notifications/{first}/read"), Some(&staff), &json!({}))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let after = notifications(&app, &resident).await;
    assert_eq!(after["unread"].as_i64(), told["unread"].as_i64().map(|n| n - 1));
}

#[actix_web::test]
async fn equipment_links_only_an_accepted_goods_pledge() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let team = create_team(&app, &staff, "舞龙队", None).await;
    let id = team["id"].as_str().expect("id");
    let pledges = app.get("/api/v1/pledges?limit=50", Some(&staff)).await.json;
    let all = pledges["items"].as_array().expect("items");
    let goods = all.iter().find(|p| p["support"]["kind"] == "goods" && p["status"] == "accepted").expect("an accepted goods pledge");
    let venue = all.iter().find(|p| p["support"]["kind"] == "venue").expect("a venue pledge");
    let path = format!("/api/v1/teams/{id}/equipment");
    let added = app.post_json(&path, Some(&staff), &json!({ "name": "便携式音箱", "pledge_id": goods["id"] })).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    assert!(added.json["given_by"].is_string());
    let refused = app.post_json(&path, Some(&staff), &json!({ "name": "场地", "pledge_id": venue["id"] })).await;
    refused.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(refused.body.contains("pledge_id"), "{}", refused.body);
    app.post_json(&path, Some(&staff), &json!({ "name": "音响", "value_yuan": -1 }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let detail = app.get(&format!("/api/v1/teams/{id}"), Some(&staff)).await.json;
    assert_eq!(detail["equipment"].as_array().map(Vec::len), Some(1));
}

#[actix_web::test]
async fn a_team_only_event_takes_its_members_and_a_party_event_only_party_members() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let team = create_team(&app, &staff, "合唱队", None).await;
    let team_id = team["id"].as_str().expect("id");
    let people = ids(&app.get("/api/v1/residents?limit=30", Some(&staff)).await.json);
    let added = app.post_json(&format!("/api/v1/teams/{team_id}/members"), Some(&staff), &json!({ "resident_id": people[0] })).await;
    assert_eq!(added.json["status"], "member", "staff add directly: {}", added.body);

    let starts = Utc::now() + Duration::days(5);
    let publish = |audience: &'static str, team: Option<&str>| json!({ "kind": "performance", "title": "排练", "place": "社区活动室", "starts_at": starts, "ends_at": starts + Duration::hours(2), "capacity": 30, "audience": audience, "team_id": team });
    app.post_json("/api/v1/events", Some(&staff), &publish("team", None))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let rehearsal = app.post_json("/api/v1/events", Some(&staff), &publish("team", Some(team_id))).await;
    assert_eq!(rehearsal.status, StatusCode::CREATED, "{}", rehearsal.body);
    assert_eq!(rehearsal.json["audience"], "team");
    let path = format!("/api/v1/events/{}/registrations", rehearsal.json["id"].as_str().expect("id"));
    assert_eq!(app.post_json(&path, Some(&staff), &json!({ "resident_id": people[0] })).await.status, StatusCode::CREATED);
    app.post_json(&path, Some(&staff), &json!({ "resident_id": people[1] })).await.assert_problem(StatusCode::CONFLICT, "not_eligible");

    // Party members: find one and one who is not.
    let party = ids(&app.get("/api/v1/residents?tags=party_member&limit=5", Some(&staff)).await.json);
    let everyone = app.get("/api/v1/residents?limit=100", Some(&staff)).await.json;
    let not_party = everyone["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|r| !r["tags"].as_array().is_some_and(|t| t.iter().any(|t| t == "party_member")))
        .expect("someone not in the Party")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let cleanup = app.post_json("/api/v1/events", Some(&staff), &publish("party_members", None)).await;
    let path = format!("/api/v1/events/{}/registrations", cleanup.json["id"].as_str().expect("id"));
    app.post_json(&path, Some(&staff), &json!({ "resident_id": not_party })).await.assert_problem(StatusCode::CONFLICT, "not_eligible");
    if let Some(member) = party.first() {
        assert_eq!(app.post_json(&path, Some(&staff), &json!({ "resident_id": member })).await.status, StatusCode::CREATED);
    }
}

#[actix_web::test]
async fn the_largest_version_number_is_a_stale_version_not_a_crash() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let team = create_team(&app, &staff, "秧歌队", None).await;
    let path = format!("/api/v1/teams/{}", team["id"].as_str().expect("id"));
    let res = app.send_json(awc::http::Method::PUT, &path, &staff, Some(&json!({ "name": "秧歌队", "version": i32::MAX }))).await;
    res.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let ok = app.send_json(awc::http::Method::PUT, &path, &staff, Some(&json!({ "name": "秧歌队", "version": 1 }))).await;
    assert_eq!(ok.json["version"], 2, "{}", ok.body);
}
