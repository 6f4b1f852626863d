use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::pagination::{Page, PageRequest};
use crate::schema::needs;
use crate::vocab::{NeedCategory, NeedStatus};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = needs)]
pub struct Need {
    pub id: Uuid,
    pub community_id: Uuid,
    pub title: String,
    pub description: String,
    pub category: NeedCategory,
    pub target_quantity: Option<i64>,
    pub unit: String,
    pub deadline: Option<NaiveDate>,
    pub status: NeedStatus,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = needs)]
pub struct NewNeed {
    pub id: Uuid,
    pub community_id: Uuid,
    pub title: String,
    pub description: String,
    pub category: NeedCategory,
    pub target_quantity: Option<i64>,
    pub unit: String,
    pub deadline: Option<NaiveDate>,
    pub created_by: Uuid,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = needs)]
pub struct NeedChanges {
    pub title: Option<String>,
    pub description: Option<String>,
    pub target_quantity: Option<Option<i64>>,
    pub unit: Option<String>,
    pub deadline: Option<Option<NaiveDate>>,
    pub status: Option<NeedStatus>,
}

/// Pledged, accepted and fulfilled quantities of a need, in its measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Every live pledge: submitted, accepted or fulfilled.
    pub pledged: i64,
    /// Accepted or fulfilled.
    pub accepted: i64,
    /// Delivered so far.
    pub fulfilled: i64,
}

impl Need {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewNeed) -> QueryResult<Need> {
        diesel::insert_into(needs::table).values(new).returning(Need::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Need> {
        needs::table.filter(needs::community_id.eq(community_id)).find(id).select(Need::as_select()).first(conn).await
    }

    /// Locks the need for the rest of the transaction (pledge decisions update its status).
    pub async fn find_for_update(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Need> {
        needs::table.filter(needs::community_id.eq(community_id)).find(id).select(Need::as_select()).for_update().first(conn).await
    }

    /// Newest first; `status` narrows to open, met or closed.
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        status: Option<NeedStatus>,
        page: PageRequest,
    ) -> QueryResult<Page<Need>> {
        let mut query = needs::table
            .filter(needs::community_id.eq(community_id))
            .select(Need::as_select())
            .order(needs::id.desc())
            .limit(page.limit + 1)
            .into_boxed();
        if let Some(status) = status {
            query = query.filter(needs::status.eq(status));
        }
        if let Some(after) = page.after {
            query = query.filter(needs::id.lt(after));
        }
        Ok(Page::from_overfetch(query.load(conn).await?, page.limit, |n| n.id))
    }

    pub async fn titles(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, String)>> {
        needs::table.filter(needs::id.eq_any(ids)).select((needs::id, needs::title)).load(conn).await
    }

    /// Progress of each of these needs, summed over their pledges in one query.
    pub async fn progress(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, Progress)>> {
        use diesel::sql_types::{Array, Uuid as SqlUuid};
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = SqlUuid)]
            need_id: Uuid,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            pledged: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            accepted: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            fulfilled: i64,
        }
        let rows: Vec<Row> = diesel::sql_query(
            "SELECT need_id, \
             COALESCE(SUM(quantity) FILTER (WHERE status IN ('submitted', 'accepted', 'fulfilled')), 0)::bigint AS pledged, \
             COALESCE(SUM(quantity) FILTER (WHERE status IN ('accepted', 'fulfilled')), 0)::bigint AS accepted, \
             COALESCE(SUM(delivered_quantity), 0)::bigint AS fulfilled \
             FROM pledges WHERE need_id = ANY($1) GROUP BY need_id",
        )
        .bind::<Array<SqlUuid>, _>(ids)
        .load(conn)
        .await?;
        Ok(rows.into_iter().map(|r| (r.need_id, Progress { pledged: r.pledged, accepted: r.accepted, fulfilled: r.fulfilled })).collect())
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        id: Uuid,
        version: i32,
        changes: &NeedChanges,
    ) -> QueryResult<Option<Need>> {
        crate::versioned_update!(conn, needs, id, version, changes, Need, needs::community_id.eq(community_id))
    }

    /// Sets the status as a side effect of a delivery (met when the target is reached).
    pub async fn set_status(conn: &mut AsyncPgConnection, id: Uuid, status: NeedStatus) -> QueryResult<()> {
        diesel::update(needs::table.find(id))
            .set((needs::status.eq(status), needs::version.eq(needs::version + 1), needs::updated_at.eq(diesel::dsl::now)))
            .execute(conn)
            .await
            .map(|_| ())
    }
}
