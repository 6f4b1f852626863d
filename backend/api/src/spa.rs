//! Serves the built SPA (`frontend/dist`) for every request no route took: hashed assets with
//! long-lived caching, `index.html` with no-cache, and `index.html` for client-side routes —
//! never for the API, the docs or the operations endpoints, which keep their problem+json 404s
//! and 405s.

use std::path::PathBuf;

use actix_files::NamedFile;
use actix_web::http::{header, Method};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::http::fallback::{not_found_or_method_not_allowed, RouteTable};

const NOT_SPA: [&str; 5] = ["/api/", "/api-docs", "/health", "/ready", "/metrics"];

/// The folder of the built SPA, if there is one.
pub struct SpaDir(pub Option<PathBuf>);

impl SpaDir {
    pub fn new(dir: PathBuf) -> Self {
        if dir.join("index.html").is_file() {
            SpaDir(Some(dir))
        } else {
            log::warn!("no SPA at {} (run `make run`, or `npm run build` in frontend/): serving the API only", dir.display());
            SpaDir(None)
        }
    }
}

/// The application's default service.
pub async fn default_handler(req: HttpRequest, spa: web::Data<SpaDir>, routes: web::Data<RouteTable>) -> HttpResponse {
    let path = req.path();
    let is_read = req.method() == Method::GET || req.method() == Method::HEAD;
    // People type the docs address without the slash; Swagger UI lives under /api-docs/.
    if path == "/api-docs" && is_read {
        return HttpResponse::PermanentRedirect().insert_header((header::LOCATION, "/api-docs/")).finish();
    }
    match &spa.0 {
        Some(dir) if is_read && !NOT_SPA.iter().any(|p| path.starts_with(p)) => serve(&req, dir).await,
        _ => not_found_or_method_not_allowed(req, routes).await,
    }
}

async fn serve(req: &HttpRequest, dir: &std::path::Path) -> HttpResponse {
    if let Some(file) = static_file(dir, req.path()) {
        if let Ok(named) = NamedFile::open_async(&file).await {
            let mut response = named.into_response(req);
            let cache = if req.path().starts_with("/assets/") { "public, max-age=31536000, immutable" } else { "no-cache" };
            response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static(cache));
            return response;
        }
    }
    // A client-side route: the SPA's router takes it from here.
    match NamedFile::open_async(dir.join("index.html")).await {
        Ok(index) => {
            let mut response = index.into_response(req);
            response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-cache"));
            response
        }
        Err(e) => actix_web::ResponseError::error_response(&crate::error::ApiError::internal(e)),
    }
}

/// The file a URL path names inside `dir`, if the path is plain (no `..`, no hidden files, no
/// encoded characters) and the file exists.
fn static_file(dir: &std::path::Path, path: &str) -> Option<PathBuf> {
    let relative = path.trim_start_matches('/');
    let plain = relative.split('/').all(|segment| {
        !segment.is_empty() && !segment.starts_with('.') && segment.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    });
    if relative.is_empty() || !plain {
        return None;
    }
    let file = dir.join(relative);
    file.is_file().then_some(file)
}
