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
    second.ensure_database("restart_check").await.expect("the restarted server answers");
    second.stop().expect("stop");
    let _ = std::fs::remove_dir_all(base);
}
