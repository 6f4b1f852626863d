//! The embedded cluster starts again right after the process that ran it was killed.

use xingguang_db::embedded::{EmbeddedOptions, EmbeddedPostgres};

#[tokio::test]
async fn the_cluster_starts_again_at_once_after_its_owner_was_killed() {
    let base = std::env::temp_dir().join(format!("xingguang-embedded-restart-{}", std::process::id()));
    let options = EmbeddedOptions { base_dir: base.clone(), ephemeral: false };
    let first = EmbeddedPostgres::start(&options).await.expect("first start");
    // As when `xingguang serve` is killed with SIGKILL: nobody calls `stop`; the server is left
    // to its watchdog, which begins a shutdown when its parent's pipe closes.
    drop(first.abandon());
    let started = std::time::Instant::now();
    let second = EmbeddedPostgres::start(&options).await.expect("second start, right after");
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "took {:?}", started.elapsed());
    second.ensure_app_database("restart_check").await.expect("the restarted server answers");
    second.stop().expect("stop");
    let _ = std::fs::remove_dir_all(base);
}

#[tokio::test]
async fn the_application_role_owns_its_database_but_is_no_superuser() {
    use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
    let base = std::env::temp_dir().join(format!("xingguang-embedded-role-{}", std::process::id()));
    let server = EmbeddedPostgres::start(&EmbeddedOptions { base_dir: base.clone(), ephemeral: true }).await.expect("start");
    // A database made by an older version, as the superuser.
    let mut admin = AsyncPgConnection::establish(&server.url("postgres")).await.expect("superuser");
    diesel::sql_query("CREATE DATABASE older").execute(&mut admin).await.expect("create");
    let mut older = AsyncPgConnection::establish(&server.url("older")).await.expect("superuser in older");
    diesel::sql_query("CREATE TABLE notes (id serial PRIMARY KEY, body text)").execute(&mut older).await.expect("table");

    let url = server.ensure_app_database("older").await.expect("handed over");
    assert!(url.starts_with("postgres://xingguang:"), "{url}");
    let mut app = AsyncPgConnection::establish(&url).await.expect("the application role logs in");
    #[derive(diesel::QueryableByName)]
    struct Flag {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        flag: bool,
    }
    let superuser = diesel::sql_query("SELECT rolsuper AS flag FROM pg_roles WHERE rolname = current_user")
        .get_result::<Flag>(&mut app)
        .await
        .expect("role");
    assert!(!superuser.flag, "the application must not connect as a superuser");
    // It owns the old tables: it can write and migrate them, and make new ones.
    diesel::sql_query("INSERT INTO notes (body) VALUES ('x')").execute(&mut app).await.expect("insert");
    diesel::sql_query("ALTER TABLE notes ADD COLUMN extra int").execute(&mut app).await.expect("alter");
    diesel::sql_query("CREATE TABLE more_notes (id int)").execute(&mut app).await.expect("create table");
    // And nothing a superuser could: no files, no new databases.
    assert!(diesel::sql_query("CREATE DATABASE elsewhere").execute(&mut app).await.is_err());
    assert!(diesel::sql_query("SELECT pg_read_file('postgresql.conf') AS f").execute(&mut app).await.is_err());
    // A second start finds the role and the database and changes nothing.
    assert_eq!(server.ensure_app_database("older").await.expect("again"), url);
    drop((app, older, admin));
    server.stop().expect("stop");
}
