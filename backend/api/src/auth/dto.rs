use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use xingguang_db::models::community::Community;
use xingguang_db::models::user::{Role, User};

/// Username and password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Case-insensitive.
    #[schema(min_length = 3, max_length = 40, pattern = "^[A-Za-z0-9_.-]+$", example = "staff")]
    pub username: String,
    #[schema(min_length = 1, max_length = 256, example = "xingguang", format = Password)]
    pub password: String,
}

/// A refresh or logout request from an API client. Browsers send nothing in the body: their
/// refresh token travels in the httpOnly cookie.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[schema(max_length = 128)]
    pub refresh_token: Option<String>,
}

/// A new pair of tokens.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT to send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Exchange at `/api/v1/auth/refresh` for a new pair; single use. Also set as an httpOnly cookie.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    pub refresh_token_expires_in: i64,
}

/// A community served by this deployment.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommunityDto {
    pub id: Uuid,
    /// e.g. 星光社区
    pub name: String,
    pub province: String,
    pub city: String,
    pub county: String,
}

impl From<Community> for CommunityDto {
    fn from(c: Community) -> Self {
        CommunityDto { id: c.id, name: c.name, province: c.province, city: c.city, county: c.county }
    }
}

/// The signed-in user.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub id: Uuid,
    pub username: String,
    /// The name shown in the UI.
    pub display_name: String,
    pub role: Role,
    pub community: CommunityDto,
    /// For a partner user: their partner unit.
    pub partner_id: Option<Uuid>,
    /// A supervisor (社区主任): reads every assistance case's finances and conflicts of interest.
    pub supervisor: bool,
}

/// A colleague: someone staff can assign work to (a case, a visit).
#[derive(Debug, Serialize, ToSchema)]
pub struct ColleagueDto {
    pub id: Uuid,
    pub display_name: String,
    pub role: Role,
    pub supervisor: bool,
}

impl MeResponse {
    pub fn new(user: User, community: Community) -> Self {
        MeResponse {
            id: user.id,
            username: user.username,
            display_name: user.display_name,
            role: user.role,
            community: community.into(),
            partner_id: user.partner_id,
            supervisor: user.supervisor,
        }
    }
}
