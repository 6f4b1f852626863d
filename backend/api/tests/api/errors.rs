//! Every kind of bad request gets an RFC 9457 problem with a stable code — never actix's plain
//! text, never a 500.

use awc::http::StatusCode;

use crate::helpers::{Response, TestApp};

#[actix_web::test]
async fn malformed_json_is_400() {
    let app = TestApp::spawn().await;
    let res = Response::read(
        app.client
            .post(app.url("/api/v1/auth/login"))
            .insert_header(("content-type", "application/json"))
            .send_body(r#"{"username": "#)
            .await,
    )
    .await;
    res.assert_problem(StatusCode::BAD_REQUEST, "malformed_json");
}

#[actix_web::test]
async fn a_body_that_is_not_json_is_415() {
    let app = TestApp::spawn().await;
    let res = Response::read(
        app.client.post(app.url("/api/v1/auth/login")).insert_header(("content-type", "text/plain")).send_body("username=staff").await,
    )
    .await;
    res.assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

#[actix_web::test]
async fn an_oversized_body_is_413() {
    let app = TestApp::spawn().await;
    let huge = format!(r#"{{"username":"staff","password":"{}"}}"#, "x".repeat(300 * 1024));
    let res = Response::read(
        app.client.post(app.url("/api/v1/auth/login")).insert_header(("content-type", "application/json")).send_body(huge).await,
    )
    .await;
    res.assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

#[actix_web::test]
async fn bad_query_parameters_are_4xx_problems() {
    let app = TestApp::spawn().await;
    let token = app.token("staff").await;
    // Not a number / not a uuid / not a date: the query does not parse.
    for query in ["limit=ten", "actor_id=42", "from=yesterday"] {
        app.get(&format!("/api/v1/audit?{query}"), Some(&token)).await.assert_problem(StatusCode::BAD_REQUEST, "invalid_query");
    }
    // Parses, but out of bounds.
    for (query, field) in [("limit=0", "limit"), ("limit=201", "limit"), ("cursor=%21%21", "cursor")] {
        let res = app.get(&format!("/api/v1/audit?{query}"), Some(&token)).await;
        res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.json["errors"][0]["field"], field);
    }
    let res = app.get("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", Some(&token)).await;
    res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "to");
}

#[actix_web::test]
async fn unknown_routes_are_404() {
    let app = TestApp::spawn().await;
    for path in ["/api/v1/nothing-here", "/api/v2/me", "/api/v1/auth/login/extra"] {
        app.get(path, None).await.assert_problem(StatusCode::NOT_FOUND, "route_not_found");
    }
}

#[actix_web::test]
async fn a_wrong_method_is_405_with_allow() {
    let app = TestApp::spawn().await;
    let res = Response::read(app.client.delete(app.url("/api/v1/me")).send().await).await;
    res.assert_problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(res.header("allow").as_deref(), Some("GET"));
    let res = app.get("/api/v1/auth/login", None).await;
    res.assert_problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(res.header("allow").as_deref(), Some("POST"));
}

#[actix_web::test]
async fn every_response_carries_a_request_id_and_security_headers() {
    let app = TestApp::spawn().await;
    for res in [app.get("/health", None).await, app.get("/api/v1/nothing", None).await] {
        assert!(res.header("x-request-id").is_some_and(|id| uuid::Uuid::parse_str(&id).is_ok()));
        assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(res.header("x-frame-options").as_deref(), Some("DENY"));
        assert!(res.header("content-security-policy").is_some_and(|csp| csp.contains("frame-ancestors 'none'")));
    }
    // A caller's own request id is kept, so it can be traced end to end.
    let res = Response::read(app.client.get(app.url("/health")).insert_header(("x-request-id", "trace-me-42")).send().await).await;
    assert_eq!(res.header("x-request-id").as_deref(), Some("trace-me-42"));
}

/// NUL cannot be stored in PostgreSQL text: a query or a JSON string carrying one gets a clear
/// 4xx problem, never a 500.
#[actix_web::test]
async fn a_nul_in_a_query_or_a_body_is_a_4xx_problem() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    app.get("/api/v1/residents?q=%E5%BC%A0%00", Some(&staff)).await.assert_problem(StatusCode::BAD_REQUEST, "invalid_query");
    let need = app
        .post_json("/api/v1/needs", Some(&staff), &serde_json::json!({ "title": "经费\u{0}", "category": "money", "target_quantity": 100 }))
        .await;
    need.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
}

/// A client that trickles its body is cut off once the body deadline passes: it gets a 4xx
/// problem while still "sending", instead of holding a worker for as long as it likes.
#[actix_web::test]
async fn a_body_that_never_finishes_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn_with(|s| s.body_timeout_seconds = 1).await;
    let staff = app.token("staff").await;
    let address = app.base.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.expect("connect");
    let head = format!(
        "POST /api/v1/needs HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {staff}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"title\":"
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    // The rest of the promised 1,000 bytes never comes; the answer does.
    let mut answer = vec![0u8; 4096];
    // (Bounded, so that a regression fails instead of hanging.)
    let read =
        tokio::time::timeout(std::time::Duration::from_secs(30), stream.read(&mut answer)).await.expect("an answer in time").expect("read");
    let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 4"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
}
