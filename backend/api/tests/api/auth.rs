use awc::http::StatusCode;
use base64::Engine;
use serde_json::json;

use crate::helpers::{Response, TestApp, JWT_SECRET, PASSWORD};

#[actix_web::test]
async fn each_role_logs_in_and_sees_itself_and_its_community() {
    let app = TestApp::spawn().await;
    for (username, role) in [("staff", "staff"), ("leader", "group_leader"), ("resident", "resident"), ("partner", "partner")] {
        let login = app.login(username).await;
        assert_eq!(login.json["token_type"], "Bearer");
        assert!(login.json["expires_in"].as_i64().unwrap_or(0) > 0);
        assert_eq!(login.header("cache-control").as_deref(), Some("no-store"));
        let token = login.json["access_token"].as_str().expect("a string in the response");
        let me = app.get("/api/v1/me", Some(token)).await;
        assert_eq!(me.status, StatusCode::OK, "{}", me.body);
        assert_eq!(me.json["username"], username);
        assert_eq!(me.json["role"], role);
        assert_eq!(me.json["community"]["name"], "星光社区");
        assert_eq!(me.json["community"]["county"], "武义县");
    }
}

#[actix_web::test]
async fn usernames_are_case_insensitive() {
    let app = TestApp::spawn().await;
    let res = app.login_raw("  STAFF ", PASSWORD).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
}

#[actix_web::test]
async fn wrong_password_and_unknown_user_are_indistinguishable() {
    let app = TestApp::spawn().await;
    let wrong_password = app.login_raw("staff", "not-the-password").await;
    let unknown_user = app.login_raw("nobody", "not-the-password").await;
    wrong_password.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    unknown_user.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(wrong_password.body, unknown_user.body);
    assert!(wrong_password.header("set-cookie").is_none());
    // Both are in the audit log; only the known user's failure is in the community's log.
    let failures = app.audit_actions("auth.login_failed").await;
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["detail"]["reason"], "wrong_password");
}

#[actix_web::test]
async fn login_validates_its_fields() {
    let app = TestApp::spawn().await;
    let res = app.post_json("/api/v1/auth/login", None, &json!({ "username": "a", "password": "x" })).await;
    res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "username");
    let res = app.post_json("/api/v1/auth/login", None, &json!({ "username": "staff" })).await;
    res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let res = app.post_json("/api/v1/auth/login", None, &json!({ "username": "staff", "password": "x".repeat(300) })).await;
    res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.json["errors"][0]["field"], "password");
}

fn sign(claims: &serde_json::Value, secret: &str) -> String {
    jsonwebtoken::encode(&jsonwebtoken::Header::default(), claims, &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()))
        .expect("encode")
}

fn claims_of(token: &str) -> serde_json::Value {
    let payload = token.split('.').nth(1).expect("payload");
    serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json")
}

#[actix_web::test]
async fn expired_tampered_foreign_and_unsigned_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.token("resident").await;
    let mut claims = claims_of(&token);

    // A genuine token works.
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.status, StatusCode::OK);

    // Expired an hour ago, correctly signed.
    let now = chrono::Utc::now().timestamp();
    claims["iat"] = json!(now - 7200);
    claims["exp"] = json!(now - 3600);
    app.get("/api/v1/me", Some(&sign(&claims, JWT_SECRET))).await.assert_problem(StatusCode::UNAUTHORIZED, "token_expired");

    // Payload edited to claim the staff role, original signature kept.
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut escalated = claims_of(&token);
    escalated["role"] = json!("staff");
    parts[1] = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(escalated.to_string());
    let tampered = parts.join(".");
    app.get("/api/v1/audit", Some(&tampered)).await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_token");

    // Signed with another key.
    let foreign = sign(&claims_of(&token), "another-secret-another-secret-another-secret");
    app.get("/api/v1/me", Some(&foreign)).await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_token");

    // alg: none, no signature.
    let header = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(escalated.to_string());
    for unsigned in [format!("{header}.{payload}."), format!("{header}.{payload}")] {
        app.get("/api/v1/me", Some(&unsigned)).await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_token");
    }

    // Garbage and a missing header.
    app.get("/api/v1/me", Some("not-a-jwt")).await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_token");
    let missing = app.get("/api/v1/me", None).await;
    missing.assert_problem(StatusCode::UNAUTHORIZED, "missing_token");
    assert_eq!(missing.header("www-authenticate").as_deref(), Some("Bearer"));
}

#[actix_web::test]
async fn a_wrong_role_is_403_and_no_token_is_401() {
    let app = TestApp::spawn().await;
    for username in ["resident", "leader", "partner"] {
        let token = app.token(username).await;
        app.get("/api/v1/audit", Some(&token)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }
    app.get("/api/v1/audit", None).await.assert_problem(StatusCode::UNAUTHORIZED, "missing_token");
    let staff = app.token("staff").await;
    assert_eq!(app.get("/api/v1/audit", Some(&staff)).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn refresh_rotates_and_a_reused_token_revokes_the_whole_login() {
    let app = TestApp::spawn().await;
    let first = app.login("staff").await.json["refresh_token"].as_str().expect("a string in the response").to_owned();

    let rotated = app.post_json("/api/v1/auth/refresh", None, &json!({ "refresh_token": first })).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
    let second = rotated.json["refresh_token"].as_str().expect("a string in the response").to_owned();
    assert_ne!(first, second);
    let access = rotated.json["access_token"].as_str().expect("a string in the response");
    assert_eq!(app.get("/api/v1/me", Some(access)).await.status, StatusCode::OK);

    // The first token again: someone copied it. Both it and its successor stop working.
    app.post_json("/api/v1/auth/refresh", None, &json!({ "refresh_token": first }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "refresh_token_reused");
    app.post_json("/api/v1/auth/refresh", None, &json!({ "refresh_token": second }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "refresh_token_revoked");
    assert_eq!(app.audit_actions("auth.refresh_reused").await.len(), 1);

    // Another login of the same user is a separate family and unaffected.
    let other = app.login("staff").await.json["refresh_token"].as_str().expect("a string in the response").to_owned();
    assert_eq!(app.post_json("/api/v1/auth/refresh", None, &json!({ "refresh_token": other })).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn unknown_and_missing_refresh_tokens_are_401() {
    let app = TestApp::spawn().await;
    app.post_json("/api/v1/auth/refresh", None, &json!({ "refresh_token": "made-up" }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    let res = crate::helpers::Response::read(app.client.post(app.url("/api/v1/auth/refresh")).send().await).await;
    res.assert_problem(StatusCode::UNAUTHORIZED, "missing_refresh_token");
}

#[actix_web::test]
async fn the_browser_refreshes_and_logs_out_with_the_httponly_cookie() {
    let app = TestApp::spawn().await;
    let login = app.login("staff").await;
    let set_cookie = login.header("set-cookie").expect("refresh cookie");
    assert!(set_cookie.starts_with("xg_refresh="), "{set_cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(set_cookie.contains(attribute), "{attribute} missing from {set_cookie}");
    }
    let cookie = set_cookie.split(';').next().expect("a cookie").to_owned();

    let refreshed = crate::helpers::Response::read(
        app.client.post(app.url("/api/v1/auth/refresh")).insert_header(("cookie", cookie.as_str())).send().await,
    )
    .await;
    assert_eq!(refreshed.status, StatusCode::OK, "{}", refreshed.body);
    let new_cookie = refreshed.header("set-cookie").expect("rotated cookie");
    let new_cookie = new_cookie.split(';').next().expect("a cookie").to_owned();
    assert_ne!(cookie, new_cookie);

    let logout = crate::helpers::Response::read(
        app.client.post(app.url("/api/v1/auth/logout")).insert_header(("cookie", new_cookie.as_str())).send().await,
    )
    .await;
    assert_eq!(logout.status, StatusCode::NO_CONTENT);
    let cleared = logout.header("set-cookie").expect("cleared cookie");
    assert!(cleared.starts_with("xg_refresh=;") && cleared.contains("Max-Age=0"), "{cleared}");

    // The logged-out session cannot be refreshed any more.
    let after = crate::helpers::Response::read(
        app.client.post(app.url("/api/v1/auth/refresh")).insert_header(("cookie", new_cookie.as_str())).send().await,
    )
    .await;
    after.assert_problem(StatusCode::UNAUTHORIZED, "refresh_token_revoked");
    let logouts = app.audit_actions("auth.logout").await;
    assert_eq!(logouts.len(), 1);
    assert_eq!(logouts[0]["actor_username"], "staff");
}

#[actix_web::test]
async fn logout_with_a_body_token_revokes_it_and_is_idempotent() {
    let app = TestApp::spawn().await;
    let login = app.login("resident").await;
    let refresh = login.json["refresh_token"].as_str().expect("a string in the response").to_owned();
    let access = login.json["access_token"].as_str().expect("access token").to_owned();
    let other_login = app.token("resident").await;
    assert_eq!(app.get("/api/v1/me", Some(&access)).await.status, StatusCode::OK);
    for _ in 0..2 {
        let res = app.post_json("/api/v1/auth/logout", None, &json!({ "refresh_token": refresh })).await;
        assert_eq!(res.status, StatusCode::NO_CONTENT);
    }
    app.post_json("/api/v1/auth/refresh", None, &json!({ "refresh_token": refresh }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "refresh_token_revoked");
    assert_eq!(app.audit_actions("auth.logout").await.len(), 1);
    // The access token of the login that ended stops working at once; another login does not.
    app.get("/api/v1/me", Some(&access)).await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(app.get("/api/v1/me", Some(&other_login)).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn five_failures_throttle_that_username_from_that_address() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        app.login_raw("leader", "wrong-password").await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // Now even the right password is refused until the window frees up.
    let throttled = app.login_raw("leader", PASSWORD).await;
    throttled.assert_problem(StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    let retry_after: u64 = throttled.header("retry-after").and_then(|v| v.parse().ok()).expect("Retry-After");
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    assert_eq!(app.audit_actions("auth.login_throttled").await.len(), 1);
    // Other usernames from the same address are not affected.
    assert_eq!(app.login_raw("resident", PASSWORD).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_success_clears_earlier_failures() {
    let app = TestApp::spawn().await;
    for _ in 0..4 {
        app.login_raw("partner", "wrong-password").await;
    }
    app.login("partner").await;
    for _ in 0..4 {
        app.login_raw("partner", "wrong-password").await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    app.login("partner").await;
}

/// A username guessed from many addresses (each under the per-address limit) slows down with a
/// growing delay — the owner is delayed, not locked out — and one address guessing many
/// usernames is stopped.
#[actix_web::test]
async fn guessing_from_many_addresses_or_many_usernames_is_throttled() {
    let app = TestApp::spawn_with(|s| s.trusted_proxies = vec!["127.0.0.1".to_owned()]).await;
    let login_from = |ip: String, username: &str, password: &'static str| {
        let username = username.to_owned();
        let request = app.client.post(app.url("/api/v1/auth/login")).insert_header(("x-forwarded-for", ip));
        async move { Response::read(request.send_json(&json!({ "username": username, "password": password })).await).await }
    };
    for i in 0..xingguang::auth::service::ACCOUNT_FREE_FAILURES {
        login_from(format!("198.51.100.{i}"), "leader", "wrong-password-1")
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // From a fresh address, even the right password waits a moment (seconds, not a lockout).
    let slowed = login_from("203.0.113.77".to_owned(), "leader", PASSWORD).await;
    slowed.assert_problem(StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    let wait: u64 = slowed.header("retry-after").and_then(|v| v.parse().ok()).expect("Retry-After");
    assert!((1..=2).contains(&wait), "{wait}");
    // Another username from those addresses is not affected.
    assert_eq!(login_from("198.51.100.1".to_owned(), "staff", PASSWORD).await.status, StatusCode::OK);

    // One address trying many usernames.
    for i in 0..xingguang::auth::service::ADDRESS_MAX_FAILURES {
        login_from("192.0.2.200".to_owned(), &format!("nobody{i}"), "wrong-password-1")
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    login_from("192.0.2.200".to_owned(), "resident", PASSWORD).await.assert_problem(StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
}
