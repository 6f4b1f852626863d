//! Teams: list, create, read (with members for those who may see them), update, equipment.

use std::collections::HashMap;

use actix_web::{get, post, put, web, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;
use xingguang_db::models::pledge::Pledge;
use xingguang_db::models::resident::Resident;
use xingguang_db::models::team::{Equipment, Membership, Team, TeamChanges};
use xingguang_db::models::user::Role;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::SupportKind;

use super::dto::*;
use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, Community, RoleSet, Staff};
use crate::common::pledge_link;
use crate::error::{conflict_on_duplicate, ApiError, ApiResult, Errors, FieldError};
use crate::http::RequestCtx;
use crate::state::AppState;

/// The caller's household's live memberships, by team (a resident only).
async fn household_memberships<R: RoleSet>(conn: &mut AsyncPgConnection, user: &Authed<R>) -> ApiResult<HashMap<Uuid, Vec<MembershipDto>>> {
    let mut by_team: HashMap<Uuid, Vec<MembershipDto>> = HashMap::new();
    if let (Role::Resident, Some(household)) = (user.role(), user.claims.household_id) {
        for (m, name) in Membership::of_households(conn, user.community_id(), &[household]).await? {
            by_team.entry(m.team_id).or_default().push(MembershipDto::new(m, name));
        }
    }
    Ok(by_team)
}

pub(super) async fn team_dto<R: RoleSet>(conn: &mut AsyncPgConnection, user: &Authed<R>, team: Team) -> ApiResult<TeamDto> {
    let mut names = Team::leader_names(conn, user.community_id()).await?;
    let counts = Team::counts(conn, user.community_id()).await?.get(&team.id).copied().unwrap_or_default();
    let mut mine = household_memberships(conn, user).await?;
    let leader = team.leader_resident_id.and_then(|r| names.remove(&r));
    let you_lead = team.led_by(user.claims.resident_id);
    let sees_requests = you_lead || user.role() == Role::Staff;
    let id = team.id;
    Ok(TeamDto::new(team, leader, counts, sees_requests, you_lead, mine.remove(&id).unwrap_or_default()))
}

/// Checks a team's fields; the leader must be an active resident of the community.
async fn checked_team(conn: &mut AsyncPgConnection, community_id: Uuid, body: &TeamRequest) -> ApiResult<(String, String, String)> {
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 50);
    let description = errors.optional_text("description", &body.description, 2000);
    let schedule = errors.optional_text("practice_schedule", &body.practice_schedule, 200);
    errors.finish()?;
    if let Some(leader) = body.leader_resident_id {
        use diesel::OptionalExtension;
        if Resident::find(conn, Reach::Community(community_id), leader).await.optional()?.is_none() {
            return Err(ApiError::validation(vec![FieldError::new("leader_resident_id", "no such resident")]));
        }
    }
    Ok((name, description, schedule))
}

/// Teams
///
/// Every team of the community with its leader and size; a resident also sees where their
/// household stands with each.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "teams",
    operation_id = "list_teams",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The teams.", body = Vec<TeamDto>),
        (status = 403, description = "A partner."),
    )
)]
#[get("/teams")]
pub async fn list_teams(user: Authed<Community>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let community = user.community_id();
    let teams = Team::all(&mut conn, community).await?;
    let mut names = Team::leader_names(&mut conn, community).await?;
    let counts = Team::counts(&mut conn, community).await?;
    let mut mine = household_memberships(&mut conn, &user).await?;
    let list: Vec<TeamDto> = teams
        .into_iter()
        .map(|t| {
            let leader = t.leader_resident_id.and_then(|r| names.remove(&r));
            let c = counts.get(&t.id).copied().unwrap_or_default();
            let you_lead = t.led_by(user.claims.resident_id);
            let sees_requests = you_lead || user.role() == Role::Staff;
            let household = mine.remove(&t.id).unwrap_or_default();
            TeamDto::new(t, leader, c, sees_requests, you_lead, household)
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Create a team
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "teams",
    operation_id = "create_team",
    security(("bearer" = [])),
    request_body = TeamRequest,
    responses(
        (status = 201, description = "Created.", body = TeamDto),
        (status = 403, description = "Not staff."),
        (status = 409, description = "A team of that name exists (`duplicate`)."),
        (status = 422, description = "No name, a text too long, or no such leader."),
    )
)]
#[post("/teams")]
pub async fn create_team(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<TeamRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (name, description, practice_schedule) = checked_team(&mut conn, user.community_id(), &body).await?;
    let now = state.clock.now();
    let team = Team {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        name,
        description,
        practice_schedule,
        leader_resident_id: body.leader_resident_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Team::insert(conn, &team).await.map_err(|e| conflict_on_duplicate(e, "A team of this name"))?;
            AuditEvent::new("team.create", "team").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(team_dto(&mut conn, &user, saved).await?))
}

/// A team
///
/// With its equipment; its members and open join requests for staff and the team's leader.
///
/// **Roles:** staff, group_leader, resident.
#[utoipa::path(
    tag = "teams",
    operation_id = "get_team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team.")),
    responses(
        (status = 200, description = "The team.", body = TeamDetailDto),
        (status = 403, description = "A partner."),
        (status = 404, description = "No such team in this community."),
    )
)]
#[get("/teams/{id}")]
pub async fn get_team(user: Authed<Community>, state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let team = Team::find(&mut conn, user.community_id(), *id).await?;
    let sees_members = user.role() == Role::Staff || team.led_by(user.claims.resident_id);
    let members = if sees_members {
        Some(Membership::of_team(&mut conn, team.id).await?.into_iter().map(|r| MembershipDto::new(r.membership, r.name)).collect())
    } else {
        None
    };
    let mut equipment = Vec::new();
    for e in Equipment::of_team(&mut conn, team.id).await? {
        let given_by = match e.pledge_id {
            Some(p) => Some(Pledge::find(&mut conn, user.community_id(), None, p).await?.partner_name),
            None => None,
        };
        equipment.push(EquipmentDto::new(e, given_by));
    }
    let team = team_dto(&mut conn, &user, team).await?;
    Ok(HttpResponse::Ok().json(TeamDetailDto { team, members, equipment }))
}

/// Update a team
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "teams",
    operation_id = "update_team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team.")),
    request_body = UpdateTeamRequest,
    responses(
        (status = 200, description = "Updated.", body = TeamDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such team in this community."),
        (status = 409, description = "A team of that name exists (`duplicate`)."),
        (status = 412, description = "Changed since it was loaded."),
        (status = 422, description = "No name, a text too long, or no such leader."),
    )
)]
#[put("/teams/{id}")]
pub async fn update_team(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<UpdateTeamRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let team = Team::find(&mut conn, user.community_id(), *id).await?;
    let (name, description, practice_schedule) = checked_team(&mut conn, user.community_id(), &body.team).await?;
    let changes = TeamChanges { name, description, practice_schedule, leader_resident_id: Some(body.team.leader_resident_id) };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Team::update(conn, team.id, body.version, changes)
                .await
                .map_err(|e| conflict_on_duplicate(e, "A team of this name"))?
                .ok_or_else(ApiError::precondition_failed)?;
            AuditEvent::new("team.update", "team").by(&user).entity(saved.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Ok().json(team_dto(&mut conn, &user, saved).await?))
}

/// Add equipment to a team
///
/// Bought by the community, or given by a partner (name the goods pledge).
///
/// **Roles:** staff.
#[utoipa::path(
    tag = "teams",
    operation_id = "add_team_equipment",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The team.")),
    request_body = EquipmentRequest,
    responses(
        (status = 201, description = "Added.", body = EquipmentDto),
        (status = 403, description = "Not staff."),
        (status = 404, description = "No such team in this community."),
        (status = 422, description = "No name, a negative value, or a pledge that is not an accepted goods pledge."),
    )
)]
#[post("/teams/{id}/equipment")]
pub async fn add_equipment(
    user: Authed<Staff>,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    id: web::Path<Uuid>,
    body: web::Json<EquipmentRequest>,
) -> ApiResult<HttpResponse> {
    let mut errors = Errors::default();
    let name = errors.required_text("name", &body.name, 100);
    let note = errors.optional_text("note", &body.note, 500);
    if body.value_yuan.is_some_and(|v| !(0..=10_000_000).contains(&v)) {
        errors.push("value_yuan", "must be between 0 and 10000000");
    }
    errors.finish()?;
    let mut conn = state.conn().await?;
    let team = Team::find(&mut conn, user.community_id(), *id).await?;
    let given_by = match body.pledge_id {
        Some(p) => Some(pledge_link::linkable(&mut conn, user.community_id(), p, SupportKind::Goods, "pledge_id").await?.partner_name),
        None => None,
    };
    let row = Equipment {
        id: xingguang_db::new_id(),
        community_id: user.community_id(),
        team_id: team.id,
        name,
        value_yuan: body.value_yuan,
        pledge_id: body.pledge_id,
        note,
        created_at: state.clock.now(),
    };
    let saved = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let saved = Equipment::insert(conn, &row).await?;
            AuditEvent::new("team.equipment_add", "team").by(&user).entity(team.id).write(conn, &ctx).await?;
            Ok(saved)
        })
        .await?;
    Ok(HttpResponse::Created().json(EquipmentDto::new(saved, given_by)))
}
