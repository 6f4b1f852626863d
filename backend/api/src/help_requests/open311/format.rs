//! GeoReport v2's formats: every answer in JSON or XML (the XML written from the JSON value,
//! arrays named for their items), its error list, its parameters (query string or form, with
//! `attribute[code]` keys), its W3C date-times and status words.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{json, Value};
use utoipa::ToSchema;
use xingguang_db::vocab::RequestStatus;

use crate::common::clock::CHINA;
use crate::help_requests::domain::is_open;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Json,
    Xml,
}

/// An Open311 error: its HTTP status and description.
#[derive(Debug)]
pub struct Open311Error(pub(super) StatusCode, pub(super) String);

pub(super) fn err(status: StatusCode, description: impl Into<String>) -> Open311Error {
    Open311Error(status, description.into())
}

impl From<diesel::result::Error> for Open311Error {
    fn from(e: diesel::result::Error) -> Self {
        log::error!("open311: {e}");
        err(StatusCode::INTERNAL_SERVER_ERROR, "The server could not answer; try again later.")
    }
}

impl From<crate::error::ApiError> for Open311Error {
    fn from(e: crate::error::ApiError) -> Self {
        Open311Error(e.status, e.detail)
    }
}

/// The fields of `POST requests` (form-encoded; `attribute[code]` answers besides these).
#[derive(Debug, Serialize, ToSchema)]
#[allow(dead_code)] // documents the form; the handler reads the pairs themselves
pub struct Open311RequestForm {
    pub api_key: String,
    pub jurisdiction_id: Option<String>,
    pub service_code: String,
    pub lat: Option<String>,
    pub long: Option<String>,
    pub address_string: Option<String>,
    pub address_id: Option<String>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub description: String,
    pub media_url: Option<String>,
}

/// The fields of `POST servicerequestupdates` (form-encoded).
#[derive(Debug, Serialize, ToSchema)]
#[allow(dead_code)] // documents the form; the handler reads the pairs themselves
pub struct Open311UpdateForm {
    pub api_key: String,
    pub jurisdiction_id: Option<String>,
    pub service_request_id: String,
    pub update_id: String,
    pub updated_datetime: Option<String>,
    pub status: Option<String>,
    pub description: String,
}

/// One error as the specification writes it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Open311ErrorDto {
    pub code: u16,
    pub description: String,
}

pub(super) fn format_of(raw: &str) -> Result<Format, Open311Error> {
    match raw {
        "json" => Ok(Format::Json),
        "xml" => Ok(Format::Xml),
        _ => Err(err(StatusCode::NOT_FOUND, "The format must be json or xml.")),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The element name of an array's items: `attributes` → `attribute`, `endpoints` → `endpoint`.
fn singular(name: &str) -> &str {
    match name {
        "service_requests" => "request",
        "services" => "service",
        "service_request_updates" => "request_update",
        "errors" => "error",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

fn xml_value(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Null => out.push_str(&format!("<{name}/>")),
        Value::Array(items) => {
            out.push_str(&format!("<{name}>"));
            for item in items {
                xml_value(out, singular(name), item);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::Object(fields) => {
            out.push_str(&format!("<{name}>"));
            for (key, v) in fields {
                xml_value(out, key, v);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", escape(s))),
        other => out.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

/// The JSON value as the specification's XML: `root` holds the array's items (or the object's
/// fields).
fn to_xml(root: &str, value: &Value) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    xml_value(&mut out, root, value);
    out
}

pub(super) fn answer(format: Format, status: StatusCode, root: &str, value: Value) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header(("access-control-allow-origin", "*"));
    match format {
        Format::Json => response.content_type("application/json; charset=utf-8").body(value.to_string()),
        Format::Xml => response.content_type("text/xml; charset=utf-8").body(to_xml(root, &value)),
    }
}

pub(super) fn failure(format: Format, e: Open311Error) -> HttpResponse {
    let body = json!([{ "code": e.0.as_u16(), "description": e.1 }]);
    answer(format, e.0, "errors", body)
}

pub(super) fn respond(format: Format, result: Result<(StatusCode, &str, Value), Open311Error>) -> HttpResponse {
    match result {
        Ok((status, root, value)) => answer(format, status, root, value),
        Err(e) => failure(format, e),
    }
}

/// The query string or form as pairs (Open311 clients send `attribute[code]=value`).
pub(super) fn pairs(raw: &[u8]) -> Result<Vec<(String, String)>, Open311Error> {
    serde_urlencoded::from_bytes(raw).map_err(|_| err(StatusCode::BAD_REQUEST, "The parameters cannot be read."))
}

/// A POST's form fields (GeoReport v2 clients post form-encoded).
pub(super) fn form_pairs(req: &HttpRequest, body: &[u8]) -> Result<Vec<(String, String)>, Open311Error> {
    let form =
        req.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return Err(err(StatusCode::BAD_REQUEST, "Send the fields form-encoded (application/x-www-form-urlencoded)."));
    }
    pairs(body)
}

pub(super) fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

pub(super) fn time(at: DateTime<Utc>) -> String {
    at.with_timezone(&CHINA).to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub(super) fn parse_time(raw: Option<&str>, name: &str) -> Result<Option<DateTime<Utc>>, Open311Error> {
    raw.map(|v| {
        DateTime::parse_from_rfc3339(v)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| err(StatusCode::BAD_REQUEST, format!("{name} must be a W3C date-time, e.g. 2026-11-28T09:00:00+08:00.")))
    })
    .transpose()
}

/// `open` or `closed`, as GeoReport v2 knows them.
pub(super) fn status_word(status: RequestStatus) -> &'static str {
    if is_open(status) {
        "open"
    } else {
        "closed"
    }
}

/// mySociety's richer status words for updates.
pub(super) fn update_status(action: Option<&str>, status: RequestStatus) -> &'static str {
    match action {
        Some("assign") => "ACTION_SCHEDULED",
        Some("start" | "reopen") => "IN_PROGRESS",
        Some("resolve") => "FIXED",
        Some("not_ours") => "NOT_COUNCILS_RESPONSIBILITY",
        Some("duplicate") => "DUPLICATE",
        Some("rate" | "follow_up") => "CLOSED",
        _ => match status {
            RequestStatus::Received => "OPEN",
            RequestStatus::Assigned => "ACTION_SCHEDULED",
            RequestStatus::InProgress => "IN_PROGRESS",
            RequestStatus::Resolved => "FIXED",
            RequestStatus::Closed => "CLOSED",
            RequestStatus::NotOurs => "NOT_COUNCILS_RESPONSIBILITY",
            RequestStatus::Duplicate => "DUPLICATE",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_become_elements_named_for_their_items_and_text_is_escaped() {
        let v = json!([{ "service_code": "a&b", "lat": null, "metadata": true }]);
        assert_eq!(
            to_xml("services", &v),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><lat/><metadata>true</metadata><service_code>a&amp;b</service_code></service></services>"
        );
        let def = json!({ "service_code": "x", "attributes": [{ "values": [{ "key": "k", "name": "<n>" }] }] });
        assert_eq!(
            to_xml("service_definition", &def),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition><attributes><attribute><values><value><key>k</key><name>&lt;n&gt;</name></value></values></attribute></attributes><service_code>x</service_code></service_definition>"
        );
        assert_eq!(escape("a\u{1}b"), "ab", "control characters XML cannot carry are dropped");
    }
}
