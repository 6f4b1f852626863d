//! The server serves the built SPA: hashed assets cached for a year, index.html never cached,
//! client-side routes answered with index.html — but never API, docs or ops paths.

use awc::http::StatusCode;

use crate::helpers::{Response, TestApp};

async fn app_with_spa() -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("xg-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets")).expect("dir");
    std::fs::write(dir.join("index.html"), "<!doctype html><div id=root></div>").expect("index");
    std::fs::write(dir.join("assets/index-abc123.js"), "console.log('spa')").expect("asset");
    let static_dir = dir.clone();
    let app = TestApp::spawn_with(move |settings| settings.static_dir = static_dir).await;
    (app, dir)
}

#[actix_web::test]
async fn the_spa_is_served_with_the_right_caching() {
    let (app, dir) = app_with_spa().await;

    let index = app.get("/", None).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.body.contains("id=root"));
    assert_eq!(index.header("cache-control").as_deref(), Some("no-cache"));

    let asset = app.get("/assets/index-abc123.js", None).await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(asset.header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"));

    // A client-side route gets index.html so the SPA's router can take it.
    let route = app.get("/audit", None).await;
    assert_eq!(route.status, StatusCode::OK);
    assert!(route.body.contains("id=root"));
    assert_eq!(route.header("cache-control").as_deref(), Some("no-cache"));

    // Paths that try to leave the folder are not files.
    let sneaky = app.get("/assets/../../etc/passwd", None).await;
    assert!(!sneaky.body.contains("root:"));
    std::fs::remove_dir_all(dir).ok();
}

#[actix_web::test]
async fn api_docs_and_ops_paths_never_fall_back_to_the_spa() {
    let (app, dir) = app_with_spa().await;
    app.get("/api/v1/unknown", None).await.assert_problem(StatusCode::NOT_FOUND, "route_not_found");
    app.get("/metrics/extra", None).await.assert_problem(StatusCode::NOT_FOUND, "route_not_found");
    // Writes to a client-side route are not the SPA's either.
    let post = Response::read(app.client.post(app.url("/audit")).send().await).await;
    post.assert_problem(StatusCode::NOT_FOUND, "route_not_found");
    std::fs::remove_dir_all(dir).ok();
}
