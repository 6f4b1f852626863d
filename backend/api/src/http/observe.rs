//! The outermost middleware: gives each request an id (kept from a sane incoming `X-Request-Id`,
//! else a new UUID v7), returns it in `X-Request-Id`, records metrics, and logs every 5xx once
//! with its cause and the request id. It also bounds how long a client may take to send its
//! body (a client trickling a body byte by byte must not hold a worker), and sends HSTS on
//! responses to HTTPS requests.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};

use super::context::RequestId;
use super::metrics::Metrics;
use crate::error::{ApiError, ErrorCode};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

pub async fn observe(mut req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = req
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    // NUL cannot be stored or searched (PostgreSQL text refuses it), so a query carrying one is
    // refused here with a clear answer instead of failing later in the database.
    if req.query_string().to_ascii_lowercase().contains("%00") {
        return Err(ApiError::bad_request(ErrorCode::InvalidQuery, "The query string must not contain NUL characters (%00).").into());
    }
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().to_string();
    let started = Instant::now();
    let state = req.app_data::<web::Data<crate::state::AppState>>().cloned();
    let https = state.as_ref().is_some_and(|s| super::client::came_over_https(req.request(), &s.trusted_proxies));
    if let Some(state) = &state {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(state.settings.body_timeout_seconds.max(1));
        let payload = req.take_payload();
        req.set_payload(actix_web::dev::Payload::Stream {
            payload: Box::pin(BodyDeadline { inner: payload, sleep: Box::pin(tokio::time::sleep_until(deadline)) }),
        });
    }

    let mut res = next.call(req).await?;
    if https {
        // Browsers then refuse plain HTTP to this host for a year (RFC 6797).
        res.headers_mut()
            .insert(HeaderName::from_static("strict-transport-security"), HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }

    let status = res.status();
    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".to_owned());
    if let Some(metrics) = metrics {
        metrics.record(&method, &route, status.as_u16(), started.elapsed());
    }
    if status.is_server_error() {
        let cause = res.response().error().map(|e| e.to_string()).unwrap_or_else(|| "no cause recorded".to_owned());
        log::error!("request {request_id} {method} {} failed with {status}: {cause}", res.request().path());
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut().insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(res)
}

/// A request body that fails (408-like, as a payload error) once its deadline passes.
struct BodyDeadline {
    inner: actix_web::dev::Payload,
    sleep: std::pin::Pin<Box<tokio::time::Sleep>>,
}

impl futures_util::Stream for BodyDeadline {
    type Item = Result<actix_web::web::Bytes, actix_web::error::PayloadError>;

    fn poll_next(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<Self::Item>> {
        use std::future::Future;
        if self.sleep.as_mut().poll(cx).is_ready() {
            let timeout = std::io::Error::new(std::io::ErrorKind::TimedOut, "the request body took too long to arrive");
            return std::task::Poll::Ready(Some(Err(actix_web::error::PayloadError::Io(timeout))));
        }
        std::pin::Pin::new(&mut self.inner).poll_next(cx)
    }
}
