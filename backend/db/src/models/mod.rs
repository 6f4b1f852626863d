//! One module per table: the row type (`Queryable`), its insert type (`Insertable`), any update
//! type (`AsChangeset`, with `Option<Option<T>>` to clear a nullable column), and the queries on
//! that table, so everything about a table is in one place.

pub mod assistance;
pub mod audit;
pub mod calendar_feed;
pub mod community;
pub mod duty;
pub mod elderly;
pub mod event;
pub mod event_series;
pub mod help_request;
pub mod household;
pub mod idempotency;
pub mod job;
pub mod login_failure;
pub mod need;
pub mod notification;
pub mod partner;
pub mod pledge;
pub mod refresh_token;
pub mod registry_import;
pub mod resident;
pub mod resident_group;
pub mod state_change;
pub mod team;
pub mod user;
pub mod webhook;
