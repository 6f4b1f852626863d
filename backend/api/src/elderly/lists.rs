//! The age lists from the registry's birth dates (60+, 70+, 80+, 90+, 100+), and the 老年人
//! 优待证: single and batch applications, issuing, the list for the county office.

use actix_web::{get, post, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::elderly::{AgeBand, CardIssue, ElderlyCard, OlderResident};
use xingguang_db::models::resident::Resident;
use xingguang_db::models::user::Role;
use xingguang_db::pagination::Page;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{ElderlyCardStatus, FileFormat, ResidentStatus, Tag};

use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, RoleSet, Staff, StaffOrLeader};
use crate::common::age::{age_on, born_by};
use crate::common::pii::sees_sensitive_tags;
use crate::common::spreadsheet::file_response;
use crate::error::{ApiError, ApiResult, Errors, FieldError};
use crate::http::{ListResponse, PageQuery, RequestCtx};
use crate::state::AppState;

/// Before anyone living was born, for bands with no upper age (and within PostgreSQL's dates).
const NO_UPPER: NaiveDate = match NaiveDate::from_ymd_opt(1800, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The band of ages `[min, below)` on `day` as birth dates.
pub(super) fn band(day: NaiveDate, min: i32, below: Option<i32>) -> (NaiveDate, NaiveDate) {
    (below.map_or(NO_UPPER, |b| born_by(day, b)), born_by(day, min))
}

/// A leader's group (always), or the staff's choice.
pub(super) fn group_of<R: RoleSet>(user: &Authed<R>, asked: Option<Uuid>) -> Option<Uuid> {
    match user.role() {
        Role::Staff => asked,
        _ => Some(user.claims.group_id.unwrap_or(Uuid::nil())),
    }
}

/// Older residents
///
/// Active residents of an age band on a day (default: 60+ today), oldest first, with their
/// 优待证 and whether they live alone (and, for staff, a disability). A leader sees their group.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "elderly",
    operation_id = "list_elderly",
    security(("bearer" = [])),
    params(ElderlyQuery, PageQuery),
    responses(
        (status = 200, description = "A page of older residents.", body = ListResponse<OlderResidentDto>),
        (status = 403, description = "A resident or a partner."),
        (status = 422, description = "Ages out of range or the wrong way round, or bad paging."),
    )
)]
#[get("/elderly")]
pub async fn list_elderly(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    query: web::Query<ElderlyQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = crate::http::paging::page(&paging)?;
    let day = query.on.unwrap_or_else(|| state.clock.today());
    // A card filter lists every application or card (the batch registers people turning 60 later
    // this year); an age list starts at 60.
    let carded = matches!(query.card, Some(CardFilter::Applied | CardFilter::Issued));
    let min = query.min_age.unwrap_or(if carded { 0 } else { 60 });
    if !(0..=130).contains(&min) || query.below_age.is_some_and(|b| b <= min || b > 131) || !(1900..=2200).contains(&day.year()) {
        return Err(ApiError::validation(vec![FieldError::new(
            "min_age",
            "ages 0–130, below_age above min_age, a day between 1900 and 2200",
        )]));
    }
    let (born_after, born_by) = band(day, min, query.below_age);
    let card = query.card.map(|c| match c {
        CardFilter::None => "none".to_owned(),
        CardFilter::Applied => "applied".to_owned(),
        CardFilter::Issued => "issued".to_owned(),
    });
    let filter = AgeBand { born_after, born_by, group_id: group_of(&user, query.group_id), card };
    let mut conn = state.conn().await?;
    let rows = OlderResident::list(&mut conn, user.community_id(), &filter, page.after, page.limit).await?;
    let sensitive = sees_sensitive_tags(user.role());
    let list = ListResponse::from_page(Page::from_overfetch(rows, page.limit, |r| r.id), |r| OlderResidentDto {
        age: age_on(r.birth_date, day),
        living_alone: r.tags.contains(&Tag::LivingAlone),
        disabled: sensitive.then(|| r.tags.contains(&Tag::Disabled)),
        id: r.id,
        name: r.name,
        sex: r.sex,
        birth_date: r.birth_date,
        group_number: r.group_number,
        address: r.address,
        card_id: r.card_id,
        card_version: r.card_version,
        card_status: r.card_status,
        card_number: r.card_number,
        card_issued_on: r.card_issued_on,
    });
    Ok(HttpResponse::Ok().json(list))
}

/// Older residents in numbers
///
/// How many are 60+, 70+, 80+, 90+ and 100+ today, who has no 优待证, the applications waiting
/// and the cards issued this year, and who turns 60 or 70 this year. A leader: their group.
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "elderly",
    operation_id = "elderly_summary",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The counts.", body = ElderlySummaryDto),
        (status = 403, description = "A resident or a partner."),
    )
)]
#[get("/elderly/summary")]
pub async fn elderly_summary(user: Authed<StaffOrLeader>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let group_id = group_of(&user, None);
    let community = user.community_id();
    let mut conn = state.conn().await?;
    let mut count = async |min: i32, below: Option<i32>, card: Option<&str>, day: NaiveDate| {
        let (born_after, born_by) = band(day, min, below);
        OlderResident::count(&mut conn, community, &AgeBand { born_after, born_by, group_id, card: card.map(str::to_owned) }).await
    };
    let year_end = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    let summary = ElderlySummaryDto {
        on: today,
        aged_60_plus: count(60, None, None, today).await?,
        aged_70_plus: count(70, None, None, today).await?,
        aged_80_plus: count(80, None, None, today).await?,
        aged_90_plus: count(90, None, None, today).await?,
        aged_100_plus: count(100, None, None, today).await?,
        without_card: count(60, None, Some("none"), today).await?,
        cards_pending: count(0, None, Some("applied"), today).await?,
        // Counted on 31 December: who is 60 (70) by then and was not 61 (71).
        turning_60_this_year: count(60, Some(61), None, year_end).await?,
        turning_70_this_year: count(70, Some(71), None, year_end).await?,
        cards_issued_this_year: 0,
    };
    let first = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let issued = if group_id.is_none() { ElderlyCard::issued_between(&mut conn, community, first, year_end).await? } else { 0 };
    Ok(HttpResponse::Ok().json(ElderlySummaryDto { cards_issued_this_year: issued, ..summary }))
}

fn card_dto(c: ElderlyCard) -> ElderlyCardDto {
    ElderlyCardDto {
        id: c.id,
        resident_id: c.resident_id,
        status: c.status,
        applied_on: c.applied_on,
        card_number: c.card_number,
        issued_on: c.issued_on,
        version: c.version,
    }
}

fn new_card(community_id: Uuid, resident_id: Uuid, applied_on: NaiveDate, now: chrono::DateTime<chrono::Utc>) -> ElderlyCard {
    ElderlyCard {
        id: xingguang_db::new_id(),
        community_id,
        resident_id,
        status: ElderlyCardStatus::Applied,
        applied_on,
        card_number: None,
        issued_on: None,
        version: 1,
        created_at: now,
        updated_at: now,
    }
}

/// Apply for a 优待证
///
/// For an active resident aged 60 or over on the day of application (浙江实施办法 第2条).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "elderly",
    operation_id = "apply_elderly_card",
    security(("bearer" = [])),
    request_body = CardApplicationRequest,
    responses(
        (status = 201, description = "Applied.", body = ElderlyCardDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such resident."),
        (status = 409, description = "The resident has a card or an application already (`duplicate`)."),
        (status = 422, description = "Under 60, not active, or a future date."),
    )
)]
#[post("/elderly-cards")]
pub async fn apply_card(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CardApplicationRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let applied_on = body.applied_on.unwrap_or(today);
    if applied_on > today || applied_on.year() < 2000 {
        return Err(ApiError::validation(vec![FieldError::new("applied_on", "must be a day between 2000 and today")]));
    }
    let mut conn = state.conn().await?;
    let resident = Resident::find(&mut conn, Reach::Community(user.community_id()), body.resident_id).await?.resident;
    if resident.status != ResidentStatus::Active || age_on(resident.birth_date, applied_on) < 60 {
        return Err(ApiError::validation(vec![FieldError::new("resident_id", "the card is for active residents aged 60 or over")]));
    }
    let card = new_card(user.community_id(), resident.id, applied_on, state.clock.now());
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if ElderlyCard::insert_new(conn, std::slice::from_ref(&card)).await? == 0 {
                return Err(ApiError::conflict(crate::error::ErrorCode::Duplicate, "This resident has a card or an application already."));
            }
            AuditEvent::new("elderly_card.apply", "elderly_card").by(&user).entity(card.id).write(conn, &ctx).await?;
            Ok(card)
        })
        .await?;
    Ok(HttpResponse::Created().json(card_dto(saved)))
}

/// Batch-register the year's 60- and 70-year-olds
///
/// Applications for every active resident turning one of `ages` (default 60 and 70) in `year`
/// (default this year) who has no card or application yet — the autumn batch the community
/// sends to the county. Running it again adds only the people still missing.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "elderly",
    operation_id = "batch_elderly_cards",
    security(("bearer" = [])),
    request_body = CardBatchRequest,
    responses(
        (status = 200, description = "How many were registered.", body = CardBatchDto),
        (status = 403, description = "Not staff."),
        (status = 422, description = "An age below 60 or above 130, more than 5 ages, or a year other than this one or the last."),
    )
)]
#[post("/elderly-cards/batch")]
pub async fn batch_cards(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<CardBatchRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let year = body.year.unwrap_or(today.year());
    let mut ages = if body.ages.is_empty() { vec![60, 70] } else { body.ages.clone() };
    ages.sort_unstable();
    ages.dedup();
    let mut errors = Errors::default();
    if ages.len() > 5 || ages.iter().any(|a| !(60..=130).contains(a)) {
        errors.push("ages", "1–5 ages of 60 to 130");
    }
    if !(today.year() - 1..=today.year()).contains(&year) {
        errors.push("year", "this year or the last");
    }
    errors.finish()?;
    let community = user.community_id();
    let mut conn = state.conn().await?;
    let mut people = Vec::new();
    for age in &ages {
        // Born in `year - age`: they turn `age` during `year`.
        let first = NaiveDate::from_ymd_opt(year - age, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(year - age, 12, 31).unwrap_or(NaiveDate::MIN);
        people.extend(
            OlderResident::all_in(&mut conn, community, first.pred_opt().unwrap_or(first), last, false)
                .await?
                .into_iter()
                .map(|(id, _)| id),
        );
    }
    let holders: std::collections::HashSet<Uuid> = ElderlyCard::holders(&mut conn, &people).await?.into_iter().collect();
    let now = state.clock.now();
    // Dated today, or (for last year's batch) the year's last day.
    let applied_on = if year == today.year() { today } else { NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today) };
    let cards: Vec<ElderlyCard> =
        people.iter().filter(|p| !holders.contains(p)).map(|p| new_card(community, *p, applied_on, now)).collect();
    let created = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let created = ElderlyCard::insert_new(conn, &cards).await?;
            AuditEvent::new("elderly_card.batch", "elderly_card")
                .by(&user)
                .detail(serde_json::json!({ "ages": ages, "year": year, "created": created }))
                .write(conn, &ctx)
                .await?;
            Ok(created)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CardBatchDto { created, already: people.len() - cards.len() }))
}

/// Record a card issued
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "elderly",
    operation_id = "issue_elderly_card",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The application.")),
    request_body = CardIssueRequest,
    responses(
        (status = 200, description = "Issued.", body = ElderlyCardDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such application."),
        (status = 409, description = "Issued already (`invalid_transition`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "No card number, or a date before the application or in the future."),
    )
)]
#[post("/elderly-cards/{id}/issue")]
pub async fn issue_card(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<CardIssueRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let mut errors = Errors::default();
    let number = errors.required_text("card_number", &body.card_number, 40);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let card = ElderlyCard::find(&mut conn, user.community_id(), *id).await?;
    if card.status == ElderlyCardStatus::Issued {
        return Err(ApiError::conflict(crate::error::ErrorCode::InvalidTransition, "This card was issued already."));
    }
    let issued_on = body.issued_on.unwrap_or(today);
    if issued_on > today || issued_on < card.applied_on {
        return Err(ApiError::validation(vec![FieldError::new("issued_on", "must be between the application and today")]));
    }
    let changes = CardIssue { status: ElderlyCardStatus::Issued, card_number: Some(number), issued_on: Some(issued_on) };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = ElderlyCard::issue(conn, card.id, body.version, changes).await?.ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("elderly_card.issue", "elderly_card")
                .by(&user)
                .entity(card.id)
                .fields(&["status", "card_number", "issued_on"])
                .write(conn, &ctx)
                .await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(card_dto(saved)))
}

/// The card list for the county office
///
/// The applications to send (or the cards issued) as a spreadsheet: name, sex, birth date, age,
/// group, address, status, card number, dates. No ID numbers: the county office checks them
/// against the applicants' own documents.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "elderly",
    operation_id = "export_elderly_cards",
    security(("bearer" = [])),
    params(CardExportQuery),
    responses(
        (status = 200, description = "The spreadsheet.", content(
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        (status = 403, description = "Not staff."),
    )
)]
#[get("/elderly-cards/export")]
pub async fn export_cards(user: Authed<Staff>, state: web::Data<AppState>, query: web::Query<CardExportQuery>) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let status = query.status.unwrap_or(ElderlyCardStatus::Applied);
    let mut conn = state.conn().await?;
    let rows = ElderlyCard::export(&mut conn, user.community_id(), status).await?;
    let mut table =
        vec![["姓名", "性别", "出生日期", "年龄", "居民小组", "住址", "状态", "证号", "申请日期", "发证日期"].map(str::to_owned).to_vec()];
    for (card, name, sex, birth, group, address) in rows {
        table.push(vec![
            name,
            if sex == xingguang_db::vocab::Sex::Male { "男" } else { "女" }.to_owned(),
            birth.to_string(),
            age_on(birth, today).to_string(),
            format!("第{group}组"),
            address,
            if card.status == ElderlyCardStatus::Issued { "已发证" } else { "已申请" }.to_owned(),
            card.card_number.unwrap_or_default(),
            card.applied_on.to_string(),
            card.issued_on.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    let name = if status == ElderlyCardStatus::Issued { "老年人优待证发证名单" } else { "老年人优待证申请名单" };
    file_response(query.format.unwrap_or(FileFormat::Xlsx), today, name, "elderly-cards", &table)
}
