use xingguang_db::DbPool;

use crate::auth::domain::{PasswordService, TokenKeys};
use crate::settings::Settings;

/// Everything a handler may need, shared by all workers (`web::Data<AppState>`).
pub struct AppState {
    pub pool: DbPool,
    pub settings: Settings,
    pub tokens: TokenKeys,
    pub passwords: PasswordService,
    /// Reverse proxies whose forwarding headers are believed (from the settings).
    pub trusted_proxies: Vec<crate::http::client::IpRange>,
    /// Now and today (Asia/Shanghai); fixed in tests that need a date.
    pub clock: crate::common::clock::Clock,
    /// Wakes the webhook worker after a commit that queued deliveries.
    pub webhook_wake: std::sync::Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn new(pool: DbPool, settings: Settings, jwt_secret: &str) -> Self {
        let trusted_proxies = crate::http::client::trusted(&settings.trusted_proxies);
        AppState {
            pool,
            trusted_proxies,
            tokens: TokenKeys::new(jwt_secret.as_bytes(), settings.access_token_ttl),
            settings,
            passwords: PasswordService::new(),
            clock: crate::common::clock::Clock::system(),
            webhook_wake: Default::default(),
        }
    }

    /// Call after committing a transaction that published webhook events.
    pub fn wake_webhooks(&self) {
        self.webhook_wake.notify_one();
    }

    /// A pooled connection, or 503 when none frees up within the configured wait (a frozen or
    /// overloaded database must not hold requests for as long as the client waits).
    pub async fn conn(&self) -> Result<xingguang_db::DbConn, crate::error::ApiError> {
        let wait = std::time::Duration::from_secs(self.settings.db_wait_seconds.max(1));
        match tokio::time::timeout(wait, self.pool.get()).await {
            Ok(conn) => Ok(conn?),
            Err(_) => Err(crate::error::ApiError::unavailable(anyhow::anyhow!("no database connection within {wait:?}"))),
        }
    }
}
