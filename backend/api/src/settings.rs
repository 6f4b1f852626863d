//! Configuration, read from the environment (every variable is listed in `.env.example` and the
//! README) or from the matching command-line flag.

use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    /// PostgreSQL server to use. When unset, `serve` runs a private cluster under the data
    /// directory and seeds the demo community on its first start.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// Address and port the HTTP server listens on.
    #[arg(long, env = "XINGGUANG_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// Folder for local state: the embedded database cluster and its generated JWT secret.
    #[arg(long, env = "XINGGUANG_DATA_DIR", default_value = "./.xingguang")]
    pub data_dir: PathBuf,

    /// Secret for signing access tokens (HS256), at least 32 bytes. Required with DATABASE_URL;
    /// generated once and kept in the data directory in embedded mode.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Keys that seal personal data at rest (ID numbers, phones, webhook secrets): comma-separated
    /// `id:base64-of-32-bytes`, the sealing key first; older keys after it still open what they
    /// sealed until `xingguang rotate-key` has re-sealed everything. Required with DATABASE_URL;
    /// generated once and kept in the data directory in embedded mode.
    #[arg(long, env = "XINGGUANG_DATA_KEYS", hide_env_values = true)]
    pub data_keys: Option<String>,

    /// Key of the blind indexes (keyed hashes) that find sealed ID numbers: base64 of 32 bytes.
    /// Required with XINGGUANG_DATA_KEYS.
    #[arg(long, env = "XINGGUANG_INDEX_KEY", hide_env_values = true)]
    pub index_key: Option<String>,

    /// Lifetime of an access token, in seconds.
    #[arg(long, env = "XINGGUANG_ACCESS_TOKEN_TTL", default_value_t = 900)]
    pub access_token_ttl: i64,

    /// Lifetime of a refresh token, in seconds.
    #[arg(long, env = "XINGGUANG_REFRESH_TOKEN_TTL", default_value_t = 14 * 24 * 3600)]
    pub refresh_token_ttl: i64,

    /// Comma-separated origins allowed to call the API from a browser (CORS), e.g.
    /// `http://localhost:5173`. The SPA served by this server needs none.
    #[arg(long, env = "XINGGUANG_CORS_ORIGINS", value_delimiter = ',', default_value = "")]
    pub cors_origins: Vec<String>,

    /// Mark the refresh cookie `Secure` (only sent over HTTPS). Turn on behind TLS.
    #[arg(long, env = "XINGGUANG_COOKIE_SECURE", default_value_t = false)]
    pub cookie_secure: bool,

    /// Reverse proxies (IP addresses or CIDR ranges, comma-separated) whose `X-Forwarded-For`
    /// and `X-Forwarded-Proto` are believed. The client is the right-most address in
    /// `X-Forwarded-For` that is not one of them; with none configured the header is ignored.
    #[arg(long, env = "XINGGUANG_TRUSTED_PROXIES", value_delimiter = ',', default_value = "")]
    pub trusted_proxies: Vec<String>,

    /// `/metrics` answers only with `Authorization: Bearer <this token>`; unset, it answers only
    /// to requests from this machine (loopback).
    #[arg(long, env = "XINGGUANG_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,

    /// Seconds a request waits for a database connection (and a new connection may take to
    /// open) before it answers 503.
    #[arg(long, env = "XINGGUANG_DB_WAIT_SECONDS", default_value_t = 5)]
    pub db_wait_seconds: u64,

    /// Seconds one SQL statement may run before PostgreSQL cancels it (`statement_timeout`).
    #[arg(long, env = "XINGGUANG_DB_STATEMENT_TIMEOUT_SECONDS", default_value_t = 30)]
    pub db_statement_timeout_seconds: u64,

    /// Seconds a client may take to send a request body before the request is dropped (408).
    #[arg(long, env = "XINGGUANG_BODY_TIMEOUT_SECONDS", default_value_t = 30)]
    pub body_timeout_seconds: u64,

    /// The built SPA to serve at `/`.
    #[arg(long, env = "XINGGUANG_STATIC_DIR", default_value = "frontend/dist")]
    pub static_dir: PathBuf,

    /// Allow webhook endpoints on plain HTTP to loopback or private addresses. Only for tests and
    /// local development: real endpoints must be HTTPS on a public host.
    #[arg(long, env = "XINGGUANG_WEBHOOK_ALLOW_HTTP_LOOPBACK", default_value_t = false)]
    pub webhook_allow_http_loopback: bool,

    /// Wait before the first webhook retry, in milliseconds; each further retry waits 4× longer
    /// (at most 6 hours).
    #[arg(long, env = "XINGGUANG_WEBHOOK_RETRY_BASE_MS", default_value_t = 10_000)]
    pub webhook_retry_base_ms: u64,

    /// Attempts per webhook delivery before it is marked failed (it can then be re-sent by hand).
    #[arg(long, env = "XINGGUANG_WEBHOOK_MAX_ATTEMPTS", default_value_t = 8)]
    pub webhook_max_attempts: i32,

    /// Timeout of one webhook request, in seconds.
    #[arg(long, env = "XINGGUANG_WEBHOOK_TIMEOUT_SECONDS", default_value_t = 10)]
    pub webhook_timeout_seconds: u64,

    /// Maximum database connections in the pool.
    #[arg(long, env = "XINGGUANG_DB_POOL_SIZE", default_value_t = 16)]
    pub db_pool_size: usize,
}

pub const MIN_JWT_SECRET_LEN: usize = 32;

impl Settings {
    /// Settings for tests and tools: defaults with the given database and secret.
    pub fn for_database(database_url: String, jwt_secret: String) -> Self {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Wrapper {
            #[command(flatten)]
            settings: Settings,
        }
        // Parse no arguments and ignore the environment's values for the two we set.
        let mut settings = Wrapper::parse_from(["xingguang"]).settings;
        settings.database_url = Some(database_url);
        settings.jwt_secret = Some(jwt_secret);
        settings
    }
}
