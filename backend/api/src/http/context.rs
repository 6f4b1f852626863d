use std::future::{ready, Ready};

use actix_web::{dev::Payload, FromRequest, HttpMessage, HttpRequest};

use crate::state::AppState;

/// The request id given to this request by [`super::observe`] (also in `X-Request-Id`).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Who is asking from where: the request id and the client address, for the audit log and for
/// login throttling.
#[derive(Debug, Clone)]
pub struct RequestCtx {
    pub request_id: String,
    pub ip: String,
    /// Whether the request came over HTTPS (directly or per a trusted proxy).
    pub https: bool,
}

impl FromRequest for RequestCtx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        // X-Forwarded-For is only believed from a proxy we were told about (`http::client`).
        let trusted = req.app_data::<actix_web::web::Data<AppState>>().map(|s| s.trusted_proxies.clone()).unwrap_or_default();
        let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
        let ip = super::client::client_address(req.peer_addr().map(|a| a.ip()), forwarded, &trusted)
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string());
        let https = super::client::came_over_https(req, &trusted);
        ready(Ok(RequestCtx { request_id, ip, https }))
    }
}
