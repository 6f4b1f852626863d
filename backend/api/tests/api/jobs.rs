//! Background jobs live in PostgreSQL: any API process reports a job another one runs, and a
//! job whose process died is marked interrupted (at start-up and periodically).

use awc::http::StatusCode;
use serde_json::Value;
use xingguang::common::jobs::{self, RunningJob};
use xingguang_db::models::community::Community;
use xingguang_db::models::job::Job;
use xingguang_db::models::registry_import::{NewRegistryImport, RegistryImport};
use xingguang_db::models::user::User;
use xingguang_db::vocab::{FileFormat, ImportStatus, JobKind, JobState};

use crate::helpers::TestApp;
use crate::imports::{csv_of, upload};

/// A running import of `total` rows in the demo community, as the upload handler starts one:
/// its job first (held through `app`'s pool), then its record.
async fn running_import(app: &TestApp, total: i32) -> (RunningJob, RegistryImport) {
    let mut conn = app.pool.get().await.expect("connection");
    let community = Community::find_by_name(&mut conn, xingguang::seed::DEMO_COMMUNITY).await.expect("query").expect("community");
    let staff = User::find_by_username(&mut conn, "staff").await.expect("query").expect("staff");
    let id = xingguang_db::new_id();
    let job = RunningJob::start(&app.pool, id, community.id, JobKind::RegistryImport, total).await.expect("job");
    let import = RegistryImport::insert(
        &mut conn,
        &NewRegistryImport {
            id,
            community_id: community.id,
            created_by: staff.id,
            file_name: Some("test.csv".to_owned()),
            file_sha256: "0".repeat(64),
            format: FileFormat::Csv,
            dry_run: true,
            status: ImportStatus::Running,
            total_rows: total,
        },
    )
    .await
    .expect("import");
    (job, import)
}

/// Follows an import through `app` with long polls until `done` holds (each look is a request
/// that returns when the job moves; no sleeping).
async fn follow(app: &TestApp, token: &str, id: uuid::Uuid, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let res = app.get(&format!("/api/v1/registry/imports/{id}?wait=true"), Some(token)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        if done(&res.json) {
            return res.json;
        }
    }
    panic!("import {id} never reached the expected state");
}

#[actix_web::test]
async fn a_job_run_by_one_instance_reports_progress_through_another() {
    let first = TestApp::spawn().await;
    let second = first.second_instance().await;
    let staff = second.token("staff").await;
    let (job, import) = running_import(&first, 1_000).await;

    job.progress(700);
    let seen = follow(&second, &staff, import.id, |j| j["processed_rows"] == 700).await;
    assert_eq!(seen["status"], "running", "{seen}");

    job.finish(JobState::Succeeded, None, None).await.expect("finish");
    let mut conn = first.pool.get().await.expect("connection");
    let outcome = xingguang_db::models::registry_import::ImportOutcome {
        status: ImportStatus::Validated,
        processed_rows: 1_000,
        households_created: 0,
        residents_created: 0,
        residents_skipped: 0,
        errors: serde_json::json!([]),
        finished_at: Some(chrono::Utc::now()),
    };
    RegistryImport::finish(&mut conn, import.id, &outcome).await.expect("finish import");
    let done = follow(&second, &staff, import.id, |j| j["status"] != "running").await;
    assert_eq!((done["status"].as_str(), done["processed_rows"].as_i64()), (Some("validated"), Some(1_000)));
}

#[actix_web::test]
async fn a_large_import_uploaded_to_one_instance_is_followed_to_the_end_through_another() {
    let first = TestApp::spawn().await;
    let second = first.second_instance().await;
    let staff = first.token("staff").await;
    let res = upload(&first, &staff, csv_of(2_400).into_bytes(), "").await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.body);
    let id: uuid::Uuid = res.json["id"].as_str().expect("id").parse().expect("uuid");
    let done = follow(&second, &staff, id, |j| j["status"] != "running").await;
    assert_eq!((done["status"].as_str(), done["residents_created"].as_i64()), (Some("imported"), Some(2_400)), "{done}");
}

#[actix_web::test]
async fn a_job_whose_holder_vanished_is_marked_interrupted_and_a_live_one_is_not() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let (live, live_import) = running_import(&app, 10).await;
    let (lost, lost_import) = running_import(&app, 10).await;
    // A holder that goes away without finishing: its connection closes, as when a process dies.
    drop(lost);

    let state = xingguang::state::AppState::new(
        app.pool.clone(),
        xingguang::settings::Settings::for_database(app.db_url.clone(), crate::helpers::JWT_SECRET.to_owned()),
        crate::helpers::JWT_SECRET,
    );
    let mut interrupted = false;
    for _ in 0..10_000 {
        // What the reaper does at start-up and every few seconds (the app's own may get there first).
        let reaped = jobs::reap(&app.pool).await.expect("reap");
        assert!(reaped.iter().all(|j| j.id != live_import.id), "a job whose holder is alive was interrupted");
        xingguang::registry::imports::service::on_interrupted(&state, &reaped).await.expect("mark imports");
        let mut conn = app.pool.get().await.expect("connection");
        if Job::find(&mut conn, lost_import.community_id, lost_import.id).await.expect("job").state == JobState::Interrupted {
            interrupted = true;
            break;
        }
        tokio::task::yield_now().await; // the dropped connection closes on the runtime
    }
    assert!(interrupted, "the lost job was never marked interrupted");

    let shown = app.get(&format!("/api/v1/registry/imports/{}", lost_import.id), Some(&staff)).await;
    assert_eq!(shown.json["status"], "interrupted", "{}", shown.body);
    let still = app.get(&format!("/api/v1/registry/imports/{}", live_import.id), Some(&staff)).await;
    assert_eq!(still.json["status"], "running", "{}", still.body);
    live.finish(JobState::Succeeded, None, None).await.expect("finish");
}

/// A real server process killed with SIGKILL in the middle of an import: after a restart the
/// import says `interrupted` (nothing written), instead of "running" forever.
#[actix_web::test]
async fn an_import_killed_with_the_server_shows_interrupted_after_a_restart() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let start = |port: u16| {
        std::process::Command::new(env!("CARGO_BIN_EXE_xingguang"))
            .arg("serve")
            .env("DATABASE_URL", &app.db_url)
            .env("JWT_SECRET", crate::helpers::JWT_SECRET)
            .env("XINGGUANG_DATA_KEYS", crate::helpers::DATA_KEYS)
            .env("XINGGUANG_INDEX_KEY", crate::helpers::INDEX_KEY)
            .env("XINGGUANG_BIND", format!("127.0.0.1:{port}"))
            .env("XINGGUANG_STATIC_DIR", "/nonexistent")
            .env("RUST_LOG", "info")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start the server")
    };
    // Ready when it logs that it listens (the rest of its log is drained so it never blocks).
    let wait_until_listening = |server: &mut std::process::Child| {
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(server.stderr.take().expect("stderr")).lines();
        let ready = lines.by_ref().map_while(Result::ok).any(|line| line.contains("listening on"));
        std::thread::spawn(move || lines.for_each(drop));
        assert!(ready, "the server did not start");
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let mut server = start(port);
    wait_until_listening(&mut server);
    let base = format!("http://127.0.0.1:{port}");
    let client = awc::Client::builder().timeout(std::time::Duration::from_secs(60)).finish();
    let res = client
        .post(format!("{base}/api/v1/registry/imports"))
        .bearer_auth(&staff)
        .insert_header(("content-type", "text/csv"))
        .send_body(csv_of(10_000))
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let id = res.headers().get("location").and_then(|l| l.to_str().ok()).and_then(|l| l.rsplit('/').next()).expect("Location").to_owned();
    server.kill().expect("SIGKILL");
    server.wait().expect("reaped");

    let mut restarted = start(port);
    wait_until_listening(&mut restarted);
    let status = follow(&app, &staff, id.parse().expect("uuid"), |j| j["status"] != "running").await;
    restarted.kill().expect("stop");
    restarted.wait().expect("reaped");
    assert_eq!(status["status"], "interrupted", "{status}");
    assert_eq!(status["residents_created"], 0);
}
