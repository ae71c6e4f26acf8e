//! Named cases around the daylight saving changes of Europe/Berlin, America/New_York and
//! Australia/Sydney, each worked out by hand from the definition of business time.

use super::calendar::BusinessCalendar;
use super::engine::{due, elapsed};
use crate::error::Code;
use crate::time::Timestamp;
use chrono::Datelike;

fn calendar(json: &str) -> BusinessCalendar {
    BusinessCalendar::from_json(json).unwrap()
}

/// Every weekday (Sunday included) with the same segments.
fn every_day(zone: &str, segments: &str) -> BusinessCalendar {
    let days: Vec<String> =
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().map(|day| format!("\"{day}\":{segments}")).collect();
    calendar(&format!(r#"{{"timezone":"{zone}","week":{{{}}}}}"#, days.join(",")))
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn hours_between(calendar: &BusinessCalendar, from: &str, to: &str) -> f64 {
    elapsed(calendar, at(from), at(to), &[]).unwrap() as f64 / 3_600_000.0
}

fn due_after(calendar: &BusinessCalendar, start: &str, minutes: i64) -> String {
    due(calendar, at(start), minutes * 60_000, &[]).unwrap().to_string()
}

const BERLIN_WEEK: &str = r#"{"timezone":"Europe/Berlin","week":{"mon":[["08:00","17:00"]],"tue":[["08:00","17:00"]],"wed":[["08:00","17:00"]],"thu":[["08:00","17:00"]],"fri":[["08:00","17:00"]],"sat":[],"sun":[]},"holidays":["2026-04-03"]}"#;

#[test]
fn berlin_the_issue_example_lands_on_monday_noon_local() {
    // Friday 2026-03-27 16:00Z is 17:00 CET, the end of Friday's hours. Clocks go forward on
    // Sunday, so Monday 08:00 CEST is 06:00Z and 240 minutes later is 12:00 CEST = 10:00Z.
    let calendar = calendar(BERLIN_WEEK);
    assert_eq!(due_after(&calendar, "2026-03-27T16:00:00Z", 240), "2026-03-30T10:00:00.000Z");
    // The same with the pause of the issue's pauses file: Monday counts from 10:00Z (12:00 CEST).
    let pauses = [(at("2026-03-27T17:00:00Z"), at("2026-03-30T10:00:00Z"))];
    let with_pause = due(&calendar, at("2026-03-27T16:00:00Z"), 240 * 60_000, &pauses).unwrap();
    assert_eq!(with_pause.to_string(), "2026-03-30T14:00:00.000Z");
}

#[test]
fn berlin_good_friday_is_skipped() {
    let calendar = calendar(BERLIN_WEEK);
    // Thursday 2026-04-02 16:00 CEST = 14:00Z; one hour left Thursday, Friday is a holiday.
    assert_eq!(due_after(&calendar, "2026-04-02T14:00:00Z", 120), "2026-04-06T07:00:00.000Z");
}

#[test]
fn berlin_spring_forward_day_has_23_hours_and_the_skipped_hour_counts_nothing() {
    let whole_day = every_day("Europe/Berlin", r#"[["00:00","24:00"]]"#);
    assert_eq!(hours_between(&whole_day, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"), 23.0);
    let skipped = every_day("Europe/Berlin", r#"[["02:00","03:00"]]"#);
    assert_eq!(hours_between(&skipped, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z"), 0.0);
    // 01:00–04:00 local keeps 01:00–02:00 CET and 03:00–04:00 CEST: two hours, back to back.
    let around = every_day("Europe/Berlin", r#"[["01:00","04:00"]]"#);
    assert_eq!(hours_between(&around, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z"), 2.0);
    assert_eq!(due_after(&around, "2026-03-29T00:00:00Z", 90), "2026-03-29T01:30:00.000Z");
}

#[test]
fn berlin_fall_back_day_has_25_hours_and_the_repeated_hour_counts_twice() {
    let whole_day = every_day("Europe/Berlin", r#"[["00:00","24:00"]]"#);
    assert_eq!(hours_between(&whole_day, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"), 25.0);
    let repeated = every_day("Europe/Berlin", r#"[["02:00","03:00"]]"#);
    // 02:00–03:00 local happens at 00:00–01:00Z (CEST) and again at 01:00–02:00Z (CET).
    assert_eq!(hours_between(&repeated, "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z"), 2.0);
    assert_eq!(due_after(&repeated, "2026-10-25T00:00:00Z", 90), "2026-10-25T01:30:00.000Z");
}

#[test]
fn new_york_spring_and_fall() {
    let skipped = every_day("America/New_York", r#"[["02:00","03:00"]]"#);
    assert_eq!(hours_between(&skipped, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z"), 0.0);
    let repeated = every_day("America/New_York", r#"[["01:00","02:00"]]"#);
    // 01:00–02:00 EDT = 05:00–06:00Z, then 01:00–02:00 EST = 06:00–07:00Z.
    assert_eq!(hours_between(&repeated, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"), 2.0);
    let office = every_day("America/New_York", r#"[["09:00","17:00"]]"#);
    // Saturday 16:00 EST = 21:00Z; one hour left, then Sunday 09:00 EDT = 13:00Z.
    assert_eq!(due_after(&office, "2026-03-07T21:00:00Z", 120), "2026-03-08T14:00:00.000Z");
    let whole_day = every_day("America/New_York", r#"[["00:00","24:00"]]"#);
    assert_eq!(hours_between(&whole_day, "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z"), 25.0);
}

#[test]
fn sydney_fall_back_in_april_and_spring_forward_in_october() {
    // AEDT → AEST at 03:00 local on 2026-04-05 (16:00Z on the 4th): 02:00–03:00 twice.
    let repeated = every_day("Australia/Sydney", r#"[["02:00","03:00"]]"#);
    assert_eq!(hours_between(&repeated, "2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z"), 2.0);
    // AEST → AEDT at 02:00 local on 2026-10-04 (16:00Z on the 3rd): 02:00–03:00 never happens.
    assert_eq!(hours_between(&repeated, "2026-10-03T12:00:00Z", "2026-10-04T12:00:00Z"), 0.0);
    let whole_day = every_day("Australia/Sydney", r#"[["00:00","24:00"]]"#);
    assert_eq!(hours_between(&whole_day, "2026-10-03T14:00:00Z", "2026-10-04T13:00:00Z"), 23.0);
    let office = every_day("Australia/Sydney", r#"[["09:00","17:00"]]"#);
    // Saturday 16:00 AEST = 06:00Z; one hour left, then Sunday 09:00 AEDT = 22:00Z Saturday.
    assert_eq!(due_after(&office, "2026-10-03T06:00:00Z", 120), "2026-10-03T23:00:00.000Z");
}

#[test]
fn a_deadline_reached_at_a_segment_end_is_that_end() {
    let calendar = calendar(BERLIN_WEEK);
    // Monday 2026-03-30 08:00–17:00 CEST is 06:00–15:00Z: nine hours end at 15:00Z, not Tuesday.
    assert_eq!(due_after(&calendar, "2026-03-30T06:00:00Z", 540), "2026-03-30T15:00:00.000Z");
    assert_eq!(due_after(&calendar, "2026-03-30T06:00:00Z", 0), "2026-03-30T06:00:00.000Z");
}

#[test]
fn a_calendar_without_business_time_is_an_error() {
    let empty = calendar(r#"{"timezone":"UTC","week":{}}"#);
    let error = due(&empty, at("2026-01-01T00:00:00Z"), 60_000, &[]).unwrap_err();
    assert_eq!(error.code, Code::NoBusinessTime);
    // Holidays on every working day for over a century: an error, not an endless search.
    let mut sundays_only = every_day("UTC", "[]");
    sundays_only.week[6] = vec![super::calendar::Segment { start: 0, end: 3600 }];
    let mut date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    while date.year() < 2140 {
        sundays_only.holidays.insert(date);
        date += chrono::Duration::days(1);
    }
    let error = due(&sundays_only, at("2026-01-01T00:00:00Z"), 60_000, &[]).unwrap_err();
    assert_eq!(error.code, Code::NoBusinessTime);
}

#[test]
fn an_amount_past_any_reachable_deadline_is_an_error_not_an_overflow() {
    let whole_day = every_day("UTC", r#"[["00:00","24:00"]]"#);
    for minutes in [153_722_867_280_912_i64, i64::MAX / 60_000] {
        let error = due(&whole_day, at("2026-03-27T16:00:00Z"), minutes * 60_000, &[]).unwrap_err();
        assert_eq!(error.code, Code::InstantOutOfRange, "{minutes}");
    }
    let error = due(&whole_day, at("2026-03-27T16:00:00Z"), i64::MAX, &[]).unwrap_err();
    assert_eq!(error.code, Code::InstantOutOfRange);
}

#[test]
fn pauses_overlapping_or_reversed() {
    let whole_day = every_day("UTC", r#"[["00:00","24:00"]]"#);
    let pauses = [
        (at("2026-01-01T01:00:00Z"), at("2026-01-01T03:00:00Z")),
        (at("2026-01-01T02:00:00Z"), at("2026-01-01T04:00:00+00:00")),
    ];
    assert_eq!(
        elapsed(&whole_day, at("2026-01-01T00:00:00Z"), at("2026-01-01T06:00:00Z"), &pauses).unwrap(),
        3 * 3_600_000
    );
    let reversed = [(at("2026-01-01T03:00:00Z"), at("2026-01-01T01:00:00Z"))];
    let error = elapsed(&whole_day, at("2026-01-01T00:00:00Z"), at("2026-01-01T06:00:00Z"), &reversed).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("pauses[0]"));
}
