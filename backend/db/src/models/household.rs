use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::sealed::Sealed;

use crate::pagination::{Page, PageRequest};
use crate::reach::Reach;
use crate::schema::{households, resident_groups, residents};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = households)]
pub struct Household {
    pub id: Uuid,
    pub community_id: Uuid,
    pub group_id: Uuid,
    pub road: String,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub phone: Option<Sealed>,
    pub head_resident_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Household {
    /// The address as people write it: 朝阳路12幢2单元301室.
    pub fn address(&self) -> String {
        format!("{}{}{}{}", self.road, self.building, self.unit, self.room)
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = households)]
pub struct NewHousehold {
    pub id: Uuid,
    pub community_id: Uuid,
    pub group_id: Uuid,
    pub road: String,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub phone: Option<Sealed>,
    pub head_resident_id: Option<Uuid>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = households)]
pub struct HouseholdChanges {
    pub group_id: Option<Uuid>,
    pub road: Option<String>,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub room: Option<String>,
    pub phone: Option<Option<Sealed>>,
    pub head_resident_id: Option<Option<Uuid>>,
}

#[derive(Debug, Default, Clone)]
pub struct HouseholdFilter {
    pub group_id: Option<Uuid>,
    /// Part of the address, e.g. 朝阳路 or 12幢.
    pub address: Option<String>,
}

/// A household with its group number and member count, for lists.
#[derive(Debug, Clone)]
pub struct HouseholdRow {
    pub household: Household,
    pub group_number: i32,
    pub head_name: Option<String>,
    pub members: i64,
}

/// Escapes LIKE wildcards in user input.
pub fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

type BoxedHouseholds<'a> = households::BoxedQuery<'a, diesel::pg::Pg>;

fn within(reach: Reach) -> BoxedHouseholds<'static> {
    let query = households::table.into_boxed();
    match reach {
        Reach::Community(c) => query.filter(households::community_id.eq(c)),
        Reach::Group { community_id, group_id } => {
            query.filter(households::community_id.eq(community_id)).filter(households::group_id.eq(group_id))
        }
        Reach::Household { community_id, household_id } => {
            query.filter(households::community_id.eq(community_id)).filter(households::id.eq(household_id))
        }
        Reach::Nothing => query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>("false")),
    }
}

impl Household {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewHousehold) -> QueryResult<Household> {
        diesel::insert_into(households::table).values(new).returning(Household::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, reach: Reach, id: Uuid) -> QueryResult<Household> {
        within(reach).filter(households::id.eq(id)).select(Household::as_select()).first(conn).await
    }

    pub async fn find_by_address(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        (road, building, unit, room): (&str, &str, &str, &str),
    ) -> QueryResult<Option<Household>> {
        households::table
            .filter(households::community_id.eq(community_id))
            .filter(households::road.eq(road))
            .filter(households::building.eq(building))
            .filter(households::unit.eq(unit))
            .filter(households::room.eq(room))
            .select(Household::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn list(
        conn: &mut AsyncPgConnection,
        reach: Reach,
        filter: &HouseholdFilter,
        page: PageRequest,
    ) -> QueryResult<Page<HouseholdRow>> {
        let mut query = within(reach).order(households::id.desc()).limit(page.limit + 1);
        if let Some(after) = page.after {
            query = query.filter(households::id.lt(after));
        }
        if let Some(group) = filter.group_id {
            query = query.filter(households::group_id.eq(group));
        }
        if let Some(address) = filter.address.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            let pattern = format!("%{}%", like_escape(address));
            query = query.filter(
                diesel::dsl::sql::<diesel::sql_types::Text>(
                    "(households.road || households.building || households.unit || households.room)",
                )
                .like(pattern),
            );
        }
        let rows: Vec<Household> = query.select(Household::as_select()).load(conn).await?;
        let page = Page::from_overfetch(rows, page.limit, |h| h.id);
        let rows = Self::with_details(conn, page.items).await?;
        Ok(Page { items: rows, next: page.next })
    }

    /// Adds group numbers, head names and member counts to a page of households (three small
    /// queries for the page instead of one per household).
    pub async fn with_details(conn: &mut AsyncPgConnection, rows: Vec<Household>) -> QueryResult<Vec<HouseholdRow>> {
        let ids: Vec<Uuid> = rows.iter().map(|h| h.id).collect();
        let group_ids: Vec<Uuid> = rows.iter().map(|h| h.group_id).collect();
        let head_ids: Vec<Uuid> = rows.iter().filter_map(|h| h.head_resident_id).collect();
        let numbers: Vec<(Uuid, i32)> = resident_groups::table
            .filter(resident_groups::id.eq_any(&group_ids))
            .select((resident_groups::id, resident_groups::number))
            .load(conn)
            .await?;
        let heads: Vec<(Uuid, String)> =
            residents::table.filter(residents::id.eq_any(&head_ids)).select((residents::id, residents::name)).load(conn).await?;
        let members: Vec<(Uuid, i64)> = residents::table
            .filter(residents::household_id.eq_any(&ids))
            .filter(residents::status.eq("active"))
            .group_by(residents::household_id)
            .select((residents::household_id, diesel::dsl::count_star()))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|household| HouseholdRow {
                group_number: numbers.iter().find(|(g, _)| *g == household.group_id).map_or(0, |(_, n)| *n),
                head_name: household.head_resident_id.and_then(|h| heads.iter().find(|(id, _)| *id == h).map(|(_, n)| n.clone())),
                members: members.iter().find(|(id, _)| *id == household.id).map_or(0, |(_, n)| *n),
                household,
            })
            .collect())
    }

    /// Optimistic update within a community: `None` when the version no longer matches. The
    /// caller has already loaded the row within the caller's reach (handlers do, to answer 404
    /// before anything else), so reach is not checked a second time here.
    pub async fn update(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        id: Uuid,
        version: i32,
        changes: &HouseholdChanges,
    ) -> QueryResult<Option<Household>> {
        crate::versioned_update!(conn, households, id, version, changes, Household, households::community_id.eq(community_id))
    }
}

impl Household {
    pub async fn insert_many(conn: &mut AsyncPgConnection, new: &[NewHousehold]) -> QueryResult<usize> {
        diesel::insert_into(households::table).values(new).execute(conn).await
    }

    /// Sets many households' heads in one statement: (household id, head resident id) pairs.
    pub async fn set_heads(conn: &mut AsyncPgConnection, pairs: &[(Uuid, Uuid)]) -> QueryResult<usize> {
        use diesel::sql_types::{Array, Uuid as SqlUuid};
        let (ids, heads): (Vec<Uuid>, Vec<Uuid>) = pairs.iter().copied().unzip();
        diesel::sql_query(
            "UPDATE households h SET head_resident_id = v.head FROM unnest($1::uuid[], $2::uuid[]) AS v(id, head) WHERE h.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(ids)
        .bind::<Array<SqlUuid>, _>(heads)
        .execute(conn)
        .await
    }
}
