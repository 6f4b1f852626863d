//! The OpenAPI document. Paths and schemas are collected from the handlers registered through
//! `utoipa_actix_web` (see [`crate::startup::api_routes`]); this adds the document's header,
//! tags and the bearer security scheme.

use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::error::{ErrorCode, FieldError, Problem};

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
    components(schemas(Problem, FieldError, ErrorCode)),
    tags(
        (name = "auth", description = "Login, token refresh and logout; the signed-in user."),
        (name = "audit", description = "The append-only audit log."),
        (name = "registry", description = "Resident groups, households and residents."),
        (name = "partners", description = "Partner units (共建单位), their API clients and the OAuth2 client-credentials grant; contribution summaries."),
        (name = "pledges", description = "Community needs, partner pledges, their review and deliveries, and the public thank-you list. \
Partner POSTs require an `Idempotency-Key` header."),
        (name = "webhooks", description = "Partner webhook endpoints (Standard Webhooks signatures), their delivery log and re-sends."),
        (name = "duty", description = "The nightly duty roster (值班): fair generation by a weighted ledger, leaders' unavailability, evening reports, holidays."),
        (name = "calendar", description = "Private iCalendar feeds (RFC 5545) for phone calendars: duty nights, and events as they land."),
        (name = "events", description = "Community events (lectures, performances, clean-ups, meetings): registration with a capacity, a waiting list and an audience (all, a team, Party members), check-in at the door; recurring events (the nightly square) as RFC 5545 series; what partners' venues host."),
        (name = "teams", description = "Amateur teams (文艺队, 腰鼓队 …): members, join requests decided by the team's leader or staff, equipment (linked to partners' goods pledges)."),
        (name = "notifications", description = "In-app notifications: an event called off, tomorrow's duty, a team's decision."),
        (name = "work-calendar", description = "The national holiday calendar (法定节假日, 调休上班) that deadlines in working days are counted on."),
        (name = "assistance", description = "Assistance cases (低保, 临时救助, 医疗救助, disability subsidies, re-employment, hardship): each level's step, deadline in working days and approving body; home surveys, 公示, decisions, reviews. Staff only, but a family follows its own case; income and assets are read by the assignee and supervisors, every read audited."),
        (name = "elderly", description = "Older residents from the registry's birth dates (60+ … 100+), the 老年人优待证, and festival visit campaigns (重阳节) recorded by group leaders."),
        (name = "help_requests", description = "Help requests (求助、报修、投诉、咨询) filed in the app, by a leader for a resident, on the hotline or through Open311; assigned, referred to the handbook, resolved and called back on clocks in hours or working days; and the resident handbook (居民手册), edited as a draft and published as a frozen edition, with its A5 PDF."),
        (name = "open311", description = "Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2/, in JSON and XML, with the mySociety servicerequestupdates extension; and the staff endpoints that issue its API keys. See docs/open311.md."),
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

/// The whole document, as the server serves it: the header above, every registered route, and
/// the answers every operation shares ([`ProblemResponses`]).
pub fn build_openapi() -> utoipa::openapi::OpenApi {
    use utoipa_actix_web::AppExt;
    let (_, mut api) =
        actix_web::App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(crate::routes::api_routes).split_for_parts();
    ProblemResponses.modify(&mut api);
    api
}

/// Error answers written once instead of in every handler:
/// - every 4xx/5xx a handler lists without a body gets the problem+json body (`Problem`);
/// - every secured operation answers 401 (`#/components/responses/Unauthorized`);
/// - every operation answers 400 for a body or query string that cannot be parsed
///   (`BadRequest`), and one with a JSON body 415 for another content type
///   (`UnsupportedMediaType`) and 422 for a body whose fields have the wrong types
///   (`InvalidBody`, unless the handler lists its own 422);
/// - every operation with a path parameter answers 404 for one that cannot be parsed
///   (`MalformedPath`, unless the handler lists its own 404).
///
/// A handler lists only the errors particular to it, each with its own description
/// (`(status = 404, description = "No such pledge.")`). The OAuth token endpoint keeps its
/// RFC 6749 bodies.
pub struct ProblemResponses;

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content("application/problem+json", Content::new(Some(RefOr::Ref(Ref::from_schema_name("Problem")))))
        .build()
}

impl ProblemResponses {
    const SHARED: [(&'static str, &'static str, &'static str); 5] = [
        ("Unauthorized", "401", "Not signed in, or the token is invalid or expired (`missing_token`, `invalid_token`, `token_expired`)."),
        ("BadRequest", "400", "The body is not valid JSON, or the query string cannot be parsed (or holds a NUL)."),
        ("UnsupportedMediaType", "415", "The body is not `application/json`."),
        ("InvalidBody", "422", "The body's fields do not fit the schema (`invalid_body`)."),
        ("MalformedPath", "404", "A path parameter cannot be parsed (`not_found`)."),
    ];

    fn operation(op: &mut Operation, has_path_params: bool) {
        let responses = &mut op.responses.responses;
        for (status, response) in responses.iter_mut() {
            if let RefOr::T(response) = response {
                if (status.starts_with('4') || status.starts_with('5')) && response.content.is_empty() {
                    *response = problem_response(&response.description);
                }
            }
        }
        let shared = |name: &str| RefOr::Ref(Ref::new(format!("#/components/responses/{name}")));
        if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
            responses.entry("401".to_owned()).or_insert_with(|| shared("Unauthorized"));
        }
        // Any request can carry a query string or body that cannot be parsed.
        responses.entry("400".to_owned()).or_insert_with(|| shared("BadRequest"));
        let json_body = op.request_body.as_ref().is_some_and(|b| b.content.contains_key("application/json"));
        if json_body {
            responses.entry("415".to_owned()).or_insert_with(|| shared("UnsupportedMediaType"));
            responses.entry("422".to_owned()).or_insert_with(|| shared("InvalidBody"));
        }
        if has_path_params {
            responses.entry("404".to_owned()).or_insert_with(|| shared("MalformedPath"));
        }
    }
}

impl ProblemResponses {
    /// Open311 answers its own error list, but a query string the platform cannot read at all
    /// (a NUL, broken encoding) is refused before the handler with the platform's problem.
    fn open311(op: &mut Operation) {
        let problem = || Content::new(Some(RefOr::Ref(Ref::from_schema_name("Problem"))));
        match op.responses.responses.get_mut("400") {
            Some(RefOr::T(response)) => {
                response.content.insert("application/problem+json".to_owned(), problem());
            }
            _ => {
                op.responses.responses.insert("400".to_owned(), RefOr::Ref(Ref::new("#/components/responses/BadRequest")));
            }
        }
    }
}

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, _, description) in Self::SHARED {
            components.responses.insert(name.to_owned(), RefOr::T(problem_response(description)));
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            // OAuth and Open311 answer errors in their own specifications' formats.
            if path == "/api/v1/oauth/token" {
                continue;
            }
            if path.starts_with("/open311/v2/") {
                for op in [&mut item.get, &mut item.post].into_iter().flatten() {
                    Self::open311(op);
                }
                continue;
            }
            let has_path_params = path.contains('{');
            for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch].into_iter().flatten() {
                Self::operation(op, has_path_params);
            }
        }
    }
}

/// The whole document, as the server serves it.
pub fn document() -> utoipa::openapi::OpenApi {
    build_openapi()
}

/// The committed form: pretty-printed JSON with a trailing newline.
pub fn to_committed_json(api: &utoipa::openapi::OpenApi) -> String {
    let mut json = api.to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
