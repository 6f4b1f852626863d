use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::sealed::Sealed;

use super::household::like_escape;
use crate::pagination::{Page, PageRequest};
use crate::reach::Reach;
use crate::schema::{households, resident_groups, residents};
use crate::vocab::{Relationship, ResidentStatus, Sex, Tag};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = residents)]
pub struct Resident {
    pub id: Uuid,
    pub community_id: Uuid,
    pub household_id: Uuid,
    pub name: String,
    pub name_pinyin: String,
    pub name_initials: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub id_number: Sealed,
    pub phone: Option<Sealed>,
    pub relationship: Relationship,
    pub tags: Vec<Tag>,
    pub status: ResidentStatus,
    pub status_changed_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = residents)]
pub struct NewResident {
    pub id: Uuid,
    pub community_id: Uuid,
    pub household_id: Uuid,
    pub name: String,
    pub name_pinyin: String,
    pub name_initials: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub id_number: Sealed,
    pub phone: Option<Sealed>,
    pub relationship: Relationship,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = residents)]
pub struct ResidentChanges {
    pub household_id: Option<Uuid>,
    pub name: Option<String>,
    pub name_pinyin: Option<String>,
    pub name_initials: Option<String>,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    pub id_number: Option<Sealed>,
    pub phone: Option<Option<Sealed>>,
    pub relationship: Option<Relationship>,
    pub tags: Option<Vec<Tag>>,
    pub status: Option<ResidentStatus>,
    pub status_changed_on: Option<Option<NaiveDate>>,
}

/// The blind indexes stored beside a sealed ID number (see [`crate::sealed`]): written with the
/// number on every insert and update, here, so that no caller can forget them.
#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = residents)]
pub struct IdNumberIndexes {
    pub id_number_hash: Vec<u8>,
    pub id_suffix_hashes: Vec<Vec<u8>>,
}

impl IdNumberIndexes {
    pub fn of(id_number: &str) -> QueryResult<Self> {
        let (whole, suffixes) = crate::sealed::id_number_indexes(id_number).map_err(sealing_error)?;
        Ok(IdNumberIndexes { id_number_hash: whole, id_suffix_hashes: suffixes })
    }
}

/// A missing keyring surfaces as a query error (the server never starts without one).
pub(crate) fn sealing_error(e: crate::sealed::SealError) -> diesel::result::Error {
    diesel::result::Error::SerializationError(Box::new(e))
}

/// What a resident search can narrow by; every field narrows further.
#[derive(Debug, Default, Clone)]
pub struct ResidentFilter {
    pub group_id: Option<Uuid>,
    pub household_id: Option<Uuid>,
    /// Born on or before this date (minimum age).
    pub born_on_or_before: Option<NaiveDate>,
    /// Born after this date (maximum age).
    pub born_after: Option<NaiveDate>,
    /// Has every one of these tags.
    pub tags: Vec<Tag>,
    pub status: Option<ResidentStatus>,
    pub search: Option<Search>,
}

/// How the free-text search box is read.
#[derive(Debug, Clone)]
pub enum Search {
    /// Chinese characters: part of the name.
    Name(String),
    /// Latin letters: the start of the name's pinyin or of its initials (`zs` finds 张三).
    Pinyin(String),
    /// Digits (and X): the last characters of the ID number.
    IdSuffix(String),
    /// Part of the household's address.
    Address(String),
}

/// A resident with where they live, for lists and details.
#[derive(Debug, Clone)]
pub struct ResidentRow {
    pub resident: Resident,
    pub household: super::household::Household,
    pub group_number: i32,
}

type Joined = diesel::dsl::InnerJoin<residents::table, diesel::dsl::InnerJoin<households::table, resident_groups::table>>;
type BoxedResidents<'a> = diesel::dsl::IntoBoxed<'a, Joined, diesel::pg::Pg>;

fn within(reach: Reach) -> BoxedResidents<'static> {
    let query = residents::table.inner_join(households::table.inner_join(resident_groups::table)).into_boxed();
    match reach {
        Reach::Community(c) => query.filter(residents::community_id.eq(c)),
        Reach::Group { community_id, group_id } => {
            query.filter(residents::community_id.eq(community_id)).filter(households::group_id.eq(group_id))
        }
        Reach::Household { community_id, household_id } => {
            query.filter(residents::community_id.eq(community_id)).filter(residents::household_id.eq(household_id))
        }
        Reach::Nothing => query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>("false")),
    }
}

type JoinedSource = diesel::dsl::InnerJoinQuerySource<residents::table, diesel::dsl::InnerJoin<households::table, resident_groups::table>>;
type Rank = Box<dyn BoxableExpression<JoinedSource, diesel::pg::Pg, SqlType = diesel::sql_types::Integer>>;

/// How well a resident matches a name or pinyin search, 0 best: for a name, the whole name (0),
/// a name starting with it (1), the rest (2); for letters, exactly the initials or the whole
/// pinyin (0: `zxy` → 张秀英), initials starting with them (1), pinyin starting with them (2).
/// Other searches and no search are not ranked. [`rank_of`] is the same rule in Rust.
fn rank(search: &Option<Search>) -> Option<Rank> {
    use diesel::dsl::case_when;
    use diesel::IntoSql;
    let (exact, good) = (0.into_sql::<diesel::sql_types::Integer>(), 1.into_sql::<diesel::sql_types::Integer>());
    let rest = 2.into_sql::<diesel::sql_types::Integer>();
    match search {
        Some(Search::Name(name)) => Some(Box::new(
            case_when(residents::name.eq(name.clone()), exact)
                .when(residents::name.like(format!("{}%", like_escape(name))), good)
                .otherwise(rest),
        )),
        Some(Search::Pinyin(letters)) => Some(Box::new(
            case_when(residents::name_initials.eq(letters.clone()).or(residents::name_pinyin.eq(letters.clone())), exact)
                .when(residents::name_initials.like(format!("{}%", like_escape(letters))), good)
                .otherwise(rest),
        )),
        _ => None,
    }
}

/// [`rank`] for one resident's name, initials and pinyin.
pub fn rank_of(search: &Search, name: &str, initials: &str, pinyin: &str) -> i32 {
    match search {
        Search::Name(q) if name == q => 0,
        Search::Name(q) if name.starts_with(q.as_str()) => 1,
        Search::Pinyin(q) if initials == q || pinyin == q => 0,
        Search::Pinyin(q) if initials.starts_with(q.as_str()) => 1,
        _ => 2,
    }
}

fn filtered(reach: Reach, filter: &ResidentFilter) -> QueryResult<BoxedResidents<'static>> {
    let mut query = within(reach);
    if let Some(group) = filter.group_id {
        query = query.filter(households::group_id.eq(group));
    }
    if let Some(household) = filter.household_id {
        query = query.filter(residents::household_id.eq(household));
    }
    if let Some(date) = filter.born_on_or_before {
        query = query.filter(residents::birth_date.le(date));
    }
    if let Some(date) = filter.born_after {
        query = query.filter(residents::birth_date.gt(date));
    }
    if !filter.tags.is_empty() {
        query = query.filter(residents::tags.contains(filter.tags.clone()));
    }
    if let Some(status) = &filter.status {
        query = query.filter(residents::status.eq(*status));
    }
    match &filter.search {
        None => {}
        Some(Search::Name(name)) => query = query.filter(residents::name.like(format!("%{}%", like_escape(name)))),
        Some(Search::Pinyin(letters)) => {
            let prefix = format!("{}%", like_escape(letters));
            query = query.filter(residents::name_initials.like(prefix.clone()).or(residents::name_pinyin.like(prefix)));
        }
        Some(Search::IdSuffix(digits)) => {
            // ID numbers are sealed: the tail is found through its blind index.
            let index = crate::sealed::id_suffix_index(digits).map_err(sealing_error)?;
            query = query.filter(residents::id_suffix_hashes.contains(vec![index]));
        }
        Some(Search::Address(part)) => {
            query = query.filter(
                diesel::dsl::sql::<diesel::sql_types::Text>(
                    "(households.road || households.building || households.unit || households.room)",
                )
                .like(format!("%{}%", like_escape(part))),
            );
        }
    }
    Ok(query)
}

impl Resident {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewResident) -> QueryResult<Resident> {
        let indexes = IdNumberIndexes::of(&new.id_number)?;
        diesel::insert_into(residents::table).values((new, indexes)).returning(Resident::as_returning()).get_result(conn).await
    }

    pub async fn insert_many(conn: &mut AsyncPgConnection, new: &[NewResident]) -> QueryResult<usize> {
        let rows = new.iter().map(|r| Ok((r, IdNumberIndexes::of(&r.id_number)?))).collect::<QueryResult<Vec<_>>>()?;
        diesel::insert_into(residents::table).values(rows).execute(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, reach: Reach, id: Uuid) -> QueryResult<ResidentRow> {
        let (resident, household, group_number) = within(reach)
            .filter(residents::id.eq(id))
            .select((Resident::as_select(), super::household::Household::as_select(), resident_groups::number))
            .first(conn)
            .await?;
        Ok(ResidentRow { resident, household, group_number })
    }

    pub async fn find_by_id_number(conn: &mut AsyncPgConnection, community_id: Uuid, id_number: &str) -> QueryResult<Option<Resident>> {
        residents::table
            .filter(residents::community_id.eq(community_id))
            .filter(residents::id_number_hash.eq(crate::sealed::id_number_index(id_number).map_err(sealing_error)?))
            .select(Resident::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Newest first; a name or pinyin search best match first (see [`rank`]), newest first
    /// within a rank. The cursor stays the last row's id: its rank is recomputed from the row.
    pub async fn list(
        conn: &mut AsyncPgConnection,
        reach: Reach,
        filter: &ResidentFilter,
        page: PageRequest,
    ) -> QueryResult<Page<ResidentRow>> {
        let mut query = filtered(reach, filter)?.limit(page.limit + 1);
        match (rank(&filter.search), &filter.search) {
            (Some(by_rank), Some(search)) => {
                query = query.order_by(by_rank).then_order_by(residents::id.desc());
                if let Some(after) = page.after {
                    // The cursor's row is read within the caller's reach: a cursor naming someone
                    // out of reach must not let its rank (and so its name) shape the answer.
                    let last: Option<(String, String, String)> = within(reach)
                        .filter(residents::id.eq(after))
                        .select((residents::name, residents::name_initials, residents::name_pinyin))
                        .first(conn)
                        .await
                        .optional()?;
                    let Some(last) = last else { return Ok(Page { items: Vec::new(), next: None }) };
                    let last_rank = rank_of(search, &last.0, &last.1, &last.2);
                    let (Some(worse), Some(same)) = (rank(&filter.search), rank(&filter.search)) else { unreachable!() };
                    query = query.filter(worse.gt(last_rank).or(same.eq(last_rank).and(residents::id.lt(after))));
                }
            }
            _ => {
                query = query.order(residents::id.desc());
                if let Some(after) = page.after {
                    query = query.filter(residents::id.lt(after));
                }
            }
        }
        let rows: Vec<(Resident, super::household::Household, i32)> =
            query.select((Resident::as_select(), super::household::Household::as_select(), resident_groups::number)).load(conn).await?;
        let page = Page::from_overfetch(rows, page.limit, |(r, _, _)| r.id);
        Ok(page.map(|(resident, household, group_number)| ResidentRow { resident, household, group_number }))
    }

    /// How many residents a list with these filters holds.
    pub async fn count(conn: &mut AsyncPgConnection, reach: Reach, filter: &ResidentFilter) -> QueryResult<i64> {
        filtered(reach, filter)?.count().get_result(conn).await
    }

    /// Members of one household, head first.
    pub async fn members(conn: &mut AsyncPgConnection, household_id: Uuid) -> QueryResult<Vec<Resident>> {
        residents::table
            .filter(residents::household_id.eq(household_id))
            .order((residents::relationship.ne("head"), residents::birth_date))
            .select(Resident::as_select())
            .load(conn)
            .await
    }

    /// Optimistic update within a community: `None` when the version no longer matches. The
    /// caller has already loaded the row within the caller's reach (handlers do, to answer 404
    /// before anything else), so reach is not checked a second time here.
    pub async fn update(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        id: Uuid,
        version: i32,
        changes: &ResidentChanges,
    ) -> QueryResult<Option<Resident>> {
        // A new ID number brings its blind indexes along.
        let indexes = changes.id_number.as_deref().map(IdNumberIndexes::of).transpose()?;
        crate::versioned_update!(conn, residents, id, version, (changes, indexes), Resident, residents::community_id.eq(community_id))
    }
}

/// Counts for the registry dashboard, per resident group and in total.
#[derive(Debug, Clone, Default)]
pub struct RegistryStats {
    pub households: i64,
    pub residents: i64,
    /// (label, count) for 0–17, 18–59, 60–69, 70–79, 80+.
    pub age_bands: Vec<(&'static str, i64)>,
    /// (tag, count), most frequent first; tags nobody has are left out.
    pub tags: Vec<(Tag, i64)>,
    /// group id → (households, active residents).
    pub groups: Vec<(Uuid, i64, i64)>,
}

pub const AGE_BANDS: [&str; 5] = ["0-17", "18-59", "60-69", "70-79", "80+"];

#[derive(QueryableByName)]
struct GroupResidentCounts {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    group_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::BigInt>)]
    counts: Vec<i64>,
}

#[derive(QueryableByName)]
struct GroupHouseholdCounts {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    group_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

impl RegistryStats {
    /// Active residents within `reach`, counted on `today` (ages change daily): one pass over the
    /// residents for bands, tags and per-group totals, and one over the households.
    pub async fn load(conn: &mut AsyncPgConnection, reach: Reach, today: NaiveDate) -> QueryResult<RegistryStats> {
        use diesel::sql_types::{Date, Nullable, Uuid as SqlUuid};
        let (community, group, household) = match reach {
            Reach::Community(c) => (Some(c), None, None),
            Reach::Group { community_id, group_id } => (Some(community_id), Some(group_id), None),
            Reach::Household { community_id, household_id } => (Some(community_id), None, Some(household_id)),
            Reach::Nothing => (None, None, None),
        };
        // The reach is bound as parameters, never formatted into the SQL.
        const HOUSEHOLDS: &str = "h.community_id = $1 AND ($2::uuid IS NULL OR h.group_id = $2) AND ($3::uuid IS NULL OR h.id = $3)";
        // The registry's tags, counted in the same pass as the age bands.
        let tag_counts: String = Tag::ALL.iter().map(|t| format!(", count(*) FILTER (WHERE '{t}' = ANY(tags))")).collect();
        let per_group: Vec<GroupResidentCounts> = diesel::sql_query(format!(
            "SELECT group_id, ARRAY[count(*), count(*) FILTER (WHERE age < 18), count(*) FILTER (WHERE age BETWEEN 18 AND 59), \
             count(*) FILTER (WHERE age BETWEEN 60 AND 69), count(*) FILTER (WHERE age BETWEEN 70 AND 79), \
             count(*) FILTER (WHERE age >= 80){tag_counts}] AS counts \
             FROM (SELECT h.group_id, r.tags, date_part('year', age($4, r.birth_date))::int AS age \
                   FROM residents r JOIN households h ON h.id = r.household_id WHERE {HOUSEHOLDS} AND r.status = 'active') a \
             GROUP BY group_id"
        ))
        .bind::<Nullable<SqlUuid>, _>(community)
        .bind::<Nullable<SqlUuid>, _>(group)
        .bind::<Nullable<SqlUuid>, _>(household)
        .bind::<Date, _>(today)
        .load(conn)
        .await?;
        let households: Vec<GroupHouseholdCounts> =
            diesel::sql_query(format!("SELECT h.group_id, count(*) AS n FROM households h WHERE {HOUSEHOLDS} GROUP BY h.group_id"))
                .bind::<Nullable<SqlUuid>, _>(community)
                .bind::<Nullable<SqlUuid>, _>(group)
                .bind::<Nullable<SqlUuid>, _>(household)
                .load(conn)
                .await?;

        let mut totals = vec![0i64; 1 + AGE_BANDS.len() + Tag::ALL.len()];
        for row in &per_group {
            for (total, n) in totals.iter_mut().zip(&row.counts) {
                *total += n;
            }
        }
        let mut tags: Vec<(Tag, i64)> =
            Tag::ALL.iter().zip(&totals[1 + AGE_BANDS.len()..]).filter(|(_, n)| **n > 0).map(|(t, n)| (*t, *n)).collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
        let groups = households
            .iter()
            .map(|h| {
                (
                    h.group_id,
                    h.n,
                    per_group.iter().find(|g| g.group_id == h.group_id).and_then(|g| <[i64]>::first(&g.counts).copied()).unwrap_or(0),
                )
            })
            .collect();
        Ok(RegistryStats {
            households: households.iter().map(|h| h.n).sum(),
            residents: totals[0],
            age_bands: AGE_BANDS.iter().copied().zip(totals[1..=AGE_BANDS.len()].iter().copied()).collect(),
            tags,
            groups,
        })
    }
}
