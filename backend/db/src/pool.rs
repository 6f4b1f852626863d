use anyhow::Context;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::AsyncPgConnection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;

/// The SQL migrations in `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

/// How long the database may take before a request gives up (and answers 503).
#[derive(Debug, Clone, Copy)]
pub struct DbTimeouts {
    /// Opening a new connection.
    pub connect: std::time::Duration,
    /// One statement (PostgreSQL's `statement_timeout`, set on every connection).
    pub statement: std::time::Duration,
}

impl Default for DbTimeouts {
    fn default() -> Self {
        DbTimeouts { connect: std::time::Duration::from_secs(5), statement: std::time::Duration::from_secs(30) }
    }
}

pub fn build_pool(database_url: &str, max_size: usize) -> anyhow::Result<DbPool> {
    build_pool_with(database_url, max_size, DbTimeouts::default())
}

/// A pool whose connections give up on connecting after `timeouts.connect` and cancel any
/// statement running longer than `timeouts.statement`, so a frozen database turns into errors
/// (503) instead of requests that hang. (Waiting for a free connection is bounded by the caller,
/// `AppState::conn`.)
pub fn build_pool_with(database_url: &str, max_size: usize, timeouts: DbTimeouts) -> anyhow::Result<DbPool> {
    use diesel_async::pooled_connection::ManagerConfig;
    use diesel_async::{AsyncConnection, SimpleAsyncConnection};
    use futures_util::FutureExt;
    let mut config = ManagerConfig::default();
    config.custom_setup = Box::new(move |url: &str| {
        let url = url.to_owned();
        async move {
            let connecting = AsyncPgConnection::establish(&url);
            let mut conn = tokio::time::timeout(timeouts.connect, connecting)
                .await
                .map_err(|_| diesel::ConnectionError::BadConnection("timed out connecting to the database".to_owned()))??;
            conn.batch_execute(&format!("SET statement_timeout = {}", timeouts.statement.as_millis()))
                .await
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
            Ok(conn)
        }
        .boxed()
    });
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(database_url, config);
    Pool::builder(manager).max_size(max_size).build().context("building the database connection pool")
}

/// Runs every pending migration and returns how many ran.
///
/// Diesel's migration runner is synchronous; it runs on its own thread through
/// `AsyncConnectionWrapper` so it works from any runtime flavour (actix uses current-thread ones).
pub async fn run_migrations(database_url: &str) -> anyhow::Result<usize> {
    let url = database_url.to_owned();
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let result = (|| -> anyhow::Result<usize> {
            use diesel::Connection;
            let mut conn =
                AsyncConnectionWrapper::<AsyncPgConnection>::establish(&url).context("connecting to the database to run migrations")?;
            let ran = conn.run_pending_migrations(MIGRATIONS).map_err(|e| anyhow::anyhow!("running migrations: {e}"))?;
            Ok(ran.len())
        })();
        let _ = tx.send(result);
    });
    rx.await.context("the migration thread stopped unexpectedly")?
}
