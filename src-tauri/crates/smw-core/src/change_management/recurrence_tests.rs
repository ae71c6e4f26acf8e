//! Recurring windows across the clock changes, and the refusals of rules that cannot be used.

use super::*;
use crate::error::Code;
use crate::time::Timestamp;
use uuid::Uuid;

fn ts(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn window(zone: &str, start: &str, minutes: u32, rule: Option<&str>) -> Result<ChangeWindow, crate::Invalid> {
    let draft = WindowDraft {
        name: Some("Sunday maintenance".into()),
        kind: Some(WindowKind::Maintenance),
        time_zone: Some(zone.into()),
        starts_local: Some(start.into()),
        duration_minutes: Some(minutes),
        rrule: rule.map(str::to_string),
        ..Default::default()
    };
    ChangeWindow::create(draft, Uuid::nil(), "WIN-000001".into(), ts("2026-01-01T00:00:00Z"))
}

fn starts(w: &ChangeWindow, from: &str, to: &str) -> Vec<String> {
    recurrence::occurrences(w, ts(from), ts(to))
        .unwrap()
        .into_iter()
        .map(|(s, _)| Timestamp::from_millis(s).unwrap().to_string())
        .collect()
}

#[test]
fn a_weekly_window_keeps_its_wall_clock_time_across_both_dst_changes() {
    let w = window("Europe/London", "2026-03-15T01:00", 240, Some("FREQ=WEEKLY;BYDAY=SU")).unwrap();
    assert_eq!(
        starts(&w, "2026-03-15T00:00:00Z", "2026-04-06T00:00:00Z"),
        [
            "2026-03-15T01:00:00.000Z",
            "2026-03-22T01:00:00.000Z",
            "2026-03-29T01:00:00.000Z",
            "2026-04-05T00:00:00.000Z"
        ]
    );
    // 29 March: 01:00 is skipped (GMT to BST at 01:00), so it reads with the offset before
    // the gap, as RFC 5545 says: 01:00 GMT, which the wall clock shows as 02:00 BST.
    assert_eq!(
        starts(&w, "2026-10-18T00:00:00Z", "2026-11-02T00:00:00Z"),
        ["2026-10-18T00:00:00.000Z", "2026-10-25T00:00:00.000Z", "2026-11-01T01:00:00.000Z"]
    );
    // 25 October: 01:00 happens twice (BST, then GMT); the first is meant, as RFC 5545 says.
    let new_york = window("America/New_York", "2026-03-01T23:00", 60, Some("FREQ=DAILY;INTERVAL=7;COUNT=3")).unwrap();
    assert_eq!(
        starts(&new_york, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
        ["2026-03-02T04:00:00.000Z", "2026-03-09T03:00:00.000Z", "2026-03-16T03:00:00.000Z"]
    );
}

#[test]
fn monthly_until_and_one_off_windows_expand_and_bad_rules_name_the_field() {
    let monthly =
        window("Europe/Berlin", "2026-01-31T22:00", 120, Some("FREQ=MONTHLY;BYDAY=-1SA;UNTIL=20260430T000000Z"))
            .unwrap();
    assert_eq!(
        starts(&monthly, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"),
        [
            "2026-01-31T21:00:00.000Z",
            "2026-02-28T21:00:00.000Z",
            "2026-03-28T21:00:00.000Z",
            "2026-04-25T20:00:00.000Z"
        ]
    );
    let once = window("Europe/Berlin", "2026-03-29T02:30", 60, None).unwrap();
    assert_eq!(
        starts(&once, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"),
        ["2026-03-29T01:30:00.000Z"],
        "the gap reads with the offset before it"
    );
    assert!(starts(&once, "2026-03-30T00:00:00Z", "2026-04-30T00:00:00Z").is_empty());
    for rule in ["FREQ=FORTNIGHTLY", "BYDAY=SU", "FREQ=MINUTELY"] {
        let err = window("Europe/Berlin", "2026-01-01T00:00", 60, Some(rule)).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::BadRecurrence, Some("rrule")), "{rule}");
    }
    assert_eq!(window("Mars/Base", "2026-01-01T00:00", 60, None).unwrap_err().field.as_deref(), Some("time_zone"));
    assert_eq!(window("UTC", "2026-01-01 00:00", 60, None).unwrap_err().field.as_deref(), Some("starts_local"));
    assert_eq!(window("UTC", "2026-01-01T00:00", 0, None).unwrap_err().field.as_deref(), Some("duration_minutes"));
}
