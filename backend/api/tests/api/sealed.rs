//! Personal data sealed at rest: ID numbers, phones, webhook secrets and idempotent replays are
//! stored encrypted under the current key, found through blind indexes, and clear text left by an
//! older version is sealed at start-up; `xingguang rotate-key` moves everything to a new key.

use awc::http::StatusCode;
use diesel::sql_types::{BigInt, Bytea, Text};
use diesel_async::RunQueryDsl;
use serde_json::json;
use xingguang_db::sealed::{reseal, Keyring, Reseal};

use crate::helpers::{TestApp, DATA_KEYS, INDEX_KEY};

const SEALED: [(&str, &str); 8] = [
    ("residents", "id_number"),
    ("residents", "phone"),
    ("households", "phone"),
    ("partner_units", "contact_phone"),
    ("webhook_endpoints", "secret"),
    ("webhook_endpoints", "previous_secret"),
    ("idempotency_keys", "response_body"),
    ("assistance_cases", "finances"),
];

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(diesel::QueryableByName)]
struct Raw {
    #[diesel(sql_type = Bytea)]
    value: Vec<u8>,
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let mut conn = app.pool.get().await.expect("connection");
    diesel::sql_query(sql).get_result::<Count>(&mut conn).await.expect(sql).n
}

/// Values of `table.column` that are not sealed under the key `key_id`.
async fn not_sealed_under(app: &TestApp, table: &str, column: &str, key_id: &str) -> i64 {
    let header = format!("\\x00{:02x}{}", key_id.len(), key_id.bytes().map(|b| format!("{b:02x}")).collect::<String>());
    let n = key_id.len() + 2;
    count(
        app,
        &format!(
            "SELECT count(*) AS n FROM {table} WHERE {column} IS NOT NULL AND substring({column} from 1 for {n}) <> '{header}'::bytea"
        ),
    )
    .await
}

/// A webhook endpoint (its secret, and the idempotent reply that carried it) and a rotation.
async fn register_endpoint(app: &TestApp) {
    let partner = app.token("partner").await;
    let res = app
        .post_idempotent(
            "/api/v1/webhooks/endpoints",
            &partner,
            "seal-1",
            &json!({ "url": "http://127.0.0.1:9/hook", "events": ["pledge.accepted"] }),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let id = res.json["endpoint"]["id"].as_str().expect("id").to_owned();
    let rotated = app.post_idempotent(&format!("/api/v1/webhooks/endpoints/{id}/rotate-secret"), &partner, "seal-2", &json!({})).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
}

#[actix_web::test]
async fn personal_data_and_secrets_are_stored_sealed() {
    let app = TestApp::spawn_with(|s| s.webhook_allow_http_loopback = true).await;
    register_endpoint(&app).await;
    for (table, column) in SEALED {
        assert!(
            count(&app, &format!("SELECT count(*) AS n FROM {table} WHERE {column} IS NOT NULL")).await > 0,
            "{table}.{column} has rows"
        );
        assert_eq!(not_sealed_under(&app, table, column, "test1").await, 0, "{table}.{column} is sealed");
    }
    // No clear text anywhere: the county code of every demo ID number, the whsec_ prefix.
    assert_eq!(count(&app, "SELECT count(*) AS n FROM residents WHERE position('\\x33333037'::bytea in id_number) > 0").await, 0);
    assert_eq!(
        count(&app, "SELECT count(*) AS n FROM idempotency_keys WHERE position(convert_to('whsec_', 'UTF8') in response_body) > 0").await,
        0
    );

    // And the application reads them as before: the reveal, a suffix search, a duplicate check.
    let staff = app.token("staff").await;
    let list = app.get("/api/v1/residents?limit=1", Some(&staff)).await;
    let id = list.json["items"][0]["id"].as_str().expect("a resident").to_owned();
    let masked = list.json["items"][0]["id_number_masked"].as_str().expect("masked").to_owned();
    let revealed = app.post_json(&format!("/api/v1/residents/{id}/reveal"), Some(&staff), &json!({ "reason": "核对低保材料" })).await;
    let full = revealed.json["id_number"].as_str().expect("full number").to_owned();
    assert_eq!((&full[..6], &full[16..]), (&masked[..6], &masked[masked.len() - 2..]));
    let found = app.get(&format!("/api/v1/residents?q={}", &full[12..]), Some(&staff)).await;
    assert!(found.json["items"].as_array().expect("items").iter().any(|r| r["id"] == id.as_str()), "{}", found.body);
}

async fn reveal(app: &TestApp, staff: &str, id: &str) -> serde_json::Value {
    app.post_json(&format!("/api/v1/residents/{id}/reveal"), Some(staff), &json!({ "reason": "核对低保材料" })).await.json["id_number"]
        .clone()
}

#[actix_web::test]
async fn clear_text_from_an_older_version_is_sealed_at_start_and_rotation_moves_every_value() {
    let app = TestApp::spawn_with(|s| s.webhook_allow_http_loopback = true).await;
    register_endpoint(&app).await;
    let staff = app.token("staff").await;
    let first = app.get("/api/v1/residents?limit=1", Some(&staff)).await.json["items"][0].clone();
    let id = first["id"].as_str().expect("id").to_owned();
    let number = reveal(&app, &staff, &id).await;

    // As the migration leaves them: clear bytes and no blind index.
    {
        let mut conn = app.pool.get().await.expect("connection");
        diesel::sql_query(
            "UPDATE residents SET id_number = convert_to($1, 'UTF8'), id_number_hash = NULL, id_suffix_hashes = '{}' WHERE id = $2::uuid",
        )
        .bind::<Text, _>(number.as_str().expect("string"))
        .bind::<Text, _>(&id)
        .execute(&mut conn)
        .await
        .expect("write clear text");
        assert_eq!(not_sealed_under(&app, "residents", "id_number", "test1").await, 1);
        let report = reseal(&mut conn, Reseal::ClearText).await.expect("reseal");
        assert!(report.contains(&("residents.id_number".to_owned(), 1)), "{report:?}");
    }
    assert_eq!(not_sealed_under(&app, "residents", "id_number", "test1").await, 0);
    assert_eq!(reveal(&app, &staff, &id).await, number);
    let suffix = &number.as_str().expect("string")[13..];
    let found = app.get(&format!("/api/v1/residents?q={suffix}"), Some(&staff)).await;
    assert!(found.json["items"].as_array().expect("items").iter().any(|r| r["id"] == id.as_str()), "blind index rebuilt: {}", found.body);

    // A new key first, the old one after: `rotate-key` re-seals every value under the new key.
    let new_key = format!("{},{DATA_KEYS}", Keyring::generate("test2").0);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_xingguang"))
        .arg("rotate-key")
        .env("DATABASE_URL", &app.db_url)
        .env("JWT_SECRET", crate::helpers::JWT_SECRET)
        .env("XINGGUANG_DATA_KEYS", &new_key)
        .env("XINGGUANG_INDEX_KEY", INDEX_KEY)
        .output()
        .expect("xingguang rotate-key runs");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(printed.contains("residents.id_number:") && printed.contains("with key test2"), "{printed}");
    assert!(!printed.contains(new_key.split(':').nth(1).expect("key")), "keys are never printed");
    for (table, column) in SEALED {
        assert_eq!(not_sealed_under(&app, table, column, "test2").await, 0, "{table}.{column} moved to the new key");
    }
    // The new key alone now opens the number.
    let rotated = Keyring::parse(new_key.split(',').next().expect("first"), INDEX_KEY).expect("keys");
    let mut conn = app.pool.get().await.expect("connection");
    let raw = diesel::sql_query("SELECT id_number AS value FROM residents WHERE id = $1::uuid")
        .bind::<Text, _>(&id)
        .get_result::<Raw>(&mut conn)
        .await
        .expect("row");
    assert_eq!(String::from_utf8(rotated.open(&raw.value).expect("opens")).expect("text"), number.as_str().expect("string"));
}
