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

/// `Content-Disposition` of a download: an ASCII name and the Chinese one (RFC 6266/5987).
fn disposition(today: chrono::NaiveDate, chinese_name: &str, ascii_name: &str, extension: &str) -> String {
    let date = today.format("%Y%m%d");
    let utf8_name: String = format!("{chinese_name}-{date}.{extension}").bytes().map(|b| format!("%{b:02X}")).collect();
    format!("attachment; filename=\"{ascii_name}-{date}.{extension}\"; filename*=UTF-8''{utf8_name}")
}

/// Rows as CSV, every cell made safe; with a UTF-8 byte-order mark first so Excel shows Chinese.
fn csv_bytes(rows: &[Vec<String>], byte_order_mark: bool) -> ApiResult<Vec<u8>> {
    let start = if byte_order_mark { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    let mut writer = csv::Writer::from_writer(start);
    for row in rows {
        writer.write_record(row.iter().map(|cell| csv_safe(cell).into_owned())).map_err(ApiError::internal)?;
    }
    writer.into_inner().map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))
}

fn download(content_type: &str, disposition: String) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::Ok();
    response
        .content_type(content_type)
        .insert_header((header::CONTENT_DISPOSITION, disposition))
        .insert_header((header::CACHE_CONTROL, "no-store"));
    response
}

/// A small table (a template) as a downloadable file.
pub fn file_response(
    format: FileFormat,
    today: chrono::NaiveDate,
    chinese_name: &str,
    ascii_name: &str,
    rows: &[Vec<String>],
) -> ApiResult<HttpResponse> {
    Ok(match format {
        FileFormat::Csv => download(CSV, disposition(today, chinese_name, ascii_name, "csv")).body(csv_bytes(rows, true)?),
        FileFormat::Xlsx => {
            let mut sheet = XlsxWriter::new(rows.first().map_or(0, Vec::len)).map_err(ApiError::internal)?;
            for row in rows {
                sheet.push(row).map_err(ApiError::internal)?;
            }
            download(XLSX, disposition(today, chinese_name, ascii_name, "xlsx")).body(sheet.finish().map_err(ApiError::internal)?)
        }
    })
}

/// A table of any length as a download: `header`, then the rows `pages` yields, page by page.
/// CSV is streamed as the pages come (nothing is held but one page); .xlsx is written row by row
/// to a constant-memory worksheet (rows go to a temporary file, not to memory) and sent when
/// complete, up to Excel's limit of 1,048,576 rows. A failure half-way ends the download with an
/// error rather than a file that looks complete.
pub async fn table_download<S>(
    format: FileFormat,
    today: chrono::NaiveDate,
    (chinese_name, ascii_name): (&str, &str),
    header: Vec<String>,
    mut pages: S,
) -> ApiResult<HttpResponse>
where
    S: futures_util::Stream<Item = ApiResult<Vec<Vec<String>>>> + Unpin + 'static,
{
    use futures_util::StreamExt;
    match format {
        FileFormat::Csv => {
            let head = actix_web::web::Bytes::from(csv_bytes(&[header], true)?);
            let body = futures_util::stream::once(async move { Ok::<_, ApiError>(head) })
                .chain(pages.map(|page| page.and_then(|rows| csv_bytes(&rows, false)).map(actix_web::web::Bytes::from)));
            Ok(download(CSV, disposition(today, chinese_name, ascii_name, "csv")).streaming(body))
        }
        FileFormat::Xlsx => {
            let mut sheet = XlsxWriter::new(header.len()).map_err(ApiError::internal)?;
            sheet.push(&header).map_err(ApiError::internal)?;
            while let Some(page) = pages.next().await {
                for row in page? {
                    if sheet.rows > XLSX_MAX_ROWS {
                        return Err(ApiError::validation(vec![crate::error::FieldError::new(
                            "format",
                            format!("more than {XLSX_MAX_ROWS} rows do not fit in one .xlsx sheet; export as csv or narrow the filters"),
                        )]));
                    }
                    sheet.push(&row).map_err(ApiError::internal)?;
                }
            }
            Ok(download(XLSX, disposition(today, chinese_name, ascii_name, "xlsx")).body(sheet.finish().map_err(ApiError::internal)?))
        }
    }
}

const CSV: &str = "text/csv; charset=utf-8";
/// Excel's rows per sheet, less the header.
pub const XLSX_MAX_ROWS: u32 = 1_048_575;

/// One .xlsx sheet written row by row, every cell as text (so Excel keeps 18-digit ID numbers
/// and never evaluates a cell), the first row bold.
struct XlsxWriter {
    workbook: rust_xlsxwriter::Workbook,
    rows: u32,
    bold: rust_xlsxwriter::Format,
    text: rust_xlsxwriter::Format,
}

impl XlsxWriter {
    fn new(columns: usize) -> Result<Self, rust_xlsxwriter::XlsxError> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let text = rust_xlsxwriter::Format::new().set_num_format("@");
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        for c in 0..columns {
            sheet.set_column_width(c as u16, 14)?;
            sheet.set_column_format(c as u16, &text)?;
        }
        Ok(XlsxWriter { workbook, rows: 0, bold: rust_xlsxwriter::Format::new().set_bold(), text })
    }

    fn push(&mut self, row: &[String]) -> Result<(), rust_xlsxwriter::XlsxError> {
        let format = if self.rows == 0 { &self.bold } else { &self.text };
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (c, value) in row.iter().enumerate() {
            sheet.write_string_with_format(self.rows, c as u16, value, format)?;
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        self.workbook.save_to_buffer()
    }
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
