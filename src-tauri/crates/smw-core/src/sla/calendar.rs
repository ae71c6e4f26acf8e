//! A business-hours calendar: a time zone, segments of wall-clock time per weekday, and
//! holidays as local dates. This file turns the user's definition into a checked calendar;
//! what the calendar *means* as instants is worked out in `timeline.rs`.

use crate::error::{Code, Invalid};
use chrono::{Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The seconds in a civil day; a segment may end here ("24:00").
pub const DAY_SECONDS: u32 = 86_400;

/// The calendar as people write it and as the store keeps it (the CLI's JSON file).
/// Times are "HH:MM"; holidays are "YYYY-MM-DD" local dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct CalendarDefinition {
    pub timezone: String,
    pub week: WeekDefinition,
    #[serde(default)]
    pub holidays: Vec<String>,
}

/// Segments per weekday, each `["08:00", "12:00"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct WeekDefinition {
    #[serde(default)]
    pub mon: Vec<(String, String)>,
    #[serde(default)]
    pub tue: Vec<(String, String)>,
    #[serde(default)]
    pub wed: Vec<(String, String)>,
    #[serde(default)]
    pub thu: Vec<(String, String)>,
    #[serde(default)]
    pub fri: Vec<(String, String)>,
    #[serde(default)]
    pub sat: Vec<(String, String)>,
    #[serde(default)]
    pub sun: Vec<(String, String)>,
}

/// Weekday keys in the order of `Weekday::num_days_from_monday`.
pub const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WeekDefinition {
    pub fn day(&self, index: usize) -> &Vec<(String, String)> {
        [&self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun][index]
    }

    pub fn day_mut(&mut self, index: usize) -> &mut Vec<(String, String)> {
        match index {
            0 => &mut self.mon,
            1 => &mut self.tue,
            2 => &mut self.wed,
            3 => &mut self.thu,
            4 => &mut self.fri,
            5 => &mut self.sat,
            _ => &mut self.sun,
        }
    }
}

/// A half-open span of wall-clock time within one local date, in seconds after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
}

/// A checked calendar: segments sorted and disjoint, every value in range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessCalendar {
    pub zone: Tz,
    /// Indexed by `Weekday::num_days_from_monday`.
    pub week: [Vec<Segment>; 7],
    pub holidays: BTreeSet<NaiveDate>,
}

impl BusinessCalendar {
    pub fn from_definition(definition: &CalendarDefinition) -> Result<Self, Invalid> {
        let zone: Tz = definition.timezone.parse().map_err(|_| {
            Invalid::field(
                Code::UnknownTimezone,
                "timezone",
                format!("“{}” is not a time zone name such as Europe/Berlin.", definition.timezone),
            )
        })?;
        let mut week: [Vec<Segment>; 7] = Default::default();
        for (index, key) in WEEKDAY_KEYS.iter().enumerate() {
            week[index] = parse_day(definition.week.day(index)).map_err(|e| e.within(&format!("week.{key}")))?;
        }
        let mut holidays = BTreeSet::new();
        for (index, text) in definition.holidays.iter().enumerate() {
            holidays.insert(parse_date(text).map_err(|e| e.within(&format!("holidays[{index}]")))?);
        }
        Ok(BusinessCalendar { zone, week, holidays })
    }

    /// Parses the calendar JSON, naming the field at fault for shape errors too (serde's own
    /// messages give a line and column, which a person editing a calendar cannot act on).
    pub fn from_json(text: &str) -> Result<Self, Invalid> {
        Self::from_definition(&CalendarDefinition::from_json(text)?)
    }

    pub fn segments_on(&self, weekday: Weekday) -> &[Segment] {
        &self.week[weekday.num_days_from_monday() as usize]
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date)
    }

    /// True when some weekday has a segment; without one no instant is ever business time.
    pub fn has_business_hours(&self) -> bool {
        self.week.iter().any(|day| !day.is_empty())
    }

    pub fn definition(&self) -> CalendarDefinition {
        let mut week = WeekDefinition::default();
        for (index, day) in self.week.iter().enumerate() {
            *week.day_mut(index) =
                day.iter().map(|segment| (format_time(segment.start), format_time(segment.end))).collect();
        }
        CalendarDefinition {
            timezone: self.zone.name().to_string(),
            week,
            holidays: self.holidays.iter().map(|date| date.format("%Y-%m-%d").to_string()).collect(),
        }
    }
}

fn parse_day(pairs: &[(String, String)]) -> Result<Vec<Segment>, Invalid> {
    let mut segments: Vec<Segment> = Vec::with_capacity(pairs.len());
    for (index, (start_text, end_text)) in pairs.iter().enumerate() {
        let at = format!("[{index}]");
        let start = parse_time(start_text, false).map_err(|e| e.within(&at))?;
        let end = parse_time(end_text, true).map_err(|e| e.within(&at))?;
        if end <= start {
            return Err(Invalid::field(
                Code::SegmentEndBeforeStart,
                at,
                format!("The business hours {start_text}–{end_text} end before they start; make the end later than the start."),
            ));
        }
        if let Some(previous) = segments.last() {
            if start < previous.end {
                return Err(Invalid::field(
                    Code::SegmentsOverlapOrUnordered,
                    at,
                    format!(
                        "The business hours {start_text}–{end_text} begin before the previous ones end at {}; list them in order, without overlap.",
                        format_time(previous.end)
                    ),
                ));
            }
        }
        segments.push(Segment { start, end });
    }
    Ok(segments)
}

/// "HH:MM" with two digits each; "24:00" only as an end, meaning the end of the day.
pub fn parse_time(text: &str, is_end: bool) -> Result<u32, Invalid> {
    let bytes = text.as_bytes();
    let malformed = || {
        Invalid::field(
            Code::MalformedTime,
            if is_end { "[1]" } else { "[0]" },
            format!("“{text}” is not a time of day written HH:MM, such as 08:30."),
        )
    };
    if bytes.len() != 5 || bytes[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| bytes[i].is_ascii_digit()) {
        return Err(malformed());
    }
    let hours = u32::from(bytes[0] - b'0') * 10 + u32::from(bytes[1] - b'0');
    let minutes = u32::from(bytes[3] - b'0') * 10 + u32::from(bytes[4] - b'0');
    let in_range = (hours < 24 && minutes < 60) || (is_end && hours == 24 && minutes == 0);
    if !in_range {
        return Err(malformed());
    }
    Ok(hours * 3600 + minutes * 60)
}

pub fn format_time(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// "YYYY-MM-DD", strictly (chrono alone would accept a one-digit month).
pub fn parse_date(text: &str) -> Result<NaiveDate, Invalid> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let date = if shaped { NaiveDate::parse_from_str(text, "%Y-%m-%d").ok() } else { None };
    date.filter(|date| date.year() >= 1900).ok_or_else(|| {
        Invalid::rule(Code::MalformedDate, format!("“{text}” is not a date written YYYY-MM-DD, such as 2026-12-25."))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn definition(mon: &[(&str, &str)], holidays: &[&str]) -> CalendarDefinition {
        let mut definition = CalendarDefinition { timezone: "Europe/Berlin".into(), ..Default::default() };
        definition.week.mon = mon.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        definition.holidays = holidays.iter().map(|h| h.to_string()).collect();
        definition
    }

    fn error_field(definition: &CalendarDefinition) -> String {
        BusinessCalendar::from_definition(definition).unwrap_err().field.unwrap()
    }

    #[test]
    fn accepts_several_segments_and_a_day_end() {
        let calendar =
            BusinessCalendar::from_definition(&definition(&[("08:00", "12:00"), ("13:00", "24:00")], &["2026-04-03"]))
                .unwrap();
        assert_eq!(
            calendar.week[0],
            vec![Segment { start: 8 * 3600, end: 12 * 3600 }, Segment { start: 13 * 3600, end: DAY_SECONDS }]
        );
        assert!(calendar.is_holiday(NaiveDate::from_ymd_opt(2026, 4, 3).unwrap()));
        assert_eq!(BusinessCalendar::from_definition(&calendar.definition()).unwrap(), calendar);
    }

    #[test]
    fn names_the_field_at_fault() {
        assert_eq!(error_field(&definition(&[("08:00", "12:00"), ("11:00", "13:00")], &[])), "week.mon[1]");
        assert_eq!(error_field(&definition(&[("13:00", "14:00"), ("08:00", "09:00")], &[])), "week.mon[1]");
        assert_eq!(error_field(&definition(&[("12:00", "08:00")], &[])), "week.mon[0]");
        assert_eq!(error_field(&definition(&[("8:00", "12:00")], &[])), "week.mon[0][0]");
        assert_eq!(error_field(&definition(&[("08:00", "24:01")], &[])), "week.mon[0][1]");
        assert_eq!(error_field(&definition(&[("24:00", "24:00")], &[])), "week.mon[0][0]");
        assert_eq!(error_field(&definition(&[], &["2026-04-03", "2026-4-03"])), "holidays[1]");
        assert_eq!(error_field(&definition(&[], &["2026-02-30"])), "holidays[0]");
        let mut unknown = definition(&[], &[]);
        unknown.timezone = "Europe/Atlantis".into();
        assert_eq!(error_field(&unknown), "timezone");
    }

    #[test]
    fn adjacent_segments_are_not_an_overlap() {
        assert!(BusinessCalendar::from_definition(&definition(&[("08:00", "12:00"), ("12:00", "13:00")], &[])).is_ok());
    }
}
