//! The one error type of the API, rendered as RFC 9457 `application/problem+json`.
//!
//! Which error belongs where:
//! - a handler or service returns [`ApiError`] built with one of the constructors below;
//! - `?` on a diesel error maps `NotFound` to 404 and anything else to a logged 500;
//! - extractor failures (malformed JSON, bad query or path, oversized body, wrong content type)
//!   are turned into problems by the handlers in [`crate::http::extractor_config`];
//! - unknown routes and wrong methods are answered by [`crate::http::fallback`].
//!
//! `code` is stable and machine-readable (the SPA switches on it); `title` and `detail` are for
//! people. An unexpected failure keeps its cause for the log (written once, with the request id,
//! by [`crate::http::observe`]) and answers a bare 500 that leaks nothing.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub type ApiResult<T> = Result<T, ApiError>;

xingguang_db::text_enum! {
    /// Every `code` a problem can carry: stable and machine-readable (the SPA shows a message
    /// per code in the user's language; a test checks every locale has one). Published in the
    /// spec as an enum; `docs/API-DESIGN.md`'s table is checked against it.
    pub enum ErrorCode {
        /// The body is not valid JSON.
        MalformedJson = "malformed_json",
        /// The body could not be read.
        MalformedBody = "malformed_body",
        /// The query string cannot be parsed.
        InvalidQuery = "invalid_query",
        /// A partner POST without an `Idempotency-Key`.
        IdempotencyKeyMissing = "idempotency_key_missing",
        /// The `Idempotency-Key` is not 1–255 visible ASCII characters.
        IdempotencyKeyInvalid = "idempotency_key_invalid",
        /// No bearer token.
        MissingToken = "missing_token",
        /// The token is not valid.
        InvalidToken = "invalid_token",
        /// The access token has expired; refresh it.
        TokenExpired = "token_expired",
        /// Wrong username or password.
        InvalidCredentials = "invalid_credentials",
        /// The account is disabled.
        AccountDisabled = "account_disabled",
        /// No refresh token.
        MissingRefreshToken = "missing_refresh_token",
        /// The refresh token is not valid.
        InvalidRefreshToken = "invalid_refresh_token",
        /// The refresh token has expired.
        RefreshTokenExpired = "refresh_token_expired",
        /// A used refresh token was presented again; the session is revoked.
        RefreshTokenReused = "refresh_token_reused",
        /// The refresh token was revoked.
        RefreshTokenRevoked = "refresh_token_revoked",
        /// Valid identity, but the role (or account) may not do this.
        Forbidden = "forbidden",
        /// No such record, or not within the caller's reach.
        NotFound = "not_found",
        /// No such path.
        RouteNotFound = "route_not_found",
        /// The path exists with other methods.
        MethodNotAllowed = "method_not_allowed",
        /// The record's state does not allow this action.
        InvalidTransition = "invalid_transition",
        /// The need takes no new pledges.
        NeedNotOpen = "need_not_open",
        /// The partner unit is inactive.
        PartnerInactive = "partner_inactive",
        /// The API client was revoked.
        ClientRevoked = "client_revoked",
        /// The delivery is still pending.
        DeliveryPending = "delivery_pending",
        /// The record changed meanwhile; reload it.
        ConcurrentChange = "concurrent_change",
        /// Such a record already exists.
        Duplicate = "duplicate",
        /// The record already has that status.
        StatusUnchanged = "status_unchanged",
        /// A deceased resident's status cannot change.
        Deceased = "deceased",
        /// The webhook endpoint is disabled.
        EndpointDisabled = "endpoint_disabled",
        /// The community has no group leaders to put on duty.
        NoLeaders = "no_leaders",
        /// The event is for a team's members or Party members only, and this resident is not one.
        NotEligible = "not_eligible",
        /// The case's current step is not finished (a survey to record, a 公示 still running,
        /// an objection awaiting 民主评议).
        StepIncomplete = "step_incomplete",
        /// A request with this key is still being processed.
        IdempotencyKeyInUse = "idempotency_key_in_use",
        /// The record was changed since it was loaded.
        StaleVersion = "stale_version",
        /// The body is too large.
        PayloadTooLarge = "payload_too_large",
        /// The body's content type is not accepted.
        UnsupportedMediaType = "unsupported_media_type",
        /// Well-formed, but some values are invalid (see `errors`).
        ValidationFailed = "validation_failed",
        /// The body does not have the expected fields.
        InvalidBody = "invalid_body",
        /// The key was first used with a different request.
        IdempotencyKeyReused = "idempotency_key_reused",
        /// Throttled; `Retry-After` says when to try again.
        TooManyRequests = "too_many_requests",
        /// A bug; logged with the request id.
        InternalError = "internal_error",
        /// The database is unreachable; try again shortly.
        ServiceUnavailable = "service_unavailable",
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:xingguang:problem:<code>`.
    #[serde(rename = "type")]
    pub type_: String,
    /// A short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in plain words.
    pub detail: String,
    /// Stable machine-readable code, e.g. `validation_failed`, `not_found`, `token_expired`.
    pub code: ErrorCode,
    /// For validation problems: one entry per invalid field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as sent, e.g. `username` or `limit`.
    pub field: String,
    /// Why the value was refused.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub detail: String,
    pub errors: Vec<FieldError>,
    /// Seconds, for 429 and 503.
    pub retry_after: Option<u64>,
    /// The cause of a 500; logged, never sent.
    pub source: Option<anyhow::Error>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, detail: impl Into<String>) -> Self {
        ApiError { status, code, detail: detail.into(), errors: Vec::new(), retry_after: None, source: None }
    }

    pub fn bad_request(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// 422 with one entry per invalid field.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ");
        ApiError { errors, ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::ValidationFailed, detail) }
    }

    pub fn unauthorized(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, detail)
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, detail)
    }

    /// Also the answer for records outside the caller's reach: their existence is not revealed.
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "The requested resource does not exist.")
    }

    pub fn conflict(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, detail)
    }

    pub fn precondition_failed() -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            ErrorCode::StaleVersion,
            "The record was changed by someone else since you loaded it. Reload it and try again.",
        )
    }

    pub fn too_many_requests(retry_after: u64, detail: impl Into<String>) -> Self {
        ApiError { retry_after: Some(retry_after), ..Self::new(StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyRequests, detail) }
    }

    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        ApiError {
            source: Some(source.into()),
            ..Self::new(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::InternalError, "An unexpected error occurred. It has been logged.")
        }
    }

    pub fn unavailable(source: impl Into<anyhow::Error>) -> Self {
        ApiError {
            source: Some(source.into()),
            retry_after: Some(5),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::ServiceUnavailable,
                "The service is temporarily unavailable. Try again shortly.",
            )
        }
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("urn:xingguang:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code,
            errors: self.errors.clone(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.source {
            Some(source) => write!(f, "{} ({}): {source:#}", self.status, self.code),
            None => write!(f, "{} ({}): {}", self.status, self.code, self.detail),
        }
    }
}

impl std::error::Error for ApiError {}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match error {
            Error::NotFound => ApiError::not_found(),
            // A statement cancelled by `statement_timeout`, or a connection lost mid-request:
            // the database, not the request, is at fault — try again shortly.
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) | Error::BrokenTransactionManager => ApiError::unavailable(error),
            Error::DatabaseError(_, ref info) if info.message().contains("statement timeout") => ApiError::unavailable(error),
            // PostgreSQL text cannot hold NUL (U+0000), which no real input contains.
            Error::DatabaseError(_, ref info)
                if info.message().contains("0x00") || info.message().contains("unsupported Unicode escape sequence") =>
            {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidBody, "Text must not contain NUL characters (U+0000).")
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for ApiError {
    fn from(error: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        ApiError::unavailable(error)
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        ApiError::internal(error)
    }
}

/// Collects field errors so one answer lists every problem of a form.
#[derive(Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// A required text field, trimmed: 1–`max` characters.
    pub fn required_text(&mut self, field: &str, raw: &str, max: usize) -> String {
        let value = raw.trim();
        if value.is_empty() || value.chars().count() > max {
            self.push(field, format!("must be 1–{max} characters"));
        }
        value.to_owned()
    }

    /// An optional text field, trimmed (empty when blank): at most `max` characters.
    pub fn optional_text(&mut self, field: &str, raw: &str, max: usize) -> String {
        let value = raw.trim();
        if value.chars().count() > max {
            self.push(field, format!("must be at most {max} characters"));
        }
        value.to_owned()
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }
}

/// Maps a unique-constraint violation to a 409 with a clear message, anything else to a 500.
pub fn conflict_on_duplicate(error: diesel::result::Error, what: &'static str) -> ApiError {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
            ApiError::conflict(ErrorCode::Duplicate, format!("{what} already exists."))
        }
        other => other.into(),
    }
}
