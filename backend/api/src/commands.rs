//! The operator commands behind `xingguang <subcommand>`.

use std::io::BufRead;
use std::net::TcpListener;
use std::path::Path;

use anyhow::{bail, Context};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use rand::distributions::{Alphanumeric, DistString};
use xingguang_db::embedded::{EmbeddedOptions, EmbeddedPostgres};
use xingguang_db::models::community::{Community, NewCommunity};
use xingguang_db::models::user::{NewUser, Role, User};
use xingguang_db::sealed::{Keyring, Reseal};

use crate::auth::domain::{check_new_password, hash_password, Username};
use crate::settings::{Settings, MIN_JWT_SECRET_LEN};
use crate::state::AppState;

const DATABASE_NAME: &str = "xingguang";
const JWT_SECRET_FILE: &str = "jwt-secret";
const DATA_KEYS_FILE: &str = "data-keys";

/// The database to use: `DATABASE_URL`, or the embedded cluster under the data directory.
pub struct Database {
    pub url: String,
    pub embedded: Option<EmbeddedPostgres>,
}

impl Database {
    /// Installs the keyring (every command that reads the database needs it), then connects.
    pub async fn open(settings: &Settings) -> anyhow::Result<Self> {
        let keyring = keyring(settings)?;
        log::info!("personal data sealed with key {:?}", keyring.current_key_id());
        xingguang_db::sealed::install(keyring).map_err(anyhow::Error::msg)?;
        if let Some(url) = settings.database_url.clone().filter(|u| !u.is_empty()) {
            return Ok(Database { url, embedded: None });
        }
        log::info!("DATABASE_URL is not set: using the embedded PostgreSQL cluster in {}", settings.data_dir.display());
        let server = EmbeddedPostgres::start(&EmbeddedOptions { base_dir: settings.data_dir.clone(), ephemeral: false }).await?;
        // The application connects as a role that owns its tables but is not a superuser.
        let url = server.ensure_app_database(DATABASE_NAME).await?;
        Ok(Database { url, embedded: Some(server) })
    }

    pub fn close(self) -> anyhow::Result<()> {
        if let Some(server) = self.embedded {
            log::info!("stopping the embedded PostgreSQL cluster");
            server.stop()?;
        }
        Ok(())
    }
}

/// Migrates the database and seals any clear text a migration left (see `xingguang_db::sealed`).
async fn prepare(url: &str) -> anyhow::Result<usize> {
    let ran = xingguang_db::pool::run_migrations(url).await?;
    let mut conn = AsyncPgConnection::establish(url).await?;
    for (column, sealed) in xingguang_db::sealed::reseal(&mut conn, Reseal::ClearText).await? {
        if sealed > 0 {
            log::info!("{column}: {sealed} clear-text value(s) sealed");
        }
    }
    Ok(ran)
}

/// `xingguang serve`
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let jwt_secret = jwt_secret(&settings)?;
    let listener = TcpListener::bind(&settings.bind).with_context(|| format!("listening on {}", settings.bind))?;
    let database = Database::open(&settings).await?;
    let result = async {
        let ran = prepare(&database.url).await?;
        log::info!("{ran} migration(s) applied");
        if database.embedded.is_some() {
            // The embedded database is the demo: the seed is idempotent, so every start adds what a
            // newer version brought (e.g. partner units) to an older local database.
            let mut conn = AsyncPgConnection::establish(&database.url).await?;
            let first = Community::find_by_name(&mut conn, crate::seed::DEMO_COMMUNITY).await?.is_none();
            let report = crate::seed::seed_demo(&mut conn).await?;
            if first {
                log::info!("first start of the embedded database: demo community seeded");
            } else if !report.users_created.is_empty() || report.partners_created {
                log::info!("demo data completed: {:?} users, partners added: {}", report.users_created, report.partners_created);
            }
        }
        let timeouts = xingguang_db::pool::DbTimeouts {
            connect: std::time::Duration::from_secs(settings.db_wait_seconds.max(1)),
            statement: std::time::Duration::from_secs(settings.db_statement_timeout_seconds.max(1)),
        };
        let pool = xingguang_db::pool::build_pool_with(&database.url, settings.db_pool_size, timeouts)?;
        for proxy in settings.trusted_proxies.iter().filter(|p| !p.trim().is_empty()) {
            if crate::http::client::IpRange::parse(proxy).is_none() {
                log::warn!("XINGGUANG_TRUSTED_PROXIES: {proxy:?} is not an address or CIDR range; ignored");
            }
        }
        let state = AppState::new(pool, settings.clone(), &jwt_secret);
        log::info!("listening on http://{}", listener.local_addr()?);
        let server = crate::startup::run(state, listener)?;
        stop_gracefully_on_signal(server.handle());
        server.await?;
        anyhow::Ok(())
    }
    .await;
    database.close()?;
    result
}

/// SIGINT (Ctrl-C) and SIGTERM both stop the server gracefully: no new connections, in-flight
/// requests finish (actix alone treats SIGINT as a forced stop).
fn stop_gracefully_on_signal(handle: actix_web::dev::ServerHandle) {
    actix_web::rt::spawn(async move {
        let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(error) => {
                log::error!("cannot listen for SIGTERM: {error}");
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => log::info!("SIGINT received: finishing in-flight requests"),
            _ = terminate.recv() => log::info!("SIGTERM received: finishing in-flight requests"),
        }
        handle.stop(true).await;
    });
}

/// `xingguang migrate`
pub async fn migrate(settings: Settings) -> anyhow::Result<()> {
    with_database(&settings, |url| async move {
        let ran = prepare(&url).await?;
        println!("{ran} migration(s) applied");
        Ok(())
    })
    .await
}

/// `xingguang seed-demo`
pub async fn seed_demo(settings: Settings, residents: Option<usize>) -> anyhow::Result<()> {
    let size = residents.map(crate::seed::SeedSize::residents).unwrap_or_default();
    with_database(&settings, |url| async move {
        prepare(&url).await?;
        let mut conn = AsyncPgConnection::establish(&url).await?;
        let started = std::time::Instant::now();
        let report = crate::seed::seed_demo_sized(&mut conn, size).await?;
        let users = if report.users_created.is_empty() { "none".to_owned() } else { report.users_created.join(", ") };
        println!(
            "demo community {}; users created: {users}; partner units {}; {} households and {} residents generated in {:.1} s",
            if report.community_created { "created" } else { "already present" },
            if report.partners_created { "created" } else { "already present" },
            report.households_created,
            report.residents_created,
            started.elapsed().as_secs_f64()
        );
        Ok(())
    })
    .await
}

/// `xingguang create-community`
pub async fn create_community(settings: Settings, name: String, province: String, city: String, county: String) -> anyhow::Result<()> {
    with_database(&settings, |url| async move {
        prepare(&url).await?;
        let mut conn = AsyncPgConnection::establish(&url).await?;
        if Community::find_by_name(&mut conn, &name).await?.is_some() {
            bail!("a community named {name} exists already");
        }
        let community = Community::insert(
            &mut conn,
            &NewCommunity { id: xingguang_db::new_id(), name: &name, province: &province, city: &city, county: &county },
        )
        .await?;
        println!("created community {} ({})", community.name, community.id);
        Ok(())
    })
    .await
}

/// `xingguang create-user`: the password is read from `XINGGUANG_NEW_PASSWORD` or the first
/// line of standard input, never from the command line (it would land in shell history).
pub async fn create_user(
    settings: Settings,
    username: String,
    display_name: String,
    role: Role,
    community: Option<String>,
) -> anyhow::Result<()> {
    let username = Username::parse(&username).map_err(|e| anyhow::anyhow!("username {}", e.message))?;
    let password = match std::env::var("XINGGUANG_NEW_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("password (one line on standard input):");
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    check_new_password(&password, username.as_str()).map_err(|e| anyhow::anyhow!("password {}", e.message))?;
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    with_database(&settings, |url| async move {
        prepare(&url).await?;
        let mut conn = AsyncPgConnection::establish(&url).await?;
        let community = match community {
            Some(name) => Community::find_by_name(&mut conn, &name).await?.with_context(|| format!("no community named {name}"))?,
            None => {
                Community::find_by_name(&mut conn, crate::seed::DEMO_COMMUNITY).await?.context("name the community with --community")?
            }
        };
        if User::find_by_username(&mut conn, username.as_str()).await?.is_some() {
            bail!("the username {} is taken", username.as_str());
        }
        let user = User::insert(
            &mut conn,
            &NewUser {
                id: xingguang_db::new_id(),
                community_id: community.id,
                username: username.as_str(),
                display_name: &display_name,
                password_hash: &hash,
                role,
            },
        )
        .await?;
        let ctx = crate::http::RequestCtx { request_id: String::new(), ip: "cli".to_owned(), https: false };
        crate::audit::AuditEvent::new("user.create", "user")
            .community(community.id)
            .entity(user.id)
            .fields(&["username", "display_name", "role", "password"])
            .detail(serde_json::json!({ "via": "xingguang create-user" }))
            .write(&mut conn, &ctx)
            .await?;
        println!("created {} user {} in {}", role, user.username, community.name);
        Ok(())
    })
    .await
}

/// `xingguang rotate-key`: re-seals every sealed value under the first key of
/// `XINGGUANG_DATA_KEYS` and recomputes the blind indexes with `XINGGUANG_INDEX_KEY`. Safe while
/// the API serves; afterwards the old keys can be removed from `XINGGUANG_DATA_KEYS`.
pub async fn rotate_key(settings: Settings) -> anyhow::Result<()> {
    with_database(&settings, |url| async move {
        prepare(&url).await?;
        let mut conn = AsyncPgConnection::establish(&url).await?;
        let key = xingguang_db::sealed::keyring()?.current_key_id().to_owned();
        for (column, count) in xingguang_db::sealed::reseal(&mut conn, Reseal::Everything).await? {
            println!("{column}: {count} value(s) sealed with key {key}");
        }
        Ok(())
    })
    .await
}

/// `xingguang generate-keys`: a new key pair for `XINGGUANG_DATA_KEYS` and `XINGGUANG_INDEX_KEY`.
pub fn generate_keys() {
    let id = chrono::Utc::now().format("k%Y%m%d").to_string();
    let (data_key, index_key) = Keyring::generate(&id);
    println!("XINGGUANG_DATA_KEYS={data_key}");
    println!("XINGGUANG_INDEX_KEY={index_key}");
}

/// The keyring from `XINGGUANG_DATA_KEYS` and `XINGGUANG_INDEX_KEY`, required with an external
/// database; in embedded mode generated once and kept in the data directory.
fn keyring(settings: &Settings) -> anyhow::Result<Keyring> {
    let given = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    match (given(&settings.data_keys), given(&settings.index_key)) {
        (Some(keys), Some(index)) => return Keyring::parse(&keys, &index).map_err(anyhow::Error::msg),
        (Some(_), None) | (None, Some(_)) => bail!("XINGGUANG_DATA_KEYS and XINGGUANG_INDEX_KEY go together"),
        (None, None) => {}
    }
    if settings.database_url.as_deref().is_some_and(|u| !u.is_empty()) {
        bail!("XINGGUANG_DATA_KEYS and XINGGUANG_INDEX_KEY are required when DATABASE_URL is set (`xingguang generate-keys` makes a pair)");
    }
    let path = settings.data_dir.join(DATA_KEYS_FILE);
    let stored = match std::fs::read_to_string(&path) {
        Ok(stored) => stored,
        Err(_) => {
            std::fs::create_dir_all(&settings.data_dir)?;
            let (keys, index) = Keyring::generate("local1");
            write_secret(&path, &format!("{keys}\n{index}\n"))?;
            format!("{keys}\n{index}\n")
        }
    };
    let mut lines = stored.lines();
    let (keys, index) = (lines.next().unwrap_or_default(), lines.next().unwrap_or_default());
    Keyring::parse(keys, index).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

async fn with_database<F, Fut>(settings: &Settings, work: F) -> anyhow::Result<()>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let database = Database::open(settings).await?;
    let result = work(database.url.clone()).await;
    database.close()?;
    result
}

/// `JWT_SECRET`, required with an external database; in embedded mode generated once and kept
/// in the data directory, so tokens survive restarts.
fn jwt_secret(settings: &Settings) -> anyhow::Result<String> {
    if let Some(secret) = settings.jwt_secret.clone().filter(|s| !s.is_empty()) {
        if secret.len() < MIN_JWT_SECRET_LEN {
            bail!("JWT_SECRET must be at least {MIN_JWT_SECRET_LEN} bytes (e.g. `openssl rand -base64 48`)");
        }
        return Ok(secret);
    }
    if settings.database_url.as_deref().is_some_and(|u| !u.is_empty()) {
        bail!("JWT_SECRET is required when DATABASE_URL is set (at least {MIN_JWT_SECRET_LEN} bytes, e.g. `openssl rand -base64 48`)");
    }
    let path = settings.data_dir.join(JWT_SECRET_FILE);
    if let Ok(secret) = std::fs::read_to_string(&path) {
        return Ok(secret.trim().to_owned());
    }
    std::fs::create_dir_all(&settings.data_dir)?;
    let secret = Alphanumeric.sample_string(&mut rand::thread_rng(), 64);
    write_secret(&path, &secret)?;
    Ok(secret)
}

fn write_secret(path: &Path, secret: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(secret.as_bytes())?;
    Ok(())
}

/// The generator alone on `leaders` synthetic leaders for every night of `year` (weekends
/// heavier, the default weights, no holidays, everyone available): how long it took and how fair
/// the year came out, as JSON. For `bench/`, never the API.
pub fn bench_roster(leaders: usize, year: i32, rest: i64, per_night: usize) -> serde_json::Value {
    use crate::duty::domain::{generate, night_kind, spread, RosterInput, Weights};
    use chrono::NaiveDate;
    use std::collections::HashMap;
    use uuid::Uuid;
    let weights = Weights { weekday: 10, weekend: 15, holiday: 20 };
    let none = std::collections::BTreeSet::new();
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let nights: Vec<(NaiveDate, i16)> =
        first.iter_days().take_while(|d| chrono::Datelike::year(d) == year).map(|d| (d, weights.of(night_kind(d, &none)))).collect();
    let ids: Vec<Uuid> = (1..=leaders as u128).map(Uuid::from_u128).collect();
    let input = RosterInput { nights: nights.clone(), leaders: ids.clone(), per_night, min_rest: rest, ..Default::default() };
    let started = std::time::Instant::now();
    let roster = generate(&input);
    let elapsed = started.elapsed();
    let mut load: HashMap<Uuid, i64> = ids.iter().map(|id| (*id, 0)).collect();
    let mut count: HashMap<Uuid, i64> = HashMap::new();
    for (_, leader, weight) in &roster.assigned {
        *load.entry(*leader).or_default() += i64::from(*weight);
        *count.entry(*leader).or_default() += 1;
    }
    serde_json::json!({
        "leaders": leaders,
        "nights": nights.len(),
        "assignments": roster.assigned.len(),
        "millis": elapsed.as_secs_f64() * 1000.0,
        "spread_tenths": spread(load.values().copied()),
        "nights_min": count.values().min(),
        "nights_max": count.values().max(),
        "rest_broken": roster.rest_broken.len(),
        "short_nights": roster.short.len(),
    })
}
