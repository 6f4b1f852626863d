use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::registry_import::RegistryImport;

use super::service::RowError;

pub use crate::common::spreadsheet::FileFormat;
use xingguang_db::vocab::ImportStatus;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    /// `xlsx` (default) or `csv`.
    #[param(inline)]
    pub format: Option<FileFormat>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateImportQuery {
    /// Only check the file and report; write nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// The uploaded file's name, for the record.
    #[param(max_length = 200)]
    pub file_name: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GetImportQuery {
    /// Wait (up to 20 s) until the import makes progress or finishes before answering.
    #[serde(default)]
    pub wait: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListImportsQuery {
    /// Only the imports the caller started.
    #[serde(default)]
    pub mine: bool,
}

/// An import without its row report (for lists: the report can hold thousands of rows).
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportSummaryDto {
    pub id: Uuid,
    pub status: ImportStatus,
    pub dry_run: bool,
    pub file_name: Option<String>,
    pub format: FileFormat,
    pub total_rows: i32,
    pub processed_rows: i32,
    pub households_created: i32,
    pub residents_created: i32,
    pub residents_skipped: i32,
    /// Rows with a problem; `GET /registry/imports/{id}` lists them.
    pub error_count: i32,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<RegistryImport> for ImportSummaryDto {
    fn from(job: RegistryImport) -> Self {
        ImportSummaryDto {
            id: job.id,
            status: job.status,
            dry_run: job.dry_run,
            file_name: job.file_name,
            format: job.format,
            total_rows: job.total_rows,
            processed_rows: job.processed_rows,
            households_created: job.households_created,
            residents_created: job.residents_created,
            residents_skipped: job.residents_skipped,
            error_count: job.errors.as_array().map_or(0, |rows| i32::try_from(rows.len()).unwrap_or(i32::MAX)),
            created_at: job.created_at,
            finished_at: job.finished_at,
        }
    }
}

/// An import and its row report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportDto {
    pub id: Uuid,
    /// `running`; then `validated` (a dry run without errors), `imported`, `failed` (nothing
    /// written) or `interrupted` (the server stopped meanwhile; nothing written, safe to retry).
    pub status: ImportStatus,
    pub dry_run: bool,
    pub file_name: Option<String>,
    pub format: FileFormat,
    /// Data rows in the file (blank rows are ignored).
    pub total_rows: i32,
    /// Rows checked so far.
    pub processed_rows: i32,
    /// Created (or, for a dry run, that would be created).
    pub households_created: i32,
    pub residents_created: i32,
    /// Rows whose resident is already registered with the same name: not created again.
    pub residents_skipped: i32,
    /// Every problem, by row, in Chinese. Empty when the file is fine.
    pub errors: Vec<RowError>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl ImportDto {
    pub fn new(job: RegistryImport, live_progress: Option<i32>) -> Self {
        ImportDto {
            id: job.id,
            status: job.status,
            dry_run: job.dry_run,
            file_name: job.file_name,
            format: job.format,
            total_rows: job.total_rows,
            processed_rows: live_progress.unwrap_or(job.processed_rows),
            households_created: job.households_created,
            residents_created: job.residents_created,
            residents_skipped: job.residents_skipped,
            errors: serde_json::from_value(job.errors).unwrap_or_else(|e| {
                log::error!("import {}: unreadable row report: {e}", job.id);
                vec![RowError { row: 0, field: String::new(), message: "报告无法读取，请重新导入".to_owned() }]
            }),
            created_at: job.created_at,
            finished_at: job.finished_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `xlsx` (default) or `csv`.
    #[param(inline)]
    pub format: Option<FileFormat>,
}
