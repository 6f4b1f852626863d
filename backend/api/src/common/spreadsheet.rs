//! Tables as downloadable spreadsheets (.xlsx or .csv), for every export and template.
//!
//! CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
//! carriage return) are written with a leading `'` (OWASP's CSV-injection rule), so an exported
//! name like `=HYPERLINK(…)` opens as text in Excel and WPS. The .xlsx writer writes every cell
//! as a string, which spreadsheets never evaluate.

use actix_web::http::header;
use actix_web::HttpResponse;

use crate::error::{ApiError, ApiResult};
pub use xingguang_db::vocab::FileFormat;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A CSV cell as text a spreadsheet will not evaluate.
pub fn csv_safe(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// A table as a downloadable file. CSV gets a UTF-8 byte-order mark so Excel shows Chinese.
pub fn file_response(
    format: FileFormat,
    today: chrono::NaiveDate,
    chinese_name: &str,
    ascii_name: &str,
    rows: &[Vec<String>],
) -> ApiResult<HttpResponse> {
    let date = today.format("%Y%m%d");
    let (body, content_type, extension) = match format {
        FileFormat::Csv => {
            let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
            for row in rows {
                writer.write_record(row.iter().map(|cell| csv_safe(cell).into_owned())).map_err(ApiError::internal)?;
            }
            (writer.into_inner().map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))?, "text/csv; charset=utf-8", "csv")
        }
        FileFormat::Xlsx => (xlsx(rows).map_err(ApiError::internal)?, XLSX, "xlsx"),
    };
    let utf8_name: String = format!("{chinese_name}-{date}.{extension}").bytes().map(|b| format!("%{b:02X}")).collect();
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{ascii_name}-{date}.{extension}\"; filename*=UTF-8''{utf8_name}"),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

fn xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    // Every cell is text, so Excel keeps 18-digit ID numbers intact.
    let text = rust_xlsxwriter::Format::new().set_num_format("@");
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let format = if r == 0 { &bold } else { &text };
            sheet.write_string_with_format(r as u32, c as u16, value, format)?;
        }
    }
    for c in 0..rows.first().map_or(0, Vec::len) {
        sheet.set_column_width(c as u16, if c == 1 || c == 6 || c == 7 { 22 } else { 12 })?;
        sheet.set_column_format(c as u16, &text)?;
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_evaluate_become_text() {
        for cell in ["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_safe(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(csv_safe("张秀英"), "张秀英");
        assert_eq!(csv_safe("0579-87654321"), "0579-87654321");
    }
}
