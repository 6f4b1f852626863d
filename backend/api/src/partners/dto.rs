use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use xingguang_db::models::partner::{ApiClient, PartnerUnit};

use super::domain::{PartnerKind, PartnerStatus};
use crate::common::pii::mask_phone;

/// A partner unit (共建单位). The contact phone is masked; staff reveal it with a reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerDto {
    pub id: Uuid,
    #[schema(example = "县工商银行")]
    pub name: String,
    pub kind: PartnerKind,
    pub contact_name: Option<String>,
    /// Masked, e.g. `138****5678`.
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub partnered_since: Option<NaiveDate>,
    pub status: PartnerStatus,
    pub version: i32,
}

impl From<PartnerUnit> for PartnerDto {
    fn from(p: PartnerUnit) -> Self {
        PartnerDto {
            id: p.id,
            kind: p.kind,
            status: p.status,
            name: p.name,
            contact_name: p.contact_name,
            contact_phone: p.contact_phone.as_deref().map(mask_phone),
            address: p.address,
            partnered_since: p.partnered_since,
            version: p.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePartnerRequest {
    #[schema(min_length = 1, max_length = 100, example = "县工商银行")]
    pub name: String,
    pub kind: PartnerKind,
    #[schema(max_length = 50)]
    pub contact_name: Option<String>,
    /// A mainland mobile (11 digits) or landline number.
    pub contact_phone: Option<String>,
    #[schema(max_length = 200)]
    pub address: Option<String>,
    pub partnered_since: Option<NaiveDate>,
}

/// Changes to a partner unit; omitted fields stay, an empty string clears a text field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePartnerRequest {
    pub version: i32,
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    pub kind: Option<PartnerKind>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub partnered_since: Option<NaiveDate>,
    pub status: Option<PartnerStatus>,
}

/// The unmasked contact phone.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerContactDto {
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
}

/// An API client of a partner unit (the secret is never shown again after creation/rotation).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClientDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    /// The OAuth2 `client_id`.
    #[schema(example = "xgc_4fJ2kq0bXw9vTzQa")]
    pub client_id: String,
    pub name: String,
    /// The end of the secret, to tell secrets apart.
    pub secret_hint: String,
    pub created_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<ApiClient> for ApiClientDto {
    fn from(c: ApiClient) -> Self {
        ApiClientDto {
            id: c.id,
            partner_id: c.partner_id,
            client_id: c.client_id,
            name: c.name,
            secret_hint: c.secret_hint,
            created_at: c.created_at,
            rotated_at: c.rotated_at,
            revoked_at: c.revoked_at,
            last_used_at: c.last_used_at,
        }
    }
}

/// A client with its secret: shown once, store it now.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClientSecretDto {
    pub client: ApiClientDto,
    #[schema(example = "xgs_…")]
    pub client_secret: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateClientRequest {
    /// What the client is for, e.g. the partner's system.
    #[schema(min_length = 1, max_length = 60, example = "工行公益平台")]
    pub name: String,
}

/// `application/x-www-form-urlencoded` body of the token request (RFC 6749 §4.4.2).
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// Must be `client_credentials`.
    pub grant_type: Option<String>,
    /// Instead of HTTP Basic authentication.
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    /// Ignored: a client always gets the partner scope.
    pub scope: Option<String>,
}

/// RFC 6749 §5.1.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientTokenResponse {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the token expires.
    pub expires_in: i64,
}

/// RFC 6749 §5.2 error, with the problem fields alongside for consistency with the rest of the API.
#[derive(Debug, Serialize, ToSchema)]
pub struct OAuthErrorResponse {
    /// `invalid_request`, `invalid_client`, `unsupported_grant_type` or `unauthorized_client`.
    pub error: String,
    pub error_description: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
}
