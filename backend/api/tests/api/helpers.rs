//! `TestApp`: the real server on port 0, its own database cloned from the migrated template,
//! and the demo users (one per role, password `xingguang`).

use std::net::TcpListener;
use std::time::Duration;

use awc::http::StatusCode;
use serde_json::Value;
use xingguang::settings::Settings;
use xingguang::state::AppState;
use xingguang_db::testing::TestDatabase;
use xingguang_db::DbPool;

pub const PASSWORD: &str = xingguang::seed::DEMO_PASSWORD;
pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";
/// The keys that seal personal data in every test (a child `xingguang` process gets them too).
pub const DATA_KEYS: &str = "test1:dGVzdC1kYXRhLWtleS10ZXN0LWRhdGEta2V5LTAwMDE=";
pub const INDEX_KEY: &str = "dGVzdC1pbmRleC10ZXN0LWluZGV4LXRlc3QtaW5kZXg=";

/// Installs the test keyring in this process (the same one every time).
pub fn install_keyring() {
    let keyring = xingguang_db::sealed::Keyring::parse(DATA_KEYS, INDEX_KEY).expect("test keys");
    xingguang_db::sealed::install(keyring).expect("one keyring for all tests");
}

/// A valid Wuyi ID number (GB 11643) for a birth date `YYYYMMDD` and a sequence (odd: male).
pub fn wuyi_id(birth: &str, sequence: u32) -> String {
    let first17 = format!("330723{birth}{sequence:03}");
    format!("{first17}{}", xingguang::common::national_id::check_character(&first17))
}

/// Two households per group: enough for every access rule, fast to seed for every test.
pub const SMALL_REGISTRY: xingguang::seed::SeedSize = xingguang::seed::SeedSize { households: 48, residents: 120 };

pub struct TestApp {
    pub base: String,
    pub pool: DbPool,
    pub client: awc::Client,
    /// The database's URL (for a second instance or a child process on the same data).
    pub db_url: String,
    handle: actix_web::dev::ServerHandle,
    // Dropped last: the database outlives the server's connections. `None` for a second
    // instance, which shares its first instance's database.
    _db: Option<TestDatabase>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        install_keyring();
        let db = TestDatabase::new().await.expect("test database");
        let mut settings = Settings::for_database(db.url.clone(), JWT_SECRET.to_owned());
        settings.static_dir = std::path::PathBuf::from("/nonexistent");
        adjust(&mut settings);
        let pool = xingguang_db::pool::build_pool(&db.url, 8).expect("pool");
        {
            let mut conn = pool.get().await.expect("connection");
            xingguang::seed::seed_demo_sized(&mut conn, SMALL_REGISTRY).await.expect("seed");
        }
        let url = db.url.clone();
        Self::serve(pool, settings, url, Some(db))
    }

    /// Another API process on the same database, as behind a load balancer: its own state,
    /// pool and port.
    pub async fn second_instance(&self) -> TestApp {
        let mut settings = Settings::for_database(self.db_url.clone(), JWT_SECRET.to_owned());
        settings.static_dir = std::path::PathBuf::from("/nonexistent");
        let pool = xingguang_db::pool::build_pool(&self.db_url, 8).expect("pool");
        Self::serve(pool, settings, self.db_url.clone(), None)
    }

    fn serve(pool: DbPool, settings: Settings, db_url: String, db: Option<TestDatabase>) -> TestApp {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let server = xingguang::startup::run(AppState::new(pool.clone(), settings, JWT_SECRET), listener).expect("server");
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let client = awc::Client::builder().timeout(Duration::from_secs(30)).disable_redirects().finish();
        TestApp { base, pool, client, db_url, handle, _db: db }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn login_raw(&self, username: &str, password: &str) -> Response {
        let res = self
            .client
            .post(self.url("/api/v1/auth/login"))
            .send_json(&serde_json::json!({ "username": username, "password": password }))
            .await;
        Response::read(res).await
    }

    /// Logs a demo user in and returns the login response (tokens in the body).
    pub async fn login(&self, username: &str) -> Response {
        let res = self.login_raw(username, PASSWORD).await;
        assert_eq!(res.status, StatusCode::OK, "login {username}: {}", res.body);
        res
    }

    pub async fn token(&self, username: &str) -> String {
        self.login(username).await.json["access_token"].as_str().expect("access token").to_owned()
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut req = self.client.get(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        Response::read(req.send().await).await
    }

    /// A JSON request with any method (PUT, PATCH, DELETE …) as `token`.
    pub async fn send_json(&self, method: awc::http::Method, path: &str, token: &str, body: Option<&Value>) -> Response {
        let req = self.client.request(method, self.url(path)).bearer_auth(token);
        match body {
            Some(body) => Response::read(req.send_json(body).await).await,
            None => Response::read(req.send().await).await,
        }
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        let mut req = self.client.post(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        Response::read(req.send_json(body).await).await
    }

    /// The community's audit entries with this action, newest first.
    pub async fn audit_actions(&self, action: &str) -> Vec<Value> {
        let token = self.token("staff").await;
        let res = self.get(&format!("/api/v1/audit?action={action}"), Some(&token)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        res.json["items"].as_array().cloned().expect("an array in the response")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        drop(handle.stop(false));
    }
}

/// A response read to the end: status, headers, body text and (when JSON) the parsed body.
pub struct Response {
    pub status: StatusCode,
    pub headers: awc::http::header::HeaderMap,
    pub body: String,
    pub json: Value,
}

impl Response {
    pub async fn read<S>(res: Result<awc::ClientResponse<S>, awc::error::SendRequestError>) -> Response
    where
        S: futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>> + Unpin,
    {
        let mut res = res.expect("request sent");
        let body = res.body().limit(10 * 1024 * 1024).await.expect("body");
        let body = String::from_utf8_lossy(&body).into_owned();
        Response { status: res.status(), headers: res.headers().clone(), json: serde_json::from_str(&body).unwrap_or(Value::Null), body }
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
    }

    /// Asserts an RFC 9457 problem with this status and code.
    pub fn assert_problem(&self, status: StatusCode, code: &str) {
        assert_eq!(self.status, status, "body: {}", self.body);
        assert_eq!(self.header("content-type").as_deref(), Some("application/problem+json"), "body: {}", self.body);
        assert_eq!(self.json["code"], code, "body: {}", self.body);
        assert_eq!(self.json["status"], status.as_u16());
        assert!(self.json["title"].is_string() && self.json["detail"].is_string() && self.json["type"].is_string());
    }
}

impl TestApp {
    pub async fn post_json_with(&self, path: &str, token: &str, headers: &[(&str, &str)], body: &Value) -> Response {
        let mut req = self.client.post(self.url(path)).bearer_auth(token);
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        Response::read(req.send_json(body).await).await
    }

    /// A partner POST with an `Idempotency-Key`.
    pub async fn post_idempotent(&self, path: &str, token: &str, key: &str, body: &Value) -> Response {
        self.post_json_with(path, token, &[("Idempotency-Key", key)], body).await
    }

    /// The demo partner unit (县工商银行), as staff see it.
    pub async fn demo_partner_id(&self) -> String {
        let staff = self.token("staff").await;
        let list = self.get("/api/v1/partners", Some(&staff)).await;
        list.json
            .as_array()
            .and_then(|units| units.iter().find(|u| u["name"] == "县工商银行"))
            .and_then(|u| u["id"].as_str())
            .expect("demo partner")
            .to_owned()
    }

    /// Creates an API client for a partner unit; returns (client_id, client_secret).
    pub async fn create_client(&self, partner_id: &str) -> (String, String) {
        let staff = self.token("staff").await;
        let res = self
            .post_json(&format!("/api/v1/partners/{partner_id}/clients"), Some(&staff), &serde_json::json!({ "name": "对接系统" }))
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        (res.json["client"]["client_id"].as_str().expect("id").to_owned(), res.json["client_secret"].as_str().expect("secret").to_owned())
    }

    /// A token from the client-credentials grant (HTTP Basic).
    pub async fn client_token(&self, client_id: &str, secret: &str) -> String {
        let res = self.token_request(Some((client_id, secret)), &[("grant_type", "client_credentials")]).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        res.json["access_token"].as_str().expect("token").to_owned()
    }

    pub async fn token_request(&self, basic: Option<(&str, &str)>, form: &[(&str, &str)]) -> Response {
        let mut req = self.client.post(self.url("/api/v1/oauth/token"));
        if let Some((id, secret)) = basic {
            req = req.basic_auth(id, secret);
        }
        Response::read(req.send_form(&form).await).await
    }
}
