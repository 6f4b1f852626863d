use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{households, resident_groups, residents, users};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = resident_groups)]
pub struct ResidentGroup {
    pub id: Uuid,
    pub community_id: Uuid,
    pub number: i32,
    pub name: String,
    pub leader_user_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = resident_groups)]
pub struct NewResidentGroup<'a> {
    pub id: Uuid,
    pub community_id: Uuid,
    pub number: i32,
    pub name: &'a str,
    pub leader_user_id: Option<Uuid>,
}

/// Fields a staff member may change; `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = resident_groups)]
pub struct ResidentGroupChanges {
    pub number: Option<i32>,
    pub name: Option<String>,
    pub leader_user_id: Option<Option<Uuid>>,
}

/// A group with its leader's name and its head counts.
#[derive(Debug, Clone)]
pub struct GroupSummary {
    pub group: ResidentGroup,
    pub leader_name: Option<String>,
    pub households: i64,
    pub residents: i64,
}

impl ResidentGroup {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewResidentGroup<'_>) -> QueryResult<ResidentGroup> {
        diesel::insert_into(resident_groups::table).values(new).returning(ResidentGroup::as_returning()).get_result(conn).await
    }

    /// The group in this community, if any.
    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<ResidentGroup> {
        resident_groups::table
            .filter(resident_groups::community_id.eq(community_id))
            .find(id)
            .select(ResidentGroup::as_select())
            .first(conn)
            .await
    }

    pub async fn find_by_number(conn: &mut AsyncPgConnection, community_id: Uuid, number: i32) -> QueryResult<Option<ResidentGroup>> {
        resident_groups::table
            .filter(resident_groups::community_id.eq(community_id))
            .filter(resident_groups::number.eq(number))
            .select(ResidentGroup::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The group a leader leads.
    pub async fn led_by(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<Option<ResidentGroup>> {
        resident_groups::table
            .filter(resident_groups::leader_user_id.eq(user_id))
            .select(ResidentGroup::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Groups of a community (all of them, or only `only`) by number, with their leader's name.
    pub async fn listed(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        only: Option<Uuid>,
    ) -> QueryResult<Vec<(ResidentGroup, Option<String>)>> {
        let mut query = resident_groups::table
            .left_join(users::table.on(resident_groups::leader_user_id.eq(users::id.nullable())))
            .filter(resident_groups::community_id.eq(community_id))
            .select((ResidentGroup::as_select(), users::display_name.nullable()))
            .order(resident_groups::number)
            .into_boxed();
        if let Some(id) = only {
            query = query.filter(resident_groups::id.eq(id));
        }
        query.load(conn).await
    }

    /// Groups of a community (all of them, or only `only`), by number, with head counts.
    pub async fn summaries(conn: &mut AsyncPgConnection, community_id: Uuid, only: Option<Uuid>) -> QueryResult<Vec<GroupSummary>> {
        let groups = Self::listed(conn, community_id, only).await?;
        let household_counts: Vec<(Uuid, i64)> = households::table
            .filter(households::community_id.eq(community_id))
            .group_by(households::group_id)
            .select((households::group_id, diesel::dsl::count_star()))
            .load(conn)
            .await?;
        let resident_counts: Vec<(Uuid, i64)> = residents::table
            .inner_join(households::table)
            .filter(residents::community_id.eq(community_id))
            .filter(residents::status.eq("active"))
            .group_by(households::group_id)
            .select((households::group_id, diesel::dsl::count_star()))
            .load(conn)
            .await?;
        let count_of = |counts: &[(Uuid, i64)], id: Uuid| counts.iter().find(|(g, _)| *g == id).map_or(0, |(_, n)| *n);
        Ok(groups
            .into_iter()
            .map(|(group, leader_name)| GroupSummary {
                households: count_of(&household_counts, group.id),
                residents: count_of(&resident_counts, group.id),
                group,
                leader_name,
            })
            .collect())
    }

    /// Applies changes if `version` still matches; `None` when it does not (or the group is gone).
    pub async fn update(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        id: Uuid,
        version: i32,
        changes: &ResidentGroupChanges,
    ) -> QueryResult<Option<ResidentGroup>> {
        crate::versioned_update!(conn, resident_groups, id, version, changes, ResidentGroup, resident_groups::community_id.eq(community_id))
    }
}
