//! Background jobs (`jobs`): kept in PostgreSQL so that every API process can report a job's
//! progress, and so that a job whose process died is noticed.
//!
//! The holder keeps a session advisory lock on the job's `lock_key` on a connection of its own
//! for as long as it runs the job. PostgreSQL releases that lock when the connection ends —
//! normally, by a crash or by `kill -9` — so a `running` job whose lock can be taken has lost
//! its holder: [`Job::reap_interrupted`] marks it `interrupted`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::jobs;
use crate::vocab::{JobKind, JobState};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = jobs)]
pub struct Job {
    pub id: Uuid,
    pub community_id: Uuid,
    pub kind: JobKind,
    pub state: JobState,
    pub progress: i32,
    pub total: i32,
    pub result: Option<serde_json::Value>,
    pub error: Option<String>,
    pub holder: String,
    pub lock_key: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = jobs)]
pub struct NewJob<'a> {
    pub id: Uuid,
    pub community_id: Uuid,
    pub kind: JobKind,
    pub total: i32,
    pub holder: &'a str,
    pub lock_key: i64,
}

impl Job {
    /// Takes the advisory lock on `lock_key` for this connection's session. Call on the
    /// holder's own connection *before* inserting the job, so no running job is ever unlocked.
    pub async fn lock(conn: &mut AsyncPgConnection, lock_key: i64) -> QueryResult<()> {
        diesel::sql_query("SELECT pg_advisory_lock($1)").bind::<diesel::sql_types::BigInt, _>(lock_key).execute(conn).await.map(|_| ())
    }

    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewJob<'_>) -> QueryResult<Job> {
        diesel::insert_into(jobs::table).values(new).returning(Job::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Job> {
        jobs::table.filter(jobs::community_id.eq(community_id)).find(id).select(Job::as_select()).first(conn).await
    }

    pub async fn set_progress(conn: &mut AsyncPgConnection, id: Uuid, progress: i32) -> QueryResult<()> {
        diesel::update(jobs::table.find(id).filter(jobs::state.eq(JobState::Running)))
            .set((jobs::progress.eq(progress), jobs::updated_at.eq(diesel::dsl::now)))
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Ends a running job (`succeeded` or `failed`). A job already marked interrupted stays so.
    pub async fn finish(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        state: JobState,
        result: Option<serde_json::Value>,
        error: Option<String>,
    ) -> QueryResult<()> {
        diesel::update(jobs::table.find(id).filter(jobs::state.eq(JobState::Running)))
            .set((
                jobs::state.eq(state),
                jobs::result.eq(result),
                jobs::error.eq(error),
                jobs::updated_at.eq(diesel::dsl::now),
                jobs::finished_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Marks `interrupted` every running job whose holder's lock is free (its process or
    /// connection is gone) and returns them. Safe to run from any number of processes at once:
    /// only one of them can hold a job's lock at a time, the update is guarded by
    /// `state = 'running'`, and the locks taken to test are released before it returns.
    pub async fn reap_interrupted(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Job>> {
        let running: Vec<(Uuid, i64)> =
            jobs::table.filter(jobs::state.eq(JobState::Running)).select((jobs::id, jobs::lock_key)).load(conn).await?;
        let mut reaped = Vec::new();
        for (id, key) in running {
            #[derive(QueryableByName)]
            struct Taken {
                #[diesel(sql_type = diesel::sql_types::Bool)]
                taken: bool,
            }
            let lock: Taken = diesel::sql_query("SELECT pg_try_advisory_lock($1) AS taken")
                .bind::<diesel::sql_types::BigInt, _>(key)
                .get_result(conn)
                .await?;
            if !lock.taken {
                continue; // its holder is alive
            }
            let marked = diesel::update(jobs::table.find(id).filter(jobs::state.eq(JobState::Running)))
                .set((
                    jobs::state.eq(JobState::Interrupted),
                    jobs::error.eq("The server running this job stopped before it finished."),
                    jobs::updated_at.eq(diesel::dsl::now),
                    jobs::finished_at.eq(diesel::dsl::now),
                ))
                .returning(Job::as_returning())
                .get_result(conn)
                .await
                .optional();
            diesel::sql_query("SELECT pg_advisory_unlock($1)").bind::<diesel::sql_types::BigInt, _>(key).execute(conn).await?;
            if let Some(job) = marked? {
                reaped.push(job);
            }
        }
        Ok(reaped)
    }
}
