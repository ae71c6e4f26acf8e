//! Ticket clocks on hand-checked histories, and against `elapsed` with pauses for random ones.

use super::calendar::BusinessCalendar;
use super::clock::*;
use super::engine::PauseSet;
use super::timeline::BusinessTimeline;
use crate::time::Timestamp;
use crate::workflow::Status;
use proptest::prelude::*;

fn around_the_clock() -> BusinessTimeline {
    let day = r#"[["00:00","24:00"]]"#;
    let json = format!(
        r#"{{"timezone":"UTC","week":{{"mon":{day},"tue":{day},"wed":{day},"thu":{day},"fri":{day},"sat":{day},"sun":{day}}}}}"#
    );
    BusinessTimeline::new(BusinessCalendar::from_json(&json).unwrap()).unwrap()
}

fn berlin_office() -> BusinessTimeline {
    let day = r#"[["08:00","12:00"],["13:00","17:00"]]"#;
    let json = format!(
        r#"{{"timezone":"Europe/Berlin","week":{{"mon":{day},"tue":{day},"wed":{day},"thu":{day},"fri":{day}}},"holidays":["2026-04-03"]}}"#
    );
    BusinessTimeline::new(BusinessCalendar::from_json(&json).unwrap()).unwrap()
}

/// An instant `hours` after 2026-01-05T00:00Z (a Monday).
fn hour(hours: i64) -> Timestamp {
    Timestamp::from_millis(1_767_571_200_000 + hours * 3_600_000).unwrap()
}

fn history(changes: &[(i64, Status)], targets: &[(i64, u32, u32)]) -> ClockHistory {
    ClockHistory {
        created: hour(0),
        status_changes: changes.iter().map(|&(at, status)| StatusChange { at: hour(at), status }).collect(),
        targets: targets
            .iter()
            .map(|&(at, response_minutes, resolution_minutes)| TargetChange {
                at: hour(at),
                response_minutes,
                resolution_minutes,
            })
            .collect(),
        first_response: None,
        pausing_statuses: default_pausing_statuses(),
        warning_thresholds: default_warning_thresholds(),
    }
}

#[test]
fn measured_at_the_instant_of_the_first_response_the_response_clock_has_stopped() {
    let mut responded = history(&[(1, Status::InProgress)], &[(0, 240, 480)]);
    responded.first_response = Some(hour(2));
    let response = ticket_clocks(&mut around_the_clock(), &responded, hour(2)).unwrap().response;
    assert_eq!(
        (response.state, response.elapsed_seconds, response.next_warning),
        (ClockState::Stopped, 2 * 3600, None)
    );
    assert_eq!(response.due, None, "met before its target: no deadline left to show");
}

#[test]
fn pending_pauses_the_resolution_clock_and_warnings_follow_the_share_used() {
    let history = history(&[(1, Status::InProgress), (2, Status::Pending), (5, Status::InProgress)], &[(0, 60, 240)]);
    let clocks = ticket_clocks(&mut around_the_clock(), &history, hour(6)).unwrap();
    let resolution = clocks.resolution;
    assert_eq!(resolution.state, ClockState::Running);
    assert_eq!(resolution.elapsed_seconds, 3 * 3600);
    assert_eq!(resolution.due, Some(hour(7)));
    assert_eq!(resolution.percent_used, 75.0);
    assert_eq!(resolution.warnings_reached, vec![75]);
    assert_eq!(resolution.next_warning, Some(hour(7)));
    assert!(!resolution.breached);
    let states: Vec<(ClockState, i64)> =
        resolution.spans.iter().map(|span| (span.state, span.business_seconds)).collect();
    assert_eq!(
        states,
        vec![
            (ClockState::Running, 3600),
            (ClockState::Running, 3600),
            (ClockState::Paused, 0),
            (ClockState::Running, 3600)
        ]
    );
    // The response clock is not paused by Pending and, with no response, is breached after an hour.
    assert_eq!(clocks.response.elapsed_seconds, 6 * 3600);
    assert_eq!(clocks.response.due, Some(hour(1)));
    assert!(clocks.response.breached);
}

#[test]
fn resolved_stops_the_clock_and_reopening_resumes_it() {
    let history = history(&[(2, Status::Resolved), (4, Status::InProgress)], &[(0, 60, 480)]);
    let mut timeline = around_the_clock();
    let at_three = ticket_clocks(&mut timeline, &history, hour(3)).unwrap().resolution;
    assert_eq!((at_three.state, at_three.elapsed_seconds, at_three.due), (ClockState::Stopped, 2 * 3600, None));
    let at_five = ticket_clocks(&mut timeline, &history, hour(5)).unwrap();
    assert_eq!((at_five.resolution.state, at_five.resolution.elapsed_seconds), (ClockState::Running, 3 * 3600));
    assert_eq!(at_five.resolution.due, Some(hour(10)));
    // Resolving counts as the response when none was recorded.
    assert_eq!((at_five.response.state, at_five.response.elapsed_seconds), (ClockState::Stopped, 2 * 3600));
}

#[test]
fn a_priority_change_retargets_and_keeps_the_elapsed_time() {
    let history = history(&[(0, Status::InProgress)], &[(0, 60, 480), (2, 30, 240)]);
    let mut timeline = around_the_clock();
    let before = ticket_clocks(&mut timeline, &history, hour(1)).unwrap().resolution;
    assert_eq!((before.target_seconds, before.due), (8 * 3600, Some(hour(8))));
    let after = ticket_clocks(&mut timeline, &history, hour(3)).unwrap().resolution;
    assert_eq!((after.target_seconds, after.elapsed_seconds, after.due), (4 * 3600, 3 * 3600, Some(hour(4))));
}

#[test]
fn the_first_response_stops_the_response_clock() {
    let mut history = history(&[], &[(0, 120, 480)]);
    history.first_response = Some(Timestamp::from_millis(hour(1).millis() + 30 * 60_000).unwrap());
    let response = ticket_clocks(&mut around_the_clock(), &history, hour(5)).unwrap().response;
    assert_eq!(
        (response.state, response.elapsed_seconds, response.due, response.breached),
        (ClockState::Stopped, 5400, None, false)
    );
    assert_eq!(response.warnings_reached, vec![75]);
    assert_eq!(response.next_warning, None);
}

#[test]
fn pausing_statuses_are_configurable() {
    let mut history = history(&[(1, Status::Pending)], &[(0, 60, 480)]);
    history.pausing_statuses = vec![];
    let resolution = ticket_clocks(&mut around_the_clock(), &history, hour(3)).unwrap().resolution;
    assert_eq!((resolution.state, resolution.elapsed_seconds), (ClockState::Running, 3 * 3600));
}

#[test]
fn clocks_follow_the_business_calendar() {
    // Monday 2026-01-05 00:00Z; office hours 08–12, 13–17 CET = 07–11Z, 12–16Z. Eight hours
    // of business time are the whole Monday, due at 16:00Z.
    let history = history(&[], &[(0, 60, 480)]);
    let resolution = ticket_clocks(&mut berlin_office(), &history, hour(9)).unwrap().resolution;
    assert_eq!(resolution.elapsed_seconds, 2 * 3600);
    assert_eq!(resolution.due, Some(hour(16)));
    assert_eq!(resolution.next_warning, Some(hour(14)));
}

#[test]
fn a_ticket_without_targets_is_an_error() {
    let error = ticket_clocks(&mut around_the_clock(), &history(&[], &[]), hour(1)).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("targets"));
}

const STATUSES: [Status; 6] =
    [Status::New, Status::Assigned, Status::InProgress, Status::Pending, Status::Resolved, Status::Closed];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The resolution clock is exactly `elapsed` from creation to now with the paused and
    /// stopped spans as pauses, and its due instant, when running, is `due` of what is left.
    #[test]
    fn resolution_clock_equals_elapsed_with_pauses(
        changes in proptest::collection::vec((0i64..400 * 60, 0usize..6), 0..8),
        now_minutes in 0i64..500 * 60,
        target_minutes in 0u32..6000,
    ) {
        let mut timeline = berlin_office();
        let history = ClockHistory {
            created: hour(0),
            status_changes: changes
                .iter()
                .map(|&(minute, status)| StatusChange { at: Timestamp::from_millis(hour(0).millis() + minute * 60_000).unwrap(), status: STATUSES[status] })
                .collect(),
            targets: vec![TargetChange { at: hour(0), response_minutes: 60, resolution_minutes: target_minutes }],
            first_response: None,
            pausing_statuses: default_pausing_statuses(),
            warning_thresholds: default_warning_thresholds(),
        };
        let now = Timestamp::from_millis(hour(0).millis() + now_minutes * 60_000).unwrap();
        let clock = ticket_clocks(&mut timeline, &history, now).unwrap().resolution;
        let pauses: Vec<(i64, i64)> = clock
            .spans
            .iter()
            .filter(|span| span.state != ClockState::Running)
            .map(|span| (span.from.millis(), span.to.millis()))
            .collect();
        let pauses = PauseSet::from_millis(pauses);
        let expected = timeline.elapsed_millis(hour(0).millis(), now.millis(), &pauses).unwrap();
        prop_assert_eq!(clock.elapsed_seconds * 1000, expected);
        let spans_total: i64 = clock.spans.iter().map(|span| span.business_seconds).sum();
        prop_assert_eq!(spans_total, clock.elapsed_seconds);
        prop_assert_eq!(clock.breached, expected > i64::from(target_minutes) * 60_000);
        if let Some(due) = clock.due {
            let before_due = timeline.elapsed_millis(hour(0).millis(), due.millis(), &pauses).unwrap();
            if due <= now {
                prop_assert_eq!(before_due, i64::from(target_minutes) * 60_000);
            } else {
                prop_assert_eq!(clock.state, ClockState::Running);
                prop_assert_eq!(timeline.due_millis(now.millis(), i64::from(target_minutes) * 60_000 - expected, &PauseSet::default()).unwrap(), due.millis());
            }
        } else {
            prop_assert!(clock.state != ClockState::Running && expected < i64::from(target_minutes) * 60_000);
        }
    }
}
