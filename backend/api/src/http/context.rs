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
}

impl FromRequest for RequestCtx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        let trust_proxy = req.app_data::<actix_web::web::Data<AppState>>().is_some_and(|s| s.settings.trust_forwarded_for);
        // X-Forwarded-For is only believed behind a proxy we were told about: otherwise any
        // client could pick its own address and dodge the login throttle.
        let ip = if trust_proxy {
            req.connection_info().realip_remote_addr().map(str::to_owned)
        } else {
            req.peer_addr().map(|a| a.ip().to_string())
        }
        .unwrap_or_else(|| "unknown".to_owned());
        ready(Ok(RequestCtx { request_id, ip }))
    }
}
