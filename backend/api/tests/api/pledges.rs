//! Needs and pledges: idempotent submission (in sequence and concurrently), isolation between
//! partners, every invalid state transition, stale updates, deliveries and progress, and what
//! residents see.

use awc::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{Response, TestApp};

/// An open need of this category, created by staff.
async fn need(app: &TestApp, category: &str, target: i64) -> String {
    let staff = app.token("staff").await;
    let res = app
        .post_json(
            "/api/v1/needs",
            Some(&staff),
            &json!({ "title": format!("测试需求 {category}"), "category": category, "target_quantity": target, "unit": "台" }),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json["id"].as_str().expect("a string in the response").to_owned()
}

fn money(need_id: &str, fen: i64) -> Value {
    json!({ "need_id": need_id, "support": { "kind": "money", "amount_fen": fen }, "note": "测试" })
}

async fn pledge(app: &TestApp, token: &str, body: &Value) -> Value {
    let key = uuid::Uuid::now_v7().to_string();
    let res = app.post_idempotent("/api/v1/pledges", token, &key, body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json
}

async fn pledge_count(app: &TestApp, token: &str) -> usize {
    app.get("/api/v1/pledges?limit=200", Some(token)).await.json["items"].as_array().map_or(0, Vec::len)
}

async fn act(app: &TestApp, token: &str, pledge: &Value, action: &str, extra: Value) -> Response {
    let mut body = json!({ "version": pledge["version"] });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let path = format!("/api/v1/pledges/{}/{action}", pledge["id"].as_str().expect("a string in the response"));
    app.post_idempotent(&path, token, &uuid::Uuid::now_v7().to_string(), &body).await
}

#[actix_web::test]
async fn the_same_idempotency_key_creates_one_pledge_in_sequence_and_refuses_a_different_body() {
    let app = TestApp::spawn().await;
    let partner = app.token("partner").await;
    let need_id = need(&app, "money", 1_000_000).await;
    let before = pledge_count(&app, &partner).await;

    let body = money(&need_id, 200_000);
    let first = app.post_idempotent("/api/v1/pledges", &partner, "order-2026-0001", &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let again = app.post_idempotent("/api/v1/pledges", &partner, "order-2026-0001", &body).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json, first.json, "the retry gets the first response");
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(pledge_count(&app, &partner).await, before + 1);

    app.post_idempotent("/api/v1/pledges", &partner, "order-2026-0001", &money(&need_id, 300_000))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused");
    app.post_json("/api/v1/pledges", Some(&partner), &body).await.assert_problem(StatusCode::BAD_REQUEST, "idempotency_key_missing");
    // An invalid request stores nothing: corrected, the same key works.
    app.post_idempotent("/api/v1/pledges", &partner, "order-2026-0002", &money(&need_id, 0))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        app.post_idempotent("/api/v1/pledges", &partner, "order-2026-0002", &money(&need_id, 100)).await.status,
        StatusCode::CREATED
    );
    assert_eq!(pledge_count(&app, &partner).await, before + 2);
}

#[actix_web::test]
async fn twenty_concurrent_requests_with_one_key_create_exactly_one_pledge() {
    let app = TestApp::spawn().await;
    let partner = app.token("partner").await;
    let need_id = need(&app, "money", 1_000_000).await;
    let before = pledge_count(&app, &partner).await;
    let body = money(&need_id, 88_800);
    let requests = (0..20).map(|_| app.post_idempotent("/api/v1/pledges", &partner, "burst-key", &body));
    let responses = futures_util::future::join_all(requests).await;
    let ids: std::collections::HashSet<String> = responses
        .iter()
        .map(|r| {
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            r.json["id"].as_str().expect("a string in the response").to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 1, "every response names the same pledge");
    assert_eq!(pledge_count(&app, &partner).await, before + 1);
    assert_eq!(responses.iter().filter(|r| r.header("idempotent-replayed").is_none()).count(), 1, "one did the work, nineteen replayed it");
}

#[actix_web::test]
async fn a_partner_cannot_see_or_change_another_partners_pledge() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let units = app.get("/api/v1/partners", Some(&staff)).await.json;
    let school =
        units.as_array().into_iter().flatten().find(|u| u["name"] == "壶山小学").expect("school")["id"].as_str().expect("an id").to_owned();
    let (client_id, secret) = app.create_client(&school).await;
    let school_token = app.client_token(&client_id, &secret).await;
    let bank = app.token("partner").await;

    let need_id = need(&app, "money", 1_000_000).await;
    let ours = pledge(&app, &bank, &money(&need_id, 10_000)).await;
    let id = ours["id"].as_str().expect("a string in the response");

    app.get(&format!("/api/v1/pledges/{id}"), Some(&school_token)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    act(&app, &school_token, &ours, "withdraw", json!({})).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let school_list = app.get("/api/v1/pledges?limit=200", Some(&school_token)).await.json;
    assert!(school_list["items"].as_array().into_iter().flatten().all(|p| p["partner_id"] == school.as_str()));
    // Asking for another partner's pledges by filter still shows only one's own.
    let bank_id = app.demo_partner_id().await;
    let filtered = app.get(&format!("/api/v1/pledges?partner_id={bank_id}"), Some(&school_token)).await.json;
    assert!(filtered["items"].as_array().into_iter().flatten().all(|p| p["partner_id"] == school.as_str()));
    // A pledge by the school's API client is the school's, and its history names the client.
    let theirs = pledge(&app, &school_token, &money(&need_id, 5_000)).await;
    assert_eq!(theirs["partner_name"], "壶山小学");
    let detail = app.get(&format!("/api/v1/pledges/{}", theirs["id"].as_str().expect("a string in the response")), Some(&staff)).await.json;
    assert!(detail["history"][0]["actor_name"].as_str().is_some_and(|n| n.contains("壶山小学") && n.contains(&client_id)));
    // Residents and leaders have no pledge endpoints.
    let resident = app.token("resident").await;
    app.get("/api/v1/pledges", Some(&resident)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.post_idempotent("/api/v1/pledges", &staff, "k", &money(&need_id, 1)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn every_invalid_transition_answers_409_and_stale_versions_412() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let partner = app.token("partner").await;
    let need_id = need(&app, "money", 10_000_000).await;

    // submitted → accepted; a second accept, a decline or a withdrawal of it is a 409.
    let p = pledge(&app, &partner, &money(&need_id, 1_000)).await;
    let stale = p.clone();
    let accepted = act(&app, &staff, &p, "accept", json!({})).await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    assert_eq!(accepted.json["status"], "accepted");
    act(&app, &staff, &accepted.json, "accept", json!({})).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    act(&app, &staff, &accepted.json, "decline", json!({ "reason": "重复" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    act(&app, &partner, &accepted.json, "withdraw", json!({})).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    // The version it was loaded at is stale now — but the state rule is checked first.
    act(&app, &staff, &stale, "accept", json!({})).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");

    // declined is final.
    let d = pledge(&app, &partner, &money(&need_id, 2_000)).await;
    act(&app, &staff, &d, "decline", json!({ "reason": "" })).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let declined = act(&app, &staff, &d, "decline", json!({ "reason": "本期经费已足额" })).await;
    assert_eq!(declined.json["decline_reason"], "本期经费已足额");
    for (action, extra) in [("accept", json!({})), ("withdraw", json!({})), ("decline", json!({ "reason": "再次" }))] {
        let token = if action == "withdraw" { &partner } else { &staff };
        act(&app, token, &declined.json, action, extra).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    }
    let path = format!("/api/v1/pledges/{}/deliveries", d["id"].as_str().expect("a string in the response"));
    app.post_json(&path, Some(&staff), &json!({ "amount_fen": 2_000 })).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");

    // withdrawn is final; only the partner withdraws, and only before a decision.
    let w = pledge(&app, &partner, &money(&need_id, 3_000)).await;
    let withdrawn = act(&app, &partner, &w, "withdraw", json!({ "reason": "预算调整" })).await;
    assert_eq!(withdrawn.json["status"], "withdrawn", "{}", withdrawn.body);
    act(&app, &staff, &withdrawn.json, "accept", json!({})).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    act(&app, &partner, &withdrawn.json, "withdraw", json!({})).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");

    // Deliveries need an accepted pledge; a fulfilled one takes no more and cannot be declined.
    let s = pledge(&app, &partner, &money(&need_id, 4_000)).await;
    let s_path = format!("/api/v1/pledges/{}/deliveries", s["id"].as_str().expect("a string in the response"));
    app.post_json(&s_path, Some(&staff), &json!({ "amount_fen": 4_000 })).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let s_accepted = act(&app, &staff, &s, "accept", json!({})).await.json;
    let fulfilled = app.post_json(&s_path, Some(&staff), &json!({ "amount_fen": 4_000, "receipt_number": "HD001" })).await;
    assert_eq!(fulfilled.json["status"], "fulfilled", "{}", fulfilled.body);
    app.post_json(&s_path, Some(&staff), &json!({ "amount_fen": 1 })).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    act(&app, &staff, &fulfilled.json, "decline", json!({ "reason": "不要了" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    act(&app, &partner, &s_accepted, "withdraw", json!({})).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");

    // Stale: a submitted pledge changed meanwhile (another staff member's If-Match disagrees).
    let fresh = pledge(&app, &partner, &money(&need_id, 5_000)).await;
    let mut old = fresh.clone();
    old["version"] = json!(fresh["version"].as_i64().unwrap_or(1) + 7);
    act(&app, &staff, &old, "accept", json!({})).await.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let res = app
        .post_json_with(
            &format!("/api/v1/pledges/{}/accept", fresh["id"].as_str().expect("a string in the response")),
            &staff,
            &[("If-Match", "\"99\"")],
            &json!({ "version": fresh["version"] }),
        )
        .await;
    res.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
}

#[actix_web::test]
async fn deliveries_drive_progress_fulfilment_need_status_and_the_yearly_summary() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let partner = app.token("partner").await;
    let need_id = need(&app, "equipment", 4).await;

    // A goods pledge against an equipment need; a money pledge there is refused.
    let wrong = app.post_idempotent("/api/v1/pledges", &partner, "wrong-kind", &money(&need_id, 100)).await;
    wrong.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(wrong.json["errors"][0]["field"], "support.kind");
    let goods = json!({ "need_id": need_id, "support": { "kind": "goods", "items": [{ "name": "音箱", "quantity": 4, "unit": "台" }] } });
    let p = pledge(&app, &partner, &goods).await;
    assert_eq!(p["quantity"], 4);
    let shown = app.get(&format!("/api/v1/needs/{need_id}"), Some(&partner)).await.json;
    assert_eq!(shown["progress"], json!({ "pledged": 4, "accepted": 0, "fulfilled": 0 }));

    let accepted = act(&app, &staff, &p, "accept", json!({ "note": "请送至社区服务中心" })).await.json;
    let path = format!("/api/v1/pledges/{}/deliveries", p["id"].as_str().expect("a string in the response"));
    let bad = app.post_json(&path, Some(&staff), &json!({ "amount_fen": 100 })).await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let first = app
        .post_json(&path, Some(&staff), &json!({ "items": [{ "name": "音箱", "quantity": 3, "unit": "台" }], "receipt_number": "SH-001" }))
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert_eq!((first.json["status"].as_str(), first.json["delivered_quantity"].as_i64()), (Some("accepted"), Some(3)));
    let partial = app.get(&format!("/api/v1/needs/{need_id}"), Some(&staff)).await.json;
    assert_eq!(partial["progress"], json!({ "pledged": 4, "accepted": 4, "fulfilled": 3 }));
    assert_eq!(partial["status"], "open");

    let second = app.post_json(&path, Some(&staff), &json!({ "items": [{ "name": "音箱", "quantity": 1, "unit": "台" }] })).await;
    assert_eq!(second.json["status"], "fulfilled");
    assert_eq!(second.json["deliveries"].as_array().map(Vec::len), Some(2));
    let statuses: Vec<&str> = second.json["history"].as_array().into_iter().flatten().filter_map(|h| h["status"].as_str()).collect();
    assert_eq!(statuses, ["submitted", "accepted", "fulfilled"]);
    let met = app.get(&format!("/api/v1/needs/{need_id}"), Some(&staff)).await.json;
    assert_eq!(met["status"], "met", "the target is delivered");
    let _ = accepted;

    // New pledges to a met need are refused.
    app.post_idempotent("/api/v1/pledges", &partner, "late", &goods).await.assert_problem(StatusCode::CONFLICT, "need_not_open");

    // The yearly summary counts what was delivered, by month and kind.
    let bank = app.demo_partner_id().await;
    let year = chrono::Utc::now().format("%Y").to_string();
    let summary = app.get(&format!("/api/v1/partners/{bank}/contributions?year={year}"), Some(&partner)).await;
    assert_eq!(summary.status, StatusCode::OK, "{}", summary.body);
    assert!(summary.json["goods_pieces"].as_i64().is_some_and(|n| n >= 4));
    assert!(summary.json["months"].as_array().is_some_and(|m| !m.is_empty()));
}

#[actix_web::test]
async fn residents_see_needs_without_money_figures_and_the_thank_you_list() {
    let app = TestApp::spawn().await;
    let resident = app.token("resident").await;
    let leader = app.token("leader").await;
    let staff = app.token("staff").await;
    for token in [&resident, &leader] {
        let needs = app.get("/api/v1/needs", Some(token)).await;
        assert_eq!(needs.status, StatusCode::OK);
        let items = needs.json["items"].as_array().cloned().expect("an array in the response");
        assert!(!items.is_empty());
        for need in &items {
            if need["category"] == "money" {
                assert!(need["target_quantity"].is_null() && need["progress"].is_null(), "money figures are hidden: {need}");
            }
        }
        let thanks = app.get("/api/v1/thanks", Some(token)).await;
        assert_eq!(thanks.status, StatusCode::OK);
        let list = thanks.json.as_array().cloned().expect("an array in the response");
        assert!(list.iter().any(|t| t["partner_name"] == "县工商银行" && t["kind"] == "venue"));
        assert!(list.iter().all(|t| t["kind"] != "money" || t["support"].is_null()));
    }
    let staff_needs = app.get("/api/v1/needs?status=open", Some(&staff)).await.json;
    assert!(staff_needs["items"].as_array().into_iter().flatten().any(|n| n["category"] == "money" && n["target_quantity"].is_i64()));
    app.get("/api/v1/needs?status=soon", Some(&staff)).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.post_json("/api/v1/needs", Some(&resident), &json!({ "title": "x", "category": "money" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
}
