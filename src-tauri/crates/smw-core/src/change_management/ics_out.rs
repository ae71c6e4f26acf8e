//! The forward schedule of change as an iCalendar file (RFC 5545) that common calendar
//! programs open: CRLF lines folded at 75 octets (never inside a UTF-8 character), TEXT values
//! escaped, a stable UID per change (so a re-import updates instead of duplicating) and
//! DTSTAMP. Times are written in UTC; the calendar program shows them in its own zone.

use crate::time::Timestamp;

/// One event of the schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleEvent {
    /// Unique and stable: the change's id.
    pub uid: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub summary: String,
    pub description: String,
    pub categories: Vec<String>,
    /// CONFIRMED for a scheduled change, TENTATIVE for one not yet scheduled.
    pub confirmed: bool,
}

fn stamp(at: Timestamp) -> String {
    at.datetime().format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds 75 octets (a continuation line
/// starts with a space, which counts towards its 75).
fn line(out: &mut String, text: &str) {
    let mut used = 0;
    for c in text.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// The whole calendar, named `name`, stamped `now`.
pub fn schedule_ics(name: &str, events: &[ScheduleEvent], now: Timestamp) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//SMS Workbench//Forward schedule of change//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape_text(&event.uid)));
        line(&mut out, &format!("DTSTAMP:{}", stamp(now)));
        line(&mut out, &format!("DTSTART:{}", stamp(event.start)));
        line(&mut out, &format!("DTEND:{}", stamp(event.end)));
        line(&mut out, &format!("SUMMARY:{}", escape_text(&event.summary)));
        if !event.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape_text(&event.description)));
        }
        if !event.categories.is_empty() {
            let categories: Vec<String> = event.categories.iter().map(|c| escape_text(c)).collect();
            line(&mut out, &format!("CATEGORIES:{}", categories.join(",")));
        }
        line(&mut out, &format!("STATUS:{}", if event.confirmed { "CONFIRMED" } else { "TENTATIVE" }));
        line(&mut out, "TRANSP:OPAQUE");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    fn event(summary: &str, description: &str) -> ScheduleEvent {
        ScheduleEvent {
            uid: "0190c5c0-0000-7000-8000-000000000001@sms-workbench".into(),
            start: ts("2026-03-29T00:30:00Z"),
            end: ts("2026-03-29T02:00:00Z"),
            summary: summary.into(),
            description: description.into(),
            categories: vec!["Normal".into(), "High risk".into()],
            confirmed: true,
        }
    }

    #[test]
    fn lines_are_folded_at_75_octets_without_splitting_a_character() {
        let long = "Ünïcødé; commas, and \\ backslashes\nover several lines ".repeat(8);
        let text = schedule_ics("Changes", &[event("Patch the €-cluster", &long)], ts("2026-03-01T00:00:00Z"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for raw in text.split("\r\n") {
            assert!(raw.len() <= 75, "{} octets: {raw}", raw.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:Ünïcødé\\; commas\\, and \\\\ backslashes\\nover"));
        assert!(unfolded.contains("DTSTART:20260329T003000Z"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare line feeds would break the file");
    }

    /// A maintained iCalendar parser (the `ical` crate) reads the file back to what was written.
    #[test]
    fn a_calendar_parser_reads_the_schedule_back() {
        let events = [event("Upgrade; the, database", "line one\nline two"), event("Second", "")];
        let text = schedule_ics("Forward schedule", &events, ts("2026-03-01T08:00:00Z"));
        let mut reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let calendar = reader.next().expect("one calendar").expect("parses");
        assert!(reader.next().is_none());
        assert_eq!(calendar.events.len(), 2);
        let value = |name: &str| {
            calendar.events[0].properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap()
        };
        assert_eq!(value("SUMMARY"), "Upgrade\\; the\\, database");
        assert_eq!(value("DTSTAMP"), "20260301T080000Z");
        assert_eq!(value("DTEND"), "20260329T020000Z");
        assert!(value("UID").ends_with("@sms-workbench"));
        assert_eq!(value("DESCRIPTION"), "line one\\nline two");
    }
}
