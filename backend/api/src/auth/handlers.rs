use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use serde_json::json;
use xingguang_db::models::community::Community;
use xingguang_db::models::login_failure::LoginFailure;
use xingguang_db::models::user::User;

use super::domain::{hash_refresh_token, Username, MAX_PASSWORD_LEN};
use super::dto::{ColleagueDto, LoginRequest, MeResponse, RefreshRequest, TokenResponse};
use super::extract::{AnyRole, Authed};
use super::service::{self, RefreshOutcome};
use crate::audit::AuditEvent;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

/// The browser's refresh token: httpOnly (scripts cannot read it), SameSite=Strict, and only
/// sent to the auth endpoints.
pub const REFRESH_COOKIE: &str = "xg_refresh";
const REFRESH_COOKIE_PATH: &str = "/api/v1/auth";

/// Log in
///
/// Exchanges a username and password for a short-lived access token and a refresh token (also
/// set as an httpOnly cookie for browsers). A wrong password and an unknown username get the
/// same answer in the same time. After 5 failures for one username from one address within
/// 15 minutes, further attempts get 429 until the window frees up.
///
/// **Roles:** anyone (no token needed).
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in.", body = TokenResponse,
            headers(("Set-Cookie" = String, description = "The refresh token as an httpOnly cookie."))),
        (status = 415, description = "The body is not JSON."),
        (status = 401, description = "Wrong username or password (`invalid_credentials`)."),
        (status = 422, description = "A field is missing or out of bounds."),
        (status = 429, description = "Too many failed attempts; see Retry-After.",
            headers(("Retry-After" = u64, description = "Seconds until another attempt is allowed."))),
    )
)]
#[post("/login")]
pub async fn login(state: web::Data<AppState>, ctx: RequestCtx, body: web::Json<LoginRequest>) -> ApiResult<HttpResponse> {
    let LoginRequest { username, password } = body.into_inner();
    let username = Username::parse(&username).map_err(|e| ApiError::validation(vec![e]))?;
    if password.is_empty() || password.len() > MAX_PASSWORD_LEN {
        return Err(ApiError::validation(vec![FieldError::new("password", format!("must be 1–{MAX_PASSWORD_LEN} characters"))]));
    }

    let mut conn = state.conn().await?;
    let user = User::find_by_username(&mut conn, username.as_str()).await?;
    if let Some(retry_after) = service::throttled_for(&mut conn, username.as_str(), &ctx.ip).await? {
        let mut event = AuditEvent::new("auth.login_throttled", "user").detail(json!({ "username": username.as_str() }));
        if let Some(user) = &user {
            event = event.community(user.community_id).entity(user.id);
        }
        event.write(&mut conn, &ctx).await?;
        return Err(ApiError::too_many_requests(retry_after, "Too many failed login attempts. Wait before trying again."));
    }
    drop(conn); // not held while hashing
    let password_ok = state.passwords.verify(password, user.as_ref().map(|u| u.password_hash.clone())).await?;

    let mut conn = state.conn().await?;
    let user = match user {
        Some(user) if password_ok && !user.disabled => user,
        user => {
            let reason = match &user {
                Some(u) if u.disabled && password_ok => "account_disabled",
                Some(_) => "wrong_password",
                None => "unknown_user",
            };
            conn.transaction::<_, ApiError, _>(async move |conn| {
                LoginFailure::record(conn, username.as_str(), &ctx.ip).await?;
                let mut event =
                    AuditEvent::new("auth.login_failed", "user").detail(json!({ "username": username.as_str(), "reason": reason }));
                if let Some(user) = &user {
                    event = event.community(user.community_id).entity(user.id);
                }
                event.write(conn, &ctx).await?;
                Ok(())
            })
            .await?;
            return Err(ApiError::unauthorized(ErrorCode::InvalidCredentials, "Wrong username or password."));
        }
    };

    let tokens = conn
        .transaction::<_, ApiError, _>(async |conn| {
            LoginFailure::clear(conn, username.as_str(), &ctx.ip).await?;
            let tokens = service::issue_tokens(conn, &state, &user, xingguang_db::new_id()).await?;
            AuditEvent::new("auth.login", "user").actor(user.id, user.role, user.community_id).entity(user.id).write(conn, &ctx).await?;
            Ok(tokens)
        })
        .await?;
    Ok(token_response(&state, &ctx, tokens))
}

/// Refresh the session
///
/// Exchanges a refresh token (from the body, or the browser's cookie) for a new access token
/// and a new refresh token. Each refresh token works once: presenting one that was already
/// used revokes every token of that login, since it means the token was copied.
///
/// **Roles:** anyone holding a refresh token (no access token needed).
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh",
    request_body(content = Option<RefreshRequest>, description = "Optional: browsers send the cookie instead."),
    responses(
        (status = 200, description = "A new pair of tokens.", body = TokenResponse),
        (status = 401, description = "No refresh token, or it is unknown, expired, revoked or reused."),
    )
)]
#[post("/refresh")]
pub async fn refresh(state: web::Data<AppState>, ctx: RequestCtx, req: HttpRequest, body: web::Bytes) -> ApiResult<HttpResponse> {
    let presented = presented_refresh_token(&req, &body)?
        .ok_or_else(|| ApiError::unauthorized(ErrorCode::MissingRefreshToken, "No refresh token was sent. Log in again."))?;
    let mut conn = state.conn().await?;
    let outcome = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let outcome = service::rotate(conn, &state, &presented).await?;
            if let RefreshOutcome::Reused { user } = &outcome {
                AuditEvent::new("auth.refresh_reused", "user")
                    .actor(user.id, user.role, user.community_id)
                    .entity(user.id)
                    .detail(json!({ "effect": "all sessions of this login revoked" }))
                    .write(conn, &ctx)
                    .await?;
            }
            Ok(outcome)
        })
        .await?;
    match outcome {
        RefreshOutcome::Rotated(tokens) => Ok(token_response(&state, &ctx, *tokens)),
        RefreshOutcome::Invalid(code) => Err(ApiError::unauthorized(code, "The refresh token is not valid. Log in again.")),
        RefreshOutcome::Reused { .. } => Err(ApiError::unauthorized(
            ErrorCode::RefreshTokenReused,
            "This refresh token was already used; for safety every session of this login has been ended. Log in again.",
        )),
    }
}

/// Log out
///
/// Revokes the refresh token (from the body or the cookie) and every token rotated from it, and
/// clears the cookie. Always answers 204, also when the token was already gone.
///
/// **Roles:** anyone (no access token needed).
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    request_body(content = Option<RefreshRequest>, description = "Optional: browsers send the cookie instead."),
    responses(
        (status = 204, description = "Logged out; the cookie is cleared."),
    )
)]
#[post("/logout")]
pub async fn logout(state: web::Data<AppState>, ctx: RequestCtx, req: HttpRequest, body: web::Bytes) -> ApiResult<HttpResponse> {
    if let Some(presented) = presented_refresh_token(&req, &body)? {
        let mut conn = state.conn().await?;
        conn.transaction::<_, ApiError, _>(async |conn| {
            use xingguang_db::models::refresh_token::RefreshToken;
            let Some(token) = RefreshToken::find_by_hash(conn, &hash_refresh_token(&presented)).await? else {
                return Ok(());
            };
            if RefreshToken::revoke_family(conn, token.family_id).await? > 0 {
                let user = User::find(conn, token.user_id).await?;
                AuditEvent::new("auth.logout", "user")
                    .actor(user.id, user.role, user.community_id)
                    .entity(user.id)
                    .write(conn, &ctx)
                    .await?;
            }
            Ok(())
        })
        .await?;
    }
    let mut cookie = refresh_cookie(&state, &ctx, String::new(), 0);
    cookie.make_removal();
    Ok(HttpResponse::NoContent().cookie(cookie).finish())
}

/// The signed-in user
///
/// Who the access token belongs to: user, role and community.
///
/// **Roles:** any signed-in user.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller.", body = MeResponse),
    )
)]
#[get("/me")]
pub async fn get_me(user: Authed<AnyRole>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let me = User::find(&mut conn, user.user_id())
        .await
        .map_err(|_| ApiError::unauthorized(ErrorCode::InvalidToken, "The account no longer exists."))?;
    if me.disabled {
        return Err(ApiError::unauthorized(ErrorCode::AccountDisabled, "This account has been disabled."));
    }
    let community = Community::find(&mut conn, me.community_id).await?;
    Ok(HttpResponse::Ok().json(MeResponse::new(me, community)))
}

/// Colleagues
///
/// The community's active staff and group leaders, by name: whom a case or a visit can be given
/// to. Names and roles only.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "auth",
    operation_id = "list_colleagues",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Staff first, then group leaders, each by name.", body = Vec<ColleagueDto>),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/colleagues")]
pub async fn list_colleagues(user: Authed<crate::auth::extract::Staff>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let list = User::colleagues(&mut conn, user.community_id())
        .await?
        .into_iter()
        .map(|u| ColleagueDto { id: u.id, display_name: u.display_name, role: u.role, supervisor: u.supervisor })
        .collect::<Vec<_>>();
    Ok(HttpResponse::Ok().json(list))
}

/// The refresh token from a JSON body, else from the cookie. An empty body is fine.
fn presented_refresh_token(req: &HttpRequest, body: &[u8]) -> ApiResult<Option<String>> {
    let from_body = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        serde_json::from_slice::<RefreshRequest>(body)
            .map_err(|e| ApiError::bad_request(ErrorCode::MalformedJson, format!("The request body is not a valid refresh request: {e}")))?
            .refresh_token
    };
    Ok(from_body.or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned())).filter(|t| !t.is_empty() && t.len() <= 128))
}

/// `Secure` when configured, and whenever the request itself came over HTTPS.
fn refresh_cookie(state: &AppState, ctx: &RequestCtx, value: String, max_age_seconds: i64) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(REFRESH_COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.cookie_secure || ctx.https)
        .max_age(time::Duration::seconds(max_age_seconds))
        .finish()
}

fn token_response(state: &AppState, ctx: &RequestCtx, tokens: TokenResponse) -> HttpResponse {
    let cookie = refresh_cookie(state, ctx, tokens.refresh_token.clone(), tokens.refresh_token_expires_in);
    HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).cookie(cookie).json(tokens)
}
