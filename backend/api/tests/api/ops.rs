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
