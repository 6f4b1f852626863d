//! `handbook_editions`, `help_requests`, `help_request_notes`, `help_request_photos` and
//! `open311_clients`: the resident handbook (居民手册) and the requests routed to it.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Bool, Int8, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{handbook_editions, help_request_notes, help_request_photos, help_requests, open311_clients};
use crate::sealed::Sealed;
use crate::vocab::{EditionStatus, RequestChannel, RequestKind, RequestStatus};

/// The states a request is open in (the queue and its clocks).
pub const OPEN: [RequestStatus; 3] = [RequestStatus::Received, RequestStatus::Assigned, RequestStatus::InProgress];

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = handbook_editions)]
pub struct Edition {
    pub id: Uuid,
    pub community_id: Uuid,
    pub number: i32,
    pub title: String,
    pub status: EditionStatus,
    pub content: serde_json::Value,
    pub published_on: Option<NaiveDate>,
    pub published_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = handbook_editions)]
pub struct EditionChange {
    pub title: String,
    pub content: serde_json::Value,
}

impl Edition {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Edition) -> QueryResult<Edition> {
        diesel::insert_into(handbook_editions::table).values(row).returning(Edition::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Edition> {
        handbook_editions::table
            .filter(handbook_editions::community_id.eq(community_id))
            .find(id)
            .select(Edition::as_select())
            .first(conn)
            .await
    }

    /// The edition residents read: the latest published.
    pub async fn current(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Option<Edition>> {
        handbook_editions::table
            .filter(handbook_editions::community_id.eq(community_id))
            .filter(handbook_editions::status.eq(EditionStatus::Published))
            .order(handbook_editions::number.desc())
            .select(Edition::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn all(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<Edition>> {
        handbook_editions::table
            .filter(handbook_editions::community_id.eq(community_id))
            .order(handbook_editions::number.desc())
            .select(Edition::as_select())
            .load(conn)
            .await
    }

    pub async fn next_number(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<i32> {
        let max: Option<i32> = handbook_editions::table
            .filter(handbook_editions::community_id.eq(community_id))
            .select(diesel::dsl::max(handbook_editions::number))
            .first(conn)
            .await?;
        Ok(max.unwrap_or(0) + 1)
    }

    /// Saves a draft's content (compare-and-set on version; a published edition never matches).
    pub async fn save_draft(conn: &mut AsyncPgConnection, id: Uuid, version: i32, change: EditionChange) -> QueryResult<Option<Edition>> {
        crate::versioned_update!(conn, handbook_editions, id, version, change, Edition, handbook_editions::status.eq(EditionStatus::Draft))
    }

    pub async fn publish(conn: &mut AsyncPgConnection, id: Uuid, version: i32, on: NaiveDate, by: Uuid) -> QueryResult<Option<Edition>> {
        crate::versioned_update!(
            conn,
            handbook_editions,
            id,
            version,
            (
                handbook_editions::status.eq(EditionStatus::Published),
                handbook_editions::published_on.eq(on),
                handbook_editions::published_by.eq(by)
            ),
            Edition,
            handbook_editions::status.eq(EditionStatus::Draft)
        )
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = open311_clients)]
pub struct Open311Client {
    pub id: Uuid,
    pub community_id: Uuid,
    pub name: String,
    pub key_hash: String,
    pub key_hint: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Open311Client {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Open311Client) -> QueryResult<Open311Client> {
        diesel::insert_into(open311_clients::table).values(row).returning(Open311Client::as_returning()).get_result(conn).await
    }

    pub async fn all(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<Open311Client>> {
        open311_clients::table
            .filter(open311_clients::community_id.eq(community_id))
            .order(open311_clients::created_at.desc())
            .select(Open311Client::as_select())
            .load(conn)
            .await
    }

    /// The live client holding a key (by its hash).
    pub async fn by_key_hash(conn: &mut AsyncPgConnection, hash: &str) -> QueryResult<Option<Open311Client>> {
        open311_clients::table
            .filter(open311_clients::key_hash.eq(hash))
            .filter(open311_clients::revoked_at.is_null())
            .select(Open311Client::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Revokes a key; whether a live key of the community was revoked.
    pub async fn revoke(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<bool> {
        diesel::update(
            open311_clients::table
                .filter(open311_clients::community_id.eq(community_id))
                .filter(open311_clients::id.eq(id))
                .filter(open311_clients::revoked_at.is_null()),
        )
        .set(open311_clients::revoked_at.eq(Utc::now()))
        .execute(conn)
        .await
        .map(|n| n > 0)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, QueryableByName)]
#[diesel(table_name = help_requests)]
pub struct HelpRequest {
    pub id: Uuid,
    pub community_id: Uuid,
    pub number: String,
    pub kind: RequestKind,
    pub category_code: String,
    pub category_name: String,
    pub edition_id: Uuid,
    pub description: String,
    pub address: String,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub channel: RequestChannel,
    pub resident_id: Option<Uuid>,
    pub household_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub caller_name: String,
    pub caller_phone: Option<Sealed>,
    pub caller_email: Option<String>,
    pub filed_by: Option<Uuid>,
    pub open311_client_id: Option<Uuid>,
    pub open311_token: Uuid,
    pub media_url: Option<String>,
    pub answers: serde_json::Value,
    pub status: RequestStatus,
    pub assignee: Option<Uuid>,
    pub referral: Option<serde_json::Value>,
    pub referral_ref: Option<String>,
    pub resolution: Option<String>,
    pub duplicate_of: Option<Uuid>,
    pub mediation_ref: Option<String>,
    pub satisfaction: Option<i16>,
    pub followup_comment: Option<String>,
    pub received_at: DateTime<Utc>,
    pub response_due_at: DateTime<Utc>,
    pub resolution_due_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub followup_due_on: Option<NaiveDate>,
    pub closed_at: Option<DateTime<Utc>>,
    pub escalated_at: Option<DateTime<Utc>>,
    pub reopened: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A move of a request: its state and the columns moves change, together.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = help_requests, treat_none_as_null = true)]
pub struct RequestMove {
    pub status: RequestStatus,
    pub assignee: Option<Uuid>,
    pub referral: Option<serde_json::Value>,
    pub referral_ref: Option<String>,
    pub resolution: Option<String>,
    pub duplicate_of: Option<Uuid>,
    pub satisfaction: Option<i16>,
    pub followup_comment: Option<String>,
    pub resolution_due_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub followup_due_on: Option<NaiveDate>,
    pub closed_at: Option<DateTime<Utc>>,
    pub escalated_at: Option<DateTime<Utc>>,
    pub reopened: i32,
}

impl From<&HelpRequest> for RequestMove {
    fn from(r: &HelpRequest) -> Self {
        RequestMove {
            status: r.status,
            assignee: r.assignee,
            referral: r.referral.clone(),
            referral_ref: r.referral_ref.clone(),
            resolution: r.resolution.clone(),
            duplicate_of: r.duplicate_of,
            satisfaction: r.satisfaction,
            followup_comment: r.followup_comment.clone(),
            resolution_due_at: r.resolution_due_at,
            responded_at: r.responded_at,
            resolved_at: r.resolved_at,
            followup_due_on: r.followup_due_on,
            closed_at: r.closed_at,
            escalated_at: r.escalated_at,
            reopened: r.reopened,
        }
    }
}

/// One line of a list: the request, its group's number and its assignee's name.
#[derive(Debug, Clone, QueryableByName)]
pub struct RequestLine {
    #[diesel(embed)]
    pub request: HelpRequest,
    #[diesel(sql_type = Nullable<diesel::sql_types::Int4>)]
    pub group_number: Option<i32>,
    #[diesel(sql_type = Nullable<Text>)]
    pub assignee_name: Option<String>,
}

/// What a list asks for. `reach_*` narrow it to what the caller may see.
#[derive(Debug, Default, Clone)]
pub struct RequestFilter {
    pub status: Option<RequestStatus>,
    pub category: Option<String>,
    pub overdue_at: Option<DateTime<Utc>>,
    pub assignee: Option<Uuid>,
    pub unassigned: bool,
    pub group_id: Option<Uuid>,
    pub q: Option<String>,
    pub escalated: bool,
    pub followup_due_by: Option<NaiveDate>,
    pub reach_group: Option<Uuid>,
    pub reach_household: Option<Uuid>,
    /// With a reach: also what this user filed.
    pub reach_filer: Option<Uuid>,
}

/// A list's select and filters, shared by both halves ($1 community, $2 status, $3 category,
/// $4 overdue at, $5 assignee, $6 unassigned, $7 group, $8 words, $9–$11 the reach: group,
/// household, filer), $14 escalated only, $15 follow-up call due by. The halves below add
/// their order and keyset ($12 cursor id, $13 limit).
/// Plain literals, so `bench/` hands pgbench the very text the API runs.
pub const REQUEST_LIST_SQL: &str = "SELECT r.*, g.number AS group_number, u.display_name AS assignee_name
FROM help_requests r
LEFT JOIN resident_groups g ON g.id = r.group_id
LEFT JOIN users u ON u.id = r.assignee
WHERE r.community_id = $1
  AND ($2::text IS NULL OR r.status = $2)
  AND ($3::text IS NULL OR r.category_code = $3)
  AND ($4::timestamptz IS NULL OR r.resolution_due_at < $4)
  AND ($5::uuid IS NULL OR r.assignee = $5)
  AND (NOT $6 OR r.assignee IS NULL)
  AND ($7::uuid IS NULL OR r.group_id = $7)
  AND ($8::text IS NULL OR r.number = $8 OR r.description LIKE '%' || $8 || '%')
  AND (($9::uuid IS NULL AND $10::uuid IS NULL AND $11::uuid IS NULL)
       OR r.group_id = $9 OR r.household_id = $10 OR r.filed_by = $11)
  AND (NOT $14 OR r.escalated_at IS NOT NULL)
  AND ($15::date IS NULL OR (r.status = 'resolved' AND r.followup_due_on <= $15))";

/// The queue: open requests by time left.
pub const REQUEST_OPEN_ORDER: &str = "
  AND r.status IN ('received', 'assigned', 'in_progress')
  AND ($12::uuid IS NULL OR (r.resolution_due_at, r.id) > (SELECT c.resolution_due_at, c.id FROM help_requests c WHERE c.id = $12))
ORDER BY r.resolution_due_at, r.id
LIMIT $13";

/// Finished requests, newest first.
pub const REQUEST_DONE_ORDER: &str = "
  AND r.status NOT IN ('received', 'assigned', 'in_progress')
  AND ($12::uuid IS NULL OR (r.received_at, r.id) < (SELECT c.received_at, c.id FROM help_requests c WHERE c.id = $12))
ORDER BY r.received_at DESC, r.id DESC
LIMIT $13";

static OPEN_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| format!("{REQUEST_LIST_SQL}{REQUEST_OPEN_ORDER}"));
static DONE_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| format!("{REQUEST_LIST_SQL}{REQUEST_DONE_ORDER}"));

impl HelpRequest {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &HelpRequest) -> QueryResult<HelpRequest> {
        diesel::insert_into(help_requests::table).values(row).returning(HelpRequest::as_returning()).get_result(conn).await
    }

    pub async fn insert_all(conn: &mut AsyncPgConnection, rows: &[HelpRequest]) -> QueryResult<usize> {
        diesel::insert_into(help_requests::table).values(rows).execute(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<HelpRequest> {
        help_requests::table
            .filter(help_requests::community_id.eq(community_id))
            .find(id)
            .select(HelpRequest::as_select())
            .first(conn)
            .await
    }

    pub async fn by_number(conn: &mut AsyncPgConnection, community_id: Uuid, number: &str) -> QueryResult<Option<HelpRequest>> {
        help_requests::table
            .filter(help_requests::community_id.eq(community_id))
            .filter(help_requests::number.eq(number))
            .select(HelpRequest::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn by_token(conn: &mut AsyncPgConnection, community_id: Uuid, token: Uuid) -> QueryResult<Option<HelpRequest>> {
        help_requests::table
            .filter(help_requests::community_id.eq(community_id))
            .filter(help_requests::open311_token.eq(token))
            .select(HelpRequest::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The next number of the year, e.g. `2026-0042` (the caller holds the community's lock).
    pub async fn next_number(conn: &mut AsyncPgConnection, community_id: Uuid, year: i32) -> QueryResult<String> {
        let prefix = format!("{year}-");
        let last: Option<String> = help_requests::table
            .filter(help_requests::community_id.eq(community_id))
            .filter(help_requests::number.like(format!("{prefix}%")))
            .select(diesel::dsl::max(help_requests::number))
            .first(conn)
            .await?;
        let n = last.and_then(|l| l.strip_prefix(&prefix).and_then(|n| n.parse::<u32>().ok())).unwrap_or(0) + 1;
        Ok(format!("{prefix}{n:04}"))
    }

    /// Serialises numbering within a community (a transaction-scoped advisory lock).
    pub async fn lock_numbering(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<()> {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended('help_requests:' || $1::text, 0))")
            .bind::<SqlUuid, _>(community_id)
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Applies a move if the request is still in `from` at `version` (compare-and-set).
    pub async fn apply(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        from: RequestStatus,
        changes: RequestMove,
    ) -> QueryResult<Option<HelpRequest>> {
        crate::versioned_update!(conn, help_requests, id, version, changes, HelpRequest, help_requests::status.eq(from))
    }

    /// One half of a list page (`open` or finished), `limit` rows after `after`.
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        filter: &RequestFilter,
        open: bool,
        after: Option<Uuid>,
        limit: i64,
    ) -> QueryResult<Vec<RequestLine>> {
        diesel::sql_query(if open { OPEN_SQL.as_str() } else { DONE_SQL.as_str() })
            .bind::<SqlUuid, _>(community_id)
            .bind::<Nullable<Text>, _>(filter.status.map(|s| s.as_str()))
            .bind::<Nullable<Text>, _>(filter.category.as_deref())
            .bind::<Nullable<Timestamptz>, _>(filter.overdue_at)
            .bind::<Nullable<SqlUuid>, _>(filter.assignee)
            .bind::<Bool, _>(filter.unassigned)
            .bind::<Nullable<SqlUuid>, _>(filter.group_id)
            .bind::<Nullable<Text>, _>(filter.q.as_deref())
            .bind::<Nullable<SqlUuid>, _>(filter.reach_group)
            .bind::<Nullable<SqlUuid>, _>(filter.reach_household)
            .bind::<Nullable<SqlUuid>, _>(filter.reach_filer)
            .bind::<Nullable<SqlUuid>, _>(after)
            .bind::<Int8, _>(limit)
            .bind::<Bool, _>(filter.escalated)
            .bind::<Nullable<diesel::sql_types::Date>, _>(filter.followup_due_by)
            .load(conn)
            .await
    }

    /// The staff home page's counts.
    pub async fn summary(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> QueryResult<RequestCounts> {
        diesel::sql_query(
            "SELECT count(*) FILTER (WHERE status IN ('received', 'assigned', 'in_progress')) AS open,
                    count(*) FILTER (WHERE status = 'received') AS unassigned,
                    count(*) FILTER (WHERE status IN ('received', 'assigned', 'in_progress') AND resolution_due_at < $2) AS overdue,
                    count(*) FILTER (WHERE status IN ('received', 'assigned', 'in_progress') AND escalated_at IS NOT NULL) AS escalated,
                    count(*) FILTER (WHERE status = 'resolved' AND followup_due_on <= $3) AS followups_due
             FROM help_requests WHERE community_id = $1",
        )
        .bind::<SqlUuid, _>(community_id)
        .bind::<Timestamptz, _>(now)
        .bind::<diesel::sql_types::Date, _>(today)
        .get_result(conn)
        .await
    }

    /// Open requests past their resolution time not yet escalated (any community).
    pub async fn due_for_escalation(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Vec<HelpRequest>> {
        help_requests::table
            .filter(help_requests::status.eq_any(OPEN))
            .filter(help_requests::resolution_due_at.lt(now))
            .filter(help_requests::escalated_at.is_null())
            .order(help_requests::resolution_due_at)
            .limit(500)
            .select(HelpRequest::as_select())
            .load(conn)
            .await
    }

    /// Marks a request escalated unless someone already did; whether this call did.
    pub async fn mark_escalated(conn: &mut AsyncPgConnection, id: Uuid, at: DateTime<Utc>) -> QueryResult<bool> {
        diesel::update(help_requests::table.filter(help_requests::id.eq(id)).filter(help_requests::escalated_at.is_null()))
            .set(help_requests::escalated_at.eq(at))
            .execute(conn)
            .await
            .map(|n| n > 0)
    }

    /// Open311 `GET requests` ([`OPEN311_LIST_SQL`]).
    pub async fn open311_list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        numbers: Option<&[String]>,
        code: Option<&str>,
        statuses: Option<&[RequestStatus]>,
        (start, end): (DateTime<Utc>, DateTime<Utc>),
        cap: i64,
    ) -> QueryResult<Vec<HelpRequest>> {
        let statuses: Option<Vec<&str>> = statuses.map(|s| s.iter().map(|s| s.as_str()).collect());
        diesel::sql_query(OPEN311_LIST_SQL)
            .bind::<SqlUuid, _>(community_id)
            .bind::<Nullable<Array<Text>>, _>(numbers)
            .bind::<Timestamptz, _>(start)
            .bind::<Timestamptz, _>(end)
            .bind::<Nullable<Text>, _>(code)
            .bind::<Nullable<Array<Text>>, _>(statuses)
            .bind::<Int8, _>(cap)
            .load(conn)
            .await
    }
}

/// Open311 `GET requests`: what came in through Open311 ($1 community), by number ($2) or in a
/// window ($3–$4), by code ($5) and status ($6), newest first, at most $7.
pub const OPEN311_LIST_SQL: &str = "SELECT r.* FROM help_requests r
WHERE r.community_id = $1 AND r.channel = 'open311'
  AND ($2::text[] IS NULL OR r.number = ANY($2))
  AND ($2::text[] IS NOT NULL OR (r.received_at >= $3 AND r.received_at <= $4))
  AND ($5::text IS NULL OR r.category_code = $5)
  AND ($6::text[] IS NULL OR r.status = ANY($6))
ORDER BY r.received_at DESC, r.id
LIMIT $7";

#[derive(Debug, Clone, Copy, QueryableByName)]
pub struct RequestCounts {
    #[diesel(sql_type = Int8)]
    pub open: i64,
    #[diesel(sql_type = Int8)]
    pub unassigned: i64,
    #[diesel(sql_type = Int8)]
    pub overdue: i64,
    #[diesel(sql_type = Int8)]
    pub escalated: i64,
    #[diesel(sql_type = Int8)]
    pub followups_due: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = help_request_notes)]
pub struct RequestNote {
    pub id: Uuid,
    pub request_id: Uuid,
    pub community_id: Uuid,
    pub action: Option<String>,
    pub public: bool,
    pub body: String,
    pub author_name: String,
    pub author_user: Option<Uuid>,
    pub update_id: Option<String>,
    pub at: DateTime<Utc>,
}

impl RequestNote {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &RequestNote) -> QueryResult<RequestNote> {
        diesel::insert_into(help_request_notes::table).values(row).returning(RequestNote::as_returning()).get_result(conn).await
    }

    pub async fn insert_all(conn: &mut AsyncPgConnection, rows: &[RequestNote]) -> QueryResult<usize> {
        diesel::insert_into(help_request_notes::table).values(rows).execute(conn).await
    }

    pub async fn of(conn: &mut AsyncPgConnection, request_id: Uuid) -> QueryResult<Vec<RequestNote>> {
        help_request_notes::table
            .filter(help_request_notes::request_id.eq(request_id))
            .order((help_request_notes::at, help_request_notes::id))
            .select(RequestNote::as_select())
            .load(conn)
            .await
    }

    /// Public notes of several requests (Open311 status_notes).
    pub async fn public_of(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<RequestNote>> {
        help_request_notes::table
            .filter(help_request_notes::request_id.eq_any(ids))
            .filter(help_request_notes::public)
            .order((help_request_notes::at, help_request_notes::id))
            .select(RequestNote::as_select())
            .load(conn)
            .await
    }

    /// Public notes of Open311 requests in a window (servicerequestupdates).
    pub async fn open311_updates(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        (start, end): (DateTime<Utc>, DateTime<Utc>),
        cap: i64,
    ) -> QueryResult<Vec<(RequestNote, String, RequestStatus)>> {
        help_request_notes::table
            .inner_join(help_requests::table.on(help_requests::id.eq(help_request_notes::request_id)))
            .filter(help_request_notes::community_id.eq(community_id))
            .filter(help_request_notes::public)
            .filter(help_requests::channel.eq(RequestChannel::Open311))
            .filter(help_request_notes::at.ge(start))
            .filter(help_request_notes::at.le(end))
            .order((help_request_notes::at, help_request_notes::id))
            .limit(cap)
            .select((RequestNote::as_select(), help_requests::number, help_requests::status))
            .load(conn)
            .await
    }

    pub async fn by_update_id(conn: &mut AsyncPgConnection, request_id: Uuid, update_id: &str) -> QueryResult<Option<RequestNote>> {
        help_request_notes::table
            .filter(help_request_notes::request_id.eq(request_id))
            .filter(help_request_notes::update_id.eq(update_id))
            .select(RequestNote::as_select())
            .first(conn)
            .await
            .optional()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = help_request_photos)]
pub struct RequestPhoto {
    pub id: Uuid,
    pub request_id: Uuid,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub created_at: DateTime<Utc>,
}

impl RequestPhoto {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &RequestPhoto) -> QueryResult<usize> {
        diesel::insert_into(help_request_photos::table).values(row).execute(conn).await
    }

    /// The photos' ids and types (not their bytes).
    pub async fn list(conn: &mut AsyncPgConnection, request_id: Uuid) -> QueryResult<Vec<(Uuid, String)>> {
        help_request_photos::table
            .filter(help_request_photos::request_id.eq(request_id))
            .order((help_request_photos::created_at, help_request_photos::id))
            .select((help_request_photos::id, help_request_photos::content_type))
            .load(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, request_id: Uuid, id: Uuid) -> QueryResult<RequestPhoto> {
        help_request_photos::table
            .filter(help_request_photos::request_id.eq(request_id))
            .find(id)
            .select(RequestPhoto::as_select())
            .first(conn)
            .await
    }
}
