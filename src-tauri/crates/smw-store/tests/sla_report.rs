//! The SLA report on a small data set whose figures are worked out by hand (office hours
//! Mon–Fri 09:00–17:00 UTC; P2 respond 30 min / resolve 4 h, P3 respond 1 h / resolve 8 h).

mod common;
mod sla_setup;
use common::*;
use sla_setup::*;
use smw_core::priority::Level;
use smw_core::views_sla::{ClockKind, ComplianceFigure, SlaReport};
use smw_core::workflow::Status;

fn figure(met: i64, breached: i64, percent: Option<f64>) -> ComplianceFigure {
    ComplianceFigure { met, breached, percent }
}

/// E (April): resolved within the hour, before any response.
/// A (May): responded after 30 min, resolved after 3 h: both met.
/// B (May, P2): responded after 2 h, resolved after 10 business hours: both late.
/// C (Friday 29 May): never touched: both clocks breached while open (on Friday).
/// D (Monday 1 June, 09:00): no response by 10:00: response breached; resolution undecided.
fn data() -> SlaWorld {
    let w = world();
    let e = w.ticket("2026-04-30T09:00:00Z", Level::Medium);
    w.move_to(&e.key, "2026-04-30T10:00:00Z", Status::Resolved);
    let a = w.ticket("2026-05-04T09:00:00Z", Level::Medium);
    w.respond(&a.key, "2026-05-04T09:30:00Z");
    w.move_to(&a.key, "2026-05-04T12:00:00Z", Status::Resolved);
    let b = w.ticket("2026-05-04T09:00:00Z", Level::High);
    assert_eq!(b.priority, 2);
    w.respond(&b.key, "2026-05-04T11:00:00Z");
    w.move_to(&b.key, "2026-05-05T11:00:00Z", Status::Resolved);
    w.ticket("2026-05-29T09:00:00Z", Level::Medium);
    w.ticket("2026-06-01T09:00:00Z", Level::Medium);
    w
}

fn report(w: &SlaWorld, from: &str) -> SlaReport {
    w.f.ws.sla_report(at("2026-06-01T12:00:00Z"), Some(at(from)), Some(at("2026-07-01T00:00:00Z"))).unwrap()
}

#[test]
fn compliance_counts_each_clock_in_the_month_it_was_decided() {
    let w = data();
    let r = report(&w, "2026-05-01T00:00:00Z");
    assert_eq!(r.overall.response, figure(1, 3, Some(25.0)));
    assert_eq!(r.overall.resolution, figure(1, 2, Some(33.33)));
    let months: Vec<(&str, ComplianceFigure, ComplianceFigure)> =
        r.overall.months.iter().map(|m| (m.month.as_str(), m.response.clone(), m.resolution.clone())).collect();
    assert_eq!(
        months,
        vec![
            ("2026-05", figure(1, 2, Some(33.33)), figure(1, 2, Some(33.33))),
            ("2026-06", figure(0, 1, Some(0.0)), figure(0, 0, None)),
        ]
    );
    assert_eq!(r.overall.trend_points, None, "one month with resolution figures is no trend");

    let priorities: Vec<(&str, ComplianceFigure, ComplianceFigure)> =
        r.by_priority.iter().map(|row| (row.key.as_str(), row.response.clone(), row.resolution.clone())).collect();
    assert_eq!(
        priorities,
        vec![
            ("P2", figure(0, 1, Some(0.0)), figure(0, 1, Some(0.0))),
            ("P3", figure(1, 2, Some(33.33)), figure(1, 1, Some(50.0))),
        ]
    );
    assert_eq!(r.by_service.len(), 1);
    assert_eq!((r.by_service[0].key.as_str(), r.by_service[0].name.as_str()), (w.service.key.as_str(), "Email"));
    assert_eq!(r.by_customer[0].resolution, r.overall.resolution);
}

#[test]
fn trend_compares_the_last_two_months_with_figures() {
    let r = report(&data(), "2026-04-01T00:00:00Z");
    assert_eq!(r.overall.months[0].month, "2026-04");
    assert_eq!(r.overall.months[0].resolution, figure(1, 0, Some(100.0)));
    assert_eq!(r.overall.months[0].response, figure(1, 0, Some(100.0)), "resolving first stops the response clock");
    assert_eq!(r.overall.trend_points, Some(-66.67));
}

#[test]
fn breached_tickets_are_listed_most_overdue_first_and_mean_times_add_up() {
    let r = report(&data(), "2026-05-01T00:00:00Z");
    let breached: Vec<(&str, ClockKind, i64)> =
        r.breached.iter().map(|c| (c.ticket_key.as_str(), c.clock, c.business_seconds_left)).collect();
    assert_eq!(
        breached,
        vec![
            ("INC-000004", ClockKind::Response, -36_000),
            ("INC-000004", ClockKind::Resolution, -10_800),
            ("INC-000005", ClockKind::Response, -7_200),
        ]
    );
    assert!(r.at_risk.is_empty(), "{:?}", r.at_risk);
    assert_eq!(
        (r.resolved, r.mean_time_to_resolve_seconds, r.mean_resolution_business_seconds),
        (2, Some(52_200), Some(23_400))
    );
    assert_eq!((r.responded, r.mean_first_response_seconds), (2, Some(4_500)));
    assert_eq!(
        (r.backlog.open, r.backlog.mean_age_seconds, r.backlog.oldest_age_seconds),
        (2, Some(140_400), Some(270_000))
    );
    let counts: Vec<i64> = r.backlog.buckets.iter().map(|b| b.count).collect();
    assert_eq!(counts, vec![1, 0, 1, 0, 0]);
}

#[test]
fn an_empty_period_is_refused_and_the_default_covers_six_months() {
    let w = data();
    let err = w.f.ws.sla_report(
        at("2026-06-01T12:00:00Z"),
        Some(at("2026-06-01T00:00:00Z")),
        Some(at("2026-06-01T00:00:00Z")),
    );
    assert_eq!(err.unwrap_err().field(), Some("from"));
    let r = w.f.ws.sla_report(at("2026-06-01T12:00:00Z"), None, None).unwrap();
    assert_eq!((r.from, r.to), (at("2026-01-01T00:00:00Z"), at("2026-06-01T12:00:00Z")));
    assert_eq!(r.overall.months.len(), 3);
}
