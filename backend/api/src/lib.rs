//! The Xingguang API server.
//!
//! A request flows: [`http::observe`] (request id, metrics) → security headers → CORS → the
//! route's extractors ([`auth::extract::Authed`] checks the token and role; `Json`/`Query`/`Path`
//! parse input, failing as problems via [`http::extractor_config`]) → the handler (parse into
//! domain types, one call into `xingguang_db`, audit, build the response) → [`error::ApiError`]
//! renders any failure as `application/problem+json`. See docs/ARCHITECTURE.md.

pub mod assistance;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod commands;
pub mod common;
pub mod duty;
pub mod elderly;
pub mod error;
pub mod events;
pub mod help_requests;
pub mod http;
pub mod notifications;
pub mod openapi;
pub mod ops;
pub mod partners;
pub mod pledges;
pub mod registry;
pub mod routes;
pub mod seed;
pub mod settings;
pub mod spa;
pub mod startup;
pub mod state;
pub mod teams;
pub mod webhooks;
pub mod work_calendar;
