//! A fresh database for every test, cloned from a migrated template (the pattern of crates.io's
//! `crates_io_test_db`): migrations run once per template, `CREATE DATABASE … TEMPLATE` takes
//! milliseconds, and tests run in parallel without seeing each other's rows.
//!
//! Which server: `DATABASE_URL` when set (the role must be allowed to create databases), else a
//! throw-away cluster started from the machine's PostgreSQL binaries (see [`crate::embedded`]),
//! which vanishes when the test process exits.

use std::sync::OnceLock;

use anyhow::Context;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use tokio::sync::OnceCell;

use crate::embedded::{EmbeddedOptions, EmbeddedPostgres};

struct Server {
    /// URL of a maintenance database on the server, used to create and drop test databases.
    admin_url: String,
    /// `postgres://…/` with the database name left off: the role the application connects as.
    base_url: String,
    template: String,
    /// ` OWNER <role>` for new databases when the application role is not the admin role.
    owner: String,
}

static SERVER: OnceCell<Server> = OnceCell::const_new();
// Holds the throw-away cluster for the life of the process; dropping the process closes the
// watchdog pipe, which stops the cluster and removes its folder.
static EMBEDDED: OnceLock<EmbeddedPostgres> = OnceLock::new();

/// One test's private database. Dropping it drops the database.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
    admin_url: String,
}

impl TestDatabase {
    pub async fn new() -> anyhow::Result<Self> {
        let server = SERVER.get_or_try_init(start_server).await?;
        let name = format!("xgtest_{}", uuid::Uuid::new_v4().simple());
        let mut admin = AsyncPgConnection::establish(&server.admin_url).await?;
        diesel::sql_query(format!("CREATE DATABASE {name} TEMPLATE {}{}", server.template, server.owner))
            .execute(&mut admin)
            .await
            .context("creating the test database from the template")?;
        Ok(TestDatabase { url: format!("{}{name}", server.base_url), name, admin_url: server.admin_url.clone() })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // Drop runs inside the test's runtime, which cannot be blocked on: use a thread of our own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            runtime.block_on(async {
                let mut admin = AsyncPgConnection::establish(&admin_url).await.ok()?;
                diesel::sql_query(sql).execute(&mut admin).await.ok()
            })
        })
        .join();
    }
}

async fn start_server() -> anyhow::Result<Server> {
    let (admin_url, base_url, owner) = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            let base = url.rsplit_once('/').map(|(base, _)| format!("{base}/")).context("DATABASE_URL has no database name")?;
            (url, base, String::new())
        }
        _ => {
            let base_dir = std::env::temp_dir().join(format!("xingguang-test-{}", uuid::Uuid::new_v4().simple()));
            std::fs::create_dir_all(&base_dir)?;
            // The server may run as `postgres`; it must be able to enter the folder.
            std::fs::set_permissions(&base_dir, std::os::unix::fs::PermissionsExt::from_mode(0o755))?;
            let server = EmbeddedPostgres::start(&EmbeddedOptions { base_dir, ephemeral: true }).await?;
            let admin = server.url("postgres");
            // Tests run as the application's own role, as `xingguang serve` does: not a superuser.
            let password = server.ensure_app_role().await?;
            let base = server.app_url("", &password);
            let _ = EMBEDDED.set(server);
            (admin, base, format!(" OWNER {}", crate::embedded::APP_ROLE))
        }
    };
    let template = template_name();
    let mut admin = AsyncPgConnection::establish(&admin_url).await.context("connecting to the test server")?;
    // Several test processes may share one server: serialise template creation.
    diesel::sql_query("SELECT pg_advisory_lock(727274)").execute(&mut admin).await?;
    let exists = diesel::sql_query(format!("SELECT 1 AS one FROM pg_database WHERE datname = '{template}'")).execute(&mut admin).await? > 0;
    let result = async {
        if !exists {
            let building = format!("{template}_building");
            diesel::sql_query(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)")).execute(&mut admin).await?;
            diesel::sql_query(format!("CREATE DATABASE {building}{owner}")).execute(&mut admin).await?;
            crate::pool::run_migrations(&format!("{base_url}{building}")).await?;
            // Renamed only once complete, so a crash never leaves a half-migrated template.
            diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {template}")).execute(&mut admin).await?;
        }
        anyhow::Ok(())
    }
    .await;
    diesel::sql_query("SELECT pg_advisory_unlock(727274)").execute(&mut admin).await?;
    result?;
    Ok(Server { admin_url, base_url, template, owner })
}

/// The template's name carries a hash of the migration files, so a changed migration gets a new one.
fn template_name() -> String {
    format!("xgtemplate_{}", env!("XG_MIGRATIONS_HASH"))
}
