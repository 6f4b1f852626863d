//! The shared layer every capability stands on (besides `auth`, `audit`, `http` and `error`):
//! nothing here imports a capability, and no capability imports another's internals — what two
//! of them need lives here.
//!
//! - [`clock`]: now, and today in the community's time zone (injectable in tests).
//! - [`national_id`]: GB 11643 ID numbers, parsed once at the edge.
//! - [`pii`]: masking, phone parsing, who sees sensitive tags, the audited reveal.
//! - [`reach`]: how much of the registry and of the partner records a caller reaches.
//! - [`state_machine`]: states, actions, who may take each, and the history entry each writes.
//! - [`jobs`]: background jobs kept in PostgreSQL, visible to every API process.
//! - [`outbox`]: webhook events, written in the transaction of the change that causes them.
//! - [`spreadsheet`]: .xlsx/.csv file responses, with formula-safe CSV cells.

pub mod age;
pub mod clock;
pub mod jobs;
pub mod national_id;
pub mod notify;
pub mod outbox;
pub mod pdf;
pub mod pii;
pub mod pledge_link;
pub mod reach;
pub mod spreadsheet;
pub mod square;
pub mod state_machine;
pub mod workdays;
