//! Help requests and the handbook: the workflow through every state and its refusals per role,
//! reach (404 outside), photos checked by their bytes, the handbook's frozen editions and PDF,
//! and Open311 GeoReport v2 in JSON and XML.

use awc::http::StatusCode;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::{Response, TestApp};

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F,
    0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0,
    0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

async fn file(app: &TestApp, token: &str, extra: Value) -> Response {
    let mut body = json!({ "kind": "repair", "category_code": "property", "description": "3单元楼道灯坏了，晚上看不见。" });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    app.post_json("/api/v1/help-requests", Some(token), &body).await
}

async fn mv(app: &TestApp, token: &str, id: &str, action: &str, body: Value) -> Response {
    app.post_json(&format!("/api/v1/help-requests/{id}/{action}"), Some(token), &body).await
}

#[actix_web::test]
async fn a_resident_files_staff_assign_and_resolve_and_the_resident_rates_it() {
    let app = TestApp::spawn().await;
    let resident = app.token("resident").await;
    let staff = app.token("staff").await;
    let leader = app.token("leader").await;
    let created = file(&app, &resident, json!({ "photos": [{ "content_type": "image/png", "data": b64(PNG) }] })).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let r = &created.json;
    let id = r["id"].as_str().expect("id").to_owned();
    assert_eq!((r["status"].as_str(), r["channel"].as_str(), r["caller_name"].as_str()), (Some("received"), Some("app"), Some("张秀英")));
    assert!(r["number"].as_str().is_some_and(|n| n.len() == 9), "a number like 2026-0301: {}", r["number"]);
    assert_eq!(r["photos"].as_array().map(Vec::len), Some(1));
    assert_eq!(r["actions"], json!([]), "a resident has nothing to do on a new request");
    // The photo comes back as it was sent.
    let photo =
        app.get(&format!("/api/v1/help-requests/{id}/photos/{}", r["photos"][0]["id"].as_str().unwrap_or("")), Some(&resident)).await;
    assert_eq!((photo.status, photo.header("content-type").as_deref()), (StatusCode::OK, Some("image/png")));

    // Staff see it in the queue with its clock; the phone is masked until someone works it.
    let queue = app.get("/api/v1/help-requests?status=received&category=property", Some(&staff)).await;
    let line = queue.json["items"].as_array().and_then(|l| l.iter().find(|i| i["id"] == id.as_str()).cloned()).expect("in the queue");
    assert!(line["resolution_due_at"].is_string() && line["overdue"] == false);
    let me = app.get("/api/v1/me", Some(&staff)).await.json["id"].as_str().expect("me").to_owned();

    // Refused moves: resolving before assignment, a resident assigning.
    mv(&app, &staff, &id, "resolve", json!({ "version": 1, "resolution": "修好了" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "invalid_transition");
    mv(&app, &resident, &id, "assign", json!({ "version": 1, "assignee_id": me })).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let assigned = mv(&app, &staff, &id, "assign", json!({ "version": 1, "assignee_id": me, "entry": { "category_code": "property", "index": 0 }, "referral_ref": "WY-1", "note": "先看看灯泡" })).await;
    assert_eq!(assigned.status, StatusCode::OK, "{}", assigned.body);
    assert_eq!(assigned.json["referral"]["name"], "社区物业服务站");
    assert_eq!(assigned.json["phone_masked"], false, "the assignee sees the caller's phone");
    // A stale version is refused and nothing changes.
    mv(&app, &staff, &id, "start", json!({ "version": 1 })).await.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let resolved = mv(&app, &staff, &id, "resolve", json!({ "version": 2, "resolution": "已更换声控灯。" })).await;
    assert_eq!(resolved.json["status"], "resolved", "{}", resolved.body);
    assert!(resolved.json["followup_due_on"].is_string());

    // The resident reads the public resolution but never the internal note, and is told.
    let seen = app.get(&format!("/api/v1/help-requests/{id}"), Some(&resident)).await.json;
    let bodies: Vec<&str> = seen["timeline"].as_array().into_iter().flatten().filter_map(|t| t["body"].as_str()).collect();
    assert!(bodies.contains(&"已更换声控灯。") && !bodies.contains(&"先看看灯泡"), "{bodies:?}");
    assert_eq!(seen["actions"], json!(["rate", "reopen"]));
    let told = app.get("/api/v1/notifications", Some(&resident)).await.json;
    assert!(told.to_string().contains("已办结"), "{told}");

    // Someone else's request is not found; a partner cannot list at all.
    let others = app.get("/api/v1/help-requests?limit=200", Some(&staff)).await.json["items"].as_array().cloned().unwrap_or_default();
    let foreign = others.iter().find(|i| i["group_number"] != 1 && i["id"] != id.as_str()).expect("another group's request");
    let far = foreign["id"].as_str().unwrap_or("");
    app.get(&format!("/api/v1/help-requests/{far}"), Some(&resident)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/api/v1/help-requests/{far}"), Some(&leader)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let partner = app.token("partner").await;
    app.get("/api/v1/help-requests", Some(&partner)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.get("/api/v1/help-requests?q=%E7%81%AF", Some(&resident)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let rated = mv(&app, &resident, &id, "rate", json!({ "version": 3, "satisfaction": 5, "comment": "很快" })).await;
    assert_eq!((rated.json["status"].as_str(), rated.json["satisfaction"].as_i64()), (Some("closed"), Some(5)), "{}", rated.body);
    // Reopened within 30 days: in progress again, the earlier resolution kept in the history.
    let reopened = mv(&app, &resident, &id, "reopen", json!({ "version": 4, "note": "灯又不亮了" })).await;
    assert_eq!(reopened.json["status"], "in_progress", "{}", reopened.body);
    assert_eq!(reopened.json["resolution"], Value::Null);
    let moves: Vec<&str> = reopened.json["timeline"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["kind"] == "move")
        .filter_map(|t| t["action"].as_str())
        .collect();
    assert_eq!(moves, ["receive", "assign", "resolve", "rate", "reopen"]);
    assert_eq!(app.audit_actions("help_request.reopen").await.len(), 1);
}

#[actix_web::test]
async fn photos_are_checked_by_their_bytes_and_nothing_is_half_written() {
    let app = TestApp::spawn().await;
    let resident = app.token("resident").await;
    let staff = app.token("staff").await;
    let before = app.get("/api/v1/help-requests/summary", Some(&staff)).await.json["open"].as_i64();
    let svg = file(&app, &resident, json!({ "photos": [{ "content_type": "image/png", "data": b64(b"<svg onload=alert(1)>") }] })).await;
    svg.assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let big = [PNG, &vec![0u8; 2 * 1024 * 1024]].concat();
    file(&app, &resident, json!({ "photos": [{ "content_type": "image/png", "data": b64(&big) }] }))
        .await
        .assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let unknown = file(&app, &resident, json!({ "category_code": "spaceships" })).await;
    unknown.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(unknown.json["errors"][0]["field"], "category_code");
    // A hotline call needs a caller; the leader files only for their own group.
    let leader = app.token("leader").await;
    file(&app, &leader, json!({})).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let nameless = file(&app, &staff, json!({})).await;
    assert_eq!(nameless.json["errors"][0]["field"], "caller_name", "{}", nameless.body);
    assert_eq!(app.get("/api/v1/help-requests/summary", Some(&staff)).await.json["open"].as_i64(), before, "nothing was written");
    let hotline = file(&app, &staff, json!({ "caller_name": "王大爷", "caller_phone": "13900001111" })).await;
    assert_eq!((hotline.status, hotline.json["channel"].as_str()), (StatusCode::CREATED, Some("hotline")), "{}", hotline.body);
    assert_eq!(hotline.json["caller_phone"], "139****1111", "masked until someone works it");
    let id = hotline.json["id"].as_str().unwrap_or("");
    let revealed =
        app.post_json(&format!("/api/v1/help-requests/{id}/reveal-phone"), Some(&staff), &json!({ "reason": "回电确认地址" })).await;
    assert_eq!(revealed.json["phone"], "13900001111");
    assert_eq!(app.audit_actions("help_request.reveal").await.len(), 1);
}

#[actix_web::test]
async fn a_published_edition_is_frozen_and_the_next_one_becomes_current() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = app.token("resident").await;
    let current = app.get("/api/v1/handbook", Some(&resident)).await.json;
    assert!(current["categories"].as_array().is_some_and(|c| c.len() >= 10));
    let entries: usize = current["categories"].as_array().into_iter().flatten().map(|c| c["entries"].as_array().map_or(0, Vec::len)).sum();
    assert!(entries >= 40, "{entries}");
    let first = current["id"].as_str().unwrap_or("");
    let frozen = app
        .send_json(
            awc::http::Method::PUT,
            &format!("/api/v1/handbook/editions/{first}"),
            &staff,
            Some(&json!({ "version": 1, "title": "改", "categories": current["categories"] })),
        )
        .await;
    frozen.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let draft = app.post_json("/api/v1/handbook/editions", Some(&staff), &json!({})).await;
    assert_eq!(draft.status, StatusCode::CREATED);
    app.post_json("/api/v1/handbook/editions", Some(&staff), &json!({})).await.assert_problem(StatusCode::CONFLICT, "duplicate");
    let id = draft.json["id"].as_str().unwrap_or("");
    let mut categories = draft.json["categories"].clone();
    categories[0]["entries"][0]["phone"] = json!("打电话");
    let bad = app
        .send_json(
            awc::http::Method::PUT,
            &format!("/api/v1/handbook/editions/{id}"),
            &staff,
            Some(&json!({ "version": 1, "title": "2027年版", "categories": categories })),
        )
        .await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(bad.json["errors"][0]["field"], "categories[0].entries[0].phone");
    categories[0]["entries"][0]["phone"] = json!("0579-0000-9999");
    let saved = app
        .send_json(
            awc::http::Method::PUT,
            &format!("/api/v1/handbook/editions/{id}"),
            &staff,
            Some(&json!({ "version": 1, "title": "2027年版", "categories": categories })),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(app.get("/api/v1/handbook", Some(&resident)).await.json["id"], first, "a draft is not read by residents");
    let published = app.post_json(&format!("/api/v1/handbook/editions/{id}/publish"), Some(&staff), &json!({ "version": 2 })).await;
    assert_eq!(published.json["status"], "published", "{}", published.body);
    let now = app.get("/api/v1/handbook", Some(&resident)).await.json;
    assert_eq!((now["number"].as_i64(), now["categories"][0]["entries"][0]["phone"].as_str()), (Some(2), Some("0579-0000-9999")));
    let pdf = app.get("/api/v1/handbook/pdf", Some(&resident)).await;
    assert_eq!((pdf.status, pdf.header("content-type").as_deref()), (StatusCode::OK, Some("application/pdf")));
    assert!(pdf.body.starts_with("%PDF-1.4") && pdf.body.matches("/Type /Page ").count() >= 14, "cover, contents and a page per category");
}

async fn form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Response {
    Response::read(app.client.post(app.url(path)).send_form(&fields).await).await
}

#[actix_web::test]
async fn an_open311_client_lists_services_posts_and_reads_a_request_in_json_and_xml() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let services = app.get("/open311/v2/services.json?jurisdiction_id=wuyi-xingguang", None).await;
    assert_eq!(services.status, StatusCode::OK, "{}", services.body);
    let utilities = services.json.as_array().and_then(|s| s.iter().find(|s| s["service_code"] == "utilities").cloned()).expect("utilities");
    assert_eq!((utilities["metadata"].as_bool(), utilities["type"].as_str()), (Some(true), Some("realtime")));
    let xml = app.get("/open311/v2/services.xml", None).await;
    assert!(
        xml.header("content-type").is_some_and(|c| c.starts_with("text/xml"))
            && xml.body.contains("<services><service>")
            && xml.body.contains("<service_code>utilities</service_code>"),
        "{}",
        xml.body
    );
    let definition = app.get("/open311/v2/services/utilities.json", None).await.json;
    assert_eq!(definition["attributes"][0]["datatype"], "singlevaluelist");

    // Posting needs a key issued by staff.
    let fields = [
        ("service_code", "utilities"),
        ("lat", "28.89"),
        ("long", "119.81"),
        ("description", "路灯不亮"),
        ("attribute[utility]", "power"),
        ("first_name", "明"),
        ("last_name", "王"),
        ("phone", "13911112222"),
    ];
    let keyless = form(&app, "/open311/v2/requests.json", &fields).await;
    assert_eq!((keyless.status, keyless.json[0]["code"].as_i64()), (StatusCode::FORBIDDEN, Some(403)), "{}", keyless.body);
    let key = app.post_json("/api/v1/open311/keys", Some(&staff), &json!({ "name": "县数字城管平台" })).await.json["key"]
        .as_str()
        .expect("a key")
        .to_owned();
    let mut with_key = fields.to_vec();
    with_key.push(("api_key", &key));
    let unknown: Vec<(&str, &str)> = with_key.iter().map(|(k, v)| if *k == "service_code" { (*k, "ufo") } else { (*k, *v) }).collect();
    let refused = form(&app, "/open311/v2/requests.xml", &unknown).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(
        refused.body.contains("<errors><error><code>404</code><description>service_code not found</description></error></errors>"),
        "{}",
        refused.body
    );
    let posted = form(&app, "/open311/v2/requests.json", &with_key).await;
    assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
    let number = posted.json[0]["service_request_id"].as_str().expect("an id").to_owned();
    let token = posted.json[0]["token"].as_str().unwrap_or("").to_owned();
    assert_eq!(app.get(&format!("/open311/v2/tokens/{token}.json"), None).await.json[0]["service_request_id"], number.as_str());

    // Read back in both formats, without the reporter's name or phone.
    let one = app.get(&format!("/open311/v2/requests/{number}.json"), None).await;
    assert_eq!((one.json[0]["status"].as_str(), one.json[0]["service_code"].as_str()), (Some("open"), Some("utilities")), "{}", one.body);
    assert!(!one.body.contains("13911112222") && !one.body.contains("王明"));
    let listed = app.get("/open311/v2/requests.xml?status=open", None).await;
    assert!(
        listed.body.contains(&format!("<service_request_id>{number}</service_request_id>"))
            && listed.body.contains("<status>open</status>")
    );
    // Requests filed in the app or on the hotline are never listed.
    let all = app.get("/open311/v2/requests.json", None).await.json;
    assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");

    // Staff resolve it; the client sees it closed with the public note as status_notes.
    let id = app.get(&format!("/api/v1/help-requests?q={number}"), Some(&staff)).await.json["items"][0]["id"]
        .as_str()
        .expect("found")
        .to_owned();
    let me = app.get("/api/v1/me", Some(&staff)).await.json["id"].as_str().expect("me").to_owned();
    mv(&app, &staff, &id, "assign", json!({ "version": 1, "assignee_id": me })).await;
    mv(&app, &staff, &id, "resolve", json!({ "version": 2, "resolution": "供电所已修复路灯。" })).await;
    let closed = app.get(&format!("/open311/v2/requests/{number}.json"), None).await.json;
    assert_eq!((closed[0]["status"].as_str(), closed[0]["status_notes"].as_str()), (Some("closed"), Some("供电所已修复路灯。")));
    let updates = app.get("/open311/v2/servicerequestupdates.json", None).await.json;
    assert_eq!(updates[0]["status"], "FIXED", "{updates}");
    // The reporter says it is broken again: the update reopens it, once.
    let update = [
        ("api_key", key.as_str()),
        ("service_request_id", &number),
        ("update_id", "u-1"),
        ("status", "OPEN"),
        ("description", "又坏了"),
        ("updated_datetime", "2026-11-28T10:00:00+08:00"),
    ];
    let first = form(&app, "/open311/v2/servicerequestupdates.json", &update).await;
    let again = form(&app, "/open311/v2/servicerequestupdates.json", &update).await;
    assert_eq!(first.json[0]["update_id"], again.json[0]["update_id"], "{} {}", first.body, again.body);
    assert_eq!(app.get(&format!("/open311/v2/requests/{number}.json"), None).await.json[0]["status"], "open");
    // The default window is 90 days: an old start is refused nothing, but a reversed one is.
    let reversed = app.get("/open311/v2/requests.json?start_date=2026-11-28T00:00:00Z&end_date=2026-01-01T00:00:00Z", None).await;
    assert_eq!(reversed.status, StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn an_overdue_request_is_escalated_once_and_the_director_is_told() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let director = app.token("director").await;
    let before = app.get("/api/v1/help-requests/summary", Some(&staff)).await.json;
    assert!(before["open"].as_i64() > before["escalated"].as_i64(), "some open requests are still within their time: {before}");
    // A month from now every open request is past its resolution time.
    let later = chrono::Utc::now() + chrono::Duration::days(30);
    let mut conn = app.pool.get().await.expect("connection");
    let first = xingguang::help_requests::escalation::escalate_due(&mut conn, later).await.expect("sweep");
    let again = xingguang::help_requests::escalation::escalate_due(&mut conn, later).await.expect("sweep");
    assert!(first > 0 && again == 0, "escalated {first}, then {again}");
    let after = app.get("/api/v1/help-requests/summary", Some(&staff)).await.json;
    assert_eq!(after["escalated"], after["open"], "every open request is escalated once: {after}");
    let listed = app.get("/api/v1/help-requests?escalated=true&limit=200", Some(&staff)).await.json;
    assert_eq!(listed["items"].as_array().map(|l| l.len() as i64), after["escalated"].as_i64());
    let told = app.get("/api/v1/notifications", Some(&director)).await.json;
    assert!(told.to_string().contains("已超过办结时限"), "{told}");
}
