//! Builds the actix application: middleware, extractor configuration, the API routes (collected
//! into the OpenAPI document as they are registered), Swagger UI, the SPA and the fallback.

use std::net::TcpListener;

use actix_web::middleware::{from_fn, DefaultHeaders, Logger};
use actix_web::{web, App, HttpServer};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::http::fallback::RouteTable;
use crate::http::metrics::Metrics;
use crate::http::{extractor_config, observe};
use crate::openapi::{build_openapi, ApiDoc};
use crate::routes::api_routes;
use crate::spa;
use crate::state::AppState;

const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
frame-ancestors 'none'; form-action 'self'";

/// Starts the HTTP server on `listener`. The returned server is a future that ends after a
/// graceful shutdown through its handle (stop accepting, finish in-flight requests, up to 30 s);
/// `commands::serve` wires that to SIGINT and SIGTERM.
/// The request path as the access log shows it: a calendar feed's secret is replaced by `…`.
pub fn logged_path(path: &str) -> String {
    match path.strip_prefix("/api/v1/calendar/feeds/") {
        Some(_) => "/api/v1/calendar/feeds/…".to_owned(),
        None => path.to_owned(),
    }
}

pub fn run(state: AppState, listener: TcpListener) -> std::io::Result<actix_web::dev::Server> {
    let api = build_openapi();
    let routes = web::Data::new(RouteTable::from_openapi(&api));
    let metrics = web::Data::new(Metrics::default());
    let cors_origins = state.settings.cors_origins.clone();
    let spa = web::Data::new(spa::SpaDir::new(state.settings.static_dir.clone()));
    let state = web::Data::new(state);
    actix_web::rt::spawn(crate::webhooks::worker::run(state.clone().into_inner()));
    actix_web::rt::spawn(crate::routes::reap_jobs(state.clone().into_inner()));
    actix_web::rt::spawn(crate::duty::reminders::run(state.clone().into_inner()));
    actix_web::rt::spawn(crate::help_requests::escalation::run(state.clone().into_inner()));

    let server = HttpServer::new(move || {
        let mut cors = actix_cors::Cors::default()
            .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
            .allowed_headers(["authorization", "content-type", "if-match", "idempotency-key", "x-request-id"])
            .expose_headers(["etag", "x-request-id", "retry-after", "location", "idempotent-replayed"])
            .supports_credentials()
            .max_age(3600);
        for origin in cors_origins.iter().filter(|o| !o.is_empty()) {
            cors = cors.allowed_origin(origin);
        }
        let (app, _) = App::new()
            .into_utoipa_app()
            .openapi(ApiDoc::openapi())
            .app_data(state.clone())
            .app_data(metrics.clone())
            .app_data(routes.clone())
            .app_data(spa.clone())
            .app_data(extractor_config::json())
            .app_data(extractor_config::query())
            .app_data(extractor_config::path())
            .app_data(extractor_config::form())
            .configure(api_routes)
            .split_for_parts();
        app.service(SwaggerUi::new("/api-docs/{_:.*}").url("/api-docs/openapi.json", api.clone()))
            .default_service(web::to(spa::default_handler))
            .wrap(cors)
            .wrap(
                DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Referrer-Policy", "no-referrer"))
                    .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
                    .add(("Permissions-Policy", "camera=(self), microphone=(), geolocation=()"))
                    .add(("Cross-Origin-Opener-Policy", "same-origin")),
            )
            .wrap(from_fn(observe::observe))
            // The path only: query strings can carry personal data (a searched name or ID digits).
            // Calendar feed URLs carry their secret in the path: it is cut out.
            .wrap(
                Logger::new("%{x-request-id}o %a \"%m %{path}xi\" %s %b %Dms")
                    .custom_request_replace("path", |req| logged_path(req.path())),
            )
    })
    .shutdown_timeout(30)
    .disable_signals()
    .listen(listener)?
    .run();
    Ok(server)
}
