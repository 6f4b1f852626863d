//! Passwords, access tokens and refresh tokens.

use std::sync::{Arc, OnceLock};

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use uuid::Uuid;
use xingguang_db::models::user::{Role, User};

use crate::error::{ApiError, ErrorCode, FieldError};

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: Uuid,
    pub role: Role,
    pub community_id: Uuid,
    pub iat: i64,
    pub exp: i64,
    /// Unique per token, for tracing a token through the logs.
    pub jti: Uuid,
    /// For a group leader: the resident group they lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<Uuid>,
    /// For a resident: their own resident record …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_id: Option<Uuid>,
    /// … and their household.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_id: Option<Uuid>,
    /// For a partner (a user or a machine client): their partner unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<Uuid>,
    /// For a token from the client-credentials grant: the OAuth2 `client_id`. Then `sub` is the
    /// API client's id, not a user's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// For a user: the login (refresh-token family) this token belongs to. Logging out revokes
    /// the family, and with it every access token of that login at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<Uuid>,
}

/// The records a user is linked to, written into their tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct Links {
    pub group_id: Option<Uuid>,
    pub resident_id: Option<Uuid>,
    pub household_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
}

/// Signs and checks access tokens (HS256 only: a token naming any other algorithm, `none`
/// included, is refused).
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl_seconds: i64,
}

impl TokenKeys {
    pub fn new(secret: &[u8], ttl_seconds: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "iat", "sub"]);
        TokenKeys { encoding: EncodingKey::from_secret(secret), decoding: DecodingKey::from_secret(secret), validation, ttl_seconds }
    }

    pub fn ttl_seconds(&self) -> i64 {
        self.ttl_seconds
    }

    pub fn issue(&self, user: &User, links: Links, session: Uuid) -> Result<String, ApiError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user.id,
            role: user.role,
            community_id: user.community_id,
            iat: now,
            exp: now + self.ttl_seconds,
            jti: Uuid::now_v7(),
            group_id: links.group_id,
            resident_id: links.resident_id,
            household_id: links.household_id,
            partner_id: links.partner_id,
            client_id: None,
            sid: Some(session),
        };
        self.sign(&claims)
    }

    /// A token for a machine client of a partner unit (OAuth2 client credentials).
    pub fn issue_for_client(&self, client: &xingguang_db::models::partner::ApiClient) -> Result<String, ApiError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: client.id,
            role: Role::Partner,
            community_id: client.community_id,
            iat: now,
            exp: now + self.ttl_seconds,
            jti: Uuid::now_v7(),
            group_id: None,
            resident_id: None,
            household_id: None,
            partner_id: Some(client.partner_id),
            client_id: Some(client.client_id.clone()),
            sid: None,
        };
        self.sign(&claims)
    }

    fn sign(&self, claims: &Claims) -> Result<String, ApiError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding).map_err(ApiError::internal)
    }

    pub fn verify(&self, token: &str) -> Result<Claims, ApiError> {
        use jsonwebtoken::errors::ErrorKind;
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).map(|data| data.claims).map_err(|e| match e.kind() {
            ErrorKind::ExpiredSignature => {
                ApiError::unauthorized(ErrorCode::TokenExpired, "The access token has expired. Refresh it or log in again.")
            }
            _ => ApiError::unauthorized(ErrorCode::InvalidToken, "The access token is invalid."),
        })
    }
}

/// Argon2id hashing on blocking threads, at most one per core at a time, so a burst of logins
/// queues instead of starving every other request of CPU and memory.
pub struct PasswordService {
    permits: Arc<Semaphore>,
}

impl Default for PasswordService {
    fn default() -> Self {
        Self::new()
    }
}

impl PasswordService {
    pub fn new() -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        PasswordService { permits: Arc::new(Semaphore::new(cores)) }
    }

    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.run(move || hash_password(&password)).await?
    }

    /// Checks a password against a stored hash, or against a fixed dummy hash when there is no
    /// user, so an unknown username costs the same time as a wrong password.
    pub async fn verify(&self, password: String, stored_hash: Option<String>) -> Result<bool, ApiError> {
        self.run(move || {
            let hash = stored_hash.as_deref().unwrap_or_else(|| dummy_hash());
            let matches = verify_password(&password, hash);
            matches && stored_hash.is_some()
        })
        .await
    }

    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
        let _permit = self.permits.acquire().await.map_err(ApiError::internal)?;
        tokio::task::spawn_blocking(work).await.map_err(ApiError::internal)
    }
}

pub fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::internal(anyhow::anyhow!("hashing a password: {e}")))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not a real password, only for timing").unwrap_or_default())
}

/// A new refresh token: 256 random bits, URL-safe. Only its SHA-256 is stored.
pub fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_refresh_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

pub const MAX_PASSWORD_LEN: usize = 256;
pub const MIN_PASSWORD_LEN: usize = 10;

/// A username as stored: trimmed and lower-case, 3–40 of `a-z 0-9 _ . -`.
#[derive(Debug, Clone)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let normalised = raw.trim().to_lowercase();
        let valid_chars = normalised.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c));
        if !(3..=40).contains(&normalised.len()) || !valid_chars {
            return Err(FieldError::new("username", "must be 3–40 characters of a–z, 0–9, '_', '.' or '-'"));
        }
        Ok(Username(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: 8–256 characters (the upper bound keeps hashing cost bounded).
/// Whether `password` is one of the 10,000 most common passwords (case-insensitive).
fn is_common_password(password: &str) -> bool {
    static LIST: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let list =
        LIST.get_or_init(|| include_str!("common-passwords.txt").lines().filter(|l| !l.starts_with('#')).map(str::to_lowercase).collect());
    list.contains(&password.to_lowercase())
}

/// A new password (NIST SP 800-63B §5.1.1.2): long enough, not the username, not a common one.
/// No composition rules — length and rarity are what make a password hard to guess.
pub fn check_new_password(password: &str, username: &str) -> Result<(), FieldError> {
    let len = password.chars().count();
    if len < MIN_PASSWORD_LEN || password.len() > MAX_PASSWORD_LEN {
        return Err(FieldError::new("password", format!("must be {MIN_PASSWORD_LEN}–{MAX_PASSWORD_LEN} characters")));
    }
    let lower = password.to_lowercase();
    if !username.is_empty() && lower.contains(&username.to_lowercase()) {
        return Err(FieldError::new("password", "must not contain the username"));
    }
    if is_common_password(password) || lower.chars().all(|c| c == lower.chars().next().unwrap_or(' ')) {
        return Err(FieldError::new("password", "is too common; choose a longer phrase that others would not guess"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused() {
        assert!(check_new_password("short", "wangli").is_err());
        assert!(check_new_password("1234567890", "wangli").is_err(), "on the common list");
        assert!(check_new_password("Qwertyuiop", "wangli").is_err(), "on the common list, any case");
        assert!(check_new_password("wangli-2026-office", "wangli").is_err(), "contains the username");
        assert!(check_new_password("aaaaaaaaaaaa", "wangli").is_err(), "one character repeated");
        assert!(check_new_password("星光社区的春天来了", "wangli").is_err(), "9 characters");
        assert!(check_new_password("壶山街道星光社区办公室", "wangli").is_ok());
        assert!(check_new_password("correct horse battery", "wangli").is_ok());
    }
}
