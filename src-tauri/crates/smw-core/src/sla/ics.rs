//! Holidays from an iCalendar (.ics) file: each VEVENT's dates become holiday dates.
//!
//! Only what holiday calendars use is read: DTSTART, and DTEND or DURATION for events over
//! several days. All-day dates (`VALUE=DATE`) are local dates already; a timed event marks
//! the dates it touches as written, without zone conversion, because a holiday is a date.
//! Recurring events are refused rather than silently read as one day.

use crate::error::{Code, Invalid};
use chrono::{Duration, NaiveDate};

/// An event longer than this is taken for a mistake (a holiday "lasting" years).
const MAX_EVENT_DAYS: i64 = 366;

#[derive(Default)]
struct Event {
    start: Option<(NaiveDate, bool)>,
    end: Option<(NaiveDate, bool, bool)>,
    days: Option<i64>,
    begins_at_line: usize,
}

/// The holiday dates in `text`, sorted and without repeats. Errors name the line (`line 12`).
pub fn holidays_from_ics(text: &str) -> Result<Vec<NaiveDate>, Invalid> {
    let mut dates = Vec::new();
    let mut event: Option<Event> = None;
    for (number, line) in unfold(text) {
        let (name, params, value) = split_property(&line);
        let at = format!("line {number}");
        match (name.as_str(), event.as_mut()) {
            ("BEGIN", None) if value.eq_ignore_ascii_case("VEVENT") => {
                event = Some(Event { begins_at_line: number, ..Event::default() })
            }
            ("END", Some(_)) if value.eq_ignore_ascii_case("VEVENT") => {
                dates.extend(event_dates(event.take().expect("inside an event"))?);
            }
            ("DTSTART", Some(current)) => {
                let (date, timed) = parse_date_value(value, &params).ok_or_else(|| malformed(&at, "DTSTART", value))?;
                current.start = Some((date, timed));
            }
            ("DTEND", Some(current)) => {
                let (date, timed) = parse_date_value(value, &params).ok_or_else(|| malformed(&at, "DTEND", value))?;
                let midnight = timed && value.get(9..15) == Some("000000");
                current.end = Some((date, timed, midnight));
            }
            ("DURATION", Some(current)) => {
                current.days = Some(parse_days(value).ok_or_else(|| malformed(&at, "DURATION", value))?);
            }
            ("RRULE" | "RDATE", Some(_)) => {
                return Err(Invalid::field(
                    Code::IcsRecurrenceUnsupported,
                    at,
                    "Recurring events cannot be read; export the holidays as single events.",
                ))
            }
            _ => {}
        }
    }
    if let Some(open) = event {
        return Err(Invalid::field(
            Code::IcsMalformed,
            format!("line {}", open.begins_at_line),
            "The event that begins here (BEGIN:VEVENT) never ends: END:VEVENT is missing.",
        ));
    }
    dates.sort_unstable();
    dates.dedup();
    Ok(dates)
}

fn event_dates(event: Event) -> Result<Vec<NaiveDate>, Invalid> {
    let at = format!("line {}", event.begins_at_line);
    let (start, _) = event
        .start
        .ok_or_else(|| Invalid::field(Code::IcsMalformed, at.clone(), "The event has no start date (DTSTART)."))?;
    // The number of dates: DTEND is exclusive for dates, and for a timed end that is exactly
    // midnight; a timed end later in the day still touches its own date.
    let days = match (event.end, event.days) {
        (Some((end, false, _)), _) | (Some((end, true, true)), _) => (end - start).num_days(),
        (Some((end, true, false)), _) => (end - start).num_days() + 1,
        (None, Some(days)) => days,
        (None, None) => 1,
    };
    if !(0..=MAX_EVENT_DAYS).contains(&days) {
        let message = if days < 0 {
            "The event ends before it starts.".to_string()
        } else {
            format!("The event spans {days} days; a holiday can span at most {MAX_EVENT_DAYS}.")
        };
        return Err(Invalid::field(Code::IcsMalformed, at, message));
    }
    Ok((0..days.max(1)).map(|offset| start + Duration::days(offset)).collect())
}

/// Content lines, with folded continuation lines (starting with a space or tab) joined,
/// numbered by the line each begins on.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        match (raw.strip_prefix(' ').or_else(|| raw.strip_prefix('\t')), lines.last_mut()) {
            (Some(rest), Some(last)) => last.1.push_str(rest),
            _ if !raw.is_empty() => lines.push((index + 1, raw.to_string())),
            _ => {}
        }
    }
    lines
}

/// `NAME;PARAM=V;…:VALUE` → (upper-case name, upper-case params, value). A colon inside a
/// quoted parameter value does not end the parameters.
fn split_property(line: &str) -> (String, Vec<String>, &str) {
    let mut quoted = false;
    let colon = line
        .char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            c == ':' && !quoted
        })
        .map_or(line.len(), |(index, _)| index);
    let head = &line[..colon];
    let value = line.get(colon + 1..).unwrap_or("").trim();
    let mut parts = head.split(';');
    let name = parts.next().unwrap_or("").trim().to_ascii_uppercase();
    (name, parts.map(|p| p.trim().to_ascii_uppercase()).collect(), value)
}

/// `20260403` or `20260403T090000[Z]` → the date, and whether a time was given.
fn parse_date_value(value: &str, params: &[String]) -> Option<(NaiveDate, bool)> {
    let date = NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok()?;
    if !value.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = &value[8..];
    if rest.is_empty() {
        return Some((date, false));
    }
    let is_date_only = params.iter().any(|param| param == "VALUE=DATE");
    let time = rest.strip_prefix('T')?.trim_end_matches('Z');
    (!is_date_only && time.len() == 6 && time.bytes().all(|b| b.is_ascii_digit())).then_some((date, true))
}

/// `P1D`, `P3D`, `P2W` (whole days only: the durations of all-day events).
/// `P3D` or `P2W` as days. Longer than a century is no holiday: refused, so later date
/// arithmetic never overflows.
fn parse_days(value: &str) -> Option<i64> {
    let body = value.strip_prefix('P')?;
    let (number, per_unit) = match (body.strip_suffix('D'), body.strip_suffix('W')) {
        (Some(days), _) => (days, 1),
        (None, Some(weeks)) => (weeks, 7),
        _ => return None,
    };
    let days = number.parse::<i64>().ok()?.checked_mul(per_unit)?;
    (0..=36_600).contains(&days).then_some(days)
}

fn malformed(at: &str, property: &str, value: &str) -> Invalid {
    Invalid::field(
        Code::IcsMalformed,
        at,
        format!("The {property} “{value}” is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS)."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        holidays_from_ics(text).unwrap().iter().map(|d| d.format("%Y-%m-%d").to_string()).collect()
    }

    #[test]
    fn reads_all_day_events_and_multi_day_ranges() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260403\r\nDTEND;VALUE=DATE:20260404\r\nSUMMARY:Karfreitag\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Christmas\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260501\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert_eq!(dates(text), vec!["2026-04-03", "2026-05-01", "2026-12-24", "2026-12-25", "2026-12-26"]);
    }

    #[test]
    fn reads_durations_timed_events_and_folded_lines() {
        let text = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261231\nDURATION:P2D\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;TZID=\"Europe/Berlin:x\":20260601T090000\nDTEND:20260602T120000\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\n 0803\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20260101\nEND:VEVENT\n";
        assert_eq!(
            dates(text),
            vec!["2026-01-01", "2026-06-01", "2026-06-02", "2026-08-03", "2026-12-31", "2027-01-01"]
        );
    }

    #[test]
    fn odd_or_huge_durations_are_refused_not_panicked_on() {
        for duration in ["P2é", "Pé", "P", "P9223372036854775807W", "P36601D", "P-1D", "PD"] {
            let text = format!("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260403\nDURATION:{duration}\nEND:VEVENT\n");
            assert_eq!(holidays_from_ics(&text).unwrap_err().field.as_deref(), Some("line 3"), "{duration}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_and_names_the_line() {
        let field = |text: &str| holidays_from_ics(text).unwrap_err().field.unwrap();
        assert_eq!(field("BEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-04-03\nEND:VEVENT\n"), "line 2");
        assert_eq!(field("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260403\nRRULE:FREQ=YEARLY\nEND:VEVENT\n"), "line 3");
        assert_eq!(field("BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n"), "line 1");
        assert_eq!(field("X:1\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260403\n"), "line 2");
        assert_eq!(
            field("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260403\nDTEND;VALUE=DATE:20260401\nEND:VEVENT\n"),
            "line 1"
        );
    }
}
