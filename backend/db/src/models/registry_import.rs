use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::pagination::{Page, PageRequest};
use crate::schema::{registry_imports, residents};
use crate::vocab::{FileFormat, ImportStatus};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = registry_imports)]
pub struct RegistryImport {
    pub id: Uuid,
    pub community_id: Uuid,
    pub created_by: Uuid,
    pub file_name: Option<String>,
    pub file_sha256: String,
    pub format: FileFormat,
    pub dry_run: bool,
    pub status: ImportStatus,
    pub total_rows: i32,
    pub processed_rows: i32,
    pub households_created: i32,
    pub residents_created: i32,
    pub residents_skipped: i32,
    pub errors: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = registry_imports)]
pub struct NewRegistryImport {
    pub id: Uuid,
    pub community_id: Uuid,
    pub created_by: Uuid,
    pub file_name: Option<String>,
    pub file_sha256: String,
    pub format: FileFormat,
    pub dry_run: bool,
    pub status: ImportStatus,
    pub total_rows: i32,
}

/// The end state of an import.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = registry_imports)]
pub struct ImportOutcome {
    pub status: ImportStatus,
    pub processed_rows: i32,
    pub households_created: i32,
    pub residents_created: i32,
    pub residents_skipped: i32,
    pub errors: serde_json::Value,
    pub finished_at: Option<DateTime<Utc>>,
}

impl RegistryImport {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewRegistryImport) -> QueryResult<RegistryImport> {
        diesel::insert_into(registry_imports::table).values(new).returning(RegistryImport::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<RegistryImport> {
        registry_imports::table
            .filter(registry_imports::community_id.eq(community_id))
            .find(id)
            .select(RegistryImport::as_select())
            .first(conn)
            .await
    }

    /// A community's imports, newest first; only those `created_by` started when given (the
    /// staff home shows each user their own).
    pub async fn list(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        created_by: Option<Uuid>,
        page: PageRequest,
    ) -> QueryResult<Page<RegistryImport>> {
        let mut query = registry_imports::table
            .filter(registry_imports::community_id.eq(community_id))
            .select(RegistryImport::as_select())
            .order(registry_imports::id.desc())
            .limit(page.limit + 1)
            .into_boxed();
        if let Some(user) = created_by {
            query = query.filter(registry_imports::created_by.eq(user));
        }
        if let Some(after) = page.after {
            query = query.filter(registry_imports::id.lt(after));
        }
        Ok(Page::from_overfetch(query.load(conn).await?, page.limit, |row| row.id))
    }

    pub async fn set_progress(conn: &mut AsyncPgConnection, id: Uuid, processed: i32) -> QueryResult<()> {
        diesel::update(registry_imports::table.find(id)).set(registry_imports::processed_rows.eq(processed)).execute(conn).await.map(|_| ())
    }

    /// The imports whose job lost its holder: nothing was written (imports are all-or-nothing).
    pub async fn mark_interrupted(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<usize> {
        diesel::update(
            registry_imports::table.filter(registry_imports::id.eq_any(ids)).filter(registry_imports::status.eq(ImportStatus::Running)),
        )
        .set((registry_imports::status.eq(ImportStatus::Interrupted), registry_imports::finished_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await
    }

    /// Running imports without a job row: left by a server that predates jobs. (New imports
    /// start their job before their row exists, so this never catches a live one.)
    pub async fn mark_orphans_interrupted(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
        use crate::schema::jobs;
        diesel::update(
            registry_imports::table
                .filter(registry_imports::status.eq(ImportStatus::Running))
                .filter(diesel::dsl::not(diesel::dsl::exists(jobs::table.filter(jobs::id.eq(registry_imports::id))))),
        )
        .set((registry_imports::status.eq(ImportStatus::Interrupted), registry_imports::finished_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await
    }

    pub async fn finish(conn: &mut AsyncPgConnection, id: Uuid, outcome: &ImportOutcome) -> QueryResult<RegistryImport> {
        diesel::update(registry_imports::table.find(id)).set(outcome).returning(RegistryImport::as_returning()).get_result(conn).await
    }
}

/// (id_number, name) of the residents of a community holding any of these ID numbers.
pub async fn existing_id_numbers(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    numbers: &[String],
) -> QueryResult<Vec<(String, String)>> {
    // Sealed numbers are compared through their blind indexes.
    let hashes = numbers
        .iter()
        .map(|n| crate::sealed::id_number_index(n).map(Some).map_err(super::resident::sealing_error))
        .collect::<QueryResult<Vec<_>>>()?;
    residents::table
        .filter(residents::community_id.eq(community_id))
        .filter(residents::id_number_hash.eq_any(hashes))
        .select((residents::id_number, residents::name))
        .load::<(crate::sealed::Sealed, String)>(conn)
        .await
        .map(|rows| rows.into_iter().map(|(id, name)| (id.into(), name)).collect())
}

/// (id_number, name) of the residents of a community with any of these names (to recognise the
/// rows of an exported sheet, whose ID numbers are masked).
pub async fn residents_named(conn: &mut AsyncPgConnection, community_id: Uuid, names: &[String]) -> QueryResult<Vec<(String, String)>> {
    residents::table
        .filter(residents::community_id.eq(community_id))
        .filter(residents::name.eq_any(names))
        .select((residents::id_number, residents::name))
        .load::<(crate::sealed::Sealed, String)>(conn)
        .await
        .map(|rows| rows.into_iter().map(|(id, name)| (id.into(), name)).collect())
}
