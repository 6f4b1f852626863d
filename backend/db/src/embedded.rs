//! A private PostgreSQL cluster started from the machine's own server binaries.
//!
//! Used by `xingguang serve` when `DATABASE_URL` is unset (a persistent cluster under the data
//! directory) and by the test suite when no server is given (a throw-away cluster under /tmp).
//!
//! The server runs behind a tiny `sh` watchdog whose stdin is a pipe from this process: when the
//! pipe closes — a clean [`EmbeddedPostgres::stop`], a panic, or this process being killed — the
//! watchdog asks PostgreSQL for a fast shutdown. So no PostgreSQL process outlives its owner.
//! It runs in its own process group, so a Ctrl-C in the terminal reaches only us, and we stop
//! the database after the HTTP server has drained its requests.
//!
//! PostgreSQL refuses to run as root: when we are root, the cluster runs as the `postgres`
//! system user, which must be able to reach the data directory.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use rand::distributions::{Alphanumeric, DistString};

const PASSWORD_FILE: &str = "postgres.password";
const CLUSTER_DIR: &str = "pgdata";
const SUPERUSER: &str = "postgres";
const APP_PASSWORD_FILE: &str = "app.password";
/// The role the application connects as: it owns its database and tables but is not a
/// superuser, so a flaw in the application cannot reach other databases, files or roles.
pub const APP_ROLE: &str = "xingguang";

/// What kind of cluster to run.
#[derive(Debug, Clone)]
pub struct EmbeddedOptions {
    /// The folder that holds the cluster (`pgdata/`), its password and its log.
    pub base_dir: PathBuf,
    /// A throw-away cluster: durability off for speed, the folder removed when it stops.
    pub ephemeral: bool,
}

pub struct EmbeddedPostgres {
    child: Child,
    watchdog_stdin: Option<ChildStdin>,
    port: u16,
    password: String,
    base_dir: PathBuf,
}

impl EmbeddedPostgres {
    /// Starts the cluster (running `initdb` first if the folder is new) and waits until it
    /// accepts connections.
    pub async fn start(options: &EmbeddedOptions) -> anyhow::Result<Self> {
        let bin = find_server_binaries()?;
        let run_as = if running_as_root()? { Some(postgres_system_user()?) } else { None };
        fs::create_dir_all(&options.base_dir).with_context(|| format!("creating {}", options.base_dir.display()))?;
        let base_dir = fs::canonicalize(&options.base_dir)?;
        let cluster = base_dir.join(CLUSTER_DIR);

        let password = if cluster.join("PG_VERSION").exists() {
            fs::read_to_string(base_dir.join(PASSWORD_FILE))
                .context("the cluster exists but its password file is missing")?
                .trim()
                .to_owned()
        } else {
            init_cluster(&bin, &base_dir, &cluster, run_as)?
        };

        recover_from_an_earlier_start(&cluster)?;
        let port = free_loopback_port()?;
        let log = fs::File::create(base_dir.join("postgres.log"))?;
        let mut server_args = vec![
            format!("-D{}", cluster.display()),
            format!("-p{port}"),
            "-clisten_addresses=127.0.0.1".to_owned(),
            // No unix socket: its directory would need to be writable by the server user.
            "-cunix_socket_directories=".to_owned(),
            "-cmax_connections=200".to_owned(),
        ];
        if options.ephemeral {
            server_args.extend(["-cfsync=off", "-csynchronous_commit=off", "-cfull_page_writes=off"].map(String::from));
        }
        // $1 = postgres binary, $2 = folder to delete afterwards (or ""), the rest = server args.
        let script = r#"bin="$1"; cleanup="$2"; shift 2
"$bin" "$@" & pid=$!
read _ignored
kill -INT "$pid" 2>/dev/null
wait "$pid"
[ -n "$cleanup" ] && rm -rf "$cleanup"
exit 0"#;
        let cleanup = if options.ephemeral { base_dir.display().to_string() } else { String::new() };
        let mut command = Command::new("/bin/sh");
        command
            .arg("-c")
            .arg(script)
            .arg("sh")
            .arg(bin.join("postgres"))
            .arg(cleanup)
            .args(&server_args)
            .stdin(Stdio::piped())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0);
        if let Some((uid, gid)) = run_as {
            command.uid(uid).gid(gid);
        }
        let mut child = command.spawn().context("starting the PostgreSQL server")?;
        let watchdog_stdin = child.stdin.take();
        let mut server = EmbeddedPostgres { child, watchdog_stdin, port, password, base_dir: base_dir.clone() };
        server.wait_until_ready(&base_dir).await?;
        Ok(server)
    }

    /// Lets go of the server as a killed owner would: closes the watchdog's pipe (the server
    /// begins a fast shutdown) and returns at once, without waiting. For tests of a restart
    /// after a crash.
    #[doc(hidden)]
    pub fn abandon(mut self) -> Child {
        drop(self.watchdog_stdin.take());
        self.child
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A connection URL for one database of this cluster.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://{SUPERUSER}:{}@127.0.0.1:{}/{database}", self.password, self.port)
    }

    /// A connection URL for one database of this cluster as [`APP_ROLE`] (see
    /// [`EmbeddedPostgres::ensure_app_database`]).
    pub fn app_url(&self, database: &str, password: &str) -> String {
        format!("postgres://{APP_ROLE}:{password}@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates [`APP_ROLE`] unless it exists and returns its password (generated once, kept
    /// beside the superuser's).
    pub async fn ensure_app_role(&self) -> anyhow::Result<String> {
        let path = self.base_dir.join(APP_PASSWORD_FILE);
        let password = match fs::read_to_string(&path) {
            Ok(password) => password.trim().to_owned(),
            Err(_) => {
                let password = Alphanumeric.sample_string(&mut rand::thread_rng(), 32);
                write_private(&path, &password)?;
                password
            }
        };
        let mut conn = AsyncPgConnection::establish(&self.url("postgres")).await?;
        let exists = diesel::sql_query(format!("SELECT 1 AS n FROM pg_roles WHERE rolname = '{APP_ROLE}'")).execute(&mut conn).await? > 0;
        let verb = if exists { "ALTER" } else { "CREATE" };
        // The password is alphanumeric, so it needs no quoting beyond the literal's quotes.
        diesel::sql_query(format!(
            "{verb} ROLE {APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password}'"
        ))
        .execute(&mut conn)
        .await?;
        Ok(password)
    }

    /// Creates the database owned by [`APP_ROLE`] unless it exists, and hands the objects of an
    /// existing one (created by an older version as the superuser) over to that role. Returns
    /// the URL the application connects with.
    pub async fn ensure_app_database(&self, database: &str) -> anyhow::Result<String> {
        let password = self.ensure_app_role().await?;
        let mut conn = AsyncPgConnection::establish(&self.url("postgres")).await?;
        let quoted = format!("\"{}\"", database.replace('"', "\"\""));
        let exists = diesel::sql_query(format!("SELECT 1 AS n FROM pg_database WHERE datname = '{}'", database.replace('\'', "''")))
            .execute(&mut conn)
            .await?
            > 0;
        if !exists {
            diesel::sql_query(format!("CREATE DATABASE {quoted} OWNER {APP_ROLE}")).execute(&mut conn).await?;
            return Ok(self.app_url(database, &password));
        }
        diesel::sql_query(format!("ALTER DATABASE {quoted} OWNER TO {APP_ROLE}")).execute(&mut conn).await?;
        let mut inside = AsyncPgConnection::establish(&self.url(database)).await?;
        diesel::sql_query(format!(
            "DO $$ DECLARE r record; BEGIN
               FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '{APP_ROLE}' LOOP
                 EXECUTE format('ALTER TABLE public.%I OWNER TO {APP_ROLE}', r.tablename);
               END LOOP;
               FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' AND sequenceowner <> '{APP_ROLE}' LOOP
                 EXECUTE format('ALTER SEQUENCE public.%I OWNER TO {APP_ROLE}', r.sequencename);
               END LOOP;
             END $$"
        ))
        .execute(&mut inside)
        .await?;
        Ok(self.app_url(database, &password))
    }

    /// Asks for a fast shutdown and waits for it (PostgreSQL finishes its checkpoint first).
    pub fn stop(mut self) -> anyhow::Result<()> {
        self.watchdog_stdin.take();
        self.child.wait().context("waiting for PostgreSQL to stop")?;
        Ok(())
    }

    async fn wait_until_ready(&mut self, base_dir: &Path) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("PostgreSQL exited during start-up ({status}); see {}", base_dir.join("postgres.log").display());
            }
            if AsyncPgConnection::establish(&self.url("postgres")).await.is_ok() {
                return Ok(());
            }
            // The server refused to start (its watchdog keeps the wrapper alive): say why now,
            // instead of after the deadline.
            let log = fs::read_to_string(base_dir.join("postgres.log")).unwrap_or_default();
            let refused = |l: &&str| {
                (l.contains("FATAL:") || l.contains("PANIC:"))
                    // Our own early connection attempts are told to wait; that is not a failure.
                    && !l.contains("starting up")
                    && !l.contains("not yet accepting connections")
            };
            if let Some(fatal) = log.lines().find(refused) {
                bail!("PostgreSQL did not start: {fatal} (see {})", base_dir.join("postgres.log").display());
            }
            if Instant::now() > deadline {
                bail!("PostgreSQL did not accept connections within 60 s; see {}", base_dir.join("postgres.log").display());
            }
            // Start-up polling, not a test wait: the server gives no other readiness signal.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Runs `initdb` with password authentication and returns the generated superuser password.
fn init_cluster(bin: &Path, base_dir: &Path, cluster: &Path, run_as: Option<(u32, u32)>) -> anyhow::Result<String> {
    let password = Alphanumeric.sample_string(&mut rand::thread_rng(), 32);
    let password_path = base_dir.join(PASSWORD_FILE);
    write_private(&password_path, &password)?;

    // initdb reads the password from a file the server user can read; it is removed right after.
    let pwfile = base_dir.join("initdb.pw");
    write_private(&pwfile, &password)?;
    if let Some((uid, gid)) = run_as {
        std::os::unix::fs::chown(base_dir, Some(uid), Some(gid))?;
        std::os::unix::fs::chown(&pwfile, Some(uid), Some(gid))?;
        // The password file the application reads stays root's.
        check_reachable(base_dir, uid, gid)?;
    }
    let mut command = Command::new(bin.join("initdb"));
    command
        .arg("-D")
        .arg(cluster)
        .args(["-U", SUPERUSER, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"])
        .arg(format!("--pwfile={}", pwfile.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some((uid, gid)) = run_as {
        command.uid(uid).gid(gid);
    }
    let output = command.output().context("running initdb")?;
    let _ = fs::remove_file(&pwfile);
    if !output.status.success() {
        bail!("initdb failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(password)
}

/// A server of this cluster may still be running from an earlier start: after the process that
/// started it was killed (its watchdog is then stopping it, which can take a moment), or left
/// orphaned. Its `postmaster.pid` would make the new server refuse to start. A pid file whose
/// process is gone is stale, and PostgreSQL replaces it itself; a live server of *this* cluster
/// is asked to stop (fast shutdown, then immediate) and waited for. Each case is logged.
fn recover_from_an_earlier_start(cluster: &Path) -> anyhow::Result<()> {
    let Ok(pid_file) = fs::read_to_string(cluster.join("postmaster.pid")) else { return Ok(()) };
    let Some(pid) = pid_file.lines().next().and_then(|l| l.trim().parse::<u32>().ok()) else { return Ok(()) };
    // The process must be a postgres started on this very folder (a pid can be reused).
    let ours = |pid: u32| {
        fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|cmdline| {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            cmdline.contains("postgres") && cmdline.contains(&cluster.display().to_string())
        })
    };
    if !ours(pid) {
        log::info!("{}: stale postmaster.pid (process {pid} is gone); PostgreSQL will replace it", cluster.display());
        return Ok(());
    }
    log::warn!("{}: a PostgreSQL server (pid {pid}) from an earlier start is still running; stopping it first", cluster.display());
    for signal in ["-INT", "-QUIT"] {
        let _ = Command::new("kill").arg(signal).arg(pid.to_string()).stderr(Stdio::null()).status();
        let deadline = Instant::now() + Duration::from_secs(15);
        while ours(pid) && Instant::now() < deadline {
            // Polling a process we cannot wait on (it is not our child); start-up only.
            std::thread::sleep(Duration::from_millis(50));
        }
        if !ours(pid) {
            log::info!("{}: the earlier server stopped; starting afresh", cluster.display());
            return Ok(());
        }
    }
    bail!("a PostgreSQL server (pid {pid}) still runs on {} and did not stop; stop it and try again", cluster.display())
}

fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    let mut file = fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

/// The `postgres` user must be able to enter every folder above the data directory.
fn check_reachable(dir: &Path, uid: u32, gid: u32) -> anyhow::Result<()> {
    let status = Command::new("/bin/test").arg("-w").arg(dir).uid(uid).gid(gid).status().context("checking the data directory")?;
    if !status.success() {
        bail!(
            "the data directory {} is not reachable by the `postgres` system user (PostgreSQL refuses \
             to run as root, so the embedded cluster runs as `postgres`). Set XINGGUANG_DATA_DIR to a \
             folder that user can enter, e.g. /var/tmp/xingguang, or set DATABASE_URL.",
            dir.display()
        );
    }
    Ok(())
}

fn running_as_root() -> anyhow::Result<bool> {
    // /proc/self belongs to the effective user of this process.
    Ok(fs::metadata("/proc/self").context("reading /proc/self")?.uid() == 0)
}

fn postgres_system_user() -> anyhow::Result<(u32, u32)> {
    let passwd = fs::read_to_string("/etc/passwd").context("reading /etc/passwd")?;
    passwd
        .lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .find(|fields| <[&str]>::first(fields) == Some(&"postgres") && fields.len() > 3)
        .and_then(|fields| Some((fields[2].parse().ok()?, fields[3].parse().ok()?)))
        .context(
            "running as root, but there is no `postgres` system user to run the embedded PostgreSQL \
             cluster as (PostgreSQL refuses to run as root). Install the PostgreSQL server package \
             (apt-get install postgresql), run as a non-root user, or set DATABASE_URL.",
        )
}

/// Finds `initdb` and `postgres`: `XINGGUANG_PG_BIN`, then `PATH`, then the usual Debian/RPM
/// locations, newest version first.
pub fn find_server_binaries() -> anyhow::Result<PathBuf> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("postgres").is_file();
    if let Ok(dir) = std::env::var("XINGGUANG_PG_BIN") {
        let dir = PathBuf::from(dir);
        if has_both(&dir) {
            return Ok(dir);
        }
        bail!("XINGGUANG_PG_BIN={} holds no initdb and postgres binaries", dir.display());
    }
    let mut candidates: Vec<PathBuf> = std::env::var_os("PATH").map(|path| std::env::split_paths(&path).collect()).unwrap_or_default();
    for root in ["/usr/lib/postgresql", "/usr/pgsql"] {
        if let Ok(entries) = fs::read_dir(root) {
            let mut versions: Vec<PathBuf> = entries.flatten().map(|e| e.path().join("bin")).collect();
            versions.sort_by_key(|p| {
                p.parent().and_then(|v| v.file_name()).and_then(|v| v.to_str()).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0)
            });
            candidates.extend(versions.into_iter().rev());
        }
    }
    candidates.push(PathBuf::from("/usr/local/pgsql/bin"));
    candidates.into_iter().find(|dir| has_both(dir)).context(
        "no PostgreSQL server binaries (initdb, postgres) found. Install PostgreSQL 14 or newer \
             (Debian: apt-get install postgresql), point XINGGUANG_PG_BIN at its bin folder, or set \
             DATABASE_URL to an existing server.",
    )
}

fn free_loopback_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
