//! The parts of login and refresh that touch the database, kept out of the handlers so each
//! handler still reads top to bottom.

use chrono::{Duration, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::login_failure::LoginFailure;
use xingguang_db::models::refresh_token::{NewRefreshToken, RefreshToken};
use xingguang_db::models::user::User;

use super::domain::{hash_refresh_token, new_refresh_token, Links};
use super::dto::TokenResponse;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// Failed logins allowed per username and address within [`THROTTLE_WINDOW_MINUTES`].
pub const MAX_FAILURES: i64 = 5;
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;
/// Failed logins for one username from any addresses before each further attempt waits
/// (1 s, 2 s, 4 s … up to [`MAX_ACCOUNT_DELAY_SECONDS`]): a guesser spread over many
/// addresses slows to a crawl, while the owner is delayed, never locked out.
pub const ACCOUNT_FREE_FAILURES: i64 = 10;
pub const MAX_ACCOUNT_DELAY_SECONDS: i64 = 15 * 60;
/// Failed logins from one address, whatever the usernames, within the window.
pub const ADDRESS_MAX_FAILURES: i64 = 50;

/// Seconds until another attempt is allowed, if this username/address pair is throttled, the
/// username is being guessed from many addresses, or the address is guessing many usernames.
pub async fn throttled_for(conn: &mut AsyncPgConnection, username: &str, ip: &str) -> Result<Option<u64>, ApiError> {
    let now = Utc::now();
    let window = Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let wait_until = |at: chrono::DateTime<Utc>| Some((at - now).num_seconds().max(1) as u64);
    let (failures, oldest) = LoginFailure::recent(conn, username, ip, now - window).await?;
    if failures >= MAX_FAILURES {
        return Ok(wait_until(oldest.unwrap_or(now) + window));
    }
    let (account_failures, latest) = LoginFailure::for_account(conn, username, now - window).await?;
    if account_failures >= ACCOUNT_FREE_FAILURES {
        let delay = 2i64.saturating_pow((account_failures - ACCOUNT_FREE_FAILURES).min(20) as u32).min(MAX_ACCOUNT_DELAY_SECONDS);
        let until = latest.unwrap_or(now) + Duration::seconds(delay);
        if until > now {
            return Ok(wait_until(until));
        }
    }
    let (address_failures, first) = LoginFailure::for_address(conn, ip, now - window).await?;
    if address_failures >= ADDRESS_MAX_FAILURES {
        return Ok(wait_until(first.unwrap_or(now) + window));
    }
    Ok(None)
}

/// Issues an access token and a refresh token in `family` (a new login starts a new family).
pub async fn issue_tokens(conn: &mut AsyncPgConnection, state: &AppState, user: &User, family: Uuid) -> Result<TokenResponse, ApiError> {
    let refresh_token = new_refresh_token();
    let refresh_ttl = state.settings.refresh_token_ttl;
    RefreshToken::insert(
        conn,
        &NewRefreshToken {
            id: xingguang_db::new_id(),
            user_id: user.id,
            family_id: family,
            token_hash: &hash_refresh_token(&refresh_token),
            expires_at: Utc::now() + Duration::seconds(refresh_ttl),
        },
    )
    .await?;
    let links = links_of(conn, user).await?;
    Ok(TokenResponse {
        access_token: state.tokens.issue(user, links, family)?,
        token_type: "Bearer",
        expires_in: state.tokens.ttl_seconds(),
        refresh_token,
        refresh_token_expires_in: refresh_ttl,
    })
}

/// The group a leader leads, or the resident record and household of a resident.
pub async fn links_of(conn: &mut AsyncPgConnection, user: &User) -> Result<Links, ApiError> {
    use xingguang_db::models::user::Role;
    let mut links = Links::default();
    match user.role {
        Role::GroupLeader => {
            links.group_id = xingguang_db::models::resident_group::ResidentGroup::led_by(conn, user.id).await?.map(|g| g.id);
        }
        Role::Resident => {
            if let Some(resident_id) = user.resident_id {
                let reach = xingguang_db::reach::Reach::Community(user.community_id);
                let row = xingguang_db::models::resident::Resident::find(conn, reach, resident_id).await?;
                links.resident_id = Some(resident_id);
                links.household_id = Some(row.resident.household_id);
            }
        }
        Role::Partner => links.partner_id = user.partner_id,
        Role::Staff => {}
    }
    Ok(links)
}

/// What presenting a refresh token led to.
pub enum RefreshOutcome {
    Rotated(Box<TokenResponse>),
    /// Unknown, expired or revoked; or the user is disabled.
    Invalid(ErrorCode),
    /// The token had already been used: the whole family has been revoked.
    Reused {
        user: User,
    },
}

/// Rotates a refresh token. Runs inside the caller's transaction; a detected reuse revokes the
/// family and still commits, so the revocation sticks although the caller answers 401.
pub async fn rotate(conn: &mut AsyncPgConnection, state: &AppState, presented: &str) -> Result<RefreshOutcome, ApiError> {
    let Some(token) = RefreshToken::find_by_hash(conn, &hash_refresh_token(presented)).await? else {
        return Ok(RefreshOutcome::Invalid(ErrorCode::InvalidRefreshToken));
    };
    if token.revoked_at.is_some() {
        return Ok(RefreshOutcome::Invalid(ErrorCode::RefreshTokenRevoked));
    }
    let user = User::find(conn, token.user_id).await?;
    // mark_rotated is a compare-and-set: of two concurrent refreshes with one token, one loses
    // here and is treated as a reuse.
    if token.rotated_at.is_some() || !RefreshToken::mark_rotated(conn, token.id).await? {
        RefreshToken::revoke_family(conn, token.family_id).await?;
        return Ok(RefreshOutcome::Reused { user });
    }
    if token.expires_at < Utc::now() {
        return Ok(RefreshOutcome::Invalid(ErrorCode::RefreshTokenExpired));
    }
    if user.disabled {
        RefreshToken::revoke_family(conn, token.family_id).await?;
        return Ok(RefreshOutcome::Invalid(ErrorCode::AccountDisabled));
    }
    Ok(RefreshOutcome::Rotated(Box::new(issue_tokens(conn, state, &user, token.family_id).await?)))
}
