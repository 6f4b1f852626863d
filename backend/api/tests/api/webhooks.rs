//! Webhooks: outbox events are written in the change's transaction (and vanish with a rollback),
//! one event per change, retried deliveries keep their `webhook-id`, signatures verify with the
//! `standardwebhooks` crate, failed deliveries can be re-sent, and secrets rotate without a gap.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use awc::http::StatusCode;
use diesel_async::AsyncConnection;
use serde_json::{json, Value};
use tokio::sync::mpsc;
use xingguang_db::models::webhook::WebhookEvent;

use crate::helpers::TestApp;

/// One request the receiver got: its headers (as the `http` 1.x map the verifier takes) and body.
struct Received {
    headers: http::HeaderMap,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_else(|| panic!("no {name} header")).to_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

/// A partner's receiver on a free loopback port: answers `failure` (500, 410 …) to the first
/// `fail_first` requests, then 204, and hands every request to the test.
async fn receiver_with(fail_first: usize, failure: u16) -> (String, mpsc::UnboundedReceiver<Received>) {
    let (tx, rx) = mpsc::unbounded_channel::<Received>();
    let seen = Arc::new(AtomicUsize::new(0));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/hooks/xingguang", listener.local_addr().expect("addr"));
    let server = HttpServer::new(move || {
        let (tx, seen) = (tx.clone(), seen.clone());
        App::new().route(
            "/hooks/xingguang",
            web::post().to(move |req: HttpRequest, body: web::Bytes| {
                let (tx, seen) = (tx.clone(), seen.clone());
                async move {
                    let mut headers = http::HeaderMap::new();
                    for (name, value) in req.headers() {
                        if let (Ok(n), Ok(v)) =
                            (http::HeaderName::from_bytes(name.as_str().as_bytes()), http::HeaderValue::from_bytes(value.as_bytes()))
                        {
                            headers.insert(n, v);
                        }
                    }
                    let _ = tx.send(Received { headers, body: body.to_vec() });
                    if seen.fetch_add(1, Ordering::SeqCst) < fail_first {
                        HttpResponse::build(awc::http::StatusCode::from_u16(failure).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)).finish()
                    } else {
                        HttpResponse::NoContent().finish()
                    }
                }
            }),
        )
    })
    .workers(1)
    .listen(listener)
    .expect("listen")
    .run();
    actix_web::rt::spawn(server);
    (url, rx)
}

async fn receiver(fail_first: usize) -> (String, mpsc::UnboundedReceiver<Received>) {
    receiver_with(fail_first, 500).await
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Received>) -> Received {
    tokio::time::timeout(Duration::from_secs(30), rx.recv()).await.expect("a webhook arrives in time").expect("channel open")
}

async fn webhook_app(max_attempts: i32) -> TestApp {
    TestApp::spawn_with(|s| {
        s.webhook_allow_http_loopback = true;
        s.webhook_retry_base_ms = 50;
        s.webhook_max_attempts = max_attempts;
    })
    .await
}

/// Registers an endpoint for the demo partner; returns (endpoint id, secret).
async fn register(app: &TestApp, partner: &str, url: &str, events: &[&str]) -> (String, String) {
    let res = app
        .post_idempotent("/api/v1/webhooks/endpoints", partner, &uuid::Uuid::now_v7().to_string(), &json!({ "url": url, "events": events }))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let secret = res.json["secret"].as_str().expect("a string in the response").to_owned();
    assert!(secret.starts_with("whsec_"));
    (res.json["endpoint"]["id"].as_str().expect("a string in the response").to_owned(), secret)
}

/// A submitted money pledge of the demo partner against a fresh need.
async fn submitted_pledge(app: &TestApp, partner: &str) -> Value {
    let staff = app.token("staff").await;
    let need = app
        .post_json("/api/v1/needs", Some(&staff), &json!({ "title": "社区活动经费", "category": "money", "target_quantity": 1_000_000 }))
        .await;
    let body = json!({ "need_id": need.json["id"], "support": { "kind": "money", "amount_fen": 50_000 } });
    let res = app.post_idempotent("/api/v1/pledges", partner, &uuid::Uuid::now_v7().to_string(), &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    res.json
}

async fn accept(app: &TestApp, pledge: &Value) -> crate::helpers::Response {
    let staff = app.token("staff").await;
    let path = format!("/api/v1/pledges/{}/accept", pledge["id"].as_str().expect("a string in the response"));
    app.post_json(&path, Some(&staff), &json!({ "version": pledge["version"] })).await
}

async fn event_count(app: &TestApp, event_type: &str) -> i64 {
    let event_type = xingguang_db::vocab::EventType::parse(event_type).expect("a known event type");
    let mut conn = app.pool.get().await.expect("connection");
    let community = xingguang_db::models::community::Community::find_by_name(&mut conn, xingguang::seed::DEMO_COMMUNITY)
        .await
        .expect("query")
        .expect("community");
    WebhookEvent::count(&mut conn, community.id, event_type).await.expect("count")
}

/// The endpoint's deliveries once the worker has recorded the outcome of `attempts` attempts.
/// No sleeping: each look is a real request, and the worker records right after the receiver
/// answers, so a bounded number of looks suffices.
async fn deliveries_after(app: &TestApp, token: &str, endpoint: &str, attempts: i64) -> Vec<Value> {
    for _ in 0..500 {
        let list = app.get(&format!("/api/v1/webhooks/endpoints/{endpoint}/deliveries"), Some(token)).await.json["items"]
            .as_array()
            .cloned()
            .expect("a list of deliveries");
        if list.first().is_some_and(|d| d["attempts"].as_i64() >= Some(attempts) && d["status"] != "pending") {
            return list;
        }
        tokio::task::yield_now().await;
    }
    panic!("the worker did not record {attempts} attempt(s)");
}

#[actix_web::test]
async fn a_failing_receiver_gets_the_event_again_with_the_same_id_and_a_valid_signature() {
    let app = webhook_app(8).await;
    let partner = app.token("partner").await;
    let (url, mut rx) = receiver(1).await;
    let (endpoint, secret) = register(&app, &partner, &url, &["pledge.accepted", "pledge.declined"]).await;
    let pledge = submitted_pledge(&app, &partner).await;

    assert_eq!(accept(&app, &pledge).await.status, StatusCode::OK);
    let first = next(&mut rx).await;
    let second = next(&mut rx).await;
    assert_eq!(first.header("webhook-id"), second.header("webhook-id"), "a retry keeps its webhook-id");
    assert!(first.header("webhook-id").starts_with("msg_"));
    let verifier = standardwebhooks::Webhook::new(&secret).expect("secret");
    verifier.verify(&second.body, &second.headers).expect("the signature verifies with the standardwebhooks crate");
    verifier.verify(&first.body, &first.headers).expect("so does the first attempt's");
    let payload = second.json();
    assert_eq!(payload["type"], "pledge.accepted");
    assert_eq!(payload["data"]["id"], pledge["id"]);
    assert_eq!(payload["data"]["status"], "accepted");
    // A wrong secret does not verify.
    let other = standardwebhooks::Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").expect("secret");
    assert!(other.verify(&second.body, &second.headers).is_err());

    let log = deliveries_after(&app, &partner, &endpoint, 2).await;
    assert_eq!(log.len(), 1, "one event, one delivery row, however many attempts");
    assert_eq!(
        (log[0]["status"].as_str(), log[0]["attempts"].as_i64(), log[0]["last_status"].as_i64()),
        (Some("delivered"), Some(2), Some(204))
    );
    assert_eq!(log[0]["message_id"], first.header("webhook-id").as_str());
    // Staff see the partner's log too; another partner does not.
    let staff = app.token("staff").await;
    assert_eq!(app.get(&format!("/api/v1/webhooks/endpoints/{endpoint}/deliveries"), Some(&staff)).await.status, StatusCode::OK);
    assert_eq!(event_count(&app, "pledge.accepted").await, 1, "exactly one event for one change");
    assert!(rx.try_recv().is_err(), "nothing more was sent after the success");
}

#[actix_web::test]
async fn events_are_written_with_their_change_and_vanish_with_a_rollback() {
    let app = webhook_app(8).await;
    let partner = app.token("partner").await;
    let staff = app.token("staff").await;
    let needs_before = event_count(&app, "need.published").await;
    for n in 0..3 {
        let res = app.post_json("/api/v1/needs", Some(&staff), &json!({ "title": format!("需求{n}"), "category": "venue" })).await;
        assert_eq!(res.status, StatusCode::CREATED);
    }
    assert_eq!(event_count(&app, "need.published").await, needs_before + 3, "one event per published need");

    // Two pledges: one accepted, one declined; a refused (stale) accept and a decline of an
    // accepted pledge write nothing.
    let a = submitted_pledge(&app, &partner).await;
    let b = submitted_pledge(&app, &partner).await;
    let mut stale = a.clone();
    stale["version"] = json!(99);
    assert_eq!(accept(&app, &stale).await.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(accept(&app, &a).await.status, StatusCode::OK);
    let decline = app
        .post_json(
            &format!("/api/v1/pledges/{}/decline", b["id"].as_str().expect("a string in the response")),
            Some(&staff),
            &json!({ "version": b["version"], "reason": "已足额" }),
        )
        .await;
    assert_eq!(decline.status, StatusCode::OK);
    let again = app
        .post_json(
            &format!("/api/v1/pledges/{}/decline", a["id"].as_str().expect("a string in the response")),
            Some(&staff),
            &json!({ "version": 2, "reason": "已足额" }),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(event_count(&app, "pledge.accepted").await, 1);
    assert_eq!(event_count(&app, "pledge.declined").await, 1);

    // An event published in a transaction that then fails is gone with it.
    let mut conn = app.pool.get().await.expect("connection");
    let community = xingguang_db::models::community::Community::find_by_name(&mut conn, xingguang::seed::DEMO_COMMUNITY)
        .await
        .expect("query")
        .expect("community");
    let before = event_count(&app, "pledge.fulfilled").await;
    let result = conn
        .transaction::<(), diesel::result::Error, _>(async |conn| {
            xingguang::common::outbox::publish(conn, community.id, None, xingguang_db::vocab::EventType::PledgeFulfilled, json!({}))
                .await?;
            Err(diesel::result::Error::RollbackTransaction)
        })
        .await;
    assert!(result.is_err());
    assert_eq!(event_count(&app, "pledge.fulfilled").await, before, "the rolled-back event left nothing behind");
}

#[actix_web::test]
async fn a_failed_delivery_can_be_resent_and_a_rotated_secret_overlaps() {
    let app = webhook_app(2).await;
    let partner = app.token("partner").await;
    let (url, mut rx) = receiver(2).await;
    let (endpoint, old_secret) = register(&app, &partner, &url, &["pledge.accepted"]).await;
    let pledge = submitted_pledge(&app, &partner).await;
    assert_eq!(accept(&app, &pledge).await.status, StatusCode::OK);
    let first = next(&mut rx).await;
    next(&mut rx).await;
    let log = deliveries_after(&app, &partner, &endpoint, 2).await;
    assert_eq!(log[0]["status"], "failed", "gave up after the maximum attempts");
    assert_eq!(log[0]["last_status"], 500);

    // Rotate, then re-send: the delivery carries both signatures for a day.
    let rotated =
        app.post_idempotent(&format!("/api/v1/webhooks/endpoints/{endpoint}/rotate-secret"), &partner, "rotate-1", &json!({})).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
    let new_secret = rotated.json["secret"].as_str().expect("a string in the response").to_owned();
    assert_ne!(new_secret, old_secret);
    let delivery = log[0]["id"].as_str().expect("a string in the response");
    let resend_path = format!("/api/v1/webhooks/endpoints/{endpoint}/deliveries/{delivery}/resend");
    app.post_json(&resend_path, Some(&partner), &json!({})).await.assert_problem(StatusCode::BAD_REQUEST, "idempotency_key_missing");
    let resent = app.post_idempotent(&resend_path, &partner, "resend-1", &json!({})).await;
    assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
    let third = next(&mut rx).await;
    assert_eq!(third.header("webhook-id"), first.header("webhook-id"));
    assert_eq!(third.header("webhook-signature").split(' ').count(), 2);
    standardwebhooks::Webhook::new(&new_secret).expect("secret").verify(&third.body, &third.headers).expect("new secret verifies");
    standardwebhooks::Webhook::new(&old_secret).expect("secret").verify(&third.body, &third.headers).expect("old secret still verifies");
    let log = deliveries_after(&app, &partner, &endpoint, 1).await;
    assert_eq!(log[0]["status"], "delivered");
    // Staff can re-send too (no key needed for them); the receiver gets the same message again.
    let staff = app.token("staff").await;
    let by_staff = app.post_json(&resend_path, Some(&staff), &json!({})).await;
    assert_eq!(by_staff.status, StatusCode::OK, "{}", by_staff.body);
    assert_eq!(next(&mut rx).await.header("webhook-id"), first.header("webhook-id"));
    assert_eq!(app.audit_actions("webhook_delivery.resend").await.len(), 2);

    // Endpoint rules: https or allowed loopback only; another partner cannot see this endpoint.
    let bad = app
        .post_idempotent("/api/v1/webhooks/endpoints", &partner, "bad-url", &json!({ "url": "ftp://x", "events": ["pledge.accepted"] }))
        .await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // A duty reminder names a person: it waits for the community's own gateway, never a partner.
    let reminder =
        app.post_idempotent("/api/v1/webhooks/endpoints", &partner, "reminders", &json!({ "url": url, "events": ["duty.reminder"] })).await;
    reminder.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let staff = app.token("staff").await;
    let school = app
        .get("/api/v1/partners", Some(&staff))
        .await
        .json
        .as_array()
        .and_then(|u| u.iter().find(|u| u["name"] == "壶山小学").cloned())
        .expect("school");
    let (cid, secret) = app.create_client(school["id"].as_str().expect("a string in the response")).await;
    let school_token = app.client_token(&cid, &secret).await;
    app.get(&format!("/api/v1/webhooks/endpoints/{endpoint}/deliveries"), Some(&school_token))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let school_list = app.get("/api/v1/webhooks/endpoints", Some(&school_token)).await.json;
    assert_eq!(school_list.as_array().map(Vec::len), Some(0));
}

#[actix_web::test]
async fn a_receiver_that_answers_410_gone_is_disabled_without_retries() {
    let app = webhook_app(8).await;
    let partner = app.token("partner").await;
    let (url, mut rx) = receiver_with(usize::MAX, 410).await;
    let (endpoint, _) = register(&app, &partner, &url, &["pledge.accepted"]).await;
    let pledge = submitted_pledge(&app, &partner).await;
    assert_eq!(accept(&app, &pledge).await.status, StatusCode::OK);
    next(&mut rx).await;
    let log = deliveries_after(&app, &partner, &endpoint, 1).await;
    assert_eq!(
        (log[0]["status"].as_str(), log[0]["attempts"].as_i64(), log[0]["last_status"].as_i64()),
        (Some("failed"), Some(1), Some(410))
    );
    let endpoints = app.get("/api/v1/webhooks/endpoints", Some(&partner)).await.json;
    assert_eq!(endpoints[0]["enabled"], false, "410 Gone disables the endpoint");
    // Later events are not queued for a disabled endpoint.
    let another = submitted_pledge(&app, &partner).await;
    assert_eq!(accept(&app, &another).await.status, StatusCode::OK);
    assert_eq!(deliveries_after(&app, &partner, &endpoint, 1).await.len(), 1);
}

#[actix_web::test]
async fn a_partner_can_send_itself_a_signed_test_event() {
    let app = webhook_app(8).await;
    let partner = app.token("partner").await;
    let (url, mut rx) = receiver(0).await;
    // Subscribed to nothing relevant: the test event goes to this endpoint anyway.
    let (endpoint, secret) = register(&app, &partner, &url, &["need.published"]).await;
    let path = format!("/api/v1/webhooks/endpoints/{endpoint}/test");
    let queued = app.post_idempotent(&path, &partner, "test-1", &json!({})).await;
    assert_eq!(queued.status, StatusCode::ACCEPTED, "{}", queued.body);
    assert_eq!(queued.json["event_type"], "webhook.test");
    let got = next(&mut rx).await;
    standardwebhooks::Webhook::new(&secret).expect("secret").verify(&got.body, &got.headers).expect("verifies");
    assert_eq!(got.json()["type"], "webhook.test");
    assert_eq!(got.json()["data"]["endpoint_id"], endpoint.as_str());
    assert_eq!(got.header("webhook-id"), queued.json["message_id"].as_str().expect("a string in the response"));
    // The same key replays the first answer and sends nothing new.
    let again = app.post_idempotent(&path, &partner, "test-1", &json!({})).await;
    assert_eq!(again.json["id"], queued.json["id"]);
    let log = deliveries_after(&app, &partner, &endpoint, 1).await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["status"], "delivered");
}

/// An endpoint whose name resolves to this machine (as a rebinding attacker would arrange) is
/// never connected to, and the delivery log says only that it could not connect.
#[actix_web::test]
async fn a_name_that_resolves_inside_is_never_connected_to_and_the_log_reveals_nothing() {
    let app = TestApp::spawn_with(|s| {
        s.webhook_retry_base_ms = 50;
        s.webhook_max_attempts = 1;
    })
    .await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let connections = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = connections.clone();
    actix_web::rt::spawn(async move {
        while listener.accept().await.is_ok() {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    // Registration refuses such a URL; the row is written directly, as if the name had resolved
    // to a public address when it was registered.
    let partner = app.token("partner").await;
    let pledge = submitted_pledge(&app, &partner).await;
    let partner_id: uuid::Uuid = pledge["partner_id"].as_str().expect("partner id").parse().expect("uuid");
    let endpoint = {
        let mut conn = app.pool.get().await.expect("connection");
        let community_id = xingguang_db::models::community::Community::find_by_name(&mut conn, xingguang::seed::DEMO_COMMUNITY)
            .await
            .expect("query")
            .expect("community")
            .id;
        xingguang_db::models::webhook::WebhookEndpoint::insert(
            &mut conn,
            &xingguang_db::models::webhook::NewWebhookEndpoint {
                id: xingguang_db::new_id(),
                community_id,
                partner_id,
                url: format!("https://localhost:{port}/hook"),
                description: String::new(),
                events: vec![xingguang_db::vocab::EventType::PledgeAccepted],
                secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
            },
        )
        .await
        .expect("endpoint")
    };
    assert_eq!(accept(&app, &pledge).await.status, StatusCode::OK);
    let deliveries = deliveries_after(&app, &partner, &endpoint.id.to_string(), 1).await;
    assert_eq!(deliveries[0]["status"], "failed", "{deliveries:?}");
    assert_eq!(deliveries[0]["last_error"], "could not connect");
    assert_eq!(connections.load(std::sync::atomic::Ordering::SeqCst), 0, "the worker connected to a local address");
}
