//! Festival visits (重阳节 and others): a campaign's worklist is generated from the registry —
//! residents of the age, and group cadres of the cadre age — split by group, each person's
//! default visitor their group's leader; leaders record visits on a phone, staff follow the
//! progress per group and the people flagged for follow-up.

use actix_web::{get, post, put, web, HttpResponse};
use chrono::Datelike;
use diesel_async::AsyncConnection;
use uuid::Uuid;
use xingguang_db::models::elderly::{Campaign, OlderResident, Visit, VisitRecord};
use xingguang_db::models::user::{Role, User};
use xingguang_db::vocab::{Tag, VisitReason};

use super::dto::*;
use super::lists::{band, group_of};
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, RoleSet, Staff, StaffOrLeader};
use crate::common::age::age_on;
use crate::common::pii::sees_sensitive_tags;
use crate::error::{conflict_on_duplicate, ApiError, ApiResult, Errors, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

fn campaign_dto(c: &Campaign, groups: &[GroupProgressDto]) -> CampaignDto {
    CampaignDto {
        id: c.id,
        name: c.name.clone(),
        festival_on: c.festival_on,
        resident_min_age: c.resident_min_age,
        cadre_min_age: c.cadre_min_age,
        total: groups.iter().map(|g| g.total).sum(),
        visited: groups.iter().map(|g| g.visited).sum(),
        follow_ups: groups.iter().map(|g| g.follow_ups).sum(),
    }
}

async fn progress(conn: &mut diesel_async::AsyncPgConnection, campaign: Uuid, group: Option<Uuid>) -> ApiResult<Vec<GroupProgressDto>> {
    Ok(Visit::progress(conn, campaign)
        .await?
        .into_iter()
        .filter(|g| group.is_none_or(|own| own == g.group_id))
        .map(|g| GroupProgressDto {
            group_id: g.group_id,
            group_number: g.group_number,
            group_name: g.group_name,
            total: g.total,
            visited: g.visited,
            follow_ups: g.follow_ups,
        })
        .collect())
}

/// Visit campaigns
///
/// Newest first, with how many are visited (a leader: of their group).
///
/// **Roles:** staff, group_leader.
#[utoipa::path(
    tag = "elderly",
    operation_id = "list_visit_campaigns",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The campaigns.", body = Vec<CampaignDto>),
        (status = 403, description = "A resident or a partner."),
    )
)]
#[get("/visit-campaigns")]
pub async fn list_campaigns(user: Authed<StaffOrLeader>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let group = group_of(&user, None);
    let mut list = Vec::new();
    for c in Campaign::all(&mut conn, user.community_id()).await? {
        let groups = progress(&mut conn, c.id, group).await?;
        list.push(campaign_dto(&c, &groups));
    }
    Ok(HttpResponse::Ok().json(list))
}

/// Start a visit campaign
///
/// Generates the worklist: every active resident at least `resident_min_age` (default 80) on
/// the festival's day, and every group cadre (the registry's 小组干部 tag) at least
/// `cadre_min_age` (default 70), each under their group with its leader as visitor.
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "elderly",
    operation_id = "create_visit_campaign",
    security(("bearer" = [])),
    request_body = NewCampaignRequest,
    responses(
        (status = 201, description = "Created, with its worklist.", body = CampaignDetailDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "A campaign of that name exists (`duplicate`)."),
        (status = 422, description = "No name, ages out of 50–120, or a festival more than a year away."),
    )
)]
#[post("/visit-campaigns")]
pub async fn create_campaign(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<NewCampaignRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 50);
    let min_age = body.resident_min_age.unwrap_or(80);
    if !(50..=120).contains(&min_age) || body.cadre_min_age.is_some_and(|a| !(50..=120).contains(&a)) {
        errors.push("resident_min_age", "ages are 50–120");
    }
    if (body.festival_on - today).num_days().abs() > 366 {
        errors.push("festival_on", "must be within a year of today");
    }
    errors.finish()?;
    let community = user.community_id();
    let mut conn = state.conn().await?;
    let (after, by) = band(body.festival_on, min_age, None);
    let mut people: Vec<(Uuid, Uuid, VisitReason)> =
        OlderResident::all_in(&mut conn, community, after, by, false).await?.into_iter().map(|(r, g)| (r, g, VisitReason::Age)).collect();
    if let Some(cadre_age) = body.cadre_min_age.filter(|a| *a < min_age) {
        let (after, by) = band(body.festival_on, cadre_age, None);
        for (r, g) in OlderResident::all_in(&mut conn, community, after, by, true).await? {
            if !people.iter().any(|(p, _, _)| *p == r) {
                people.push((r, g, VisitReason::Cadre));
            }
        }
    }
    let leaders = Campaign::group_leaders(&mut conn, community).await?;
    let now = state.clock.now();
    let campaign = Campaign {
        id: xingguang_db::new_id(),
        community_id: community,
        name,
        festival_on: body.festival_on,
        resident_min_age: min_age,
        cadre_min_age: body.cadre_min_age,
        created_by: user.user_id(),
        created_at: now,
    };
    let visits: Vec<Visit> = people
        .into_iter()
        .map(|(resident_id, group_id, reason)| Visit {
            id: xingguang_db::new_id(),
            community_id: community,
            campaign_id: campaign.id,
            resident_id,
            group_id,
            reason,
            visitor_id: leaders.get(&group_id).copied().flatten(),
            visited_on: None,
            visitors: String::new(),
            gift: String::new(),
            condition: None,
            note: String::new(),
            follow_up: false,
            recorded_by: None,
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .collect();
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Campaign::insert(conn, &campaign).await.map_err(|e| conflict_on_duplicate(e, "A campaign of this name"))?;
            Visit::insert_many(conn, &visits).await?;
            AuditEvent::new("visit_campaign.create", "visit_campaign")
                .by(&user)
                .entity(saved.id)
                .detail(serde_json::json!({ "people": visits.len() }))
                .write(conn, &ctx)
                .await?;
            Ok(saved)
        })
        .await?;
    let groups = progress(&mut conn, saved.id, None).await?;
    Ok(HttpResponse::Created().json(CampaignDetailDto { campaign: campaign_dto(&saved, &groups), groups }))
}

/// A visit campaign with its progress per group
///
/// **Roles:** staff, group_leader (their group's line only).
#[utoipa::path(
    tag = "elderly",
    operation_id = "get_visit_campaign",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The campaign.")),
    responses(
        (status = 200, description = "The campaign.", body = CampaignDetailDto),
        (status = 403, description = "A resident or a partner."),
        (status = 404, description = "No such campaign."),
    )
)]
#[get("/visit-campaigns/{id}")]
pub async fn get_campaign(user: Authed<StaffOrLeader>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let campaign = Campaign::find(&mut conn, user.community_id(), *id).await?;
    let groups = progress(&mut conn, campaign.id, group_of(&user, None)).await?;
    Ok(HttpResponse::Ok().json(CampaignDetailDto { campaign: campaign_dto(&campaign, &groups), groups }))
}

/// The people to visit
///
/// By group, the not-yet-visited first within a group, oldest first. Whether each lives alone is
/// shown to everyone; a disability to staff only.
///
/// **Roles:** staff, group_leader (their group).
#[utoipa::path(
    tag = "elderly",
    operation_id = "list_visits",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The campaign."), VisitQuery),
    responses(
        (status = 200, description = "The worklist.", body = Vec<VisitDto>),
        (status = 403, description = "A resident or a partner."),
        (status = 404, description = "No such campaign."),
    )
)]
#[get("/visit-campaigns/{id}/visits")]
pub async fn list_visits(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<VisitQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let campaign = Campaign::find(&mut conn, user.community_id(), *id).await?;
    let lines = Visit::lines(&mut conn, campaign.id, group_of(&user, query.group_id), query.follow_up.unwrap_or(false)).await?;
    let sensitive = sees_sensitive_tags(user.role());
    let list: Vec<VisitDto> = lines
        .into_iter()
        .map(|v| VisitDto {
            age: age_on(v.birth_date, campaign.festival_on),
            living_alone: v.tags.contains(&Tag::LivingAlone),
            disabled: sensitive.then(|| v.tags.contains(&Tag::Disabled)),
            id: v.id,
            resident_id: v.resident_id,
            name: v.name,
            address: v.address,
            group_number: v.group_number,
            reason: v.reason,
            visitor_id: v.visitor_id,
            visitor_name: v.visitor_name,
            visited_on: v.visited_on,
            visitors: v.visitors,
            gift: v.gift,
            condition: v.condition,
            note: v.note,
            follow_up: v.follow_up,
            version: v.version,
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Loads a visit the caller may record: staff any; a leader one of their group (else 404).
async fn reachable_visit<R: RoleSet>(
    conn: &mut diesel_async::AsyncPgConnection,
    user: &Authed<R>,
    (campaign, id): (Uuid, Uuid),
) -> ApiResult<(Campaign, Visit)> {
    let campaign = Campaign::find(conn, user.community_id(), campaign).await?;
    let visit = Visit::find(conn, campaign.id, id).await?;
    if group_of(user, None).is_some_and(|g| g != visit.group_id) {
        return Err(ApiError::not_found());
    }
    Ok((campaign, visit))
}

/// Record a visit
///
/// The day (default today), who went (default the caller), the gift, how the person was found,
/// a note, and whether the office should follow up. Recording again corrects it.
///
/// **Roles:** staff, group_leader (their group).
#[utoipa::path(
    tag = "elderly",
    operation_id = "record_visit",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The campaign."), ("visit" = Uuid, Path, description = "The person's line.")),
    request_body = VisitRecordRequest,
    responses(
        (status = 200, description = "Recorded.", body = VisitDto),
        (status = 403, description = "A resident or a partner."),
        (status = 404, description = "No such visit within reach."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "A date in the future or long before the festival, or text too long."),
    )
)]
#[post("/visit-campaigns/{id}/visits/{visit}/record")]
pub async fn record_visit(
    user: Authed<StaffOrLeader>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<VisitRecordRequest>,
) -> ApiResult<HttpResponse> {
    let today = state.clock.today();
    let mut errors = Errors::default();
    let visitors = errors.optional_text("visitors", &body.visitors, 200);
    let gift = errors.optional_text("gift", &body.gift, 200);
    let note = errors.optional_text("note", &body.note, 1000);
    errors.finish()?;
    let mut conn = state.conn().await?;
    let (campaign, visit) = reachable_visit(&mut conn, &user, *path).await?;
    let visited_on = body.visited_on.unwrap_or(today);
    if visited_on > today || (campaign.festival_on - visited_on).num_days() > 60 || visited_on.year() < campaign.festival_on.year() - 1 {
        return Err(ApiError::validation(vec![FieldError::new(
            "visited_on",
            "must be today or earlier, and not more than 60 days before the festival",
        )]));
    }
    let visitors = if visitors.is_empty() { User::find(&mut conn, user.user_id()).await?.display_name } else { visitors };
    let changes = VisitRecord {
        visited_on: Some(visited_on),
        visitors,
        gift,
        condition: Some(body.condition),
        note,
        follow_up: body.follow_up,
        recorded_by: Some(user.user_id()),
    };
    conn.transaction::<_, ApiError, _>(async |conn| {
        Visit::record(conn, visit.id, body.version, changes).await?.ok_or_else(ApiError::precondition_failed)?;
        AuditEvent::new("visit.record", "campaign_visit")
            .by(&user)
            .entity(visit.id)
            .fields(&["visited_on", "condition", "follow_up"])
            .write(conn, &ctx)
            .await?;
        Ok(())
    })
    .await?;
    one_visit(&mut conn, &user, &campaign, visit.id, visit.group_id).await
}

async fn one_visit<R: RoleSet>(
    conn: &mut diesel_async::AsyncPgConnection,
    user: &Authed<R>,
    campaign: &Campaign,
    id: Uuid,
    group: Uuid,
) -> ApiResult<HttpResponse> {
    let line =
        Visit::lines(conn, campaign.id, Some(group), false).await?.into_iter().find(|v| v.id == id).ok_or_else(ApiError::not_found)?;
    let sensitive = sees_sensitive_tags(user.role());
    Ok(HttpResponse::Ok().json(VisitDto {
        age: age_on(line.birth_date, campaign.festival_on),
        living_alone: line.tags.contains(&Tag::LivingAlone),
        disabled: sensitive.then(|| line.tags.contains(&Tag::Disabled)),
        id: line.id,
        resident_id: line.resident_id,
        name: line.name,
        address: line.address,
        group_number: line.group_number,
        reason: line.reason,
        visitor_id: line.visitor_id,
        visitor_name: line.visitor_name,
        visited_on: line.visited_on,
        visitors: line.visitors,
        gift: line.gift,
        condition: line.condition,
        note: line.note,
        follow_up: line.follow_up,
        version: line.version,
    }))
}

/// Assign a visitor
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "elderly",
    operation_id = "assign_visitor",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The campaign."), ("visit" = Uuid, Path, description = "The person's line.")),
    request_body = VisitorRequest,
    responses(
        (status = 200, description = "Assigned.", body = VisitDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such visit."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "Not a staff member or group leader of this community."),
    )
)]
#[put("/visit-campaigns/{id}/visits/{visit}/visitor")]
pub async fn assign_visitor(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<VisitorRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (campaign, visit) = reachable_visit(&mut conn, &user, *path).await?;
    if let Some(visitor) = body.visitor_id {
        use diesel::OptionalExtension;
        let ok = User::find(&mut conn, visitor)
            .await
            .optional()?
            .is_some_and(|u| u.community_id == user.community_id() && !u.disabled && matches!(u.role, Role::Staff | Role::GroupLeader));
        if !ok {
            return Err(ApiError::validation(vec![FieldError::new(
                "visitor_id",
                "must be a staff member or group leader of this community",
            )]));
        }
    }
    conn.transaction::<_, ApiError, _>(async |conn| {
        Visit::assign(conn, visit.id, body.version, body.visitor_id).await?.ok_or_else(ApiError::precondition_failed)?;
        AuditEvent::new("visit.assign", "campaign_visit").by(&user).entity(visit.id).fields(&["visitor_id"]).write(conn, &ctx).await?;
        Ok(())
    })
    .await?;
    one_visit(&mut conn, &user, &campaign, visit.id, visit.group_id).await
}
