//! The spreadsheet the community office already keeps: its columns, how its cells are read, and
//! the Chinese words used in it.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx};

use crate::registry::domain::{Relationship, Tag};

/// Columns of the import template, in order. `*` marks the required ones in the template.
pub const COLUMNS: [&str; 11] = ["小组编号", "道路", "幢", "单元", "室", "户电话", "姓名", "身份证号", "与户主关系", "手机", "标签"];
/// Columns that may be present and are then checked against the ID number.
pub const OPTIONAL_CHECK_COLUMNS: [&str; 2] = ["性别", "出生日期"];
pub const EXAMPLE_ROW: [&str; 11] =
    ["1", "朝阳路", "12幢", "2单元", "301室", "0579-87654321", "张秀英", "33072319580312002X", "户主", "13812345678", "党员,独居"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// By content: an .xlsx file is a zip archive.
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }
}

/// One data row: its line number in the sheet (1 = the header) and its cells by column name.
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub line: usize,
    pub cells: Vec<(String, String)>,
}

impl SheetRow {
    pub fn get(&self, column: &str) -> &str {
        self.cells.iter().find(|(c, _)| c == column).map_or("", |(_, v)| v.trim())
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// Reads a whole sheet. Errors are in Chinese: they are shown to the office as they are.
pub fn read_sheet(bytes: &[u8]) -> Result<(Format, Vec<SheetRow>), String> {
    let format = Format::sniff(bytes);
    let table = match format {
        Format::Xlsx => read_xlsx(bytes)?,
        Format::Csv => read_csv(bytes)?,
    };
    let mut lines = table.into_iter();
    let header: Vec<String> = lines.next().ok_or("文件是空的")?.into_iter().map(|h| normalise_header(&h)).collect();
    let missing: Vec<&str> =
        ["道路", "姓名", "身份证号", "小组编号", "与户主关系"].into_iter().filter(|c| !header.iter().any(|h| h == c)).collect();
    if !missing.is_empty() {
        return Err(format!("表头缺少列：{}（请使用模板）", missing.join("、")));
    }
    let rows = lines
        .enumerate()
        .map(|(i, values)| SheetRow {
            line: i + 2,
            cells: header.iter().cloned().zip(values.into_iter().chain(std::iter::repeat(String::new()))).collect(),
        })
        .filter(|row| !row.is_blank())
        .collect();
    Ok((format, rows))
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
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            let (decoded, _, had_errors) = encoding_rs::GBK.decode(bytes);
            if had_errors {
                return Err("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV，或直接上传 .xlsx".to_owned());
            }
            decoded.into_owned()
        }
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().map(|record| record.map(|r| r.iter().map(str::to_owned).collect()).map_err(|e| format!("CSV 格式有误：{e}"))).collect()
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| format!("无法读取 Excel 文件：{e}"))?;
    let range = workbook.worksheet_range_at(0).ok_or("Excel 文件中没有工作表")?.map_err(|e| format!("无法读取工作表：{e}"))?;
    Ok(range.rows().map(|row| row.iter().map(cell_text).collect()).collect())
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
        assert_eq!(format, Format::Csv);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("姓名"), "张三");
        assert_eq!(rows[0].line, 2);
        let (gbk, _, _) = encoding_rs::GBK.encode(utf8.trim_start_matches('\u{feff}'));
        let (_, rows) = read_sheet(&gbk).expect("gbk");
        assert_eq!(rows[0].get("道路"), "朝阳路");
    }

    #[test]
    fn names_missing_columns() {
        let err = read_sheet("姓名,身份证号\n张三,1\n".as_bytes()).err().unwrap_or_default();
        assert!(err.contains("道路") && err.contains("小组编号"), "{err}");
    }
}
