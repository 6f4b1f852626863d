use xingguang_db::DbPool;

use crate::auth::domain::{PasswordService, TokenKeys};
use crate::settings::Settings;

/// Everything a handler may need, shared by all workers (`web::Data<AppState>`).
pub struct AppState {
    pub pool: DbPool,
    pub settings: Settings,
    pub tokens: TokenKeys,
    pub passwords: PasswordService,
    /// Progress of running registry imports.
    pub jobs: crate::imports::service::JobBoard,
    /// Wakes the webhook worker after a commit that queued deliveries.
    pub webhook_wake: std::sync::Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn new(pool: DbPool, settings: Settings, jwt_secret: &str) -> Self {
        AppState {
            pool,
            tokens: TokenKeys::new(jwt_secret.as_bytes(), settings.access_token_ttl),
            settings,
            passwords: PasswordService::new(),
            jobs: Default::default(),
            webhook_wake: Default::default(),
        }
    }

    /// Call after committing a transaction that published webhook events.
    pub fn wake_webhooks(&self) {
        self.webhook_wake.notify_one();
    }

    pub async fn conn(&self) -> Result<xingguang_db::DbConn, crate::error::ApiError> {
        Ok(self.pool.get().await?)
    }
}
