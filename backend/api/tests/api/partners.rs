//! Partner units and machine access: the client-credentials grant and its errors, rotation and
//! revocation, and what each role sees of partners.

use awc::http::StatusCode;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::TestApp;

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("payload");
    serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json")
}

#[actix_web::test]
async fn the_seed_holds_thirteen_units_and_the_partner_user_belongs_to_the_bank() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let units = app.get("/api/v1/partners", Some(&staff)).await.json;
    assert_eq!(units.as_array().map(Vec::len), Some(13));
    assert!(units.as_array().into_iter().flatten().all(|u| u["contact_phone"].as_str().is_some_and(|p| p.contains("****"))));

    let partner = app.login("partner").await.json["access_token"].as_str().expect("a string in the response").to_owned();
    let bank = app.demo_partner_id().await;
    assert_eq!(claims(&partner)["partner_id"], bank.as_str());
    let own = app.get("/api/v1/partners", Some(&partner)).await.json;
    assert_eq!(own.as_array().map(Vec::len), Some(1), "a partner sees its own unit only");
    let me = app.get("/api/v1/me", Some(&partner)).await.json;
    assert_eq!(me["partner_id"], bank.as_str());

    let other = units.as_array().into_iter().flatten().find(|u| u["id"] != bank.as_str()).expect("another unit");
    let other_id = other["id"].as_str().expect("a string in the response");
    app.get(&format!("/api/v1/partners/{other_id}"), Some(&partner)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/api/v1/partners/{other_id}/clients"), Some(&partner)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    for user in ["resident", "leader"] {
        let token = app.token(user).await;
        app.get("/api/v1/partners", Some(&token)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }

    // Staff reveal a contact phone with a reason, and the reveal is audited.
    let reveal = app.post_json(&format!("/api/v1/partners/{bank}/reveal"), Some(&staff), &json!({ "reason": "联系场地借用事宜" })).await;
    assert_eq!(reveal.status, StatusCode::OK, "{}", reveal.body);
    assert_eq!(reveal.json["contact_phone"], "13905791234");
    assert_eq!(app.audit_actions("partner.reveal").await.len(), 1);
}

#[actix_web::test]
async fn client_credentials_grant_issues_partner_tokens_and_refuses_bad_requests_rfc_style() {
    let app = TestApp::spawn().await;
    let bank = app.demo_partner_id().await;
    let (client_id, secret) = app.create_client(&bank).await;

    // HTTP Basic …
    let res = app.token_request(Some((&client_id, &secret)), &[("grant_type", "client_credentials")]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json["token_type"], "Bearer");
    assert_eq!(res.header("cache-control").as_deref(), Some("no-store"));
    let token = res.json["access_token"].as_str().expect("a string in the response").to_owned();
    let c = claims(&token);
    assert_eq!(
        (c["role"].as_str(), c["partner_id"].as_str(), c["client_id"].as_str()),
        (Some("partner"), Some(bank.as_str()), Some(client_id.as_str()))
    );
    assert_eq!(app.get("/api/v1/pledges", Some(&token)).await.status, StatusCode::OK, "the token works on partner endpoints");
    // … or form fields.
    let form =
        app.token_request(None, &[("grant_type", "client_credentials"), ("client_id", &client_id), ("client_secret", &secret)]).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);

    let oauth_error = |res: &crate::helpers::Response, status: StatusCode, error: &str| {
        assert_eq!(res.status, status, "{}", res.body);
        assert_eq!(res.json["error"], error, "{}", res.body);
        assert!(res.json["error_description"].is_string());
        assert!(res.header("content-type").is_some_and(|c| c.starts_with("application/json")));
    };
    let wrong = app.token_request(Some((&client_id, "xgs_wrong")), &[("grant_type", "client_credentials")]).await;
    oauth_error(&wrong, StatusCode::UNAUTHORIZED, "invalid_client");
    assert!(wrong.header("www-authenticate").is_some_and(|h| h.starts_with("Basic")));
    oauth_error(
        &app.token_request(Some(("xgc_nobody", &secret)), &[("grant_type", "client_credentials")]).await,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
    );
    oauth_error(&app.token_request(None, &[("grant_type", "client_credentials")]).await, StatusCode::UNAUTHORIZED, "invalid_client");
    oauth_error(
        &app.token_request(Some((&client_id, &secret)), &[("grant_type", "password")]).await,
        StatusCode::BAD_REQUEST,
        "unsupported_grant_type",
    );
    oauth_error(&app.token_request(Some((&client_id, &secret)), &[]).await, StatusCode::BAD_REQUEST, "invalid_request");
    let as_json = crate::helpers::Response::read(
        app.client
            .post(app.url("/api/v1/oauth/token"))
            .basic_auth(&client_id, &secret)
            .send_json(&json!({ "grant_type": "client_credentials" }))
            .await,
    )
    .await;
    oauth_error(&as_json, StatusCode::BAD_REQUEST, "invalid_request");
    assert_eq!(app.audit_actions("api_client.token_refused").await.len(), 1, "the wrong secret for a real client is audited");

    // Rotation: the old secret stops working, the new one works.
    let staff = app.token("staff").await;
    let clients = app.get(&format!("/api/v1/partners/{bank}/clients"), Some(&staff)).await.json;
    let id = clients[0]["id"].as_str().expect("a string in the response").to_owned();
    assert!(clients[0].get("client_secret").is_none(), "secrets are never listed");
    let rotated = app.post_json(&format!("/api/v1/partners/{bank}/clients/{id}/rotate"), Some(&staff), &json!({})).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
    let new_secret = rotated.json["client_secret"].as_str().expect("a string in the response").to_owned();
    oauth_error(
        &app.token_request(Some((&client_id, &secret)), &[("grant_type", "client_credentials")]).await,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
    );
    let machine = app.client_token(&client_id, &new_secret).await;
    assert_eq!(app.get("/api/v1/needs", Some(&machine)).await.status, StatusCode::OK);

    // Revocation: no new tokens, and the ones already issued stop working at once.
    let revoked = app.post_json(&format!("/api/v1/partners/{bank}/clients/{id}/revoke"), Some(&staff), &json!({})).await;
    assert_eq!(revoked.status, StatusCode::OK);
    assert!(revoked.json["revoked_at"].is_string());
    oauth_error(
        &app.token_request(Some((&client_id, &new_secret)), &[("grant_type", "client_credentials")]).await,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
    );
    app.get("/api/v1/needs", Some(&machine)).await.assert_problem(StatusCode::UNAUTHORIZED, "invalid_token");

    // Only staff manage clients.
    let partner = app.token("partner").await;
    app.post_json(&format!("/api/v1/partners/{bank}/clients"), Some(&partner), &json!({ "name": "x" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn an_inactive_unit_gets_no_tokens() {
    let app = TestApp::spawn().await;
    let bank = app.demo_partner_id().await;
    let (client_id, secret) = app.create_client(&bank).await;
    let staff = app.token("staff").await;
    let unit = app.get(&format!("/api/v1/partners/{bank}"), Some(&staff)).await.json;
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/partners/{bank}")))
        .bearer_auth(&staff)
        .send_json(&json!({ "version": unit["version"], "status": "inactive" }))
        .await;
    assert_eq!(crate::helpers::Response::read(res).await.status, StatusCode::OK);
    let refused = app.token_request(Some((&client_id, &secret)), &[("grant_type", "client_credentials")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json["error"], "unauthorized_client");
    // A stale version is refused.
    let stale = app
        .client
        .patch(app.url(&format!("/api/v1/partners/{bank}")))
        .bearer_auth(&staff)
        .send_json(&json!({ "version": unit["version"], "status": "active" }))
        .await;
    crate::helpers::Response::read(stale).await.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
}

#[actix_web::test]
async fn repeated_wrong_secrets_are_throttled_per_client() {
    let app = TestApp::spawn().await;
    let bank = app.demo_partner_id().await;
    let (client_id, secret) = app.create_client(&bank).await;
    for _ in 0..xingguang::auth::service::MAX_FAILURES {
        let res = app.token_request(Some((&client_id, "xgs_wrong")), &[("grant_type", "client_credentials")]).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right secret waits, with a Retry-After.
    let throttled = app.token_request(Some((&client_id, &secret)), &[("grant_type", "client_credentials")]).await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "{}", throttled.body);
    assert_eq!(throttled.json["error"], "too_many_requests");
    assert!(throttled.header("retry-after").and_then(|v| v.parse::<u64>().ok()).is_some_and(|s| s > 0));
    // Another client is not affected.
    let (other_id, other_secret) = app.create_client(&bank).await;
    app.client_token(&other_id, &other_secret).await;
}
