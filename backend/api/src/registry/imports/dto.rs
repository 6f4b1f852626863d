use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::registry_import::RegistryImport;

use super::service::RowError;

/// `csv` or `xlsx`.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    #[default]
    Xlsx,
    Csv,
}

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

/// An import and its row report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportDto {
    pub id: Uuid,
    /// `running`; then `validated` (a dry run without errors), `imported`, or `failed` (nothing written).
    pub status: String,
    pub dry_run: bool,
    pub file_name: Option<String>,
    /// `csv` or `xlsx`.
    pub format: String,
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
    pub fn new(job: RegistryImport, live_progress: Option<usize>) -> Self {
        ImportDto {
            id: job.id,
            status: job.status,
            dry_run: job.dry_run,
            file_name: job.file_name,
            format: job.format,
            total_rows: job.total_rows,
            processed_rows: live_progress.map_or(job.processed_rows, |p| p as i32),
            households_created: job.households_created,
            residents_created: job.residents_created,
            residents_skipped: job.residents_skipped,
            errors: serde_json::from_value(job.errors).unwrap_or_default(),
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
