//! The caller as an extractor: a handler's signature says who may call it.
//!
//! ```ignore
//! async fn list_audit(user: Authed<Staff>, …)          // staff only
//! async fn me(user: Authed<AnyRole>, …)                // any signed-in user
//! ```
//! No or bad token → 401; a valid token with a role not in the set → 403. Record-level rules
//! (which rows of their community a caller may see) are applied in the query, not here.

use std::marker::PhantomData;

use actix_web::{dev::Payload, http::header, web, FromRequest, HttpRequest};
use uuid::Uuid;
use xingguang_db::models::user::Role;

use super::domain::Claims;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A set of roles allowed to call a handler.
pub trait RoleSet {
    const ROLES: &'static [Role];
}

macro_rules! role_set {
    ($(#[$doc:meta])* $name:ident => [$($role:ident),+]) => {
        $(#[$doc])*
        pub struct $name;
        impl RoleSet for $name {
            const ROLES: &'static [Role] = &[$(Role::$role),+];
        }
    };
}

role_set!(/// Any signed-in user.
    AnyRole => [Resident, GroupLeader, Staff, Partner]);
role_set!(/// Community office staff.
    Staff => [Staff]);
role_set!(/// Staff and resident-group leaders.
    StaffOrLeader => [Staff, GroupLeader]);
role_set!(/// Partner units.
    Partner => [Partner]);
role_set!(/// Staff and partner units.
    StaffOrPartner => [Staff, Partner]);
role_set!(/// Everyone who lives in the community: residents, group leaders and staff.
    Community => [Resident, GroupLeader, Staff]);

/// A caller whose access token is valid and whose role is in `R`.
pub struct Authed<R: RoleSet> {
    pub claims: Claims,
    _roles: PhantomData<R>,
}

impl<R: RoleSet> Authed<R> {
    pub fn user_id(&self) -> Uuid {
        self.claims.sub
    }

    pub fn community_id(&self) -> Uuid {
        self.claims.community_id
    }

    pub fn role(&self) -> Role {
        self.claims.role
    }
}

impl<R: RoleSet> FromRequest for Authed<R> {
    type Error = ApiError;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checked = authenticate(req).and_then(|claims| {
            if R::ROLES.contains(&claims.role) {
                Ok(claims)
            } else {
                Err(ApiError::forbidden(format!("This action is not available to the {} role.", claims.role)))
            }
        });
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let claims = checked?;
            if let Some(state) = state {
                still_valid(&state, &claims).await?;
            }
            Ok(Authed { claims, _roles: PhantomData })
        })
    }
}

/// A signed, unexpired token can still have been withdrawn: its login ended (logout, refresh
/// reuse), its user disabled, or its API client revoked. One indexed lookup per request, so
/// that takes effect at once on every instance, not when the token expires.
async fn still_valid(state: &AppState, claims: &Claims) -> Result<(), ApiError> {
    let mut conn = state.conn().await?;
    let live = match &claims.client_id {
        Some(_) => xingguang_db::models::partner::ApiClient::is_live(&mut conn, claims.sub).await?,
        None => xingguang_db::models::refresh_token::RefreshToken::session_is_live(&mut conn, claims.sub, claims.sid).await?,
    };
    if live {
        Ok(())
    } else {
        Err(ApiError::unauthorized(ErrorCode::InvalidToken, "This sign-in has ended (signed out, revoked or disabled). Sign in again."))
    }
}

fn authenticate(req: &HttpRequest) -> Result<Claims, ApiError> {
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::internal(anyhow::anyhow!("AppState missing")))?;
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthorized(ErrorCode::MissingToken, "Sign in first: send `Authorization: Bearer <access token>`."))?;
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::unauthorized(ErrorCode::InvalidToken, "The Authorization header must be `Bearer <access token>`."))?;
    state.tokens.verify(token)
}
