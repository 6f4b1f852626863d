//! The OpenAPI document. Paths and schemas are collected from the handlers registered through
//! `utoipa_actix_web` (see [`crate::startup::api_routes`]); this adds the document's header,
//! tags and the bearer security scheme.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Xingguang community-service platform API",
        description = "REST API of Xingguang (星光), the community-service platform for residents' communities: \
registry, assistance cases, elderly care, help requests, partner pledges, activities, mediation and reporting.\n\n\
Conventions: JSON with snake_case fields; errors are RFC 9457 `application/problem+json` with a stable `code`; \
ids are UUID v7; times RFC 3339 UTC; money in integer fen; lists are keyset-paginated with `limit` and `cursor`. \
Each operation's description names the roles that may call it. Records outside the caller's reach answer 404.",
        license(name = "AGPL-3.0-or-later")
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "auth", description = "Login, token refresh and logout; the signed-in user."),
        (name = "audit", description = "The append-only audit log."),
        (name = "registry", description = "Resident groups, households and residents."),
        (name = "partners", description = "Partner units (共建单位), their API clients and the OAuth2 client-credentials grant; contribution summaries."),
        (name = "pledges", description = "Community needs, partner pledges, their review and deliveries, and the public thank-you list. \
Partner POSTs require an `Idempotency-Key` header."),
        (name = "webhooks", description = "Partner webhook endpoints (Standard Webhooks signatures), their delivery log and re-sends."),
        (name = "ops", description = "Health, readiness and metrics."),
    )
)]
pub struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("An access token from `POST /api/v1/auth/login` (or `/api/v1/oauth/token` for partner systems)."))
                    .build(),
            ),
        );
    }
}

/// The whole document, as the server serves it.
pub fn document() -> utoipa::openapi::OpenApi {
    crate::startup::build_openapi()
}

/// The committed form: pretty-printed JSON with a trailing newline.
pub fn to_committed_json(api: &utoipa::openapi::OpenApi) -> String {
    let mut json = api.to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
