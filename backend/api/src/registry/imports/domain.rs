//! The spreadsheet the community office already keeps: its columns, how its cells are read, and
//! the Chinese words used in it.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx};

use xingguang_db::vocab::{FileFormat, Relationship, Tag};

/// Columns of the import template, in order. `*` marks the required ones in the template.
pub const COLUMNS: [&str; 11] = ["小组编号", "道路", "幢", "单元", "室", "户电话", "姓名", "身份证号", "与户主关系", "手机", "标签"];
/// Columns that may be present and are then checked against the ID number.
pub const OPTIONAL_CHECK_COLUMNS: [&str; 2] = ["性别", "出生日期"];
pub const EXAMPLE_ROW: [&str; 11] =
    ["1", "和平路", "8幢", "1单元", "101室", "0579-87654321", "张秀英", "330723195803120025", "户主", "13812345678", "党员,独居"];

/// The format of an uploaded file, by content: an .xlsx file is a zip archive.
pub fn sniff(bytes: &[u8]) -> FileFormat {
    if bytes.starts_with(b"PK\x03\x04") {
        FileFormat::Xlsx
    } else {
        FileFormat::Csv
    }
}

/// Most data rows an import may have: a community's registry, with room to spare. Larger
/// files are refused before any of their rows is kept.
pub const MAX_ROWS: usize = 100_000;
/// Most columns read; cells further right are refused.
pub const MAX_COLUMNS: usize = 64;
/// Most characters in one cell.
pub const MAX_CELL_CHARS: usize = 500;
/// An .xlsx (a zip archive) may unpack to at most this many bytes in all …
const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;
/// … and no entry may unpack to more than this many times its packed size (a zip bomb).
const MAX_ZIP_RATIO: u64 = 200;

/// One data row: its line number in the sheet (1 = the header) and its values, in the header's
/// column order (the header is shared by every row, not copied into each).
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub line: usize,
    header: std::sync::Arc<[String]>,
    values: Vec<String>,
}

impl SheetRow {
    pub fn get(&self, column: &str) -> &str {
        self.header.iter().position(|h| h == column).and_then(|i| self.values.get(i)).map_or("", |v| v.trim())
    }

    pub fn is_blank(&self) -> bool {
        self.values.iter().all(|v| v.trim().is_empty())
    }
}

/// Reads a whole sheet, within the limits above. Errors are in Chinese: they are shown to the
/// office as they are.
pub fn read_sheet(bytes: &[u8]) -> Result<(FileFormat, Vec<SheetRow>), String> {
    let format = sniff(bytes);
    let table = match format {
        FileFormat::Xlsx => read_xlsx(bytes)?,
        FileFormat::Csv => read_csv(bytes)?,
    };
    let mut lines = table.into_iter();
    let header: Vec<String> = lines.next().ok_or("文件是空的")?.into_iter().map(|h| normalise_header(&h)).collect();
    let missing: Vec<&str> =
        ["道路", "姓名", "身份证号", "小组编号", "与户主关系"].into_iter().filter(|c| !header.iter().any(|h| h == c)).collect();
    if !missing.is_empty() {
        return Err(format!("表头缺少列：{}（请使用模板）", missing.join("、")));
    }
    let header: std::sync::Arc<[String]> = header.into();
    let rows = lines
        .enumerate()
        .map(|(i, values)| SheetRow { line: i + 2, header: header.clone(), values })
        .filter(|row| !row.is_blank())
        .collect();
    Ok((format, rows))
}

/// Checks one cell: no NUL (PostgreSQL text cannot hold it; it is never in a real sheet) and
/// not absurdly long.
fn check_cell(line: usize, value: &str) -> Result<(), String> {
    if value.contains('\0') {
        return Err(format!("第 {line} 行含有无效的空字符（NUL），请检查文件"));
    }
    if value.chars().count() > MAX_CELL_CHARS {
        return Err(format!("第 {line} 行有单元格超过 {MAX_CELL_CHARS} 个字"));
    }
    Ok(())
}

fn too_many_rows() -> String {
    format!("文件超过 {MAX_ROWS} 行，请分成几个文件导入")
}

/// Accepts the template's headers with or without the required-mark and a few common variants.
fn normalise_header(raw: &str) -> String {
    let h = raw.trim().trim_start_matches('\u{feff}').trim_end_matches('*').trim();
    match h {
        "身份证号码" | "公民身份号码" | "身份证" => "身份证号",
        "组号" | "居民小组" | "小组" => "小组编号",
        "电话" | "手机号" | "手机号码" | "联系电话" => "手机",
        "关系" | "与户主关系（户主/配偶/子女/父母/孙子女/兄弟姐妹/其他）" => "与户主关系",
        "街道" | "路" => "道路",
        "楼幢" | "楼号" => "幢",
        "房号" | "室号" | "门牌" => "室",
        other => other,
    }
    .to_owned()
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    // Excel on Chinese Windows saves CSV in GBK; everything else in UTF-8.
    let text: std::borrow::Cow<'_, str> = match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => {
            let (decoded, _, had_errors) = encoding_rs::GBK.decode(bytes);
            if had_errors {
                return Err("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV，或直接上传 .xlsx".to_owned());
            }
            decoded
        }
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut table = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("CSV 格式有误：{e}"))?;
        // Counted as read, so an oversized file stops here instead of filling memory.
        if table.len() > MAX_ROWS {
            return Err(too_many_rows());
        }
        if record.len() > MAX_COLUMNS {
            return Err(format!("第 {} 行超过 {MAX_COLUMNS} 列", i + 1));
        }
        let values: Vec<String> = record.iter().map(str::to_owned).collect();
        for value in &values {
            check_cell(i + 1, value)?;
        }
        table.push(values);
    }
    Ok(table)
}

/// Refuses archives that would unpack to far more than they weigh, before anything is unpacked.
fn check_zip(bytes: &[u8]) -> Result<(), String> {
    let refuse = || "Excel 文件结构异常（解压后过大），请另存后重试".to_owned();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| "无法读取 Excel 文件：文件已损坏".to_owned())?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| "无法读取 Excel 文件：文件已损坏".to_owned())?;
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if total > MAX_UNZIPPED_BYTES || size / packed > MAX_ZIP_RATIO {
            return Err(refuse());
        }
    }
    Ok(())
}

/// Reads the first sheet cell by cell: the rows and columns come from the cells present, never
/// from the sheet's declared dimension (a 5 KB file may claim A1:XFD1048576).
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    check_zip(bytes)?;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| format!("无法读取 Excel 文件：{e}"))?;
    let first = workbook.sheet_names().into_iter().next().ok_or("Excel 文件中没有工作表")?;
    let mut cells = workbook.worksheet_cells_reader(&first).map_err(|e| format!("无法读取工作表：{e}"))?;
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut first_row: Option<u32> = None;
    while let Some(cell) = cells.next_cell().map_err(|e| format!("无法读取工作表：{e}"))? {
        let (row, column) = cell.get_position();
        let value = cell_text(&Data::from(cell.get_value().clone()));
        if value.is_empty() {
            continue;
        }
        let top = *first_row.get_or_insert(row);
        let (r, c) = (row.saturating_sub(top) as usize, column as usize);
        if r > MAX_ROWS {
            return Err(too_many_rows());
        }
        if c >= MAX_COLUMNS {
            return Err(format!("第 {} 行超过 {MAX_COLUMNS} 列", row + 1));
        }
        check_cell(row as usize + 1, &value)?;
        if table.len() <= r {
            table.resize_with(r + 1, Vec::new);
        }
        let cells_of_row = &mut table[r];
        if cells_of_row.len() <= c {
            cells_of_row.resize(c + 1, String::new());
        }
        cells_of_row[c] = value;
    }
    Ok(table)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers without ".0"; an 18-digit ID typed as a number has already lost digits,
        // which the check digit then catches.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => cell.as_date().map(|d| d.to_string()).unwrap_or_else(|| cell.to_string()),
        other => other.to_string(),
    }
}

pub fn relationship_from_chinese(s: &str) -> Option<Relationship> {
    Some(match s.trim() {
        "户主" | "戶主" | "本人" => Relationship::Head,
        "配偶" | "妻" | "夫" | "妻子" | "丈夫" => Relationship::Spouse,
        "子女" | "子" | "女" | "儿子" | "女儿" => Relationship::Child,
        "父母" | "父亲" | "母亲" => Relationship::Parent,
        "孙子女" | "孙子" | "孙女" | "外孙" | "外孙女" => Relationship::Grandchild,
        "兄弟姐妹" | "兄" | "弟" | "姐" | "妹" => Relationship::Sibling,
        "其他" | "其它" => Relationship::Other,
        other => return Relationship::parse(other),
    })
}

pub fn relationship_to_chinese(r: Relationship) -> &'static str {
    match r {
        Relationship::Head => "户主",
        Relationship::Spouse => "配偶",
        Relationship::Child => "子女",
        Relationship::Parent => "父母",
        Relationship::Grandchild => "孙子女",
        Relationship::Sibling => "兄弟姐妹",
        Relationship::Other => "其他",
    }
}

pub fn tag_from_chinese(s: &str) -> Option<Tag> {
    Some(match s.trim() {
        "残疾" | "残疾人" => Tag::Disabled,
        "低保" => Tag::Dibao,
        "党员" | "黨員" => Tag::PartyMember,
        "独居" | "獨居" => Tag::LivingAlone,
        "退役军人" | "军人" => Tag::Veteran,
        "小组干部" | "小組幹部" => Tag::Cadre,
        other => return Tag::parse(other),
    })
}

pub fn tag_to_chinese(t: Tag) -> &'static str {
    match t {
        Tag::Disabled => "残疾",
        Tag::Dibao => "低保",
        Tag::PartyMember => "党员",
        Tag::LivingAlone => "独居",
        Tag::Veteran => "退役军人",
        Tag::Cadre => "小组干部",
    }
}

pub fn split_tags(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', '，', '、', ';', '；', ' ']).map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_utf8_csv_with_bom_and_a_gbk_csv() {
        let utf8 = "\u{feff}小组编号,道路,幢,单元,室,户电话,姓名,身份证号,与户主关系,手机,标签\n1,朝阳路,1幢,1单元,101室,,张三,110105194912310021,户主,,\n";
        let (format, rows) = read_sheet(utf8.as_bytes()).expect("utf8");
        assert_eq!(format, FileFormat::Csv);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("姓名"), "张三");
        assert_eq!(rows[0].line, 2);
        let (gbk, _, _) = encoding_rs::GBK.encode(utf8.trim_start_matches('\u{feff}'));
        let (_, rows) = read_sheet(&gbk).expect("gbk");
        assert_eq!(rows[0].get("道路"), "朝阳路");
    }

    #[test]
    fn names_missing_columns() {
        let err = read_sheet("姓名,身份证号\n张三,1\n".as_bytes()).expect_err("a sheet without the required columns");
        assert!(err.contains("道路") && err.contains("小组编号"), "{err}");
    }

    const HEADER: &str = "小组编号,道路,幢,单元,室,户电话,姓名,身份证号,与户主关系,手机,标签";

    #[test]
    fn a_csv_of_too_many_lines_is_refused_while_reading() {
        let mut csv = format!("{HEADER}\n");
        csv.push_str(&"a\n".repeat(MAX_ROWS + 10));
        assert!(read_sheet(csv.as_bytes()).expect_err("too many rows").contains("行"));
    }

    #[test]
    fn a_nul_in_a_cell_is_refused_with_its_line() {
        let csv = format!("{HEADER}\n1,朝阳路,1幢,1单元,101室,,张\u{0}三,110105194912310021,户主,,\n");
        assert!(read_sheet(csv.as_bytes()).expect_err("NUL").contains("第 2 行"));
    }

    /// An .xlsx whose sheet says it spans A1:XFD1048576 (what once made the reader try to
    /// allocate the whole grid) is read from its real cells only.
    fn xlsx_with(rows: &[&[&str]], edit_sheet: impl Fn(String) -> String) -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *value).expect("cell");
            }
        }
        let bytes = workbook.save_to_buffer().expect("xlsx");
        // Rewrite the archive with the sheet's XML edited.
        let mut source = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..source.len() {
            let mut entry = source.by_index(i).expect("entry");
            let name = entry.name().expect("a UTF-8 name").into_owned();
            let mut content = String::new();
            std::io::Read::read_to_string(&mut entry, &mut content).expect("text");
            if name == "xl/worksheets/sheet1.xml" {
                content = edit_sheet(content);
            }
            out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
            std::io::Write::write_all(&mut out, content.as_bytes()).expect("write");
        }
        out.finish().expect("finish").into_inner()
    }

    #[test]
    fn an_xlsx_claiming_the_whole_grid_is_read_from_its_real_cells() {
        let header: Vec<&str> = HEADER.split(',').collect();
        let row = ["1", "朝阳路", "1幢", "1单元", "101室", "", "张三", "110105194912310021", "户主", "", ""];
        let bytes = xlsx_with(&[&header, &row], |xml| {
            let start = xml.find("<dimension ref=\"").expect("dimension");
            let end = start + xml[start..].find("/>").expect("end");
            format!("{}<dimension ref=\"A1:XFD1048576\"/>{}", &xml[..start], &xml[end + 2..])
        });
        let (format, rows) = read_sheet(&bytes).expect("read");
        assert_eq!(format, FileFormat::Xlsx);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("姓名"), "张三");
    }

    #[test]
    fn an_xlsx_that_unpacks_to_far_more_than_it_weighs_is_refused_before_unpacking() {
        let header: Vec<&str> = HEADER.split(',').collect();
        // 20 MB of padding inside the sheet's XML deflates to a few kilobytes.
        let bytes = xlsx_with(&[&header], |xml| xml.replacen("<sheetData", &format!("{}<sheetData", " ".repeat(20 * 1024 * 1024)), 1));
        assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
        assert!(read_sheet(&bytes).expect_err("a zip bomb").contains("解压"));
    }

    #[test]
    fn the_templates_example_row_is_valid() {
        // A road the demo data does not use, so the example imports into any community.
        assert!(!crate::seed::registry::ROADS.contains(&EXAMPLE_ROW[1]));
        let id = crate::common::national_id::NationalId::parse(EXAMPLE_ROW[7]).expect("the example's ID number is valid");
        assert_eq!(id.sex(), xingguang_db::vocab::Sex::Female, "张秀英");
        assert!(relationship_from_chinese(EXAMPLE_ROW[8]).is_some());
        assert!(split_tags(EXAMPLE_ROW[10]).all(|t| tag_from_chinese(t).is_some()));
    }
}
