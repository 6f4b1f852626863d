use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use xingguang_db::models::team::{Equipment, Membership, Team, TeamCounts};
use xingguang_db::vocab::MembershipStatus;

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamDto {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    /// When and where they practise.
    pub practice_schedule: String,
    pub leader_resident_id: Option<Uuid>,
    pub leader_name: Option<String>,
    pub member_count: i64,
    /// Join requests waiting for an answer: for staff and the team's leader (`null` for others).
    pub open_requests: Option<i64>,
    /// Whether the caller leads this team (approves join requests).
    pub you_lead: bool,
    /// The caller's household in this team (a resident): requests and memberships.
    pub your_household: Vec<MembershipDto>,
    pub version: i32,
}

impl TeamDto {
    pub fn new(
        team: Team,
        leader_name: Option<String>,
        counts: TeamCounts,
        sees_requests: bool,
        you_lead: bool,
        your_household: Vec<MembershipDto>,
    ) -> Self {
        TeamDto {
            member_count: counts.members,
            open_requests: sees_requests.then_some(counts.requests),
            id: team.id,
            name: team.name,
            description: team.description,
            practice_schedule: team.practice_schedule,
            leader_resident_id: team.leader_resident_id,
            leader_name,
            you_lead,
            your_household,
            version: team.version,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamDetailDto {
    #[serde(flatten)]
    pub team: TeamDto,
    /// Members and open requests: for staff and the team's leader; `null` for everyone else.
    pub members: Option<Vec<MembershipDto>>,
    pub equipment: Vec<EquipmentDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipDto {
    pub id: Uuid,
    pub team_id: Uuid,
    pub resident_id: Uuid,
    pub resident_name: String,
    pub status: MembershipStatus,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i32,
}

impl MembershipDto {
    pub fn new(m: Membership, resident_name: String) -> Self {
        MembershipDto {
            id: m.id,
            team_id: m.team_id,
            resident_id: m.resident_id,
            resident_name,
            status: m.status,
            created_at: m.created_at,
            decided_at: m.decided_at,
            version: m.version,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EquipmentDto {
    pub id: Uuid,
    pub name: String,
    /// What it is worth, in yuan.
    pub value_yuan: Option<i32>,
    /// The partner's goods pledge it came from.
    pub pledge_id: Option<Uuid>,
    /// The partner unit that gave it.
    pub given_by: Option<String>,
    pub note: String,
}

impl EquipmentDto {
    pub fn new(e: Equipment, given_by: Option<String>) -> Self {
        EquipmentDto { id: e.id, name: e.name, value_yuan: e.value_yuan, pledge_id: e.pledge_id, given_by, note: e.note }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TeamRequest {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub practice_schedule: String,
    /// The resident who leads it.
    pub leader_resident_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateTeamRequest {
    #[serde(flatten)]
    pub team: TeamRequest,
    pub version: i32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct EquipmentRequest {
    pub name: String,
    #[schema(minimum = 0, maximum = 10000000)]
    pub value_yuan: Option<i32>,
    /// A goods pledge (accepted or fulfilled) it came from.
    pub pledge_id: Option<Uuid>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MembershipRequest {
    /// Who joins: yourself when omitted, or a member of your household; staff name anyone.
    pub resident_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MembershipMoveRequest {
    pub version: i32,
}
