//! Answers requests that no route took: 405 with `Allow` when the path exists with other methods,
//! else 404. The route table is read from the OpenAPI document, which lists every API route.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};

use crate::error::{ApiError, ErrorCode};

/// Path templates (split into segments, `None` = a `{parameter}`) with their methods.
pub struct RouteTable(Vec<(Vec<Option<String>>, Vec<String>)>);

impl RouteTable {
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments =
                    path.trim_matches('/').split('/').map(|s| if s.starts_with('{') { None } else { Some(s.to_owned()) }).collect();
                let value = serde_json::to_value(item).unwrap_or_default();
                let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
                    .into_iter()
                    .filter(|m| value.get(m).is_some())
                    .map(str::to_uppercase)
                    .collect();
                (segments, methods)
            })
            .collect();
        RouteTable(routes)
    }

    fn allowed_methods(&self, path: &str) -> Vec<String> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut allowed: Vec<String> = self
            .0
            .iter()
            .filter(|(template, _)| {
                template.len() == segments.len() && template.iter().zip(&segments).all(|(t, s)| t.as_deref().is_none_or(|t| t == *s))
            })
            .flat_map(|(_, methods)| methods.iter().cloned())
            .collect();
        allowed.sort();
        allowed.dedup();
        allowed
    }
}

pub async fn not_found_or_method_not_allowed(req: HttpRequest, routes: web::Data<RouteTable>) -> HttpResponse {
    let allowed = routes.allowed_methods(req.path());
    if allowed.is_empty() || allowed.iter().any(|m| m == req.method().as_str()) {
        return ApiError::new(StatusCode::NOT_FOUND, ErrorCode::RouteNotFound, format!("No route matches {}.", req.path()))
            .error_response();
    }
    let error = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        format!("{} does not accept {}; allowed: {}.", req.path(), req.method(), allowed.join(", ")),
    );
    let mut response = error.error_response();
    if let Ok(value) = header::HeaderValue::from_str(&allowed.join(", ")) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}
