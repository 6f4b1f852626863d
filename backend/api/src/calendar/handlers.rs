use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use base64::Engine;
use chrono::Duration;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::OptionalExtension;
use diesel_async::AsyncConnection;
use diesel_async::AsyncPgConnection;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xingguang_db::models::calendar_feed::CalendarFeed;
use xingguang_db::models::community::Community as CommunityRow;
use xingguang_db::models::duty::DutyAssignment;
use xingguang_db::models::event::Event;
use xingguang_db::models::event_series::{Series, SeriesException};
use xingguang_db::vocab::{Audience, DutyStatus, EventStatus, Role};

use super::domain::{calendar, Entry};
use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community};
use crate::common::clock::CHINA;
use crate::common::square::{DUTY_END, DUTY_START, SQUARE};
use crate::error::{ApiError, ApiResult};
use crate::http::RequestCtx;
use crate::state::AppState;

fn local(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    at.with_timezone(&CHINA).naive_local()
}

fn event_entry(e: &Event, who: Option<&str>) -> Entry {
    let summary = match who {
        Some(name) => format!("{}（{name}）", e.title),
        None => e.title.clone(),
    };
    let mut description = e.description.clone();
    if let Some(reason) = &e.cancel_reason {
        description = format!("已取消：{reason}\n{description}");
    }
    Entry {
        uid: format!("event-{}@xingguang", e.id),
        sequence: e.version,
        start: local(e.starts_at),
        end: local(e.ends_at),
        summary,
        description,
        location: e.place.clone(),
        cancelled: e.status == EventStatus::Cancelled,
        rrule: None,
        exdates: Vec::new(),
    }
}

/// The community's recurring events, each one entry with its rule and the days called off.
async fn series_entries(conn: &mut AsyncPgConnection, community: Uuid) -> ApiResult<Vec<Entry>> {
    let all = Series::all(conn, community).await?;
    let ids: Vec<Uuid> = all.iter().map(|s| s.id).collect();
    let exceptions = SeriesException::of_series(conn, &ids).await?;
    Ok(all
        .into_iter()
        .map(|s| Entry {
            uid: format!("series-{}@xingguang", s.id),
            sequence: s.version,
            start: s.first_day.and_time(s.starts_local),
            end: s.first_day.and_time(s.ends_local),
            summary: s.title,
            description: s.description,
            location: s.place,
            cancelled: false,
            exdates: exceptions.iter().filter(|e| e.series_id == s.id).map(|e| e.day).collect::<Vec<NaiveDate>>(),
            rrule: Some(s.rrule),
        })
        .collect())
}

fn ics(name: &str, entries: &[Entry], state: &AppState, cache: &'static str) -> HttpResponse {
    HttpResponse::Ok().content_type("text/calendar; charset=utf-8").insert_header(("Cache-Control", cache)).body(calendar(
        name,
        entries,
        state.clock.now(),
    ))
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// My calendar feed
///
/// Whether the caller has a private calendar feed, and when a calendar last read it.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "calendar",
    operation_id = "get_calendar_feed",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The feed's state.", body = FeedDto),
        (status = 403, description = "A partner (partners have no personal calendar)."),
    )
)]
#[get("/calendar/feed")]
pub async fn get_feed(user: Authed<Community>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let feed = CalendarFeed::of_user(&mut conn, user.user_id()).await?;
    Ok(HttpResponse::Ok().json(FeedDto {
        active: feed.is_some(),
        created_at: feed.as_ref().map(|f| f.created_at),
        last_read_at: feed.and_then(|f| f.last_read_at),
    }))
}

/// Make a calendar feed
///
/// A new secret URL for phone calendars (duty nights now; registered events as they come). It
/// replaces any earlier one, which stops working. Keep it private: whoever has it sees the
/// calendar.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "calendar",
    operation_id = "create_calendar_feed",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new feed's URL, shown once.", body = NewFeedDto),
        (status = 403, description = "A partner."),
    )
)]
#[post("/calendar/feed")]
pub async fn create_feed(
    user: Authed<Community>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let mut secret = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut secret);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret);
    let feed = CalendarFeed {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        user_id: user.user_id(),
        token_hash: token_hash(&token),
        created_at: state.clock.now(),
        last_read_at: None,
    };
    let mut conn = state.conn().await?;
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = CalendarFeed::replace(conn, &feed).await?;
            AuditEvent::new("calendar_feed.create", "calendar_feed").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    let host = req.connection_info().host().to_owned();
    let path = format!("/api/v1/calendar/feeds/{token}.ics");
    let scheme = if ctx.https { "https" } else { "http" };
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(NewFeedDto {
        url: format!("{scheme}://{host}{path}"),
        webcal_url: format!("webcal://{host}{path}"),
        created_at: saved.created_at,
    }))
}

/// Stop my calendar feed
///
/// The feed's URL stops working at once.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "calendar",
    operation_id = "delete_calendar_feed",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Stopped."),
        (status = 403, description = "A partner."),
        (status = 404, description = "There is no feed."),
    )
)]
#[delete("/calendar/feed")]
pub async fn delete_feed(user: Authed<Community>, state: web::Data<AppState>, ctx: RequestCtx) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if CalendarFeed::revoke(conn, user.user_id()).await? == 0 {
            return Err(ApiError::not_found());
        }
        AuditEvent::new("calendar_feed.delete", "calendar_feed").by(&user).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A calendar feed (iCalendar)
///
/// RFC 5545 `text/calendar` for calendar apps, opened by the secret in its URL (no login): a
/// group leader's duty nights (staff: the whole roster) and the events the owner registered for
/// (or registered family for, named in the title), from 90 days back to a year ahead, in
/// Asia/Shanghai time. Entries keep their `UID`; `SEQUENCE` goes up when they change; a night
/// called off reads `STATUS:CANCELLED`.
///
/// **Roles:** none (the URL is the key).
#[utoipa::path(
    tag = "calendar",
    operation_id = "read_calendar_feed",
    params(("file" = String, Path, description = "`<secret>.ics`, as `create_calendar_feed` gave it.")),
    responses(
        (status = 200, description = "The calendar.", content_type = "text/calendar", body = String),
        (status = 404, description = "No such feed (never made, replaced or stopped)."),
    )
)]
#[get("/calendar/feeds/{file}")]
pub async fn read_feed(state: web::Data<AppState>, file: web::Path<String>) -> ApiResult<HttpResponse> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    if token.is_empty() || token.len() > 64 {
        return Err(ApiError::not_found());
    }
    let mut conn = state.conn().await?;
    let owner = CalendarFeed::open(&mut conn, &token_hash(token)).await?.ok_or_else(ApiError::not_found)?;
    let today = state.clock.today();
    let (from, to) = (today - Duration::days(90), today + Duration::days(366));
    let community = owner.feed.community_id;
    let mut entries = Vec::new();
    if matches!(owner.role, Role::GroupLeader | Role::Staff) {
        let rows = DutyAssignment::between(&mut conn, community, from, to).await?;
        let everyone = owner.role == Role::Staff;
        for row in rows.iter().filter(|r| everyone || r.assignment.leader_user_id == owner.feed.user_id) {
            let a = &row.assignment;
            let others: Vec<&str> =
                rows.iter().filter(|r| r.assignment.night == a.night && r.assignment.id != a.id).map(|r| r.leader_name.as_str()).collect();
            let (summary, uid) = if everyone {
                (format!("广场值班：{}", row.leader_name), format!("duty-{}@xingguang", a.id))
            } else {
                (
                    if others.is_empty() { "广场值班".to_owned() } else { format!("广场值班（与{}）", others.join("、")) },
                    format!("duty-{}@xingguang", a.id),
                )
            };
            entries.push(Entry {
                uid,
                sequence: a.version,
                start: a.night.and_time(DUTY_START),
                end: a.night.and_time(DUTY_END),
                summary,
                description: "每晚两位组长负责广场的秩序与安全。".to_owned(),
                location: SQUARE.to_owned(),
                cancelled: a.status == DutyStatus::Cancelled,
                rrule: None,
                exdates: Vec::new(),
            });
        }
    }
    // The events they registered for, or registered family for (named in the title).
    let span = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN).and_local_timezone(CHINA).single().map(|t| t.with_timezone(&Utc));
    if let (Some(from), Some(to)) = (span(from), span(to)) {
        let mut seen = std::collections::HashSet::new();
        for (event, name) in Event::of_person(&mut conn, community, owner.resident_id, owner.feed.user_id, from, to).await? {
            if !seen.insert(event.id) {
                continue;
            }
            let for_other = owner.resident_id.is_none() || owner.display_name != name;
            entries.push(event_entry(&event, for_other.then_some(name.as_str())));
        }
    }
    let name = format!("星光社区 · {}", owner.display_name);
    Ok(ics(&name, &entries, &state, "private, max-age=900"))
}

/// The community's public calendar (iCalendar)
///
/// Every event open to all residents (from 90 days back to a year ahead) and every recurring
/// event (one entry with its `RRULE`, evenings called off as `EXDATE`), for anyone to subscribe
/// to. Nothing personal.
///
/// **Roles:** none (public).
#[utoipa::path(
    tag = "calendar",
    operation_id = "read_public_calendar",
    params(("file" = String, Path, description = "`<community id>.ics`.")),
    responses(
        (status = 200, description = "The calendar.", content_type = "text/calendar", body = String),
        (status = 404, description = "No such community."),
    )
)]
#[get("/calendar/public/{file}")]
pub async fn read_public(state: web::Data<AppState>, file: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = file.strip_suffix(".ics").and_then(|id| Uuid::try_parse(id).ok()).ok_or_else(ApiError::not_found)?;
    let mut conn = state.conn().await?;
    let community = CommunityRow::find(&mut conn, id).await.optional()?.ok_or_else(ApiError::not_found)?;
    let now = state.clock.now();
    let (from, to) = (now - Duration::days(90), now + Duration::days(366));
    let mut entries: Vec<Entry> =
        Event::between(&mut conn, id, from, to, Some(Audience::All)).await?.iter().map(|e| event_entry(e, None)).collect();
    entries.extend(series_entries(&mut conn, id).await?);
    Ok(ics(&format!("{} · 社区活动", community.name), &entries, &state, "public, max-age=900"))
}
