//! The handbook as an A5 booklet PDF: a cover, the contents with page numbers, then each
//! category from a new page (continued on the next when long), in type large enough for older
//! readers; page numbers at the foot.

use xingguang_db::models::help_request::Edition;

use super::domain::{Category, Content, PartyKind};
use crate::common::pdf::{text_width, wrap, Document, Page, A5};

const MARGIN: f32 = 34.0; // 12 mm
const BODY: f32 = 13.0;
const NAME: f32 = 15.0;
const HEADING: f32 = 20.0;
const LEADING: f32 = 1.45;

fn party(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Office => "社区",
        PartyKind::Partner => "共建单位",
        PartyKind::County => "县级部门",
        PartyKind::Utility => "公用事业",
        PartyKind::Other => "其他",
    }
}

/// The lines of one category, each with its size and weight, before they are put on pages.
fn category_lines(category: &Category, width: f32) -> Vec<(f32, bool, String)> {
    let mut lines = Vec::new();
    for line in wrap(&category.description, BODY, width) {
        if !line.is_empty() {
            lines.push((BODY, false, line));
        }
    }
    for entry in &category.entries {
        lines.push((NAME * 0.6, false, String::new())); // a gap
        for line in wrap(&format!("{}（{}）", entry.name, party(entry.party)), NAME, width) {
            lines.push((NAME, true, line));
        }
        lines.push((NAME, true, format!("电话：{}", entry.phone)));
        for (label, value) in [("时间", &entry.hours), ("地址", &entry.address), ("请准备", &entry.bring)] {
            if !value.is_empty() {
                for line in wrap(&format!("{label}：{value}"), BODY, width) {
                    lines.push((BODY, false, line));
                }
            }
        }
    }
    lines
}

/// Lays every category out from a new page; returns each category's pages of lines.
fn layout(content: &Content, width: f32, height: f32) -> Vec<Vec<Vec<(f32, bool, String)>>> {
    let top = height - MARGIN - HEADING * LEADING;
    let bottom = MARGIN + BODY * 2.0;
    content
        .categories
        .iter()
        .map(|category| {
            let mut pages = vec![Vec::new()];
            let mut y = top;
            for line in category_lines(category, width) {
                let step = line.0 * LEADING;
                if y - step < bottom {
                    pages.push(Vec::new());
                    y = top;
                }
                y -= step;
                if let Some(page) = pages.last_mut() {
                    page.push(line);
                }
            }
            pages
        })
        .collect()
}

fn foot(page: &mut Page, number: usize, width: f32) {
    page.centred(width / 2.0, MARGIN / 2.0, 10.0, false, &format!("— {number} —"));
}

/// The booklet.
pub fn handbook_pdf(edition: &Edition, content: &Content, community: &str) -> Vec<u8> {
    let (w, h) = A5;
    let width = w - 2.0 * MARGIN;
    let mut doc = Document::new(A5, &edition.title);

    // Cover.
    let cover = doc.add_page();
    let mut y = h * 0.62;
    for line in wrap(&edition.title, 26.0, width) {
        cover.centred(w / 2.0, y, 26.0, true, &line);
        y -= 26.0 * LEADING;
    }
    cover.centred(w / 2.0, y - 10.0, 16.0, false, community);
    let when = edition.published_on.map_or_else(|| "（草稿）".to_owned(), |d| d.format("%Y年%-m月").to_string());
    cover.centred(w / 2.0, y - 40.0, 14.0, false, &format!("第{}版 · {when}", edition.number));
    cover.centred(w / 2.0, MARGIN * 2.0, 13.0, false, "遇到困难，请按本手册的电话联系，社区帮您找到对的人。");

    // Contents: as many pages as its lines need; then the categories' pages are numbered.
    let laid = layout(content, width, h);
    let per_page = ((h - 2.0 * MARGIN - HEADING * 2.0 * LEADING) / (BODY * LEADING * 1.3)).floor().max(1.0) as usize;
    let contents_pages = content.categories.len().div_ceil(per_page).max(1);
    let mut starts = Vec::with_capacity(laid.len());
    let mut next = 2 + contents_pages;
    for pages in &laid {
        starts.push(next);
        next += pages.len();
    }
    for (p, chunk) in content.categories.chunks(per_page).enumerate() {
        let page = doc.add_page();
        let mut y = h - MARGIN - HEADING;
        if p == 0 {
            page.text(MARGIN, y, HEADING, true, "目录");
        }
        y -= HEADING * LEADING;
        for (i, category) in chunk.iter().enumerate() {
            let index = p * per_page + i;
            let number = starts[index].to_string();
            page.text(MARGIN, y, BODY, false, &format!("{}. {}", index + 1, category.name));
            page.text(w - MARGIN - text_width(&number, BODY), y, BODY, false, &number);
            y -= BODY * LEADING * 1.3;
        }
        foot(page, 2 + p, w);
    }
    if content.categories.is_empty() {
        let page = doc.add_page();
        page.text(MARGIN, h - MARGIN - HEADING, HEADING, true, "目录");
        foot(page, 2, w);
    }

    for (index, (category, pages)) in content.categories.iter().zip(laid).enumerate() {
        for (n, lines) in pages.into_iter().enumerate() {
            let number = doc.page_count() + 1;
            let page = doc.add_page();
            let mut y = h - MARGIN - HEADING;
            let heading = if n == 0 { format!("{}. {}", index + 1, category.name) } else { format!("{}（续）", category.name) };
            page.text(MARGIN, y, HEADING, true, &heading);
            page.rule(MARGIN, w - MARGIN, y - 6.0, 0.8);
            y -= HEADING * LEADING;
            for (size, bold, text) in lines {
                y -= size * LEADING;
                if !text.is_empty() {
                    page.text(MARGIN, y + size * (LEADING - 1.0), size, bold, &text);
                }
            }
            foot(page, number, w);
        }
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::help_requests::domain::{Entry, Limit, LimitUnit};
    use xingguang_db::vocab::{EditionStatus, RequestKind};

    fn edition() -> Edition {
        Edition {
            id: uuid::Uuid::nil(),
            community_id: uuid::Uuid::nil(),
            number: 1,
            title: "星光社区居民手册".into(),
            status: EditionStatus::Published,
            content: serde_json::Value::Null,
            published_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 20),
            published_by: None,
            version: 1,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        }
    }

    fn category(name: &str, entries: usize) -> Category {
        let entry = Entry {
            name: "县供电公司抢修".into(),
            party: PartyKind::Utility,
            phone: "0579-87000001".into(),
            hours: "24小时".into(),
            address: "武义县壶山街道".into(),
            bring: "电费户号".into(),
        };
        Category {
            code: "c".into(),
            name: name.into(),
            description: "停电、漏水、燃气泄漏等".into(),
            kind: RequestKind::Repair,
            response: Limit { amount: 2, unit: LimitUnit::Hours },
            resolution: Limit { amount: 3, unit: LimitUnit::WorkingDays },
            questions: vec![],
            entries: vec![entry; entries],
        }
    }

    fn pages(bytes: &[u8]) -> usize {
        let text = String::from_utf8_lossy(bytes);
        text.matches("/Type /Page ").count()
    }

    #[test]
    fn cover_contents_and_each_category_from_a_new_page_with_long_ones_continued() {
        let content = Content { categories: vec![category("水电气", 2), category("治安", 30)] };
        let bytes = handbook_pdf(&edition(), &content, "星光社区");
        let laid = layout(&content, A5.0 - 2.0 * MARGIN, A5.1);
        assert_eq!(laid[0].len(), 1);
        assert!(laid[1].len() >= 3, "30 entries do not fit on one A5 page");
        assert_eq!(pages(&bytes), 2 + laid[0].len() + laid[1].len());
        let text = String::from_utf8_lossy(&bytes);
        // The contents says the second category starts on page 4 (cover, contents, one page).
        let four = "<0034> Tj"; // "4" in UCS-2
        assert!(text.contains(four));
    }
}
