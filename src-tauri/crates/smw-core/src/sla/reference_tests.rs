//! The engine against a naive reference that walks UTC minute by minute and asks chrono for
//! each minute's local wall-clock time: the definition of business time, read literally.
//! Boundaries in these tests fall on whole minutes (segments on quarter hours, offsets
//! and transitions on whole minutes), so counting minutes is exact.

use super::calendar::{BusinessCalendar, Segment};
use super::engine::PauseSet;
use super::timeline::BusinessTimeline;
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike};
use chrono_tz::Tz;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// With and without DST; half-hour and 45-minute offsets; a 30-minute DST shift (Lord Howe).
const ZONES: [&str; 12] = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "UTC",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Adelaide",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/St_Johns",
    "Asia/Tokyo",
    "America/Santiago",
];

/// 2026 dates on or near which some of the zones above change their offset.
const NEAR_TRANSITIONS: [&str; 9] = [
    "2026-03-08",
    "2026-03-29",
    "2026-04-05",
    "2026-09-06",
    "2026-09-27",
    "2026-10-04",
    "2026-10-25",
    "2026-11-01",
    "2026-06-15",
];

#[derive(Debug)]
struct Case {
    calendar: BusinessCalendar,
    start_minute: i64,
    pauses: Vec<(i64, i64)>,
}

fn minute_of(date: &str) -> i64 {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() / 60
}

fn day_strategy() -> impl Strategy<Value = Vec<Segment>> {
    // Boundaries on quarter hours, 0 ..= 96 (24:00); consecutive pairs become segments.
    proptest::collection::vec(0u32..=96, 0..=6).prop_map(|mut points| {
        points.sort_unstable();
        points.dedup();
        points.chunks_exact(2).map(|pair| Segment { start: pair[0] * 900, end: pair[1] * 900 }).collect()
    })
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        0..ZONES.len(),
        proptest::array::uniform7(day_strategy()),
        0..NEAR_TRANSITIONS.len(),
        -4 * 1440i64..2 * 1440,
        proptest::collection::vec(-5i64..15, 0..4),
        proptest::collection::vec((0i64..10 * 1440, 0i64..2 * 1440), 0..4),
    )
        .prop_map(|(zone, week, near, offset, holiday_days, pauses)| {
            let start_minute = minute_of(NEAR_TRANSITIONS[near]) + offset;
            let base = NaiveDate::parse_from_str(NEAR_TRANSITIONS[near], "%Y-%m-%d").unwrap();
            let holidays: BTreeSet<NaiveDate> =
                holiday_days.into_iter().map(|days| base + chrono::Duration::days(days)).collect();
            let pauses = pauses
                .into_iter()
                .map(|(from, length)| (start_minute - 1440 + from, start_minute - 1440 + from + length))
                .collect();
            Case {
                calendar: BusinessCalendar { zone: ZONES[zone].parse().unwrap(), week, holidays },
                start_minute,
                pauses,
            }
        })
}

/// Is the UTC minute starting at `minute` business time, by the definition?
fn reference_counts(calendar: &BusinessCalendar, pauses: &[(i64, i64)], minute: i64) -> bool {
    if pauses.iter().any(|&(from, to)| from <= minute && minute < to) {
        return false;
    }
    let utc = DateTime::from_timestamp(minute * 60, 0).unwrap().naive_utc();
    let local = Tz::from_utc_datetime(&calendar.zone, &utc).naive_local();
    if calendar.holidays.contains(&local.date()) {
        return false;
    }
    let time = local.time().num_seconds_from_midnight();
    calendar.week[local.weekday().num_days_from_monday() as usize]
        .iter()
        .any(|segment| segment.start <= time && time < segment.end)
}

fn pause_set(pauses: &[(i64, i64)]) -> PauseSet {
    PauseSet::from_millis(pauses.iter().map(|&(from, to)| (from * 60_000, to * 60_000)).collect())
}

fn weekly_minutes(calendar: &BusinessCalendar) -> i64 {
    calendar.week.iter().flatten().map(|segment| i64::from(segment.end - segment.start) / 60).sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn elapsed_matches_the_minute_by_minute_reference(case in case_strategy(), length in 0i64..6 * 1440) {
        prop_assume!(case.calendar.has_business_hours());
        let mut timeline = BusinessTimeline::new(case.calendar.clone()).unwrap();
        let from = case.start_minute;
        let to = from + length;
        let expected = (from..to).filter(|&minute| reference_counts(&case.calendar, &case.pauses, minute)).count() as i64;
        let actual = timeline.elapsed_millis(from * 60_000, to * 60_000, &pause_set(&case.pauses)).unwrap();
        prop_assert_eq!(actual, expected * 60_000);
    }

    #[test]
    fn due_matches_the_minute_by_minute_reference(case in case_strategy(), share in 0.0f64..2.0) {
        prop_assume!(case.calendar.has_business_hours());
        let amount = ((weekly_minutes(&case.calendar) as f64 * share) as i64).min(3000);
        let mut expected = case.start_minute;
        let mut counted = 0;
        while counted < amount {
            if reference_counts(&case.calendar, &case.pauses, expected) {
                counted += 1;
            }
            expected += 1;
            prop_assert!(expected - case.start_minute < 60 * 1440, "reference walked too far");
        }
        let mut timeline = BusinessTimeline::new(case.calendar.clone()).unwrap();
        let actual = timeline.due_millis(case.start_minute * 60_000, amount * 60_000, &pause_set(&case.pauses)).unwrap();
        prop_assert_eq!(actual, expected * 60_000);
    }

    /// Queries far apart in either order grow the table both ways; totals must stay additive.
    #[test]
    fn growing_the_table_keeps_totals_additive(case in case_strategy(), days in proptest::collection::vec(-800i64..800, 3)) {
        prop_assume!(case.calendar.has_business_hours());
        let mut timeline = BusinessTimeline::new(case.calendar.clone()).unwrap();
        let mut points: Vec<i64> = days.iter().map(|d| (case.start_minute + d * 1440) * 60_000).collect();
        points.sort_unstable();
        let (a, middle, c) = (points[0], points[1], points[2]);
        let whole = timeline.business_between(a, c).unwrap();
        let mut fresh = BusinessTimeline::new(case.calendar.clone()).unwrap();
        let parts = fresh.business_between(middle, c).unwrap() + fresh.business_between(a, middle).unwrap();
        prop_assert_eq!(whole, parts);
    }
}
