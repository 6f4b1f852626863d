//! Optimistic concurrency: every updatable record has a `version`; its ETag is `"<version>"`.
//! An update carries the version it was based on, in the body or in `If-Match`; a mismatch is
//! answered 412 instead of silently overwriting someone else's change.

use actix_web::http::header;
use actix_web::HttpRequest;

pub fn etag(version: i32) -> header::EntityTag {
    header::EntityTag::new_strong(version.to_string())
}

/// The version named by `If-Match`, if the header holds exactly one strong tag.
pub fn if_match(req: &HttpRequest) -> Option<i32> {
    let value = req.headers().get(header::IF_MATCH)?.to_str().ok()?;
    value.trim().trim_start_matches("W/").trim_matches('"').parse().ok()
}

/// A stale `version` (in the body, or an `If-Match` that disagrees with it) is a 412.
pub fn check_if_match(req: &HttpRequest, version: i32) -> crate::error::ApiResult<()> {
    match if_match(req) {
        Some(tag) if tag != version => Err(crate::error::ApiError::precondition_failed()),
        _ => Ok(()),
    }
}
