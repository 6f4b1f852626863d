//! Assistance cases: a 低保 case through every level (deadlines in working days, the home
//! survey, the 公示 with an objection, the decision), refused moves, who sees what (leaders,
//! families, the assignee's finances, supervisors' conflicts), procedures revised as data, and
//! the holiday calendar the deadlines are counted on.

use awc::http::{Method, StatusCode};
use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};

use crate::helpers::{wuyi_id, TestApp};

fn today() -> NaiveDate {
    xingguang::common::clock::Clock::system().today()
}

fn day(offset: i64) -> String {
    (today() + Duration::days(offset)).to_string()
}

/// A new resident, in a household other than the demo resident's.
async fn new_resident(app: &TestApp, staff: &str, birth: &str, seq: u32, tags: &[&str]) -> (String, String) {
    let resident = app.token("resident").await;
    let own = app.get("/api/v1/households", Some(&resident)).await.json["items"][0]["id"].clone();
    let households = app.get("/api/v1/households?limit=5", Some(staff)).await.json;
    let household = households["items"].as_array().expect("items").iter().find(|h| h["id"] != own).expect("another household").clone();
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(staff),
            &json!({ "household_id": household["id"], "name": format!("测试{seq}"), "id_number": wuyi_id(birth, seq), "relationship": "other", "tags": tags }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    (created.json["id"].as_str().expect("id").to_owned(), household["id"].as_str().expect("id").to_owned())
}

async fn open_case(app: &TestApp, staff: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/cases", Some(staff), &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json
}

async fn act(app: &TestApp, staff: &str, case: &Value, action: &str, body: Value) -> Value {
    let id = case["id"].as_str().expect("id");
    let mut body = body;
    body["version"] = case["version"].clone();
    let res = app.post_json(&format!("/api/v1/cases/{id}/{action}"), Some(staff), &body).await;
    assert_eq!(res.status, StatusCode::OK, "{action}: {}", res.body);
    res.json
}

async fn entry(app: &TestApp, staff: &str, case: &Value, body: Value) -> Value {
    let id = case["id"].as_str().expect("id");
    let res = app.post_json(&format!("/api/v1/cases/{id}/entries"), Some(staff), &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json
}

#[actix_web::test]
async fn a_dibao_case_goes_through_every_level_with_its_deadlines_and_lawful_publicity() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let (applicant, _) = new_resident(&app, &staff, "19700312", 21, &[]).await;
    let case = open_case(
        &app,
        &staff,
        json!({ "kind": "dibao", "applicant_id": applicant, "opened_on": day(-40), "on_behalf": true, "mandate_on_file": true }),
    )
    .await;
    assert_eq!(case["status"], "open");
    assert_eq!(case["steps"].as_array().map(Vec::len), Some(6));
    assert_eq!(case["steps"][0]["state"], "current");
    assert_eq!(case["steps"][5]["body"], "县民政局");
    assert_eq!(case["steps"][5]["days"], 5);
    assert_eq!(case["approving_body"], "县民政局");
    assert_eq!(case["revision"], 1);

    // 受理: 3 working days from its start.
    let case = act(&app, &staff, &case, "advance", json!({ "on": day(-38) })).await;
    let accept = &case["steps"][1];
    assert_eq!(accept["started_on"], day(-38));
    let started = NaiveDate::parse_from_str(&day(-38), "%Y-%m-%d").expect("date");
    let due = NaiveDate::parse_from_str(accept["due_on"].as_str().expect("due"), "%Y-%m-%d").expect("date");
    assert!(due - started >= Duration::days(3), "3 working days are at least 3 days: {accept}");
    let case = act(&app, &staff, &case, "advance", json!({ "on": day(-37) })).await;
    assert_eq!(case["step_name"], case["steps"][2]["name"]);

    // The survey step cannot end without a survey of two surveyors signed by the family.
    let id = case["id"].as_str().expect("id").to_owned();
    app.post_json(&format!("/api/v1/cases/{id}/advance"), Some(&staff), &json!({ "version": case["version"], "on": day(-36) }))
        .await
        .assert_problem(StatusCode::CONFLICT, "step_incomplete");
    app.post_json(
        &format!("/api/v1/cases/{id}/entries"),
        Some(&staff),
        &json!({ "kind": "survey", "body": "入户调查", "surveyors": ["王丽"], "family_signed": true }),
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    entry(&app, &staff, &case, json!({ "kind": "survey", "body": "入户调查，核实收入", "surveyors": ["王丽", "街道 周敏"], "family_signed": true, "occurred_on": day(-36) })).await;
    let case = app.get(&format!("/api/v1/cases/{id}"), Some(&staff)).await.json;
    let case = act(&app, &staff, &case, "advance", json!({ "on": day(-35) })).await;
    // 初审: 15 working days counted from the acceptance, not from its own start.
    let first_review = &case["steps"][3];
    let due = NaiveDate::parse_from_str(first_review["due_on"].as_str().expect("due"), "%Y-%m-%d").expect("date");
    assert!(due - started >= Duration::days(15) && due - started <= Duration::days(30), "{first_review}");
    assert_eq!(first_review["counted_from"], "accept");

    // The 公示 can be printed once reached; it carries only name, household size and amount.
    app.get(&format!("/api/v1/cases/{id}/publicity"), Some(&staff)).await.assert_problem(StatusCode::CONFLICT, "step_incomplete");
    let case = act(&app, &staff, &case, "advance", json!({ "on": day(-20) })).await;
    assert!(case["publicity_available"].as_bool().expect("bool"));
    let updated = app
        .send_json(
            Method::PUT,
            &format!("/api/v1/cases/{id}"),
            &staff,
            Some(&json!({ "version": case["version"], "amount_fen": 86000, "payment": "monthly" })),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    let notice = app.get(&format!("/api/v1/cases/{id}/publicity"), Some(&staff)).await;
    assert_eq!(notice.status, StatusCode::OK, "{}", notice.body);
    let mut keys: Vec<&str> = notice.json.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "amount_fen",
            "applicant_name",
            "community",
            "household_size",
            "kind_name",
            "monthly",
            "objections_to",
            "posted_from",
            "posted_until"
        ]
    );
    assert_eq!(notice.json["applicant_name"], "测试21");
    assert_eq!(notice.json["amount_fen"], 86000);
    assert_eq!(notice.json["posted_from"], day(-20));
    assert_eq!(notice.json["posted_until"], day(-13));
    assert!(notice.json["household_size"].as_i64().is_some_and(|n| n >= 1));
    assert!(!notice.body.contains("330723"), "no ID number on a 公示: {}", notice.body);

    // The 公示 runs its 7 days; an objection calls for 民主评议 before it ends.
    let case = updated.json;
    app.post_json(&format!("/api/v1/cases/{id}/advance"), Some(&staff), &json!({ "version": case["version"], "on": day(-15) }))
        .await
        .assert_problem(StatusCode::CONFLICT, "step_incomplete");
    entry(&app, &staff, &case, json!({ "kind": "objection", "body": "邻居反映有经营收入", "occurred_on": day(-18) })).await;
    app.post_json(&format!("/api/v1/cases/{id}/advance"), Some(&staff), &json!({ "version": case["version"], "on": day(-13) }))
        .await
        .assert_problem(StatusCode::CONFLICT, "step_incomplete");
    entry(&app, &staff, &case, json!({ "kind": "deliberation", "body": "民主评议：情况属实", "occurred_on": day(-16) })).await;
    // Approving before the decision step is refused.
    app.post_json(
        &format!("/api/v1/cases/{id}/approve"),
        Some(&staff),
        &json!({ "version": case["version"], "amount_fen": 86000, "payment": "monthly" }),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let case = act(&app, &staff, &case, "advance", json!({ "on": day(-13) })).await;
    assert_eq!(case["steps"][5]["state"], "current");
    // The decision step is left by a decision, not by advancing.
    app.post_json(&format!("/api/v1/cases/{id}/advance"), Some(&staff), &json!({ "version": case["version"] }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let approved =
        act(&app, &staff, &case, "approve", json!({ "amount_fen": 86000, "payment": "monthly", "note": "县民政局审核确认" })).await;
    assert_eq!(approved["status"], "approved");
    let decided = today();
    let next_month = NaiveDate::from_ymd_opt(decided.year() + i32::from(decided.month() == 12), decided.month() % 12 + 1, 1).expect("date");
    assert_eq!(approved["payment_from"], next_month.to_string(), "paid from the month after approval");
    assert_eq!(approved["next_review_on"], (decided + chrono::Months::new(12)).to_string());
    assert!(approved["step_due_on"].is_null());
    // A decided case moves no further but to the end of payment, with a reason.
    app.post_json(&format!("/api/v1/cases/{id}/refuse"), Some(&staff), &json!({ "version": approved["version"], "note": "x" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    app.post_json(&format!("/api/v1/cases/{id}/close"), Some(&staff), &json!({ "version": approved["version"] }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let history: Vec<String> =
        approved["history"].as_array().expect("history").iter().map(|h| h["action"].as_str().expect("action").to_owned()).collect();
    assert_eq!(history, ["open", "advance", "advance", "advance", "advance", "advance", "approve"]);
    // A review moves the next review date.
    let reviewed = entry(&app, &staff, &approved, json!({ "kind": "review", "body": "年度复核：情况未变" })).await;
    assert_eq!(reviewed["next_review_on"], (decided + chrono::Months::new(12)).to_string());
}

#[actix_web::test]
async fn families_leaders_and_other_roles_see_only_what_they_may() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = app.token("resident").await;
    let leader = app.token("leader").await;
    let partner = app.token("partner").await;

    // The demo resident's household has a 医疗救助 case: the family sees it, without internals.
    let mine = app.get("/api/v1/cases", Some(&resident)).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    let items = mine.json["items"].as_array().expect("items").clone();
    assert!(!items.is_empty(), "the demo family has a case");
    assert!(items.iter().all(|c| c["assignee_name"].is_null() && c["conflict"] == false));
    let id = items[0]["id"].as_str().expect("id");
    let staff_view = app.get(&format!("/api/v1/cases/{id}"), Some(&staff)).await.json;
    entry(&app, &staff, &staff_view, json!({ "kind": "note", "body": "内部备注：家属情绪不稳定" })).await;
    entry(&app, &staff, &staff_view, json!({ "kind": "note", "body": "材料已转交街道", "internal": false })).await;
    let family_view = app.get(&format!("/api/v1/cases/{id}"), Some(&resident)).await;
    assert_eq!(family_view.status, StatusCode::OK, "{}", family_view.body);
    assert!(!family_view.body.contains("内部备注"), "no internal notes for the family");
    assert!(family_view.body.contains("材料已转交街道"));
    assert!(family_view.json["summary_text"].is_null() && family_view.json["assignee_id"].is_null());
    assert_eq!(family_view.json["actions"], json!([]));

    // Another household's case is out of the family's reach; leaders see only shared cases, in lists.
    let (other, _) = new_resident(&app, &staff, "19650101", 31, &[]).await;
    let case = open_case(&app, &staff, json!({ "kind": "hardship", "applicant_id": other })).await;
    let other_id = case["id"].as_str().expect("id");
    app.get(&format!("/api/v1/cases/{other_id}"), Some(&resident)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/api/v1/cases/{other_id}"), Some(&leader)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let leader_list = app.get("/api/v1/cases", Some(&leader)).await.json;
    let shared = leader_list["items"].as_array().expect("items");
    assert!(shared.iter().all(|c| c["id"] != other_id));
    // The demo case shared with group 1's leader: kind and state, no assignee.
    assert!(!shared.is_empty() && shared.iter().all(|c| c["group_number"] == 1 && c["assignee_name"].is_null()), "{leader_list}");
    app.get("/api/v1/cases?assignee_id=00000000-0000-0000-0000-000000000000", Some(&leader))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.get("/api/v1/cases", Some(&partner)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    for token in [&resident, &leader, &partner] {
        app.post_json("/api/v1/cases", Some(token), &json!({ "kind": "hardship", "applicant_id": other }))
            .await
            .assert_problem(StatusCode::FORBIDDEN, "forbidden");
        app.post_json(&format!("/api/v1/cases/{other_id}/solve"), Some(token), &json!({ "version": 1 }))
            .await
            .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }
    // Nothing financial or internal in any list.
    let staff_list = app.get("/api/v1/cases?limit=200", Some(&staff)).await;
    assert!(!staff_list.body.contains("monthly_income") && !staff_list.body.contains("assets_note"));
}

#[actix_web::test]
async fn finances_are_read_by_the_assignee_and_supervisors_only_and_every_read_is_audited() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let director = app.token("director").await;
    let (applicant, _) = new_resident(&app, &staff, "19720506", 41, &[]).await;
    let mine = open_case(&app, &staff, json!({ "kind": "dibao", "applicant_id": applicant })).await;
    let id = mine["id"].as_str().expect("id");
    assert_eq!(mine["can_see_finances"], true);
    let saved = app
        .send_json(
            Method::PUT,
            &format!("/api/v1/cases/{id}/finances"),
            &staff,
            Some(&json!({ "version": mine["version"], "monthly_income_fen": 52000, "assets_note": "无车" })),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    app.get(&format!("/api/v1/cases/{id}/finances?reason=x"), Some(&staff))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let read =
        app.get(&format!("/api/v1/cases/{id}/finances?reason=%E5%88%9D%E5%AE%A1%E6%A0%B8%E5%AF%B9%E6%94%B6%E5%85%A5"), Some(&staff)).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    assert_eq!(read.json["monthly_income_fen"], 52000);
    let reads = app.audit_actions("case.finances_read").await;
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0]["detail"]["reason"], "初审核对收入");

    // Colleagues to assign to: staff (the director a supervisor) and leaders; not for leaders.
    let colleagues = app.get("/api/v1/colleagues", Some(&staff)).await.json;
    let colleagues = colleagues.as_array().expect("list");
    assert!(colleagues.iter().any(|c| c["display_name"].as_str().is_some_and(|n| n.contains("陈建华")) && c["supervisor"] == true));
    assert_eq!(colleagues[0]["role"], "staff", "staff first");
    assert!(colleagues.iter().all(|c| c["role"] == "staff" || c["role"] == "group_leader"));
    assert_eq!(app.get("/api/v1/me", Some(&director)).await.json["supervisor"], true);
    let leader = app.token("leader").await;
    app.get("/api/v1/colleagues", Some(&leader)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    // A case assigned to the director: 王丽 (not a supervisor) may not read it; the director may.
    let (other, _) = new_resident(&app, &staff, "19720507", 43, &[]).await;
    let me = app.get("/api/v1/me", Some(&director)).await.json;
    let theirs = open_case(&app, &staff, json!({ "kind": "dibao", "applicant_id": other, "assignee_id": me["id"] })).await;
    let theirs_id = theirs["id"].as_str().expect("id");
    assert_eq!(theirs["can_see_finances"], false);
    app.get(&format!("/api/v1/cases/{theirs_id}/finances?reason=%E6%A0%B8%E5%AF%B9%E6%94%B6%E5%85%A5"), Some(&staff))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let by_director = app.get(&format!("/api/v1/cases/{id}/finances?reason=%E4%B8%BB%E4%BB%BB%E6%8A%BD%E6%9F%A5"), Some(&director)).await;
    assert_eq!(by_director.status, StatusCode::OK, "a supervisor reads any case: {}", by_director.body);
    assert_eq!(app.audit_actions("case.finances_read").await.len(), 2);

    // A conflict of interest: the related staff member may not handle the case; supervisors see it.
    let staff_me = app.get("/api/v1/me", Some(&staff)).await.json;
    let current = app.get(&format!("/api/v1/cases/{id}"), Some(&staff)).await.json;
    app.send_json(
        Method::PUT,
        &format!("/api/v1/cases/{id}"),
        &staff,
        Some(&json!({ "version": current["version"], "conflict_user_id": staff_me["id"], "conflict_note": "申请人系其表姐" })),
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let moved = app
        .send_json(
            Method::PUT,
            &format!("/api/v1/cases/{id}"),
            &staff,
            Some(&json!({ "version": current["version"], "assignee_id": me["id"], "conflict_user_id": staff_me["id"], "conflict_note": "申请人系其表姐" })),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert!(moved.json["conflict_user_id"].is_null(), "not shown to a non-supervisor");
    assert_eq!(moved.json["conflict"], true);
    let supervised = app.get(&format!("/api/v1/cases/{id}"), Some(&director)).await.json;
    assert_eq!(supervised["conflict_user_id"], staff_me["id"]);
    assert_eq!(supervised["conflict_note"], "申请人系其表姐");
    // The director was told the case is theirs now.
    let told = app.get("/api/v1/notifications", Some(&director)).await.json;
    assert!(told["items"].as_array().expect("items").iter().any(|n| n["kind"] == "case_assigned"), "{told}");
}

#[actix_web::test]
async fn reemployment_is_solved_with_a_placement_and_kinds_without_a_decision_cannot_be_approved() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    // A 47-year-old woman: 就业困难人员 as older unemployed under the 2025 rule (45+).
    let birth = format!("{}0101", today().year() - 47);
    let (applicant, _) = new_resident(&app, &staff, &birth, 52, &[]).await;
    let case = open_case(&app, &staff, json!({ "kind": "reemployment", "applicant_id": applicant, "zero_employment": false })).await;
    assert_eq!(case["employment_category"], "older_unemployed");
    let id = case["id"].as_str().expect("id");
    app.post_json(
        &format!("/api/v1/cases/{id}/approve"),
        Some(&staff),
        &json!({ "version": case["version"], "amount_fen": 100, "payment": "one_off" }),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let case = act(&app, &staff, &case, "advance", json!({})).await;
    app.post_json(&format!("/api/v1/cases/{id}/advance"), Some(&staff), &json!({ "version": case["version"] }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    app.post_json(&format!("/api/v1/cases/{id}/solve"), Some(&staff), &json!({ "version": case["version"] }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let solved = act(&app, &staff, &case, "solve", json!({ "placement": "社区公益性岗位" })).await;
    assert_eq!(solved["status"], "solved");
    assert_eq!(solved["placed_on"], today().to_string());
    // A retired person is not helped back into work; disability help needs a certificate.
    let (old, _) = new_resident(&app, &staff, "19500101", 53, &[]).await;
    app.post_json("/api/v1/cases", Some(&staff), &json!({ "kind": "reemployment", "applicant_id": old }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post_json("/api/v1/cases", Some(&staff), &json!({ "kind": "disability_loan", "applicant_id": old }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post_json("/api/v1/cases", Some(&staff), &json!({ "kind": "hardship", "applicant_id": old, "opened_on": day(1) }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

#[actix_web::test]
async fn a_revised_procedure_applies_to_new_cases_and_a_holiday_moves_a_deadline() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let types = app.get("/api/v1/case-types", Some(&staff)).await;
    assert_eq!(types.status, StatusCode::OK, "{}", types.body);
    let hardship = types.json.as_array().expect("list").iter().find(|t| t["kind"] == "hardship").expect("hardship").clone();
    let (applicant, _) = new_resident(&app, &staff, "19800808", 61, &[]).await;
    let before = open_case(&app, &staff, json!({ "kind": "hardship", "applicant_id": applicant })).await;

    let mut bad = hardship["definition"].clone();
    bad["steps"][1]["counted_from"] = json!("nowhere");
    app.send_json(
        Method::PUT,
        "/api/v1/case-types/hardship",
        &staff,
        Some(&json!({ "name": "解难题", "approving_body": "社区", "definition": bad })),
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut definition = hardship["definition"].clone();
    definition["steps"][0]["days"] = json!(1);
    let revised = app
        .send_json(
            Method::PUT,
            "/api/v1/case-types/hardship",
            &staff,
            Some(&json!({ "name": "解难题", "approving_body": "社区居委会", "definition": definition })),
        )
        .await;
    assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);
    assert_eq!(revised.json["revision"], 2);
    let leader = app.token("leader").await;
    app.send_json(
        Method::PUT,
        "/api/v1/case-types/hardship",
        &leader,
        Some(&json!({ "name": "x", "approving_body": "", "definition": definition })),
    )
    .await
    .assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let after = open_case(&app, &staff, json!({ "kind": "hardship", "applicant_id": applicant })).await;
    assert_eq!(app.get(&format!("/api/v1/cases/{}", before["id"].as_str().expect("id")), Some(&staff)).await.json["revision"], 1);
    assert_eq!(after["revision"], 2);
    assert_eq!(after["steps"][0]["days"], 1);

    // One working day from today; declare that day a holiday and a new case is due a day later.
    let due = after["steps"][0]["due_on"].as_str().expect("due").to_owned();
    let put = app
        .send_json(Method::PUT, &format!("/api/v1/work-calendar/{due}"), &staff, Some(&json!({ "kind": "holiday", "name": "测试假日" })))
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let later = open_case(&app, &staff, json!({ "kind": "hardship", "applicant_id": applicant })).await;
    let later_due = later["steps"][0]["due_on"].as_str().expect("due");
    assert!(later_due > due.as_str(), "{later_due} after {due}");
    let year: i32 = due[..4].parse().expect("year");
    let calendar = app.get(&format!("/api/v1/work-calendar?year={year}"), Some(&staff)).await.json;
    assert!(calendar["days"].as_array().expect("days").iter().any(|d| d["day"] == due.as_str() && d["kind"] == "holiday"));
    app.send_json(Method::PUT, &format!("/api/v1/work-calendar/{due}"), &leader, Some(&json!({ "kind": "holiday", "name": "x" })))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.send_json(Method::DELETE, &format!("/api/v1/work-calendar/{due}"), &staff, None).await.status, StatusCode::NO_CONTENT);
    app.send_json(Method::DELETE, &format!("/api/v1/work-calendar/{due}"), &staff, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    // 2026's arrangement is entered: National Day is off, the Saturday after is worked.
    let y2026 = app.get("/api/v1/work-calendar?year=2026", Some(&staff)).await.json;
    let days = y2026["days"].as_array().expect("days");
    assert!(days.iter().any(|d| d["day"] == "2026-10-01" && d["kind"] == "holiday"));
    assert!(days.iter().any(|d| d["day"] == "2026-10-10" && d["kind"] == "workday"));
}

#[actix_web::test]
async fn the_family_is_told_when_its_case_moves_and_the_list_puts_overdue_first() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = app.token("resident").await;
    let mine = app.get("/api/v1/cases", Some(&resident)).await.json;
    let id = mine["items"][0]["id"].as_str().expect("id").to_owned();
    let case = app.get(&format!("/api/v1/cases/{id}"), Some(&staff)).await.json;
    act(&app, &staff, &case, "advance", json!({})).await;
    let told = app.get("/api/v1/notifications", Some(&resident)).await.json;
    let item = told["items"].as_array().expect("items").iter().find(|n| n["kind"] == "case_update").expect("told").clone();
    assert_eq!(item["link"], format!("/my/cases/{id}"));

    // An overdue case comes first, flagged, with negative working days left.
    let (applicant, _) = new_resident(&app, &staff, "19660606", 71, &[]).await;
    open_case(&app, &staff, json!({ "kind": "hardship", "applicant_id": applicant, "opened_on": day(-30) })).await;
    let list = app.get("/api/v1/cases?status=open&limit=200", Some(&staff)).await.json;
    let items = list["items"].as_array().expect("items");
    assert_eq!(items[0]["overdue"], true, "{}", items[0]);
    assert!(items[0]["working_days_left"].as_i64().is_some_and(|n| n < 0));
    let dues: Vec<&str> = items.iter().filter_map(|c| c["step_due_on"].as_str()).collect();
    let mut sorted = dues.clone();
    sorted.sort_unstable();
    assert_eq!(dues, sorted, "by deadline");
    let overdue = app.get("/api/v1/cases?overdue=true", Some(&staff)).await.json;
    assert!(overdue["items"].as_array().expect("items").iter().all(|c| c["overdue"] == true));
}
