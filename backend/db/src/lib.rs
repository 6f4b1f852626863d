//! The database layer of Xingguang.
//!
//! - [`schema`]: the diesel table definitions (kept in step with `migrations/`).
//! - [`models`]: one module per table: the row type, its insert/update types and the queries on it.
//! - [`pool`]: the diesel-async connection pool and the embedded migrations.
//! - [`embedded`]: a private PostgreSQL cluster run from the machine's own server binaries, for
//!   `xingguang serve` without `DATABASE_URL` and for the test suite.
//! - [`testing`]: a fresh database per test, cloned from a migrated template.
//!
//! Diesel is the slow part of the build, so it lives here and the API crate recompiles quickly.

pub mod embedded;
pub mod models;
pub mod pagination;
pub mod pool;
pub mod reach;
pub mod schema;
pub mod sealed;
pub mod testing;
pub mod versioned;
pub mod vocab;

pub use pool::{DbConn, DbPool};

/// A new primary key. UUID v7 is time-ordered, so keyset pagination can order by `id` alone.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
