//! `POST /oauth/token`: the OAuth2 client-credentials grant (RFC 6749 §4.4) for partner systems.
//!
//! Errors follow RFC 6749 §5.2 (`error`, `error_description`) so standard OAuth2 client
//! libraries understand them; the problem-document fields are included too.

use actix_web::http::{header, StatusCode};
use actix_web::{post, web, HttpRequest, HttpResponse};
use base64::Engine;
use serde_json::json;
use xingguang_db::models::login_failure::LoginFailure;
use xingguang_db::models::partner::{ApiClient, PartnerUnit};

use super::domain::{digests_equal, hash_secret};
use super::dto::{ClientTokenResponse, OAuthErrorResponse, TokenRequest};
use crate::audit::AuditEvent;
use crate::error::ApiError;
use crate::http::RequestCtx;
use crate::state::AppState;

fn oauth_error(status: StatusCode, error: &'static str, description: &str) -> HttpResponse {
    let body = OAuthErrorResponse {
        error: error.to_owned(),
        error_description: description.to_owned(),
        type_: format!("urn:xingguang:problem:{error}"),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail: description.to_owned(),
        code: error.to_owned(),
    };
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    if status == StatusCode::UNAUTHORIZED {
        response.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"xingguang\""));
    }
    response.json(body)
}

/// Client id and secret from HTTP Basic (RFC 6749 §2.3.1: both form-urlencoded inside), if sent.
fn basic_credentials(req: &HttpRequest) -> Option<Result<(String, String), ()>> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ").or_else(|| value.strip_prefix("basic "))?;
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok().and_then(|b| String::from_utf8(b).ok());
    let Some((id, secret)) = decoded.as_deref().and_then(|d| d.split_once(':')) else { return Some(Err(())) };
    let unescape = |s: &str| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("v={s}")).ok().and_then(|v| v.into_iter().next()).map(|(_, v)| v)
    };
    Some(match (unescape(id), unescape(secret)) {
        (Some(id), Some(secret)) => Ok((id, secret)),
        _ => Err(()),
    })
}

/// Get an access token for a partner system
///
/// OAuth2 client-credentials grant (RFC 6749 §4.4). Send `grant_type=client_credentials` as an
/// `application/x-www-form-urlencoded` body and authenticate with HTTP Basic
/// (`client_id:client_secret`) or with `client_id` and `client_secret` form fields. The token is a
/// JWT with role `partner` and the `partner_id` claim, valid for `expires_in` seconds; request a
/// new one when it runs out (there is no refresh token in this grant).
///
/// Errors are RFC 6749 §5.2 JSON (`error`, `error_description`).
///
/// **Roles:** none (the API client authenticates itself).
#[utoipa::path(
    tag = "partners",
    operation_id = "oauth_token",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "A token.", body = ClientTokenResponse),
        (status = 400, description = "`invalid_request` or `unsupported_grant_type`.", body = OAuthErrorResponse),
        (status = 401, description = "`invalid_client`: unknown client, wrong secret, or revoked.", body = OAuthErrorResponse),
        (status = 403, description = "`unauthorized_client`: the partner unit is inactive.", body = OAuthErrorResponse),
        (status = 429, description = "`too_many_requests`: five failed attempts for this client id from this address within 15 minutes; see `Retry-After`.", body = OAuthErrorResponse),
    )
)]
#[post("/oauth/token")]
pub async fn token(req: HttpRequest, state: web::Data<AppState>, ctx: RequestCtx, body: web::Bytes) -> Result<HttpResponse, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if !content_type.to_ascii_lowercase().starts_with("application/x-www-form-urlencoded") {
        return Ok(oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "Send the request as application/x-www-form-urlencoded."));
    }
    let Ok(form) = serde_urlencoded::from_bytes::<TokenRequest>(&body) else {
        return Ok(oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "The form body could not be read."));
    };
    match form.grant_type.as_deref() {
        Some("client_credentials") => {}
        None => return Ok(oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "grant_type is required.")),
        Some(_) => {
            return Ok(oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", "Only grant_type=client_credentials is supported."))
        }
    }
    let from_form = form.client_id.clone().zip(form.client_secret.clone());
    let (client_id, secret) = match (basic_credentials(&req), from_form) {
        (Some(Ok(_)), Some(_)) => {
            return Ok(oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "Send the client credentials one way only, not both."))
        }
        (Some(Ok(pair)), None) => pair,
        (Some(Err(())), _) => return Ok(oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "The Basic credentials are malformed.")),
        (None, Some(pair)) => pair,
        (None, None) => {
            return Ok(oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Client authentication is required (HTTP Basic or form fields).",
            ))
        }
    };
    let mut conn = state.conn().await?;
    // Failed attempts are counted per client id and address, like logins: guessing a 256-bit
    // secret is hopeless, but a misbehaving integration should not hammer the database.
    let throttle_key = format!("oauth:{}", client_id.trim().chars().take(64).collect::<String>());
    if let Some(retry_after) = crate::auth::service::throttled_for(&mut conn, &throttle_key, &ctx.ip).await? {
        let mut response =
            oauth_error(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", "Too many failed attempts for this client; wait and retry.");
        response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after));
        return Ok(response);
    }
    let client = match ApiClient::by_client_id(&mut conn, client_id.trim()).await? {
        Some(c) if c.revoked_at.is_none() && digests_equal(&c.secret_hash, &hash_secret(&secret)) => c,
        found => {
            LoginFailure::record(&mut conn, &throttle_key, &ctx.ip).await?;
            if let Some(client) = found {
                AuditEvent::new("api_client.token_refused", "api_client")
                    .community(client.community_id)
                    .entity(client.id)
                    .detail(json!({ "reason": if client.revoked_at.is_some() { "revoked" } else { "wrong_secret" } }))
                    .write(&mut conn, &ctx)
                    .await?;
            }
            return Ok(oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "Unknown client, wrong secret, or the client was revoked."));
        }
    };
    let unit = PartnerUnit::find(&mut conn, client.community_id, client.partner_id).await?;
    if unit.status != xingguang_db::vocab::PartnerStatus::Active {
        return Ok(oauth_error(StatusCode::FORBIDDEN, "unauthorized_client", "The partner unit of this client is inactive."));
    }
    ApiClient::touch(&mut conn, client.id).await?;
    LoginFailure::clear(&mut conn, &throttle_key, &ctx.ip).await?;
    let response = ClientTokenResponse {
        access_token: state.tokens.issue_for_client(&client)?,
        token_type: "Bearer",
        expires_in: state.tokens.ttl_seconds(),
    };
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).insert_header((header::PRAGMA, "no-cache")).json(response))
}
