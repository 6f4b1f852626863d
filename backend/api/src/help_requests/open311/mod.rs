//! Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2/`, every resource
//! in `.json` and `.xml`, with the mySociety `servicerequestupdates` extension, so existing civic
//! apps (FixMyStreet and the like) can list the handbook's categories as services, post requests
//! and follow them.
//!
//! Privacy: GET lists only requests that came in through Open311 (their reporters chose a
//! public civic app) and never a name, phone or e-mail; requests filed in the app, by a leader
//! or on the hotline stay private. Errors are the specification's `[{code, description}]`.

mod format;

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::{json, Value};
use uuid::Uuid;
use xingguang_db::models::community::Community;
use xingguang_db::models::help_request::{HelpRequest, Open311Client, RequestNote};
use xingguang_db::vocab::{RequestChannel, RequestStatus};

use self::format::{
    answer, err, failure, form_pairs, format_of, pairs, param, parse_time, respond, status_word, time, update_status, Format, Open311Error,
};
pub use self::format::{Open311ErrorDto, Open311RequestForm, Open311UpdateForm};
use super::domain::{check_answers, due, local_day, reopen_until, RequestAction, REQUEST_MACHINE};
use super::handbook::content;
use super::keys::key_hash;
use super::service::{calendar, receive, reopening, Intake};
use crate::audit::AuditEvent;
use crate::common::state_machine::Actor;
use crate::http::RequestCtx;
use crate::state::AppState;

/// Requests a `GET requests` returns at most, and its default window.
const CAP: i64 = 1000;
const WINDOW_DAYS: i64 = 90;

/// The community a call is for: the `jurisdiction_id` named, or the only one served.
async fn jurisdiction(conn: &mut AsyncPgConnection, params: &[(String, String)]) -> Result<Community, Open311Error> {
    match param(params, "jurisdiction_id") {
        Some(code) => Community::find_by_code(conn, code).await?.ok_or_else(|| err(StatusCode::NOT_FOUND, "jurisdiction_id not found")),
        None => Community::sole(conn).await?.ok_or_else(|| err(StatusCode::BAD_REQUEST, "jurisdiction_id is required")),
    }
}

/// The client holding `api_key`, for the community named (403 for a missing or revoked key).
async fn client(conn: &mut AsyncPgConnection, params: &[(String, String)], community: &Community) -> Result<Open311Client, Open311Error> {
    let key = param(params, "api_key").ok_or_else(|| err(StatusCode::FORBIDDEN, "api_key is required"))?;
    Open311Client::by_key_hash(conn, &key_hash(key))
        .await?
        .filter(|c| c.community_id == community.id)
        .ok_or_else(|| err(StatusCode::FORBIDDEN, "Invalid api_key"))
}

async fn current_content(
    conn: &mut AsyncPgConnection,
    community: &Community,
) -> Result<(xingguang_db::models::help_request::Edition, super::domain::Content), Open311Error> {
    let edition = xingguang_db::models::help_request::Edition::current(conn, community.id)
        .await?
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "This jurisdiction has published no services yet."))?;
    let c = content(&edition)?;
    Ok((edition, c))
}

/// A request as GET shows it: no name, phone or e-mail.
fn request_json(r: &HelpRequest, notes: &[RequestNote]) -> Value {
    let status_notes = notes.iter().rev().find(|n| n.request_id == r.id).map(|n| n.body.clone());
    let agency = r.referral.as_ref().and_then(|v| v.get("name")).and_then(Value::as_str).unwrap_or("社区居委会").to_owned();
    json!({
        "service_request_id": r.number,
        "status": status_word(r.status),
        "status_notes": status_notes,
        "service_name": r.category_name,
        "service_code": r.category_code,
        "description": r.description,
        "agency_responsible": agency,
        "service_notice": "",
        "requested_datetime": time(r.received_at),
        "updated_datetime": time(r.updated_at),
        "expected_datetime": time(r.resolution_due_at),
        "address": r.address,
        "address_id": null,
        "zipcode": null,
        "lat": r.lat,
        "long": r.long,
        "media_url": r.media_url,
    })
}

/// Service discovery
///
/// Where this endpoint is, its specification, formats and contact.
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_discovery",
    params(("format" = String, Path, description = "`json` or `xml`.")),
    responses(
        (status = 200, description = "The discovery document.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 404, description = "Another format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/discovery.{format}")]
pub async fn discovery(req: HttpRequest, format: web::Path<String>) -> HttpResponse {
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    let base = format!("{}://{}/open311/v2/", req.connection_info().scheme(), req.connection_info().host());
    let body = json!({
        "changeset": "2026-11-28T00:00:00+08:00",
        "contact": "星光社区居委会（工作日 8:30–17:30）",
        "key_service": "API keys are issued by the community office (社区居委会) to each client.",
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": base,
            "changeset": "2026-11-28T00:00:00+08:00",
            "type": "production",
            "formats": ["application/json", "text/xml"],
        }],
    });
    answer(format, StatusCode::OK, "discovery", body)
}

/// Service list
///
/// The current handbook's categories as services; `metadata` is true where a category asks
/// extra questions (see the service definition).
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_services",
    params(
        ("format" = String, Path, description = "`json` or `xml`."),
        ("jurisdiction_id" = Option<String>, Query, description = "The community's code (optional when the server serves one community)."),
    ),
    responses(
        (status = 200, description = "The services.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 400, description = "No jurisdiction_id where one is needed.", body = Vec<Open311ErrorDto>),
        (status = 404, description = "Unknown jurisdiction_id or format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/services.{format}")]
pub async fn services(req: HttpRequest, state: web::Data<AppState>, format: web::Path<String>) -> HttpResponse {
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(
        format,
        async {
            let params = pairs(req.query_string().as_bytes())?;
            let mut conn = state.conn().await?;
            let community = jurisdiction(&mut conn, &params).await?;
            let (_, c) = current_content(&mut conn, &community).await?;
            let list: Vec<Value> = c
            .categories
            .iter()
            .map(|cat| {
                json!({
                    "service_code": cat.code, "service_name": cat.name, "description": cat.description,
                    "metadata": !cat.questions.is_empty(), "type": "realtime", "keywords": cat.kind.as_str(), "group": cat.kind.as_str(),
                })
            })
            .collect();
            Ok((StatusCode::OK, "services", Value::Array(list)))
        }
        .await,
    )
}

/// Service definition
///
/// A service's extra questions as attributes (`singlevaluelist` with its values, or `string`).
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_service_definition",
    params(
        ("code" = String, Path, description = "The service_code."),
        ("format" = String, Path, description = "`json` or `xml`."),
        ("jurisdiction_id" = Option<String>, Query, description = "The community's code."),
    ),
    responses(
        (status = 200, description = "The definition.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 404, description = "Unknown service_code, jurisdiction_id or format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/services/{code}.{format}")]
pub async fn service_definition(req: HttpRequest, state: web::Data<AppState>, path: web::Path<(String, String)>) -> HttpResponse {
    let (code, format) = path.into_inner();
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(
        format,
        async {
            let params = pairs(req.query_string().as_bytes())?;
            let mut conn = state.conn().await?;
            let community = jurisdiction(&mut conn, &params).await?;
            let (_, c) = current_content(&mut conn, &community).await?;
            let cat = c.category(&code).ok_or_else(|| err(StatusCode::NOT_FOUND, "service_code not found"))?;
            let attributes: Vec<Value> = cat
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let values: Vec<Value> = q.choices.iter().map(|c| json!({ "key": c.key, "name": c.name })).collect();
                    json!({
                        "variable": true, "code": q.code,
                        "datatype": if q.choices.is_empty() { "string" } else { "singlevaluelist" },
                        "required": q.required, "datatype_description": null, "order": i + 1, "description": q.label, "values": values,
                    })
                })
                .collect();
            Ok((StatusCode::OK, "service_definition", json!({ "service_code": cat.code, "attributes": attributes })))
        }
        .await,
    )
}

/// Post a service request
///
/// Form-encoded, with the client's `api_key`: `service_code`, a location (`lat` and `long`, or
/// `address_string`), `description`, optionally `first_name`, `last_name`, `phone`, `email`,
/// `media_url` and `attribute[code]` answers. The request is recorded at once; the answer gives
/// its `service_request_id` (and a `token` that resolves to it).
///
/// **Roles:** a third-party client with an API key issued by staff.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_post_request",
    params(("format" = String, Path, description = "`json` or `xml`.")),
    request_body(content = Open311RequestForm, content_type = "application/x-www-form-urlencoded", description = "The GeoReport v2 fields."),
    responses(
        (status = 201, description = "Recorded.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 400, description = "A required field is missing or invalid.", body = Vec<Open311ErrorDto>),
        (status = 403, description = "No api_key, or an invalid one.", body = Vec<Open311ErrorDto>),
        (status = 404, description = "Unknown service_code or jurisdiction_id.", body = Vec<Open311ErrorDto>),
    )
)]
#[post("/open311/v2/requests.{format}")]
pub async fn post_request(
    req: HttpRequest,
    ctx: RequestCtx,
    state: web::Data<AppState>,
    format: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(format, create(&req, &ctx, &state, &body).await)
}

fn field(errors: &mut Vec<String>, params: &[(String, String)], name: &str, max: usize) -> Option<String> {
    let v = param(params, name)?;
    if v.chars().count() > max {
        errors.push(format!("{name} is longer than {max} characters"));
        return None;
    }
    Some(v.to_owned())
}

async fn create(
    req: &HttpRequest,
    ctx: &RequestCtx,
    state: &AppState,
    body: &[u8],
) -> Result<(StatusCode, &'static str, Value), Open311Error> {
    let params = form_pairs(req, body)?;
    let mut conn = state.conn().await?;
    let community = jurisdiction(&mut conn, &params).await?;
    let client = client(&mut conn, &params, &community).await?;
    let code = param(&params, "service_code").ok_or_else(|| err(StatusCode::BAD_REQUEST, "service_code is required"))?;
    let (edition, c) = current_content(&mut conn, &community).await?;
    let category = c.category(code).cloned().ok_or_else(|| err(StatusCode::NOT_FOUND, "service_code not found"))?;
    let mut problems = Vec::new();
    let lat = param(&params, "lat").map(str::parse::<f64>);
    let long = param(&params, "long").map(str::parse::<f64>);
    let (lat, long) = match (lat, long) {
        (Some(Ok(a)), Some(Ok(o))) if (-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&o) => (Some(a), Some(o)),
        (None, None) => (None, None),
        _ => {
            problems.push("lat and long must both be given as decimal degrees".to_owned());
            (None, None)
        }
    };
    let address = field(&mut problems, &params, "address_string", 200).unwrap_or_default();
    if lat.is_none() && address.is_empty() && param(&params, "address_id").is_none() {
        problems.push("a location is required: lat and long, or address_string".to_owned());
    }
    let description = field(&mut problems, &params, "description", 2000);
    if description.is_none() {
        problems.push("description is required".to_owned());
    }
    let first = field(&mut problems, &params, "first_name", 25).unwrap_or_default();
    let last = field(&mut problems, &params, "last_name", 25).unwrap_or_default();
    let email = field(&mut problems, &params, "email", 200);
    let media_url = field(&mut problems, &params, "media_url", 500).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let phone = match param(&params, "phone") {
        Some(raw) => match crate::common::pii::parse_phone("phone", raw) {
            Ok(p) => Some(p),
            Err(e) => {
                problems.push(format!("phone {}", e.message));
                None
            }
        },
        None => None,
    };
    let mut answers = serde_json::Map::new();
    for (k, v) in &params {
        if let Some(code) = k.strip_prefix("attribute[").and_then(|k| k.strip_suffix(']')) {
            answers.insert(code.to_owned(), Value::String(v.clone()));
        }
    }
    for e in check_answers(&category, &answers, "attribute") {
        problems.push(format!("{} {}", e.field.replacen("attribute.", "attribute[", 1) + "]", e.message));
    }
    if !problems.is_empty() {
        return Err(err(StatusCode::BAD_REQUEST, problems.join("; ")));
    }
    let now = state.clock.now();
    let cal = calendar(&mut conn, now).await?;
    let name = format!("{last}{first}");
    let saved = conn
        .transaction::<_, crate::error::ApiError, _>(async |conn| {
            let actor = Actor { name: format!("{}（Open311）", client.name), user_id: None };
            let intake = Intake {
                kind: category.kind,
                category: category.clone(),
                edition_id: edition.id,
                description: description.unwrap_or_default(),
                address,
                lat,
                long,
                channel: RequestChannel::Open311,
                resident: (None, None, None),
                caller_name: if name.is_empty() { format!("{}用户", client.name.chars().take(40).collect::<String>()) } else { name },
                caller_phone: phone,
                caller_email: email,
                filed_by: None,
                open311_client_id: Some(client.id),
                media_url,
                answers,
            };
            let saved = receive(conn, community.id, intake, now, &cal, &actor).await?;
            let rule = REQUEST_MACHINE.rule(RequestAction::Receive);
            AuditEvent::new(rule.audit, "help_request")
                .community(community.id)
                .entity(saved.id)
                .detail(json!({ "open311_client": client.id }))
                .write(conn, ctx)
                .await?;
            Ok(saved)
        })
        .await?;
    let notice = format!("已受理，{}内答复。", limit_words(category.response));
    let body = json!([{ "service_request_id": saved.number, "token": saved.open311_token.to_string(), "service_notice": notice, "account_id": null }]);
    Ok((StatusCode::CREATED, "service_requests", body))
}

fn limit_words(limit: super::domain::Limit) -> String {
    match limit.unit {
        super::domain::LimitUnit::Hours => format!("{}小时", limit.amount),
        super::domain::LimitUnit::WorkingDays => format!("{}个工作日", limit.amount),
    }
}

/// Get service requests
///
/// Requests that came in through Open311: by `service_request_id` (comma-separated), or in a
/// window (`start_date`, `end_date`; by default the last 90 days), by `service_code` and
/// `status` (`open`, `closed`); at most 1,000, newest first. No personal data.
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_requests",
    params(
        ("format" = String, Path, description = "`json` or `xml`."),
        ("jurisdiction_id" = Option<String>, Query, description = "The community's code."),
        ("service_request_id" = Option<String>, Query, description = "Comma-separated ids."),
        ("service_code" = Option<String>, Query, description = "One service."),
        ("start_date" = Option<String>, Query, description = "W3C date-time."),
        ("end_date" = Option<String>, Query, description = "W3C date-time."),
        ("status" = Option<String>, Query, description = "`open`, `closed`, or both comma-separated."),
    ),
    responses(
        (status = 200, description = "The requests.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 400, description = "A date or status that cannot be read.", body = Vec<Open311ErrorDto>),
        (status = 404, description = "Unknown jurisdiction_id or format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/requests.{format}")]
pub async fn get_requests(req: HttpRequest, state: web::Data<AppState>, format: web::Path<String>) -> HttpResponse {
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(format, list(&req, &state, None).await)
}

async fn list(req: &HttpRequest, state: &AppState, one: Option<&str>) -> Result<(StatusCode, &'static str, Value), Open311Error> {
    let params = pairs(req.query_string().as_bytes())?;
    let mut conn = state.conn().await?;
    let community = jurisdiction(&mut conn, &params).await?;
    let ids: Option<Vec<String>> = match one {
        Some(id) => Some(vec![id.to_owned()]),
        None => param(&params, "service_request_id")
            .map(|v| v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).take(CAP as usize).collect()),
    };
    let statuses: Option<Vec<RequestStatus>> = match param(&params, "status") {
        None => None,
        Some(v) => {
            let mut out = Vec::new();
            for word in v.split(',').map(str::trim) {
                match word {
                    "open" => out.extend([RequestStatus::Received, RequestStatus::Assigned, RequestStatus::InProgress]),
                    "closed" => {
                        out.extend([RequestStatus::Resolved, RequestStatus::Closed, RequestStatus::NotOurs, RequestStatus::Duplicate])
                    }
                    _ => return Err(err(StatusCode::BAD_REQUEST, "status must be open, closed, or both")),
                }
            }
            Some(out)
        }
    };
    let end = parse_time(param(&params, "end_date"), "end_date")?.unwrap_or_else(|| state.clock.now());
    let start = parse_time(param(&params, "start_date"), "start_date")?.unwrap_or(end - chrono::Duration::days(WINDOW_DAYS));
    if start > end {
        return Err(err(StatusCode::BAD_REQUEST, "start_date is after end_date"));
    }
    let rows = HelpRequest::open311_list(
        &mut conn,
        community.id,
        ids.as_deref(),
        param(&params, "service_code"),
        statuses.as_deref(),
        (start, end),
        CAP,
    )
    .await?;
    if one.is_some() && rows.is_empty() {
        return Err(err(StatusCode::NOT_FOUND, "service_request_id not found"));
    }
    let notes = RequestNote::public_of(&mut conn, &rows.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    Ok((StatusCode::OK, "service_requests", Value::Array(rows.iter().map(|r| request_json(r, &notes)).collect())))
}

/// Get a service request
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_request",
    params(
        ("id" = String, Path, description = "The service_request_id."),
        ("format" = String, Path, description = "`json` or `xml`."),
        ("jurisdiction_id" = Option<String>, Query, description = "The community's code."),
    ),
    responses(
        (status = 200, description = "The request (in a list of one).", content((Object = "application/json"), (String = "text/xml"))),
        (status = 404, description = "Unknown id (or not an Open311 request), jurisdiction_id or format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/requests/{id}.{format}")]
pub async fn get_request(req: HttpRequest, state: web::Data<AppState>, path: web::Path<(String, String)>) -> HttpResponse {
    let (id, format) = path.into_inner();
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(format, list(&req, &state, Some(&id)).await)
}

/// Get a request id from a token
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_token",
    params(
        ("token" = String, Path, description = "The token a POST answered."),
        ("format" = String, Path, description = "`json` or `xml`."),
        ("jurisdiction_id" = Option<String>, Query, description = "The community's code."),
    ),
    responses(
        (status = 200, description = "The request's id.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 404, description = "Unknown token, jurisdiction_id or format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/tokens/{token}.{format}")]
pub async fn get_token(req: HttpRequest, state: web::Data<AppState>, path: web::Path<(String, String)>) -> HttpResponse {
    let (token, format) = path.into_inner();
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(
        format,
        async {
            let params = pairs(req.query_string().as_bytes())?;
            let mut conn = state.conn().await?;
            let community = jurisdiction(&mut conn, &params).await?;
            let token: Uuid = token.parse().map_err(|_| err(StatusCode::NOT_FOUND, "token not found"))?;
            let r = HelpRequest::by_token(&mut conn, community.id, token)
                .await?
                .ok_or_else(|| err(StatusCode::NOT_FOUND, "token not found"))?;
            Ok((StatusCode::OK, "service_requests", json!([{ "service_request_id": r.number, "token": token.to_string() }])))
        }
        .await,
    )
}

/// Service request updates (mySociety extension)
///
/// The public notes of Open311 requests in a window (`start_date`, `end_date`; by default the
/// last 90 days), oldest first, each with the status it set.
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_updates",
    params(
        ("format" = String, Path, description = "`json` or `xml`."),
        ("jurisdiction_id" = Option<String>, Query, description = "The community's code."),
        ("start_date" = Option<String>, Query, description = "W3C date-time."),
        ("end_date" = Option<String>, Query, description = "W3C date-time."),
    ),
    responses(
        (status = 200, description = "The updates.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 400, description = "A date that cannot be read.", body = Vec<Open311ErrorDto>),
        (status = 404, description = "Unknown jurisdiction_id or format.", body = Vec<Open311ErrorDto>),
    )
)]
#[get("/open311/v2/servicerequestupdates.{format}")]
pub async fn get_updates(req: HttpRequest, state: web::Data<AppState>, format: web::Path<String>) -> HttpResponse {
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(
        format,
        async {
            let params = pairs(req.query_string().as_bytes())?;
            let mut conn = state.conn().await?;
            let community = jurisdiction(&mut conn, &params).await?;
            let end = parse_time(param(&params, "end_date"), "end_date")?.unwrap_or_else(|| state.clock.now());
            let start = parse_time(param(&params, "start_date"), "start_date")?.unwrap_or(end - chrono::Duration::days(WINDOW_DAYS));
            let rows = RequestNote::open311_updates(&mut conn, community.id, (start, end), CAP).await?;
            let list: Vec<Value> = rows
                .into_iter()
                .map(|(note, number, status)| {
                    json!({
                        "update_id": note.id.to_string(), "service_request_id": number,
                        "status": update_status(note.action.as_deref(), status), "updated_datetime": time(note.at),
                        "description": note.body, "media_url": null,
                    })
                })
                .collect();
            Ok((StatusCode::OK, "service_request_updates", Value::Array(list)))
        }
        .await,
    )
}

/// Post a service request update (mySociety extension)
///
/// The reporter's update from the client, form-encoded with the `api_key`: `service_request_id`,
/// `update_id` (the client's; sent again, it is not added twice), `updated_datetime`, `status`
/// and `description`. `status=OPEN` on a fixed request reopens it (within 30 days).
///
/// **Roles:** a third-party client with an API key issued by staff.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_post_update",
    params(("format" = String, Path, description = "`json` or `xml`.")),
    request_body(content = Open311UpdateForm, content_type = "application/x-www-form-urlencoded", description = "The update's fields."),
    responses(
        (status = 200, description = "Recorded.", content((Object = "application/json"), (String = "text/xml"))),
        (status = 400, description = "A required field is missing.", body = Vec<Open311ErrorDto>),
        (status = 403, description = "No api_key, or an invalid one.", body = Vec<Open311ErrorDto>),
        (status = 404, description = "Unknown service_request_id.", body = Vec<Open311ErrorDto>),
    )
)]
#[post("/open311/v2/servicerequestupdates.{format}")]
pub async fn post_update(
    req: HttpRequest,
    ctx: RequestCtx,
    state: web::Data<AppState>,
    format: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let Ok(format) = format_of(&format) else {
        return failure(Format::Json, err(StatusCode::NOT_FOUND, "The format must be json or xml."));
    };
    respond(format, update(&req, &ctx, &state, &body).await)
}

async fn update(
    req: &HttpRequest,
    ctx: &RequestCtx,
    state: &AppState,
    body: &[u8],
) -> Result<(StatusCode, &'static str, Value), Open311Error> {
    let params = form_pairs(req, body)?;
    let mut conn = state.conn().await?;
    let community = jurisdiction(&mut conn, &params).await?;
    let client = client(&mut conn, &params, &community).await?;
    let number = param(&params, "service_request_id").ok_or_else(|| err(StatusCode::BAD_REQUEST, "service_request_id is required"))?;
    let update_id = param(&params, "update_id")
        .ok_or_else(|| err(StatusCode::BAD_REQUEST, "update_id is required"))?
        .chars()
        .take(100)
        .collect::<String>();
    let description = param(&params, "description").ok_or_else(|| err(StatusCode::BAD_REQUEST, "description is required"))?;
    if description.chars().count() > 2000 {
        return Err(err(StatusCode::BAD_REQUEST, "description is longer than 2000 characters"));
    }
    let r = HelpRequest::by_number(&mut conn, community.id, number)
        .await?
        .filter(|r| r.open311_client_id == Some(client.id))
        .ok_or_else(|| err(StatusCode::NOT_FOUND, "service_request_id not found"))?;
    if let Some(existing) = RequestNote::by_update_id(&mut conn, r.id, &update_id).await? {
        return Ok((StatusCode::OK, "service_request_updates", json!([{ "update_id": existing.id.to_string() }])));
    }
    let now = state.clock.now();
    let reopen = param(&params, "status").is_some_and(|s| s.eq_ignore_ascii_case("open") || s.eq_ignore_ascii_case("reopen"))
        && matches!(r.status, RequestStatus::Resolved | RequestStatus::Closed)
        && r.resolved_at.is_some_and(|t| local_day(now) <= reopen_until(t));
    let cal = calendar(&mut conn, now).await?;
    let limit = {
        let edition = xingguang_db::models::help_request::Edition::find(&mut conn, community.id, r.edition_id).await?;
        content(&edition)?.category(&r.category_code).map(|c| c.resolution)
    };
    let actor = Actor { name: format!("{}（Open311）", client.name), user_id: None };
    let note_id = xingguang_db::new_id();
    conn.transaction::<_, crate::error::ApiError, _>(async |conn| {
        if reopen {
            let changes = reopening(&r, limit.map_or(r.resolution_due_at, |l| due(now, l, &cal)));
            HelpRequest::apply(conn, r.id, r.version, r.status, changes).await?.ok_or_else(crate::error::ApiError::precondition_failed)?;
            let rule = REQUEST_MACHINE.rule(RequestAction::Reopen);
            REQUEST_MACHINE.record(conn, rule, community.id, r.id, Some(r.status), None, &actor).await?;
        }
        let note = RequestNote {
            id: note_id,
            request_id: r.id,
            community_id: community.id,
            action: reopen.then(|| "reopen".to_owned()),
            public: true,
            body: description.to_owned(),
            author_name: actor.name.clone(),
            author_user: None,
            update_id: Some(update_id.clone()),
            at: now,
        };
        RequestNote::insert(conn, &note).await?;
        AuditEvent::new("help_request.note", "help_request")
            .community(community.id)
            .entity(r.id)
            .detail(json!({ "open311_client": client.id }))
            .write(conn, ctx)
            .await?;
        Ok(())
    })
    .await?;
    Ok((StatusCode::OK, "service_request_updates", json!([{ "update_id": note_id.to_string() }])))
}

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(discovery)
        .service(services)
        .service(service_definition)
        .service(post_request)
        .service(get_requests)
        .service(get_request)
        .service(get_token)
        .service(get_updates)
        .service(post_update);
}
