use awc::http::StatusCode;

use crate::helpers::TestApp;

#[actix_web::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    let health = app.get("/health", None).await;
    assert_eq!((health.status, health.json["status"].as_str()), (StatusCode::OK, Some("ok")));
    let ready = app.get("/ready", None).await;
    assert_eq!((ready.status, ready.json["status"].as_str()), (StatusCode::OK, Some("ok")));
}

#[actix_web::test]
async fn metrics_count_requests_by_route_pattern_and_status() {
    let app = TestApp::spawn().await;
    app.get("/health", None).await;
    app.get("/api/v1/me", None).await;
    let metrics = app.get("/metrics", None).await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.header("content-type").is_some_and(|c| c.starts_with("text/plain")));
    assert!(metrics.body.contains(r#"http_requests_total{method="GET",route="/health",status="200"} 1"#), "{}", metrics.body);
    assert!(metrics.body.contains(r#"http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#), "{}", metrics.body);
    assert!(metrics.body.contains(r#"http_request_duration_seconds_count{method="GET",route="/health"} 1"#));
}

#[actix_web::test]
async fn with_a_metrics_token_metrics_answer_only_to_it() {
    let app = TestApp::spawn_with(|s| s.metrics_token = Some("metrics-secret-0123456789".to_owned())).await;
    assert_eq!(app.get("/metrics", None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/metrics", Some("wrong-token")).await.status, StatusCode::NOT_FOUND);
    let with_token = app.get("/metrics", Some("metrics-secret-0123456789")).await;
    assert_eq!(with_token.status, StatusCode::OK);
    assert!(with_token.body.contains("http_requests_total"));
}

/// Behind a trusted proxy the refresh cookie is `Secure` and HSTS is sent when the proxy says
/// the request came over HTTPS; a client cannot claim HTTPS (or an address) by itself.
#[actix_web::test]
async fn https_through_a_trusted_proxy_gets_hsts_and_a_secure_cookie() {
    let app = TestApp::spawn_with(|s| s.trusted_proxies = vec!["127.0.0.1".to_owned()]).await;
    let login = |proto: &'static str| {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .insert_header(("x-forwarded-proto", proto))
            .insert_header(("x-forwarded-for", "198.51.100.7"))
            .send_json(&serde_json::json!({ "username": "staff", "password": crate::helpers::PASSWORD }))
    };
    let res = crate::helpers::Response::read(login("https").await).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.header("strict-transport-security").is_some_and(|h| h.contains("max-age")));
    assert!(res.header("set-cookie").is_some_and(|c| c.contains("Secure")), "{:?}", res.header("set-cookie"));
    let plain = crate::helpers::Response::read(login("http").await).await;
    assert!(plain.header("strict-transport-security").is_none());
    assert!(plain.header("set-cookie").is_some_and(|c| !c.contains("Secure")));
    // The audit log has the address the proxy saw, not the peer.
    let entries = app.audit_actions("auth.login").await;
    assert!(entries.iter().any(|e| e["ip"] == "198.51.100.7"), "{entries:?}");

    // Not behind a trusted proxy: the same headers are ignored.
    let direct = TestApp::spawn().await;
    let res = crate::helpers::Response::read(
        direct
            .client
            .post(direct.url("/api/v1/auth/login"))
            .insert_header(("x-forwarded-proto", "https"))
            .send_json(&serde_json::json!({ "username": "staff", "password": crate::helpers::PASSWORD }))
            .await,
    )
    .await;
    assert!(res.header("strict-transport-security").is_none());
}

/// With the database out of reach (here: every connection taken), `/ready` and API calls answer
/// 503 problem+json within the configured wait instead of hanging.
#[actix_web::test]
async fn without_a_free_database_connection_requests_answer_503() {
    let app = TestApp::spawn_with(|s| s.db_wait_seconds = 1).await;
    let staff = app.token("staff").await;
    // The pool has 8 connections: hold them all.
    let mut held = Vec::new();
    for _ in 0..8 {
        held.push(app.pool.get().await.expect("connection"));
    }
    let ready = app.get("/ready", None).await;
    ready.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable");
    assert_eq!(ready.header("retry-after").as_deref(), Some("5"));
    app.get("/api/v1/residents", Some(&staff)).await.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable");
    drop(held);
    assert_eq!(app.get("/ready", None).await.status, StatusCode::OK);
}

/// A statement running past `statement_timeout` is cancelled by PostgreSQL, and the API turns
/// that into a 503 (the database is slow, not the request wrong).
#[actix_web::test]
async fn a_statement_past_its_timeout_is_cancelled_and_is_a_503() {
    use diesel_async::RunQueryDsl;
    let app = TestApp::spawn().await;
    let timeouts =
        xingguang_db::pool::DbTimeouts { connect: std::time::Duration::from_secs(5), statement: std::time::Duration::from_millis(200) };
    let pool = xingguang_db::pool::build_pool_with(&app.db_url, 1, timeouts).expect("pool");
    let mut conn = pool.get().await.expect("connection");
    let error = diesel::sql_query("SELECT pg_sleep(5)").execute(&mut conn).await.expect_err("cancelled");
    let api_error = xingguang::error::ApiError::from(error);
    assert_eq!(api_error.status, awc::http::StatusCode::SERVICE_UNAVAILABLE, "{api_error}");
}
