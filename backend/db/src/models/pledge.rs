use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::pagination::{Page, PageRequest};
use crate::schema::{needs, partner_units, pledge_deliveries, pledges};
use crate::vocab::{PledgeStatus, SupportKind};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = pledges)]
pub struct Pledge {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Uuid,
    pub need_id: Option<Uuid>,
    pub kind: SupportKind,
    pub details: serde_json::Value,
    pub quantity: i64,
    pub delivered_quantity: i64,
    pub planned_date: Option<NaiveDate>,
    pub note: String,
    pub status: PledgeStatus,
    pub decline_reason: Option<String>,
    pub submitted_by_user: Option<Uuid>,
    pub submitted_by_client: Option<Uuid>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
    pub fulfilled_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = pledges)]
pub struct NewPledge {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Uuid,
    pub need_id: Option<Uuid>,
    pub kind: SupportKind,
    pub details: serde_json::Value,
    pub quantity: i64,
    pub planned_date: Option<NaiveDate>,
    pub note: String,
    pub submitted_by_user: Option<Uuid>,
    pub submitted_by_client: Option<Uuid>,
}

/// The columns a state change writes.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = pledges)]
pub struct PledgeTransition {
    pub status: Option<PledgeStatus>,
    pub decline_reason: Option<Option<String>>,
    pub decided_by: Option<Option<Uuid>>,
    pub decided_at: Option<Option<DateTime<Utc>>>,
    pub fulfilled_at: Option<Option<DateTime<Utc>>>,
    pub delivered_quantity: Option<i64>,
}

/// Which pledges a list shows; every field narrows it.
#[derive(Debug, Default, Clone)]
pub struct PledgeFilter {
    pub partner_id: Option<Uuid>,
    pub need_id: Option<Uuid>,
    pub status: Option<PledgeStatus>,
}

/// A pledge with the names a list shows beside it.
#[derive(Debug, Clone)]
pub struct PledgeRow {
    pub pledge: Pledge,
    pub partner_name: String,
    pub need_title: Option<String>,
}

type RowTuple = (Pledge, String, Option<String>);

impl Pledge {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewPledge) -> QueryResult<Pledge> {
        diesel::insert_into(pledges::table).values(new).returning(Pledge::as_returning()).get_result(conn).await
    }

    /// The pledge in this community; with `partner_id`, only if it is that partner's.
    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, partner_id: Option<Uuid>, id: Uuid) -> QueryResult<PledgeRow> {
        let mut query = pledges::table
            .inner_join(partner_units::table)
            .left_join(needs::table)
            .filter(pledges::community_id.eq(community_id))
            .filter(pledges::id.eq(id))
            .select((Pledge::as_select(), partner_units::name, needs::title.nullable()))
            .into_boxed();
        if let Some(partner) = partner_id {
            query = query.filter(pledges::partner_id.eq(partner));
        }
        let (pledge, partner_name, need_title): RowTuple = query.first(conn).await?;
        Ok(PledgeRow { pledge, partner_name, need_title })
    }

    /// Newest first (the review queue asks for `status = submitted`).
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        filter: &PledgeFilter,
        page: PageRequest,
    ) -> QueryResult<Page<PledgeRow>> {
        let mut query = pledges::table
            .inner_join(partner_units::table)
            .left_join(needs::table)
            .filter(pledges::community_id.eq(community_id))
            .select((Pledge::as_select(), partner_units::name, needs::title.nullable()))
            .order(pledges::id.desc())
            .limit(page.limit + 1)
            .into_boxed();
        if let Some(partner) = filter.partner_id {
            query = query.filter(pledges::partner_id.eq(partner));
        }
        if let Some(need) = filter.need_id {
            query = query.filter(pledges::need_id.eq(need));
        }
        if let Some(status) = &filter.status {
            query = query.filter(pledges::status.eq(*status));
        }
        if let Some(after) = page.after {
            query = query.filter(pledges::id.lt(after));
        }
        let rows: Vec<RowTuple> = query.load(conn).await?;
        let page = Page::from_overfetch(rows, page.limit, |(p, _, _)| p.id);
        Ok(page.map(|(pledge, partner_name, need_title)| PledgeRow { pledge, partner_name, need_title }))
    }

    /// Applies a state change if the pledge is still at `version` and in one of `from`;
    /// `None` when someone else got there first.
    pub async fn transition(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        from: &[PledgeStatus],
        change: &PledgeTransition,
    ) -> QueryResult<Option<Pledge>> {
        crate::versioned_update!(conn, pledges, id, version, change, Pledge, pledges::status.eq_any(from))
    }

    /// Fulfilled pledges, newest first, for the public thank-you list.
    pub async fn fulfilled(conn: &mut AsyncPgConnection, community_id: Uuid, limit: i64) -> QueryResult<Vec<PledgeRow>> {
        let rows: Vec<RowTuple> = pledges::table
            .inner_join(partner_units::table)
            .left_join(needs::table)
            .filter(pledges::community_id.eq(community_id))
            .filter(pledges::status.eq(PledgeStatus::Fulfilled))
            .select((Pledge::as_select(), partner_units::name, needs::title.nullable()))
            .order(pledges::fulfilled_at.desc())
            .limit(limit)
            .load(conn)
            .await?;
        Ok(rows.into_iter().map(|(pledge, partner_name, need_title)| PledgeRow { pledge, partner_name, need_title }).collect())
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = pledge_deliveries)]
pub struct Delivery {
    pub id: Uuid,
    pub community_id: Uuid,
    pub pledge_id: Uuid,
    pub partner_id: Uuid,
    pub delivered_on: NaiveDate,
    pub quantity: i64,
    pub details: serde_json::Value,
    pub receipt_number: Option<String>,
    pub note: String,
    pub recorded_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// One month's delivered quantity of one kind of support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyContribution {
    pub month: u32,
    pub kind: SupportKind,
    pub quantity: i64,
    pub deliveries: i64,
}

impl Delivery {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &Delivery) -> QueryResult<Delivery> {
        diesel::insert_into(pledge_deliveries::table).values(new).returning(Delivery::as_returning()).get_result(conn).await
    }

    pub async fn of_pledge(conn: &mut AsyncPgConnection, pledge_id: Uuid) -> QueryResult<Vec<Delivery>> {
        pledge_deliveries::table
            .filter(pledge_deliveries::pledge_id.eq(pledge_id))
            .select(Delivery::as_select())
            .order(pledge_deliveries::id)
            .load(conn)
            .await
    }

    /// A partner's deliveries in one year, summed by month and kind.
    pub async fn monthly(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        partner_id: Uuid,
        year: i32,
    ) -> QueryResult<Vec<MonthlyContribution>> {
        use diesel::sql_types::{Date, Uuid as SqlUuid};
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            month: i32,
            #[diesel(sql_type = diesel::sql_types::Text)]
            kind: SupportKind,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            quantity: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            deliveries: i64,
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or_default();
        let rows: Vec<Row> = diesel::sql_query(
            "SELECT EXTRACT(MONTH FROM d.delivered_on)::int AS month, p.kind, SUM(d.quantity)::bigint AS quantity, \
             COUNT(*) AS deliveries FROM pledge_deliveries d JOIN pledges p ON p.id = d.pledge_id \
             WHERE d.community_id = $1 AND d.partner_id = $2 AND d.delivered_on >= $3 AND d.delivered_on < $4 \
             GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .bind::<SqlUuid, _>(community_id)
        .bind::<SqlUuid, _>(partner_id)
        .bind::<Date, _>(from)
        .bind::<Date, _>(to)
        .load(conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| MonthlyContribution {
                month: r.month.clamp(1, 12) as u32,
                kind: r.kind,
                quantity: r.quantity,
                deliveries: r.deliveries,
            })
            .collect())
    }
}
