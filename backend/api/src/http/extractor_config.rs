//! Turns actix's extractor failures into problems, so malformed input never answers with
//! actix's plain-text errors.

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};

use crate::error::{ApiError, ErrorCode};

/// Largest JSON body the API accepts. Bulk uploads (imports) use their own endpoints and limits.
pub const JSON_LIMIT: usize = 256 * 1024;

pub fn json() -> web::JsonConfig {
    web::JsonConfig::default().limit(JSON_LIMIT).error_handler(|err, _req: &HttpRequest| json_problem(&err).into())
}

/// A JSON body larger than [`JSON_LIMIT`] allows, for the few endpoints that carry photos:
/// the same problems as the `Json` extractor, with this endpoint's own limit.
pub async fn json_up_to<T: serde::de::DeserializeOwned>(req: &HttpRequest, payload: web::Payload, limit: usize) -> Result<T, ApiError> {
    let mut payload = payload.into_inner();
    actix_web::dev::JsonBody::<T>::new(req, &mut payload, None, true).limit(limit).await.map_err(|e| json_problem(&e))
}

pub fn query() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| query_problem(&err).into())
}

pub fn path() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, _req| path_problem(&err).into())
}

pub fn form() -> web::FormConfig {
    web::FormConfig::default().limit(16 * 1024).error_handler(|err, _req| form_problem(&err).into())
}

fn json_problem(err: &JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            "The request body must be JSON, sent with Content-Type: application/json.",
        ),
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
            format!("The request body is larger than the {limit} bytes allowed."),
        ),
        JsonPayloadError::Deserialize(e) if e.is_data() => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidBody,
            format!("The request body does not fit the schema: {e}"),
        ),
        JsonPayloadError::Deserialize(e) => {
            ApiError::bad_request(ErrorCode::MalformedJson, format!("The request body is not valid JSON: {e}"))
        }
        other => ApiError::bad_request(ErrorCode::MalformedBody, format!("The request body could not be read: {other}")),
    }
}

fn query_problem(err: &QueryPayloadError) -> ApiError {
    ApiError::bad_request(ErrorCode::InvalidQuery, format!("The query string is invalid: {err}"))
}

fn path_problem(err: &PathError) -> ApiError {
    // A malformed id in the path names no record: the same answer as an unknown one.
    let _ = err;
    ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "The requested resource does not exist (malformed identifier in the path).")
}

fn form_problem(err: &UrlencodedError) -> ApiError {
    match err {
        UrlencodedError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            "The request body must be form-encoded (application/x-www-form-urlencoded).",
        ),
        UrlencodedError::Overflow { .. } => {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge, "The request body is too large.")
        }
        other => ApiError::bad_request(ErrorCode::MalformedBody, format!("The form body is invalid: {other}")),
    }
}
