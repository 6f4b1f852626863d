//! `teams`, `team_members` and `team_equipment`: the amateur teams, who is in them and what
//! they hold.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{households, residents, team_equipment, team_members, teams, users};
use crate::vocab::MembershipStatus;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = teams)]
pub struct Team {
    pub id: Uuid,
    pub community_id: Uuid,
    pub name: String,
    pub description: String,
    pub practice_schedule: String,
    pub leader_resident_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = teams)]
pub struct TeamChanges {
    pub name: String,
    pub description: String,
    pub practice_schedule: String,
    // `Some(None)` clears it.
    pub leader_resident_id: Option<Option<Uuid>>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = team_members)]
pub struct Membership {
    pub id: Uuid,
    pub community_id: Uuid,
    pub team_id: Uuid,
    pub resident_id: Uuid,
    pub status: MembershipStatus,
    pub requested_by: Uuid,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = team_equipment)]
pub struct Equipment {
    pub id: Uuid,
    pub community_id: Uuid,
    pub team_id: Uuid,
    pub name: String,
    pub value_yuan: Option<i32>,
    pub pledge_id: Option<Uuid>,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// A team's size and its open join requests.
#[derive(Debug, Clone, Copy, Default)]
pub struct TeamCounts {
    pub members: i64,
    pub requests: i64,
}

/// A membership with the resident's name and household (the caller checks reach).
pub struct MemberRow {
    pub membership: Membership,
    pub name: String,
    pub household_id: Uuid,
    pub group_id: Uuid,
}

impl Team {
    pub async fn insert(conn: &mut AsyncPgConnection, team: &Team) -> QueryResult<Team> {
        diesel::insert_into(teams::table).values(team).returning(Team::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Team> {
        teams::table.filter(teams::community_id.eq(community_id)).find(id).select(Team::as_select()).first(conn).await
    }

    pub async fn all(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<Team>> {
        teams::table.filter(teams::community_id.eq(community_id)).order((teams::name, teams::id)).select(Team::as_select()).load(conn).await
    }

    pub async fn update(conn: &mut AsyncPgConnection, id: Uuid, version: i32, changes: TeamChanges) -> QueryResult<Option<Team>> {
        crate::versioned_update!(conn, teams, id, version, changes, Team)
    }

    /// Per team: how many members, and how many open join requests.
    pub async fn counts(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<std::collections::HashMap<Uuid, TeamCounts>> {
        let rows: Vec<(Uuid, MembershipStatus, i64)> = team_members::table
            .filter(team_members::community_id.eq(community_id))
            .filter(team_members::status.eq_any([MembershipStatus::Member, MembershipStatus::Requested]))
            .group_by((team_members::team_id, team_members::status))
            .select((team_members::team_id, team_members::status, diesel::dsl::count_star()))
            .load(conn)
            .await?;
        let mut counts: std::collections::HashMap<Uuid, TeamCounts> = std::collections::HashMap::new();
        for (team, status, n) in rows {
            let c = counts.entry(team).or_default();
            if status == MembershipStatus::Member {
                c.members = n;
            } else {
                c.requests = n;
            }
        }
        Ok(counts)
    }

    /// The names of the residents who lead teams, by resident id.
    pub async fn leader_names(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<std::collections::HashMap<Uuid, String>> {
        let rows: Vec<(Uuid, String)> = teams::table
            .inner_join(residents::table.on(teams::leader_resident_id.eq(residents::id.nullable())))
            .filter(teams::community_id.eq(community_id))
            .select((residents::id, residents::name))
            .load(conn)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// Whether the login `user_id` is the resident who leads the team.
    pub fn led_by(&self, resident_of_user: Option<Uuid>) -> bool {
        resident_of_user.is_some() && self.leader_resident_id == resident_of_user
    }
}

impl Membership {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Membership) -> QueryResult<Membership> {
        diesel::insert_into(team_members::table).values(row).returning(Membership::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, team_id: Uuid, id: Uuid) -> QueryResult<Membership> {
        team_members::table.filter(team_members::team_id.eq(team_id)).find(id).select(Membership::as_select()).first(conn).await
    }

    /// The live (requested or member) membership of a resident in a team.
    pub async fn live(conn: &mut AsyncPgConnection, team_id: Uuid, resident_id: Uuid) -> QueryResult<Option<Membership>> {
        team_members::table
            .filter(team_members::team_id.eq(team_id))
            .filter(team_members::resident_id.eq(resident_id))
            .filter(team_members::status.eq_any([MembershipStatus::Requested, MembershipStatus::Member]))
            .select(Membership::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn is_member(conn: &mut AsyncPgConnection, team_id: Uuid, resident_id: Uuid) -> QueryResult<bool> {
        Ok(Self::live(conn, team_id, resident_id).await?.is_some_and(|m| m.status == MembershipStatus::Member))
    }

    /// Live memberships and requests of a team, requests first, then by name.
    pub async fn of_team(conn: &mut AsyncPgConnection, team_id: Uuid) -> QueryResult<Vec<MemberRow>> {
        let rows: Vec<(Membership, String, Uuid, Uuid)> = team_members::table
            .inner_join(residents::table.inner_join(households::table))
            .filter(team_members::team_id.eq(team_id))
            .filter(team_members::status.eq_any([MembershipStatus::Requested, MembershipStatus::Member]))
            .order((team_members::status.desc(), residents::name_pinyin, team_members::id))
            .select((Membership::as_select(), residents::name, residents::household_id, households::group_id))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(membership, name, household_id, group_id)| MemberRow { membership, name, household_id, group_id })
            .collect())
    }

    /// Live memberships of the residents of some households (a resident's own household).
    pub async fn of_households(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        households: &[Uuid],
    ) -> QueryResult<Vec<(Membership, String)>> {
        team_members::table
            .inner_join(residents::table)
            .filter(team_members::community_id.eq(community_id))
            .filter(residents::household_id.eq_any(households.to_vec()))
            .filter(team_members::status.eq_any([MembershipStatus::Requested, MembershipStatus::Member]))
            .select((Membership::as_select(), residents::name))
            .load(conn)
            .await
    }

    /// Moves a membership on (compare-and-set on version and the expected status).
    pub async fn set_status(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        from: MembershipStatus,
        to: MembershipStatus,
        decided_by: Uuid,
    ) -> QueryResult<Option<Membership>> {
        crate::versioned_update!(
            conn,
            team_members,
            id,
            version,
            (team_members::status.eq(to), team_members::decided_by.eq(Some(decided_by)), team_members::decided_at.eq(Some(Utc::now()))),
            Membership,
            team_members::status.eq(from)
        )
    }

    /// The active logins of a resident (to tell them of a decision).
    pub async fn logins_of(conn: &mut AsyncPgConnection, resident_id: Uuid) -> QueryResult<Vec<Uuid>> {
        users::table.filter(users::resident_id.eq(resident_id)).filter(users::disabled.eq(false)).select(users::id).load(conn).await
    }
}

impl Equipment {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Equipment) -> QueryResult<Equipment> {
        diesel::insert_into(team_equipment::table).values(row).returning(Equipment::as_returning()).get_result(conn).await
    }

    pub async fn of_team(conn: &mut AsyncPgConnection, team_id: Uuid) -> QueryResult<Vec<Equipment>> {
        team_equipment::table
            .filter(team_equipment::team_id.eq(team_id))
            .order(team_equipment::id)
            .select(Equipment::as_select())
            .load(conn)
            .await
    }
}
