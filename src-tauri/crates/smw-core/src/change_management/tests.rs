//! Tests of the change rules that span several files: workflow with approvals, acceptance of
//! conflicts, windows across DST, and each kind of collision.

use super::collision::{Booked, Exposure, Landscape, Reach, ScheduleIndex, WindowSpans};
use super::*;
use crate::cmdb::impact::Edge;
use crate::cmdb::{ImpactFlow, ImpactGraph};
use crate::error::Code;
use crate::sla::calendar::BusinessCalendar;
use crate::time::Timestamp;
use uuid::Uuid;

fn ts(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn person(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn draft(kind: ChangeType) -> ChangeDraft {
    ChangeDraft {
        change_type: Some(kind),
        title: "Upgrade the database".into(),
        reason: "Security fix".into(),
        requester_id: Some(person(1)),
        owner_id: Some(person(2)),
        ci_ids: vec![person(100)],
        implementation_plan: "Apply the patch".into(),
        backout_plan: "Restore the snapshot".into(),
        planned_start: Some(ts("2026-03-10T22:00:00Z")),
        planned_end: Some(ts("2026-03-10T23:00:00Z")),
        template: (kind == ChangeType::Standard).then(|| "patch".into()),
        ..Default::default()
    }
}

fn change(kind: ChangeType) -> Change {
    Change::create(draft(kind), Uuid::nil(), "CHG-000001".into(), ts("2026-03-01T09:00:00Z")).unwrap()
}

fn go(change: &mut Change, to: ChangeStatus) -> Result<(), crate::Invalid> {
    let mv = ChangeMove { to: Some(to), ..Default::default() };
    change.apply_move(mv, person(9), &[], ts("2026-03-02T09:00:00Z"))
}

#[test]
fn risk_follows_likelihood_and_impact() {
    use RiskLevel::*;
    assert_eq!(rfc::risk(Low, Low), Low);
    assert_eq!(rfc::risk(Low, High), Medium);
    assert_eq!(rfc::risk(Medium, Medium), Medium);
    assert_eq!(rfc::risk(Medium, High), High);
    let mut c = change(ChangeType::Normal);
    c.apply_patch(ChangePatch { impact: Some(High), ..Default::default() }, ts("2026-03-01T10:00:00Z")).unwrap();
    assert_eq!(c.risk, High);
}

#[test]
fn a_normal_change_runs_the_whole_workflow_with_approvals() {
    let mut c = change(ChangeType::Normal);
    go(&mut c, ChangeStatus::Submitted).unwrap();
    let err = go(&mut c, ChangeStatus::Assessed).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("approver_ids"));
    c.approver_ids = vec![person(3), person(4)];
    go(&mut c, ChangeStatus::Assessed).unwrap();
    let err = go(&mut c, ChangeStatus::Approved).unwrap_err();
    assert_eq!(
        (err.code, err.message.as_str()),
        (Code::ApprovalsPending, "2 of 2 approvers have still to approve the change.")
    );
    let now = ts("2026-03-03T09:00:00Z");
    assert_eq!(c.decide(person(3), Verdict::Approve, "fine", false, &[], now).unwrap(), None);
    assert_eq!(c.decide(person(4), Verdict::Approve, "", false, &[], now).unwrap(), Some(ChangeStatus::Approved));
    assert_eq!(c.approved_at, Some(now));
    go(&mut c, ChangeStatus::Scheduled).unwrap();
    go(&mut c, ChangeStatus::Implementing).unwrap();
    go(&mut c, ChangeStatus::Failed).unwrap();
    assert_eq!(c.ended_as, Some(ChangeStatus::Failed));
    let err = go(&mut c, ChangeStatus::Closed).unwrap_err();
    assert!(err.message.contains("Review the change before closing it"), "{err}");
    let err = go(&mut c, ChangeStatus::Reviewed).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("review_outcome"));
    let review = ChangeMove {
        to: Some(ChangeStatus::Reviewed),
        review_outcome: Some(ReviewOutcome::Unsuccessful),
        lessons: Some("Test the backout on staging".into()),
        ..Default::default()
    };
    c.apply_move(review, person(2), &[], ts("2026-03-12T09:00:00Z")).unwrap();
    go(&mut c, ChangeStatus::Closed).unwrap();
    assert!(go(&mut c, ChangeStatus::Draft).is_err());
}

#[test]
fn nobody_approves_their_own_change_or_one_they_are_not_named_on() {
    let mut c = change(ChangeType::Normal);
    c.approver_ids = vec![person(2), person(3)];
    go(&mut c, ChangeStatus::Submitted).unwrap();
    go(&mut c, ChangeStatus::Assessed).unwrap();
    let now = ts("2026-03-03T09:00:00Z");
    assert_eq!(c.decide(person(2), Verdict::Approve, "", false, &[], now).unwrap_err().code, Code::SelfApproval);
    assert_eq!(c.decide(person(7), Verdict::Approve, "", false, &[], now).unwrap_err().code, Code::NotAnApprover);
    assert_eq!(
        c.decide(person(3), Verdict::Reject, "", false, &[], now).unwrap_err().field.as_deref(),
        Some("comment")
    );
    assert_eq!(
        c.decide(person(3), Verdict::Reject, "Too risky", false, &[], now).unwrap(),
        Some(ChangeStatus::Rejected)
    );
    assert_eq!(c.decisions[0].comment.as_deref(), Some("Too risky"));
}

#[test]
fn standard_changes_skip_approval_and_emergencies_need_one_board_member() {
    let mut standard = change(ChangeType::Standard);
    go(&mut standard, ChangeStatus::Submitted).unwrap();
    assert!(go(&mut standard, ChangeStatus::Assessed).unwrap_err().message.contains("pre-approved"));
    go(&mut standard, ChangeStatus::Scheduled).unwrap();
    assert!(standard.approved_at.is_some());
    let mut normal = change(ChangeType::Normal);
    go(&mut normal, ChangeStatus::Submitted).unwrap();
    assert!(go(&mut normal, ChangeStatus::Scheduled).unwrap_err().message.contains("Only a standard change"));

    let mut emergency = change(ChangeType::Emergency);
    emergency.approver_ids = vec![person(5), person(6)];
    go(&mut emergency, ChangeStatus::Submitted).unwrap();
    go(&mut emergency, ChangeStatus::Assessed).unwrap();
    let moved = emergency.decide(person(6), Verdict::Approve, "", false, &[], ts("2026-03-03T01:00:00Z")).unwrap();
    assert_eq!(moved, Some(ChangeStatus::Approved));
}

#[test]
fn the_policy_picks_the_board_and_leaves_the_requester_off_it() {
    let service = person(50);
    let policy = ChangePolicy {
        default_board: vec![person(1), person(3)],
        service_boards: vec![policy::ServiceBoard { service_id: service, approver_ids: vec![person(4)] }],
        emergency_board: vec![person(5)],
        design_transition_min_risk: Some(RiskLevel::High),
        ..Default::default()
    };
    let mut c = change(ChangeType::Normal);
    assert_eq!(policy.board_for(&c), vec![person(3)], "the requester (1) is left off");
    c.service_ids = vec![service];
    assert_eq!(policy.board_for(&c), vec![person(4)]);
    c.change_type = ChangeType::Emergency;
    assert_eq!(policy.board_for(&c), vec![person(5)]);
    assert!(!policy.needs_design_transition(&c));
    c.impact = RiskLevel::High;
    c.risk = rfc::risk(c.likelihood, c.impact);
    assert!(policy.needs_design_transition(&c));
    let standard = change(ChangeType::Standard);
    assert_eq!(policy.check_standard(&standard).unwrap_err().field.as_deref(), Some("template"));
}

#[test]
fn scheduling_over_a_conflict_needs_acceptance_which_is_recorded() {
    let mut c = change(ChangeType::Standard);
    go(&mut c, ChangeStatus::Submitted).unwrap();
    let conflict = Conflict {
        id: "same_ci:CHG-000002".into(),
        kind: ConflictKind::SameCi,
        change_key: c.key.clone(),
        other_key: Some("CHG-000002".into()),
        ci_keys: vec!["CI-000001".into()],
        customer_key: None,
        start: ts("2026-03-10T22:00:00Z"),
        end: ts("2026-03-10T23:00:00Z"),
        reason: "CHG-000002 also works on CI-000001.".into(),
    };
    let mv = ChangeMove { to: Some(ChangeStatus::Scheduled), ..Default::default() };
    let err =
        c.apply_move(mv.clone(), person(8), std::slice::from_ref(&conflict), ts("2026-03-04T00:00:00Z")).unwrap_err();
    assert_eq!(err.code, Code::ConflictsNotAccepted);
    assert!(err.message.contains("CHG-000002 also works on CI-000001."));
    let accepting = ChangeMove { accept_conflicts: true, ..mv };
    c.apply_move(accepting, person(8), std::slice::from_ref(&conflict), ts("2026-03-04T00:00:00Z")).unwrap();
    assert_eq!(c.accepted_conflicts.len(), 1);
    assert_eq!(
        (c.accepted_conflicts[0].accepted_by, c.accepted_conflicts[0].conflict_id.as_str()),
        (person(8), "same_ci:CHG-000002")
    );
}

#[test]
fn a_started_change_keeps_its_scope_and_window() {
    let mut c = change(ChangeType::Standard);
    for to in [ChangeStatus::Submitted, ChangeStatus::Scheduled, ChangeStatus::Implementing] {
        go(&mut c, to).unwrap();
    }
    let err = c.apply_patch(
        ChangePatch::reschedule(ts("2026-03-11T22:00:00Z"), ts("2026-03-11T23:00:00Z")),
        ts("2026-03-11T00:00:00Z"),
    );
    assert!(err.unwrap_err().message.contains("has started"));
    let bad = ChangeDraft { planned_end: Some(ts("2026-03-10T21:00:00Z")), ..draft(ChangeType::Normal) };
    let err = Change::create(bad, Uuid::nil(), "CHG-1".into(), ts("2026-03-01T00:00:00Z")).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (Code::EndsBeforeStart, Some("planned_end")));
}

/// 0 app runs on 1 vm runs on 2 host; 3 is a stand-alone CI.
fn graph() -> (ImpactGraph, Vec<String>) {
    let edges = [
        Edge { source: 0, target: 1, flow: ImpactFlow::TowardSource },
        Edge { source: 1, target: 2, flow: ImpactFlow::TowardSource },
    ];
    (ImpactGraph::build(4, &edges), (0..4).map(|n| format!("CI-00000{n}")).collect())
}

fn booked(key: &str, start: &str, end: &str, nodes: Vec<u32>, services: Vec<Uuid>) -> Booked {
    Booked {
        id: Uuid::from_u128(key[4..].parse().unwrap()),
        key: key.into(),
        start: ts(start).millis(),
        end: ts(end).millis(),
        nodes,
        service_ids: services,
    }
}

#[test]
fn changes_collide_on_the_same_ci_and_across_the_impact_set_either_way() {
    let (graph, keys) = graph();
    let host = booked("CHG-000001", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z", vec![2], vec![]);
    let schedule = ScheduleIndex::new(vec![
        booked("CHG-000002", "2026-03-10T22:30:00Z", "2026-03-10T23:30:00Z", vec![0], vec![]),
        booked("CHG-000003", "2026-03-10T21:00:00Z", "2026-03-10T22:15:00Z", vec![2], vec![]),
        booked("CHG-000004", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z", vec![3], vec![]),
        booked("CHG-000005", "2026-03-10T23:00:00Z", "2026-03-11T01:00:00Z", vec![2], vec![]),
        booked("CHG-000006", "2026-03-01T00:00:00Z", "2026-03-20T00:00:00Z", vec![1], vec![]),
    ]);
    let land = Landscape { graph: &graph, node_keys: &keys, schedule: &schedule, windows: &[], exposures: &[] };
    let mut reach = Reach::new(4);
    let found = land.conflicts_of(&host, &mut reach);
    let ids: Vec<&str> = found.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["impact:CHG-000006", "same_ci:CHG-000003", "impact:CHG-000002"],
        "4 is unrelated, 5 starts as 1 ends"
    );
    assert!(found[2].reason.contains("CI-000000, which depends on CI-000002"), "{}", found[2].reason);
    // From the app's side the host is upstream: the same pair, found the other way.
    let app = booked("CHG-000002", "2026-03-10T22:30:00Z", "2026-03-10T23:30:00Z", vec![0], vec![]);
    let other = ScheduleIndex::new(vec![host.clone()]);
    let land = Landscape { schedule: &other, ..land };
    let found = land.conflicts_of(&app, &mut reach);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].reason.contains("CI-000002, which CI-000000 (changed by CHG-000002) depends on"),
        "{}",
        found[0].reason
    );
    // The whole calendar reports each pair once.
    let all = ScheduleIndex::new(vec![host, app]);
    let land = Landscape { schedule: &all, ..land };
    assert_eq!(land.calendar().len(), 1);
}

#[test]
fn windows_and_sla_hours_raise_their_own_conflicts() {
    let (graph, keys) = graph();
    let service = person(77);
    let change = booked("CHG-000001", "2026-03-10T08:30:00Z", "2026-03-10T09:30:00Z", vec![3], vec![service]);
    let span = |a: &str, b: &str| (ts(a).millis(), ts(b).millis());
    let windows = vec![
        WindowSpans {
            key: "WIN-000001".into(),
            name: "Quarter end".into(),
            kind: WindowKind::Blackout,
            service_ids: vec![],
            spans: vec![span("2026-03-10T09:00:00Z", "2026-03-10T12:00:00Z")],
        },
        WindowSpans {
            key: "WIN-000002".into(),
            name: "Other service".into(),
            kind: WindowKind::Blackout,
            service_ids: vec![person(1)],
            spans: vec![span("2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z")],
        },
        WindowSpans {
            key: "WIN-000003".into(),
            name: "Nightly".into(),
            kind: WindowKind::Maintenance,
            service_ids: vec![service],
            spans: vec![span("2026-03-10T01:00:00Z", "2026-03-10T05:00:00Z")],
        },
    ];
    let calendar =
        BusinessCalendar::from_json(r#"{"timezone":"Europe/London","week":{"tue":[["09:00","17:00"]]}}"#).unwrap();
    let exposures = vec![Exposure {
        customer_key: "CUS-000001".into(),
        customer_name: "Acme".into(),
        sla_key: "SLA-000001".into(),
        service_id: service,
        calendar,
    }];
    let schedule = ScheduleIndex::default();
    let land =
        Landscape { graph: &graph, node_keys: &keys, schedule: &schedule, windows: &windows, exposures: &exposures };
    let found = land.conflicts_of(&change, &mut Reach::new(4));
    let kinds: Vec<ConflictKind> = found.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ConflictKind::OutsideMaintenance, ConflictKind::Blackout, ConflictKind::SlaHours]);
    assert!(found[2].reason.contains("30 minutes inside the coverage hours"), "{}", found[2].reason);
    assert_eq!(found[2].customer_key.as_deref(), Some("CUS-000001"));
    let night = booked("CHG-000002", "2026-03-10T02:00:00Z", "2026-03-10T03:00:00Z", vec![3], vec![service]);
    assert!(land.conflicts_of(&night, &mut Reach::new(4)).is_empty());
}

#[test]
fn the_time_index_finds_exactly_the_overlapping_changes() {
    let mut items = Vec::new();
    for i in 0..200i64 {
        let start = (i * 37) % 1000;
        items.push(Booked {
            id: Uuid::from_u128(i as u128),
            key: format!("CHG-{i:06}"),
            start,
            end: start + 1 + (i * 13) % 90,
            nodes: vec![],
            service_ids: vec![],
        });
    }
    let index = ScheduleIndex::new(items.clone());
    for (from, to) in [(0, 10), (500, 520), (990, 2000), (-5, 0), (100, 101)] {
        let mut got: Vec<String> = index.overlapping(from, to).map(|i| index.items()[i].key.clone()).collect();
        let mut want: Vec<String> =
            items.iter().filter(|b| b.start < to && b.end > from).map(|b| b.key.clone()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{from}..{to}");
    }
}
