//! A small PDF writer for the office's printouts (the resident handbook; later 公示 notices and
//! agreements): pages of text in the standard Chinese font STSong-Light, which every PDF reader
//! provides, so nothing is embedded and the files stay small. Text is encoded UCS-2 (the
//! `UniGB-UCS2-H` CMap); characters outside the Basic Multilingual Plane print as `?`.
//!
//! Layout is the caller's: [`wrap`] breaks text into lines of a width (Chinese may break between
//! any two characters), [`text_width`] measures a line.

use std::fmt::Write as _;

/// A5 portrait, in points.
pub const A5: (f32, f32) = (419.53, 595.28);

/// How wide `text` is at `size` points: Latin characters are half as wide as Chinese ones (the
/// widths the font declares below).
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(|c| if (' '..='~').contains(&c) { 0.5 } else { 1.0 }).sum::<f32>() * size
}

/// Breaks `text` into lines no wider than `width` (existing line breaks kept).
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0.0;
        for c in paragraph.chars() {
            let w = text_width(c.encode_utf8(&mut [0; 4]), size);
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

fn hex_ucs2(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 4 + 2);
    out.push('<');
    for c in text.chars() {
        let code = u16::try_from(u32::from(c)).unwrap_or(u16::from(b'?'));
        // Control characters would print as nothing useful.
        let code = if code < 0x20 { u16::from(b' ') } else { code };
        let _ = write!(out, "{code:04X}");
    }
    out.push('>');
    out
}

/// One page's drawing operations.
#[derive(Debug, Default)]
pub struct Page {
    ops: String,
}

impl Page {
    /// Text with its baseline's left end at (`x`, `y`) from the page's bottom left.
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        // Bold as a thin outline around the fill (the standard font has no bold face).
        let mode = if bold { format!("2 Tr {:.2} w ", size / 30.0) } else { "0 Tr ".to_owned() };
        let _ = writeln!(self.ops, "BT {mode}/F1 {size:.1} Tf {x:.2} {y:.2} Td {} Tj ET", hex_ucs2(text));
    }

    /// Text centred on `x`.
    pub fn centred(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        self.text(x - text_width(text, size) / 2.0, y, size, bold, text);
    }

    /// A horizontal rule.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32) {
        let _ = writeln!(self.ops, "{thickness:.2} w {x1:.2} {y:.2} m {x2:.2} {y:.2} l S");
    }
}

/// A document of same-size pages.
#[derive(Debug)]
pub struct Document {
    size: (f32, f32),
    title: String,
    pages: Vec<Page>,
}

impl Document {
    pub fn new(size: (f32, f32), title: &str) -> Self {
        Document { size, title: title.to_owned(), pages: Vec::new() }
    }

    pub fn add_page(&mut self) -> &mut Page {
        self.pages.push(Page::default());
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The file: catalog, page tree, the font, each page and its content, the cross-reference
    /// table and the trailer.
    pub fn finish(self) -> Vec<u8> {
        let (w, h) = self.size;
        let first_page = 6;
        let kids: Vec<String> = (0..self.pages.len()).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
        let mut objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            format!("<< /Type /Pages /Count {} /Kids [{}] >>", self.pages.len(), kids.join(" ")).into_bytes(),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>".to_vec(),
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500 814 939 500] >>".to_vec(),
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>".to_vec(),
        ];
        for (i, page) in self.pages.iter().enumerate() {
            let contents = first_page + 2 * i + 1;
            objects.push(
                format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:.2} {h:.2}] /Resources << /Font << /F1 3 0 R >> >> /Contents {contents} 0 R >>")
                    .into_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", page.ops.len()).into_bytes();
            stream.extend_from_slice(page.ops.as_bytes());
            stream.extend_from_slice(b"\nendstream");
            objects.push(stream);
        }
        let info = objects.len() + 1;
        // The title in UTF-16BE with its byte-order mark, as PDF text strings allow.
        let title: String = std::iter::once(0xFEFF).chain(self.title.encode_utf16()).map(|u| format!("{u:04X}")).collect();
        objects.push(format!("<< /Title <{title}> /Producer (Xingguang) >>").into_bytes());

        let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(objects.len());
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
        for offset in offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(table, "trailer\n<< /Size {} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
        out.extend_from_slice(table.as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_breaks_anywhere_and_latin_is_half_width() {
        assert_eq!(text_width("电话 12", 10.0), 2.0 * 10.0 + 3.0 * 5.0);
        assert_eq!(wrap("居民手册居民手册", 10.0, 35.0), ["居民手", "册居民", "手册"]);
        assert_eq!(wrap("一\n二", 10.0, 100.0), ["一", "二"]);
    }

    #[test]
    fn the_cross_reference_table_points_at_every_object() {
        let mut doc = Document::new(A5, "居民手册");
        doc.add_page().text(10.0, 10.0, 12.0, true, "水电 0579");
        doc.add_page().rule(10.0, 100.0, 20.0, 1.0);
        let bytes = doc.finish();
        let text = String::from_utf8_lossy(&bytes);
        assert!(bytes.starts_with(b"%PDF-1.4"));
        assert!(text.contains("<6C34753500200030003500370039> Tj"), "UCS-2 hex of 水电 0579");
        let xref_at: usize =
            text.rsplit("startxref\n").next().and_then(|t| t.lines().next()).and_then(|n| n.parse().ok()).expect("startxref");
        let table = String::from_utf8_lossy(&bytes[xref_at..]);
        assert!(table.starts_with("xref\n0 11\n"), "catalog, pages, 3 font objects, 2 pages × 2, info");
        for (i, line) in table.lines().skip(3).take(10).enumerate() {
            let offset: usize = line[..10].parse().expect("an offset");
            assert!(bytes[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()), "object {} is where the table says", i + 1);
        }
        assert!(text.contains("/Count 2 /Kids [6 0 R 8 0 R]"));
    }
}
