//! HTTP plumbing shared by every capability: extractor error handling, the fallback for unknown
//! routes and wrong methods, the request-id/metrics middleware, paging and the request context.

pub mod client;
pub mod context;
pub mod extractor_config;
pub mod fallback;
pub mod idempotency;
pub mod metrics;
pub mod observe;
pub mod paging;
pub mod version;

pub use context::RequestCtx;
pub use paging::{ListResponse, PageQuery};
