//! `elderly_cards`, `visit_campaigns` and `campaign_visits`, and the age lists they start from:
//! older residents by age from the registry's birth dates.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Bool, Date, Int4, Int8, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{campaign_visits, elderly_cards, visit_campaigns};
use crate::vocab::{ElderlyCardStatus, Tag, VisitCondition, VisitReason};

/// An older resident as the age lists show them (no ID number: the lists never need it).
#[derive(Debug, Clone, QueryableByName)]
pub struct OlderResident {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub sex: crate::vocab::Sex,
    #[diesel(sql_type = Date)]
    pub birth_date: NaiveDate,
    #[diesel(sql_type = Array<Text>)]
    pub tags: Vec<Tag>,
    #[diesel(sql_type = SqlUuid)]
    pub household_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub group_id: Uuid,
    #[diesel(sql_type = Int4)]
    pub group_number: i32,
    #[diesel(sql_type = Text)]
    pub address: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub card_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Int4>)]
    pub card_version: Option<i32>,
    #[diesel(sql_type = Nullable<Text>)]
    pub card_status: Option<ElderlyCardStatus>,
    #[diesel(sql_type = Nullable<Text>)]
    pub card_number: Option<String>,
    #[diesel(sql_type = Nullable<Date>)]
    pub card_issued_on: Option<NaiveDate>,
}

/// The age list's SQL (also run by `bench/` beside pgbench): active residents born in
/// (`$2`, `$3`] — i.e. of an age band on a day — oldest first, keyset on (birth date, id).
pub const OLDER_RESIDENTS_SQL: &str = "\
SELECT r.id, r.name, r.sex, r.birth_date, r.tags, r.household_id, h.group_id, g.number AS group_number,
       h.road || h.building || h.unit || h.room AS address, c.id AS card_id, c.version AS card_version,
       c.status AS card_status, c.card_number,
       c.issued_on AS card_issued_on
FROM residents r
JOIN households h ON h.id = r.household_id
JOIN resident_groups g ON g.id = h.group_id
LEFT JOIN elderly_cards c ON c.resident_id = r.id
WHERE r.community_id = $1 AND r.status = 'active'
  AND r.birth_date > $2 AND r.birth_date <= $3
  AND ($4::uuid IS NULL OR h.group_id = $4)
  AND ($5::text IS NULL OR ($5 = 'none' AND c.id IS NULL) OR c.status = $5)
  AND ($6::uuid IS NULL OR (r.birth_date, r.id) > (SELECT b.birth_date, b.id FROM residents b WHERE b.id = $6))
ORDER BY r.birth_date, r.id
LIMIT $7";

/// Which older residents a list shows.
#[derive(Debug, Clone)]
pub struct AgeBand {
    /// Born after this day (exclusive): younger than the band's upper age.
    pub born_after: NaiveDate,
    /// Born on or before this day: at least the band's lower age.
    pub born_by: NaiveDate,
    pub group_id: Option<Uuid>,
    /// `none`, `applied` or `issued`.
    pub card: Option<String>,
}

impl OlderResident {
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        band: &AgeBand,
        after: Option<Uuid>,
        limit: i64,
    ) -> QueryResult<Vec<OlderResident>> {
        diesel::sql_query(OLDER_RESIDENTS_SQL)
            .bind::<SqlUuid, _>(community_id)
            .bind::<Date, _>(band.born_after)
            .bind::<Date, _>(band.born_by)
            .bind::<Nullable<SqlUuid>, _>(band.group_id)
            .bind::<Nullable<Text>, _>(band.card.as_deref())
            .bind::<Nullable<SqlUuid>, _>(after)
            .bind::<Int8, _>(limit + 1)
            .load(conn)
            .await
    }

    pub async fn count(conn: &mut AsyncPgConnection, community_id: Uuid, band: &AgeBand) -> QueryResult<i64> {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = Int8)]
            n: i64,
        }
        let n: N = diesel::sql_query(
            "SELECT count(*) AS n FROM residents r JOIN households h ON h.id = r.household_id \
             LEFT JOIN elderly_cards c ON c.resident_id = r.id \
             WHERE r.community_id = $1 AND r.status = 'active' AND r.birth_date > $2 AND r.birth_date <= $3 \
             AND ($4::uuid IS NULL OR h.group_id = $4) AND ($5::text IS NULL OR ($5 = 'none' AND c.id IS NULL) OR c.status = $5)",
        )
        .bind::<SqlUuid, _>(community_id)
        .bind::<Date, _>(band.born_after)
        .bind::<Date, _>(band.born_by)
        .bind::<Nullable<SqlUuid>, _>(band.group_id)
        .bind::<Nullable<Text>, _>(band.card.as_deref())
        .get_result(conn)
        .await?;
        Ok(n.n)
    }

    /// Every active resident born in the band, for a worklist (no paging: a campaign is a few
    /// hundred people), with the ones tagged `cadre` flagged.
    pub async fn all_in(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        born_after: NaiveDate,
        born_by: NaiveDate,
        cadres_only: bool,
    ) -> QueryResult<Vec<(Uuid, Uuid)>> {
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = SqlUuid)]
            id: Uuid,
            #[diesel(sql_type = SqlUuid)]
            group_id: Uuid,
        }
        let rows: Vec<Row> = diesel::sql_query(
            "SELECT r.id, h.group_id FROM residents r JOIN households h ON h.id = r.household_id \
             WHERE r.community_id = $1 AND r.status = 'active' AND r.birth_date > $2 AND r.birth_date <= $3 \
             AND (NOT $4 OR 'cadre' = ANY (r.tags)) ORDER BY r.birth_date, r.id",
        )
        .bind::<SqlUuid, _>(community_id)
        .bind::<Date, _>(born_after)
        .bind::<Date, _>(born_by)
        .bind::<Bool, _>(cadres_only)
        .load(conn)
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r.group_id)).collect())
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = elderly_cards)]
pub struct ElderlyCard {
    pub id: Uuid,
    pub community_id: Uuid,
    pub resident_id: Uuid,
    pub status: ElderlyCardStatus,
    pub applied_on: NaiveDate,
    pub card_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = elderly_cards, treat_none_as_null = true)]
pub struct CardIssue {
    pub status: ElderlyCardStatus,
    pub card_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
}

impl ElderlyCard {
    /// Inserts the applications that do not exist yet; how many were new.
    pub async fn insert_new(conn: &mut AsyncPgConnection, rows: &[ElderlyCard]) -> QueryResult<usize> {
        let mut n = 0;
        // In chunks: PostgreSQL takes at most 65,535 bind parameters per statement.
        for chunk in rows.chunks(2000) {
            n += diesel::insert_into(elderly_cards::table).values(chunk).on_conflict_do_nothing().execute(conn).await?;
        }
        Ok(n)
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<ElderlyCard> {
        elderly_cards::table
            .filter(elderly_cards::community_id.eq(community_id))
            .find(id)
            .select(ElderlyCard::as_select())
            .first(conn)
            .await
    }

    pub async fn issue(conn: &mut AsyncPgConnection, id: Uuid, version: i32, changes: CardIssue) -> QueryResult<Option<ElderlyCard>> {
        crate::versioned_update!(conn, elderly_cards, id, version, changes, ElderlyCard)
    }

    /// Cards issued in `[first, last]`.
    pub async fn issued_between(conn: &mut AsyncPgConnection, community_id: Uuid, first: NaiveDate, last: NaiveDate) -> QueryResult<i64> {
        elderly_cards::table
            .filter(elderly_cards::community_id.eq(community_id))
            .filter(elderly_cards::status.eq(ElderlyCardStatus::Issued))
            .filter(elderly_cards::issued_on.between(first, last))
            .count()
            .get_result(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = visit_campaigns)]
pub struct Campaign {
    pub id: Uuid,
    pub community_id: Uuid,
    pub name: String,
    pub festival_on: NaiveDate,
    pub resident_min_age: i32,
    pub cadre_min_age: Option<i32>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl Campaign {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Campaign) -> QueryResult<Campaign> {
        diesel::insert_into(visit_campaigns::table).values(row).returning(Campaign::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Campaign> {
        visit_campaigns::table
            .filter(visit_campaigns::community_id.eq(community_id))
            .find(id)
            .select(Campaign::as_select())
            .first(conn)
            .await
    }

    pub async fn all(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<Campaign>> {
        visit_campaigns::table
            .filter(visit_campaigns::community_id.eq(community_id))
            .order(visit_campaigns::festival_on.desc())
            .select(Campaign::as_select())
            .load(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = campaign_visits)]
pub struct Visit {
    pub id: Uuid,
    pub community_id: Uuid,
    pub campaign_id: Uuid,
    pub resident_id: Uuid,
    pub group_id: Uuid,
    pub reason: VisitReason,
    pub visitor_id: Option<Uuid>,
    pub visited_on: Option<NaiveDate>,
    pub visitors: String,
    pub gift: String,
    pub condition: Option<VisitCondition>,
    pub note: String,
    pub follow_up: bool,
    pub recorded_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = campaign_visits, treat_none_as_null = true)]
pub struct VisitRecord {
    pub visited_on: Option<NaiveDate>,
    pub visitors: String,
    pub gift: String,
    pub condition: Option<VisitCondition>,
    pub note: String,
    pub follow_up: bool,
    pub recorded_by: Option<Uuid>,
}

/// A visit with the person's name, age facts and address.
#[derive(Debug, Clone, QueryableByName)]
pub struct VisitLine {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub resident_id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Date)]
    pub birth_date: NaiveDate,
    #[diesel(sql_type = Array<Text>)]
    pub tags: Vec<Tag>,
    #[diesel(sql_type = Text)]
    pub address: String,
    #[diesel(sql_type = SqlUuid)]
    pub group_id: Uuid,
    #[diesel(sql_type = Int4)]
    pub group_number: i32,
    #[diesel(sql_type = Text)]
    pub reason: VisitReason,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub visitor_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub visitor_name: Option<String>,
    #[diesel(sql_type = Nullable<Date>)]
    pub visited_on: Option<NaiveDate>,
    #[diesel(sql_type = Text)]
    pub visitors: String,
    #[diesel(sql_type = Text)]
    pub gift: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub condition: Option<VisitCondition>,
    #[diesel(sql_type = Text)]
    pub note: String,
    #[diesel(sql_type = Bool)]
    pub follow_up: bool,
    #[diesel(sql_type = Int4)]
    pub version: i32,
}

/// Per group: how many to visit and how many visited.
#[derive(Debug, Clone, QueryableByName)]
pub struct GroupProgress {
    #[diesel(sql_type = SqlUuid)]
    pub group_id: Uuid,
    #[diesel(sql_type = Int4)]
    pub group_number: i32,
    #[diesel(sql_type = Text)]
    pub group_name: String,
    #[diesel(sql_type = Int8)]
    pub total: i64,
    #[diesel(sql_type = Int8)]
    pub visited: i64,
    #[diesel(sql_type = Int8)]
    pub follow_ups: i64,
}

impl Visit {
    pub async fn insert_many(conn: &mut AsyncPgConnection, rows: &[Visit]) -> QueryResult<usize> {
        let mut n = 0;
        for chunk in rows.chunks(2000) {
            n += diesel::insert_into(campaign_visits::table).values(chunk).on_conflict_do_nothing().execute(conn).await?;
        }
        Ok(n)
    }

    pub async fn find(conn: &mut AsyncPgConnection, campaign_id: Uuid, id: Uuid) -> QueryResult<Visit> {
        campaign_visits::table.filter(campaign_visits::campaign_id.eq(campaign_id)).find(id).select(Visit::as_select()).first(conn).await
    }

    pub async fn record(conn: &mut AsyncPgConnection, id: Uuid, version: i32, changes: VisitRecord) -> QueryResult<Option<Visit>> {
        crate::versioned_update!(conn, campaign_visits, id, version, changes, Visit)
    }

    pub async fn assign(conn: &mut AsyncPgConnection, id: Uuid, version: i32, visitor: Option<Uuid>) -> QueryResult<Option<Visit>> {
        crate::versioned_update!(conn, campaign_visits, id, version, campaign_visits::visitor_id.eq(visitor), Visit)
    }

    /// A campaign's list, by group and age (oldest first); `group_id` narrows it to one group,
    /// `follow_up_only` to the people the office should follow up.
    pub async fn lines(
        conn: &mut AsyncPgConnection,
        campaign_id: Uuid,
        group_id: Option<Uuid>,
        follow_up_only: bool,
    ) -> QueryResult<Vec<VisitLine>> {
        diesel::sql_query(
            "SELECT v.id, v.resident_id, r.name, r.birth_date, r.tags, h.road || h.building || h.unit || h.room AS address, \
                    v.group_id, g.number AS group_number, v.reason, v.visitor_id, u.display_name AS visitor_name, v.visited_on, \
                    v.visitors, v.gift, v.condition, v.note, v.follow_up, v.version \
             FROM campaign_visits v JOIN residents r ON r.id = v.resident_id JOIN households h ON h.id = r.household_id \
             JOIN resident_groups g ON g.id = v.group_id LEFT JOIN users u ON u.id = v.visitor_id \
             WHERE v.campaign_id = $1 AND ($2::uuid IS NULL OR v.group_id = $2) AND (NOT $3 OR v.follow_up) \
             ORDER BY g.number, v.visited_on IS NOT NULL, r.birth_date, v.id",
        )
        .bind::<SqlUuid, _>(campaign_id)
        .bind::<Nullable<SqlUuid>, _>(group_id)
        .bind::<Bool, _>(follow_up_only)
        .load(conn)
        .await
    }

    pub async fn progress(conn: &mut AsyncPgConnection, campaign_id: Uuid) -> QueryResult<Vec<GroupProgress>> {
        diesel::sql_query(
            "SELECT v.group_id, g.number AS group_number, g.name AS group_name, count(*) AS total, \
                    count(v.visited_on) AS visited, count(*) FILTER (WHERE v.follow_up) AS follow_ups \
             FROM campaign_visits v JOIN resident_groups g ON g.id = v.group_id WHERE v.campaign_id = $1 \
             GROUP BY v.group_id, g.number, g.name ORDER BY g.number",
        )
        .bind::<SqlUuid, _>(campaign_id)
        .load(conn)
        .await
    }
}

impl Campaign {
    /// Each group's leader login (the default visitor of its people).
    pub async fn group_leaders(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
    ) -> QueryResult<std::collections::HashMap<Uuid, Option<Uuid>>> {
        use crate::schema::resident_groups;
        let rows: Vec<(Uuid, Option<Uuid>)> = resident_groups::table
            .filter(resident_groups::community_id.eq(community_id))
            .select((resident_groups::id, resident_groups::leader_user_id))
            .load(conn)
            .await?;
        Ok(rows.into_iter().collect())
    }
}

/// A card with its holder: name, sex, birth date, group number and the address's four parts.
type ExportRow = (ElderlyCard, String, crate::vocab::Sex, NaiveDate, i32, String, String, String, String);

impl ElderlyCard {
    /// Of these residents, the ones with a card or an application.
    pub async fn holders(conn: &mut AsyncPgConnection, resident_ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
        elderly_cards::table.filter(elderly_cards::resident_id.eq_any(resident_ids)).select(elderly_cards::resident_id).load(conn).await
    }

    /// Every card of a status, with the holder's particulars, for the county's list.
    pub async fn export(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        status: ElderlyCardStatus,
    ) -> QueryResult<Vec<(ElderlyCard, String, crate::vocab::Sex, NaiveDate, i32, String)>> {
        use crate::schema::{households, resident_groups, residents};
        let rows: Vec<ExportRow> = elderly_cards::table
            .inner_join(residents::table.inner_join(households::table.inner_join(resident_groups::table)))
            .filter(elderly_cards::community_id.eq(community_id))
            .filter(elderly_cards::status.eq(status))
            .order((resident_groups::number, residents::birth_date, elderly_cards::id))
            .select((
                ElderlyCard::as_select(),
                residents::name,
                residents::sex,
                residents::birth_date,
                resident_groups::number,
                households::road,
                households::building,
                households::unit,
                households::room,
            ))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(c, n, s, b, g, road, building, unit, room)| (c, n, s, b, g, format!("{road}{building}{unit}{room}")))
            .collect())
    }
}
