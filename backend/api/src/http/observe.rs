//! The outermost middleware: gives each request an id (kept from a sane incoming `X-Request-Id`,
//! else a new UUID v7), returns it in `X-Request-Id`, records metrics, and logs every 5xx once
//! with its cause and the request id.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};

use super::context::RequestId;
use super::metrics::Metrics;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

pub async fn observe(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = req
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().to_string();
    let started = Instant::now();

    let mut res = next.call(req).await?;

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
