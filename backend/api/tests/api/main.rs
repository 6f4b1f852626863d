//! The API's one integration-test binary: every test starts the real server on a free port
//! against its own fresh database (see `helpers`).

mod assistance;
mod audit;
mod auth;
mod calendar;
mod duty;
mod elderly;
mod errors;
mod events;
mod help_requests;
mod helpers;
mod imports;
mod jobs;
mod openapi;
mod ops;
mod partners;
mod pledges;
mod registry;
mod sealed;
mod series;
mod spa;
mod teams;
mod webhooks;
