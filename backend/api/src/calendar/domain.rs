//! A small RFC 5545 writer: what a phone calendar needs to subscribe to duty nights, events
//! and recurring events. Lines end in CRLF and fold at 75 octets; text is escaped.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// One calendar entry; times are local (Asia/Shanghai).
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable across feeds and edits (so calendars update the entry rather than add one).
    pub uid: String,
    /// Bumped on every change of the entry.
    pub sequence: i32,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub cancelled: bool,
    /// A recurring entry's RRULE value (already checked) …
    pub rrule: Option<String>,
    /// … and the days it is called off (EXDATE, at the start time).
    pub exdates: Vec<NaiveDate>,
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets without splitting a character (§3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A whole calendar: the Asia/Shanghai time zone and the entries.
pub fn calendar(name: &str, entries: &[Entry], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for l in
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Xingguang//Community service platform//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    line(&mut out, "X-WR-TIMEZONE:Asia/Shanghai");
    // China has kept UTC+8 without daylight saving since 1991.
    for l in [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "BEGIN:STANDARD",
        "DTSTART:19910915T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        line(&mut out, l);
    }
    for entry in entries {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", entry.uid));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("SEQUENCE:{}", entry.sequence.max(0)));
        line(&mut out, &format!("DTSTART;TZID=Asia/Shanghai:{}", local(entry.start)));
        line(&mut out, &format!("DTEND;TZID=Asia/Shanghai:{}", local(entry.end)));
        if let Some(rule) = &entry.rrule {
            line(&mut out, &format!("RRULE:{rule}"));
            if !entry.exdates.is_empty() {
                let days: Vec<String> = entry.exdates.iter().map(|d| local(d.and_time(entry.start.time()))).collect();
                line(&mut out, &format!("EXDATE;TZID=Asia/Shanghai:{}", days.join(",")));
            }
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&entry.summary)));
        if !entry.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&entry.description)));
        }
        if !entry.location.is_empty() {
            line(&mut out, &format!("LOCATION:{}", escape(&entry.location)));
        }
        line(&mut out, &format!("STATUS:{}", if entry.cancelled { "CANCELLED" } else { "CONFIRMED" }));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "值班".repeat(40)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), format!("SUMMARY:{}", "值班".repeat(40)));
    }
}
