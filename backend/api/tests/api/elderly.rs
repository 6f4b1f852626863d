//! Elderly care: age bands on birthdays and 29 February, the 优待证 from application to issue
//! (single, batch, the county's list), and festival visits generated from the registry and
//! recorded by the group's leader.

use awc::http::StatusCode;
use chrono::Datelike;
use serde_json::{json, Value};

use crate::helpers::{wuyi_id, TestApp};

/// A household of resident group `number`.
async fn household_in(app: &TestApp, staff: &str, number: i64) -> String {
    let groups = app.get("/api/v1/groups", Some(staff)).await.json;
    let group = groups["items"].as_array().or(groups.as_array()).expect("groups").iter().find(|g| g["number"] == number).expect("group")
        ["id"]
        .clone();
    let households = app.get(&format!("/api/v1/households?group_id={}", group.as_str().expect("id")), Some(staff)).await.json;
    households["items"][0]["id"].as_str().expect("household").to_owned()
}

async fn add_resident(app: &TestApp, staff: &str, household: &str, name: &str, birth: &str, seq: u32, tags: &[&str]) -> String {
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(staff),
            &json!({ "household_id": household, "name": name, "id_number": wuyi_id(birth, seq), "relationship": "other", "tags": tags }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.json["id"].as_str().expect("id").to_owned()
}

async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/elderly?limit=200&{query}"), Some(token)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json["items"].as_array().expect("items").clone()
}

async fn includes(app: &TestApp, token: &str, query: &str, id: &str) -> bool {
    listed(app, token, query).await.iter().any(|r| r["id"] == id)
}

#[actix_web::test]
async fn age_bands_turn_on_the_birthday_and_29_february_counts_from_1_march() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = household_in(&app, &staff, 2).await;
    let leap = add_resident(&app, &staff, &household, "闰年生", "19440229", 11, &[]).await;
    let sixty = add_resident(&app, &staff, &household, "六十岁", "19660510", 13, &[]).await;
    let hundred = add_resident(&app, &staff, &household, "百岁", "19260701", 15, &["living_alone"]).await;

    assert!(!includes(&app, &staff, "min_age=60&on=2026-05-09", &sixty).await);
    assert!(includes(&app, &staff, "min_age=60&on=2026-05-10", &sixty).await);
    assert!(includes(&app, &staff, "min_age=60&below_age=61&on=2027-05-09", &sixty).await);
    assert!(!includes(&app, &staff, "min_age=60&below_age=61&on=2027-05-10", &sixty).await);
    // 80 on 29 February 2024; 81 not on 28 February 2025 but on 1 March.
    assert!(includes(&app, &staff, "min_age=80&below_age=81&on=2024-02-29", &leap).await);
    assert!(!includes(&app, &staff, "min_age=81&on=2025-02-28", &leap).await);
    assert!(includes(&app, &staff, "min_age=81&on=2025-03-01", &leap).await);
    assert!(!includes(&app, &staff, "min_age=100&on=2026-06-30", &hundred).await);
    let hundreds = listed(&app, &staff, "min_age=100&on=2026-07-01").await;
    let row = hundreds.iter().find(|r| r["id"] == hundred).expect("100 on the birthday");
    assert_eq!(row["age"], 100);
    assert_eq!(row["living_alone"], true);
    assert_eq!(row["disabled"], false, "staff see the disability mark");
    // Oldest first.
    let sixties = listed(&app, &staff, "min_age=60").await;
    let births: Vec<&str> = sixties.iter().map(|r| r["birth_date"].as_str().expect("birth")).collect();
    let mut sorted = births.clone();
    sorted.sort_unstable();
    assert_eq!(births, sorted);
    app.get("/api/v1/elderly?min_age=80&below_age=70", Some(&staff))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    // A leader sees their own group's old people, never a disability; residents none.
    let leader = app.token("leader").await;
    let theirs = listed(&app, &leader, "min_age=60").await;
    assert!(theirs.iter().all(|r| r["group_number"] == 1 && r["disabled"].is_null()), "{theirs:?}");
    assert!(!theirs.iter().any(|r| r["id"] == sixty));
    let resident = app.token("resident").await;
    app.get("/api/v1/elderly", Some(&resident)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let summary = app.get("/api/v1/elderly/summary", Some(&staff)).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
    assert!(summary.json["aged_60_plus"].as_i64() >= summary.json["aged_80_plus"].as_i64());
    assert!(summary.json["aged_100_plus"].as_i64().is_some_and(|n| n >= 1));
}

#[actix_web::test]
async fn a_card_is_applied_for_at_60_issued_once_and_listed_for_the_county() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let today = xingguang::common::clock::Clock::system().today();
    let household = household_in(&app, &staff, 3).await;
    let young = add_resident(&app, &staff, &household, "未满六十", &format!("{}1231", today.year() - 59), 21, &[]).await;
    let old = add_resident(&app, &staff, &household, "满六十", &format!("{}0101", today.year() - 65), 23, &[]).await;
    // Turning 70 on 31 December of this year: in the year's batch.
    let turning = add_resident(&app, &staff, &household, "今年七十", &format!("{}1231", today.year() - 70), 25, &[]).await;

    app.post_json("/api/v1/elderly-cards", Some(&staff), &json!({ "resident_id": young }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let leader = app.token("leader").await;
    app.post_json("/api/v1/elderly-cards", Some(&leader), &json!({ "resident_id": old }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let applied = app.post_json("/api/v1/elderly-cards", Some(&staff), &json!({ "resident_id": old })).await;
    assert_eq!(applied.status, StatusCode::CREATED, "{}", applied.body);
    app.post_json("/api/v1/elderly-cards", Some(&staff), &json!({ "resident_id": old }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");

    // Issued from the list's row (its card id and version).
    let pending = listed(&app, &staff, "card=applied").await;
    let row = pending.iter().find(|r| r["id"] == old).expect("pending").clone();
    let card = row["card_id"].as_str().expect("card id");
    app.post_json(
        &format!("/api/v1/elderly-cards/{card}/issue"),
        Some(&staff),
        &json!({ "version": row["card_version"], "card_number": " " }),
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let issued = app
        .post_json(
            &format!("/api/v1/elderly-cards/{card}/issue"),
            Some(&staff),
            &json!({ "version": row["card_version"], "card_number": "浙老优2026-99999" }),
        )
        .await;
    assert_eq!(issued.status, StatusCode::OK, "{}", issued.body);
    assert_eq!(issued.json["status"], "issued");
    app.post_json(
        &format!("/api/v1/elderly-cards/{card}/issue"),
        Some(&staff),
        &json!({ "version": issued.json["version"], "card_number": "x" }),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    assert!(includes(&app, &staff, "card=issued", &old).await);

    // The batch registers the year's 70-year-old once.
    let batch = app.post_json("/api/v1/elderly-cards/batch", Some(&staff), &json!({ "ages": [60, 70] })).await;
    assert_eq!(batch.status, StatusCode::OK, "{}", batch.body);
    assert!(batch.json["created"].as_u64().is_some_and(|n| n >= 1));
    assert!(includes(&app, &staff, "card=applied&min_age=0", &turning).await);
    let again = app.post_json("/api/v1/elderly-cards/batch", Some(&staff), &json!({})).await;
    assert_eq!(again.json["created"], 0, "{}", again.body);
    app.post_json("/api/v1/elderly-cards/batch", Some(&staff), &json!({ "ages": [50] }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    // The county's list: names and cards, no ID numbers; cells safe from formulas.
    let export = app.get("/api/v1/elderly-cards/export?status=issued&format=csv", Some(&staff)).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("姓名") && export.body.contains("满六十") && export.body.contains("浙老优2026-99999"), "{}", export.body);
    assert!(!export.body.contains("330723"), "no ID numbers in the county's list");
    let summary = app.get("/api/v1/elderly/summary", Some(&staff)).await.json;
    assert!(summary["cards_issued_this_year"].as_i64().is_some_and(|n| n >= 1));
}

#[actix_web::test]
async fn a_festival_campaign_lists_the_old_and_the_cadres_and_the_leader_records_visits_in_their_group() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let today = xingguang::common::clock::Clock::system().today();
    let mine = household_in(&app, &staff, 1).await;
    let elsewhere = household_in(&app, &staff, 2).await;
    let y = today.year();
    let old = add_resident(&app, &staff, &mine, "八十五岁", &format!("{}0101", y - 86), 31, &[]).await;
    let cadre = add_resident(&app, &staff, &mine, "老组长", &format!("{}0101", y - 73), 33, &["cadre"]).await;
    let not_cadre = add_resident(&app, &staff, &mine, "七十二岁", &format!("{}0101", y - 73), 35, &[]).await;
    let other_group = add_resident(&app, &staff, &elsewhere, "他组老人", &format!("{}0101", y - 88), 37, &["disabled"]).await;

    let created = app
        .post_json("/api/v1/visit-campaigns", Some(&staff), &json!({ "name": "测试重阳节走访", "festival_on": today.to_string() }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json["id"].as_str().expect("id").to_owned();
    app.post_json("/api/v1/visit-campaigns", Some(&staff), &json!({ "name": "测试重阳节走访", "festival_on": today.to_string() }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");
    let all = app.get(&format!("/api/v1/visit-campaigns/{id}/visits"), Some(&staff)).await.json;
    let all = all.as_array().expect("list").clone();
    let find = |rid: &str| all.iter().find(|v| v["resident_id"] == rid).cloned();
    assert_eq!(find(&old).expect("80+")["reason"], "age");
    assert_eq!(find(&cadre).expect("a cadre of 70+")["reason"], "cadre");
    assert!(find(&not_cadre).is_none(), "72 and not a cadre: not on the list");
    assert_eq!(find(&other_group).expect("other group")["disabled"], true);
    // Everyone 80+ on the festival is on it.
    let eighty = listed(&app, &staff, &format!("min_age=80&on={today}")).await;
    assert!(eighty.iter().all(|r| all.iter().any(|v| v["resident_id"] == r["id"])));
    assert_eq!(created.json["total"].as_u64(), Some(all.len() as u64));

    // The leader sees and records their group only, and never a disability.
    let leader = app.token("leader").await;
    let theirs = app.get(&format!("/api/v1/visit-campaigns/{id}/visits"), Some(&leader)).await.json;
    let theirs = theirs.as_array().expect("list").clone();
    assert!(!theirs.is_empty() && theirs.iter().all(|v| v["group_number"] == 1 && v["disabled"].is_null()));
    let visit = theirs.iter().find(|v| v["resident_id"] == old).expect("in the leader's list").clone();
    let recorded = app
        .post_json(
            &format!("/api/v1/visit-campaigns/{id}/visits/{}/record", visit["id"].as_str().expect("id")),
            Some(&leader),
            &json!({ "version": visit["version"], "condition": "poor", "gift": "重阳糕", "follow_up": true }),
        )
        .await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.body);
    assert_eq!(recorded.json["visited_on"], today.to_string());
    assert!(recorded.json["visitors"].as_str().is_some_and(|v| v.contains("李建国")), "the leader by default");
    let other = find(&other_group).expect("other");
    app.post_json(
        &format!("/api/v1/visit-campaigns/{id}/visits/{}/record", other["id"].as_str().expect("id")),
        Some(&leader),
        &json!({ "version": other["version"], "condition": "good" }),
    )
    .await
    .assert_problem(StatusCode::NOT_FOUND, "not_found");
    app.post_json(
        &format!("/api/v1/visit-campaigns/{id}/visits/{}/record", visit["id"].as_str().expect("id")),
        Some(&leader),
        &json!({ "version": visit["version"], "condition": "good" }),
    )
    .await
    .assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let progress = app.get(&format!("/api/v1/visit-campaigns/{id}"), Some(&leader)).await.json;
    assert_eq!(progress["groups"].as_array().map(Vec::len), Some(1));
    assert_eq!(progress["visited"], 1);
    assert_eq!(progress["follow_ups"], 1);
    let follow = app.get(&format!("/api/v1/visit-campaigns/{id}/visits?follow_up=true"), Some(&staff)).await.json;
    assert_eq!(follow.as_array().map(Vec::len), Some(1));
    let resident = app.token("resident").await;
    app.get(&format!("/api/v1/visit-campaigns/{id}/visits"), Some(&resident)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}
