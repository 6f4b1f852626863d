//! Background jobs kept in PostgreSQL (`xingguang_db::models::job`), so that any API process
//! behind a load balancer can report a job's progress, and a job whose process died is marked
//! `interrupted` instead of staying "running" forever.
//!
//! A job is held on a connection taken out of the pool for the job's lifetime: it carries the
//! job's advisory lock and writes progress (coalesced: only the latest count is written). When
//! the job ends — or its task panics, or the process is killed — that connection closes and
//! PostgreSQL frees the lock; [`reap`] (at start-up and every [`REAP_EVERY`]) marks running jobs
//! whose lock is free as interrupted.

use std::time::Duration;

use diesel_async::AsyncPgConnection;
use rand::Rng;
use tokio::sync::watch;
use uuid::Uuid;
use xingguang_db::models::job::{Job, NewJob};
use xingguang_db::vocab::{JobKind, JobState};
use xingguang_db::DbPool;

use crate::error::{ApiError, ApiResult};

pub const REAP_EVERY: Duration = Duration::from_secs(15);

/// This process, as named in `jobs.holder`: host, pid and a random id.
pub fn instance_name() -> &'static str {
    static NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NAME.get_or_init(|| {
        let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_owned()).unwrap_or_else(|_| "localhost".to_owned());
        format!("{host}:{}:{}", std::process::id(), &Uuid::new_v4().simple().to_string()[..8])
    })
}

/// A running job held by this process.
pub struct RunningJob {
    pub id: Uuid,
    progress: watch::Sender<i32>,
    writer: tokio::task::JoinHandle<AsyncPgConnection>,
}

impl RunningJob {
    /// Starts job `id` (the id of the record it works on, e.g. an import): takes a connection
    /// out of the pool, locks, inserts the `running` row.
    pub async fn start(pool: &DbPool, id: Uuid, community_id: Uuid, kind: JobKind, total: i32) -> ApiResult<RunningJob> {
        let mut conn = xingguang_db::DbConn::take(pool.get().await?);
        let lock_key: i64 = rand::thread_rng().gen();
        // Lock first: a running row is never visible without its holder's lock.
        Job::lock(&mut conn, lock_key).await?;
        Job::insert(&mut conn, &NewJob { id, community_id, kind, total, holder: instance_name(), lock_key }).await?;
        let (progress, mut changes) = watch::channel(0);
        let writer = tokio::spawn(async move {
            while changes.changed().await.is_ok() {
                let done = *changes.borrow_and_update();
                if let Err(e) = Job::set_progress(&mut conn, id, done).await {
                    log::warn!("job {id}: progress not saved: {e}");
                }
            }
            conn
        });
        Ok(RunningJob { id, progress, writer })
    }

    /// Records how far the job got; cheap, call as often as you like.
    pub fn progress(&self, done: usize) {
        self.progress.send_replace(i32::try_from(done).unwrap_or(i32::MAX));
    }

    /// Ends the job and frees its lock.
    pub async fn finish(self, state: JobState, result: Option<serde_json::Value>, error: Option<String>) -> ApiResult<()> {
        let RunningJob { id, progress, writer } = self;
        let last = *progress.borrow();
        drop(progress);
        let mut conn = writer.await.map_err(ApiError::internal)?;
        Job::set_progress(&mut conn, id, last).await?;
        Job::finish(&mut conn, id, state, result, error).await?;
        Ok(())
    }
}

/// Marks every running job whose holder is gone as interrupted and returns them.
pub async fn reap(pool: &DbPool) -> ApiResult<Vec<Job>> {
    let mut conn = pool.get().await?;
    let reaped = Job::reap_interrupted(&mut conn).await?;
    for job in &reaped {
        log::warn!("job {} ({}) lost its holder {} and is marked interrupted", job.id, job.kind, job.holder);
    }
    Ok(reaped)
}

/// Runs `job` on the runtime; a panic inside it is caught and returned as an error, so one bad
/// job cannot take the process down or leave its record running.
pub async fn run_caught<F, T>(job: F) -> ApiResult<T>
where
    F: std::future::Future<Output = ApiResult<T>> + Send + 'static,
    T: Send + 'static,
{
    use futures_util::FutureExt;
    match std::panic::AssertUnwindSafe(job).catch_unwind().await {
        Ok(result) => result,
        Err(panic) => {
            let message = panic.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| panic.downcast_ref::<String>().cloned());
            Err(ApiError::internal(anyhow::anyhow!("the job panicked: {}", message.unwrap_or_default())))
        }
    }
}
