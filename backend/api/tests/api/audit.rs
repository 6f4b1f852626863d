use awc::http::StatusCode;
use diesel_async::RunQueryDsl;

use crate::helpers::TestApp;

#[actix_web::test]
async fn logins_are_audited_with_actor_request_and_address() {
    let app = TestApp::spawn().await;
    let login = crate::helpers::Response::read(
        app.client
            .post(app.url("/api/v1/auth/login"))
            .insert_header(("x-request-id", "login-req-1"))
            .send_json(&serde_json::json!({ "username": "leader", "password": crate::helpers::PASSWORD }))
            .await,
    )
    .await;
    assert_eq!(login.status, StatusCode::OK);
    let entries = app.audit_actions("auth.login").await;
    let entry = entries.iter().find(|e| e["actor_username"] == "leader").expect("leader's login");
    assert_eq!(entry["actor_role"], "group_leader");
    assert_eq!(entry["entity_type"], "user");
    assert_eq!(entry["request_id"], "login-req-1");
    assert_eq!(entry["ip"], "127.0.0.1");
}

#[actix_web::test]
async fn the_log_pages_with_a_cursor_and_filters() {
    let app = TestApp::spawn().await;
    for _ in 0..3 {
        app.login("resident").await;
    }
    let token = app.token("staff").await;
    let first = app.get("/api/v1/audit?action=auth.login&limit=2", Some(&token)).await;
    assert_eq!(first.status, StatusCode::OK);
    let items = first.json["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let cursor = first.json["next_cursor"].as_str().expect("a next page");
    let second = app.get(&format!("/api/v1/audit?action=auth.login&limit=2&cursor={cursor}"), Some(&token)).await;
    let more = second.json["items"].as_array().expect("items");
    assert_eq!(more.len(), 2, "4 logins in all: 3 residents and the staff member");
    assert!(second.json["next_cursor"].is_null());
    // Newest first, no overlap between pages.
    let ids: Vec<&str> = items.iter().chain(more).filter_map(|e| e["id"].as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ids, sorted);
    sorted.dedup();
    assert_eq!(sorted.len(), 4);

    let me = app.get("/api/v1/me", Some(&token)).await.json["id"].as_str().expect("a string in the response").to_owned();
    let mine = app.get(&format!("/api/v1/audit?actor_id={me}"), Some(&token)).await;
    let mine = mine.json["items"].as_array().expect("items");
    assert!(!mine.is_empty() && mine.iter().all(|e| e["actor_username"] == "staff"));

    let future = app.get("/api/v1/audit?from=2999-01-01T00:00:00Z", Some(&token)).await;
    assert_eq!(future.json["items"].as_array().map(Vec::len), Some(0));
}

#[actix_web::test]
async fn staff_see_only_their_own_communitys_log() {
    let app = TestApp::spawn().await;
    {
        let mut conn = app.pool.get().await.expect("conn");
        let other = xingguang_db::models::community::Community::insert(
            &mut conn,
            &xingguang_db::models::community::NewCommunity {
                id: xingguang_db::new_id(),
                name: "城南社区",
                province: "浙江省",
                city: "金华市",
                county: "武义县",
            },
        )
        .await
        .expect("community");
        let hash = xingguang::auth::domain::hash_password(crate::helpers::PASSWORD).expect("hash");
        xingguang_db::models::user::User::insert(
            &mut conn,
            &xingguang_db::models::user::NewUser {
                id: xingguang_db::new_id(),
                community_id: other.id,
                username: "other-staff",
                display_name: "城南社区工作人员",
                password_hash: &hash,
                role: xingguang_db::models::user::Role::Staff,
            },
        )
        .await
        .expect("user");
    }
    app.login("other-staff").await;
    let entries = app.audit_actions("auth.login").await;
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e["actor_username"] != "other-staff"));
}

#[actix_web::test]
async fn the_audit_log_is_append_only_in_the_database() {
    let app = TestApp::spawn().await;
    app.login("staff").await;
    let mut conn = app.pool.get().await.expect("conn");
    let update = diesel::sql_query("UPDATE audit_log SET action = 'tampered'").execute(&mut conn).await;
    assert!(update.is_err());
    let delete = diesel::sql_query("DELETE FROM audit_log").execute(&mut conn).await;
    assert!(delete.is_err());
    assert!(app.audit_actions("auth.login").await.iter().all(|e| e["action"] == "auth.login"));
}
