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

pub fn build_pool(database_url: &str, max_size: usize) -> anyhow::Result<DbPool> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(database_url);
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
