//! The API's one integration-test binary: every test starts the real server on a free port
//! against its own fresh database (see `helpers`).

mod audit;
mod auth;
mod errors;
mod helpers;
mod imports;
mod openapi;
mod ops;
mod registry;
mod spa;
