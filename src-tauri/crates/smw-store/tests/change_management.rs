//! Change management through the store: the workflow and approvals on the audited write
//! path, collisions across the CMDB and with windows, accepted conflicts in the history,
//! unauthorised CI edits found from the audit log, the dashboard with a change that caused an
//! incident, the .ics schedule, and verify and export/import covering the new families.

mod common;
use common::*;
use smw_core::catalogue::ServiceDraft;
use smw_core::change_management::approval::Verdict;
use smw_core::change_management::views::ChangeFilter;
use smw_core::change_management::{
    ChangeDraft, ChangeMove, ChangePolicy, ChangeStatus, ChangeType, ConflictKind, WindowDraft, WindowKind,
};
use smw_core::cmdb::CiFields;
use smw_core::directory::PersonDraft;
use smw_core::link::LinkKind;
use smw_core::{Code, Timestamp};
use smw_store::{Actor, StoreError};
use uuid::Uuid;

struct Estate {
    app: Uuid,
    host: Uuid,
    other: Uuid,
    mail: Uuid,
    bea: Actor,
    cy: Actor,
}

/// Mail runs on app01, which runs on host01; spare01 stands alone. Bea and Cy sit on the board.
fn estate(f: &Fixture) -> Estate {
    let t = at("2026-05-02T09:00:00Z");
    let service = ServiceDraft {
        name: "Mail".into(),
        description: String::new(),
        status: None,
        owner_id: None,
        customer_ids: vec![],
        depends_on: vec![],
    };
    let mail = f.ws.service_create(&f.actor, t, service).unwrap();
    let ci = |name: &str, class: &str, services: Vec<Uuid>| {
        let fields = CiFields {
            name: Some(name.into()),
            class: Some(class.into()),
            service_ids: Some(services),
            ..Default::default()
        };
        f.ws.ci_create(&f.actor, t, fields).unwrap()
    };
    let app = ci("app01", "application", vec![mail.id]);
    let host = ci("host01", "server", vec![]);
    let other = ci("spare01", "server", vec![]);
    f.ws.relate(&f.actor, t, &app.key, "runs_on", &host.key).unwrap();
    let person = |name: &str, email: &str| {
        let p = f
            .ws
            .person_create(&f.actor, t, PersonDraft { name: name.into(), email: email.into(), ..Default::default() })
            .unwrap();
        Actor { id: Some(p.id), name: p.name }
    };
    let bea = person("Bea Board", "bea@example.org");
    let cy = person("Cy Board", "cy@example.org");
    let policy = ChangePolicy {
        controlled_service_ids: vec![mail.id],
        default_board: vec![bea.id.unwrap(), cy.id.unwrap()],
        emergency_board: vec![cy.id.unwrap()],
        ..Default::default()
    };
    f.ws.set_change_policy(&f.actor, t, policy).unwrap();
    Estate { app: app.id, host: host.id, other: other.id, mail: mail.id, bea, cy }
}

fn rfc(title: &str, cis: Vec<Uuid>, start: &str, end: &str) -> ChangeDraft {
    ChangeDraft {
        title: title.into(),
        reason: "Keep the service patched".into(),
        ci_ids: cis,
        implementation_plan: "Patch and reboot".into(),
        backout_plan: "Roll back the package".into(),
        planned_start: Some(at(start)),
        planned_end: Some(at(end)),
        ..Default::default()
    }
}

fn to(status: ChangeStatus) -> ChangeMove {
    ChangeMove { to: Some(status), ..Default::default() }
}

fn t(text: &str) -> Timestamp {
    at(text)
}

#[test]
fn a_change_is_approved_by_its_board_but_never_by_its_requester() {
    let f = fixture();
    let e = estate(&f);
    let saved =
        f.ws.change_create(
            &e.bea,
            t("2026-05-03T09:00:00Z"),
            rfc("Patch host01", vec![e.host], "2026-05-10T22:00:00Z", "2026-05-10T23:00:00Z"),
        )
        .unwrap();
    let key = saved.change.key.clone();
    assert_eq!(key, "CHG-000001");
    assert_eq!(saved.change.requester_id, e.bea.id, "the person raising it is the requester");
    f.ws.change_move(&e.bea, t("2026-05-03T09:10:00Z"), &key, to(ChangeStatus::Submitted), None).unwrap();
    let assessed = f.ws.change_move(&e.cy, t("2026-05-03T10:00:00Z"), &key, to(ChangeStatus::Assessed), None).unwrap();
    assert_eq!(assessed.change.approver_ids, vec![e.cy.id.unwrap()], "Bea requested it, so the board is Cy alone");
    let err =
        f.ws.change_decide(&e.bea, t("2026-05-03T11:00:00Z"), &key, Verdict::Approve, "", false, None).unwrap_err();
    assert_eq!(err.code(), Code::SelfApproval);
    let approved =
        f.ws.change_decide(&e.cy, t("2026-05-03T11:00:00Z"), &key, Verdict::Approve, "Go", false, None).unwrap();
    assert_eq!(approved.change.status, ChangeStatus::Approved);
    let detail = f.ws.change_detail(&key).unwrap();
    assert_eq!(detail.next_statuses, vec![ChangeStatus::Scheduled]);
    assert!(
        detail.history.iter().any(|entry| entry.actor == "Cy Board"),
        "the decision is in the history under Cy's name"
    );
    let err = f.ws.change_move(&e.bea, t("2026-05-03T12:00:00Z"), &key, to(ChangeStatus::Closed), None).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref i) if i.code == Code::InvalidTransition), "{err}");
}

#[test]
fn collisions_are_found_across_the_cmdb_and_with_blackouts_and_accepting_them_is_recorded() {
    let f = fixture();
    let e = estate(&f);
    let now = t("2026-05-03T09:00:00Z");
    let first = f
        .ws
        .change_create(&e.bea, now, rfc("Patch host01", vec![e.host], "2026-05-10T22:00:00Z", "2026-05-10T23:00:00Z"))
        .unwrap();
    f.ws.change_move(&e.bea, now, &first.change.key, to(ChangeStatus::Submitted), None).unwrap();
    let second = f
        .ws
        .change_create(&e.bea, now, rfc("Upgrade app01", vec![e.app], "2026-05-10T22:30:00Z", "2026-05-10T23:30:00Z"))
        .unwrap();
    assert_eq!(second.conflicts.len(), 1, "{:?}", second.conflicts);
    assert_eq!(second.conflicts[0].kind, ConflictKind::Impact);
    let spare =
        f.ws.change_create(&e.bea, now, rfc("Spare", vec![e.other], "2026-05-10T22:30:00Z", "2026-05-10T23:30:00Z"))
            .unwrap();
    assert!(spare.conflicts.is_empty(), "an unrelated CI does not collide");

    let blackout = WindowDraft {
        name: Some("Month end".into()),
        kind: Some(WindowKind::Blackout),
        time_zone: Some("Europe/London".into()),
        starts_local: Some("2026-05-10T23:00".into()),
        duration_minutes: Some(120),
        service_ids: Some(vec![e.mail]),
        ..Default::default()
    };
    let window = f.ws.change_window_create(&f.actor, now, blackout).unwrap();
    assert_eq!(window.key, "WIN-000001");
    let occurrences = f.ws.change_window_occurrences(t("2026-05-01T00:00:00Z"), t("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(occurrences.len(), 1);
    assert_eq!(occurrences[0].start, t("2026-05-10T22:00:00Z"), "23:00 BST");
    let kinds: Vec<ConflictKind> = f.ws.change_conflicts(&second.change.key).unwrap().iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ConflictKind::Blackout, ConflictKind::Impact], "app01 supports Mail, which the blackout covers");

    // Standard-free path: submit, assess, approve over the conflicts only once accepted.
    let key = second.change.key.clone();
    f.ws.change_move(&e.bea, now, &key, to(ChangeStatus::Submitted), None).unwrap();
    f.ws.change_move(&e.bea, now, &key, to(ChangeStatus::Assessed), None).unwrap();
    let err = f.ws.change_decide(&e.cy, now, &key, Verdict::Approve, "", false, None).unwrap_err();
    assert_eq!(err.code(), Code::ConflictsNotAccepted);
    assert!(f.ws.change_get(&key).unwrap().decisions.is_empty(), "a refused decision writes nothing");
    let approved = f.ws.change_decide(&e.cy, now, &key, Verdict::Approve, "Accepted with care", true, None).unwrap();
    assert_eq!(approved.change.accepted_conflicts.len(), 2);
    assert!(approved.change.accepted_conflicts.iter().all(|a| a.accepted_by == e.cy.id.unwrap()));

    // A drag to a free slot clears the conflicts.
    let moved =
        f.ws.change_reschedule(&e.bea, now, &key, t("2026-05-12T01:00:00Z"), t("2026-05-12T02:00:00Z"), None).unwrap();
    assert!(moved.conflicts.is_empty(), "{:?}", moved.conflicts);
    let report = f.ws.change_collisions(t("2026-05-01T00:00:00Z"), t("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(report.changes_checked, 2, "the draft is not on the calendar");
    let listed = f.ws.changes_list(&ChangeFilter { ci_id: Some(e.app), ..Default::default() }).unwrap();
    assert_eq!(listed.len(), 1);
}

#[test]
fn unauthorised_ci_edits_dashboard_links_and_the_schedule_come_from_the_records() {
    let f = fixture();
    let e = estate(&f);
    let app_key = "CI-000001";
    // An edit of a controlled CI with no change open on it.
    let rename = CiFields { description: Some("edited by hand".into()), ..Default::default() };
    f.ws.ci_update(&f.actor, t("2026-05-04T09:00:00Z"), app_key, rename, None).unwrap();
    // An edit of an uncontrolled CI is fine.
    f.ws.ci_update(
        &f.actor,
        t("2026-05-04T09:00:00Z"),
        "CI-000003",
        CiFields { description: Some("x".into()), ..Default::default() },
        None,
    )
    .unwrap();

    let mut draft = rfc("Upgrade app01", vec![e.app], "2026-05-10T22:00:00Z", "2026-05-10T23:00:00Z");
    draft.change_type = Some(ChangeType::Emergency);
    draft.service_ids = vec![e.mail];
    let key = f.ws.change_create(&e.bea, t("2026-05-05T09:00:00Z"), draft).unwrap().change.key;
    for (who, status) in [(&e.bea, ChangeStatus::Submitted), (&e.bea, ChangeStatus::Assessed)] {
        f.ws.change_move(who, t("2026-05-05T10:00:00Z"), &key, to(status), None).unwrap();
    }
    f.ws.change_decide(&e.cy, t("2026-05-05T11:00:00Z"), &key, Verdict::Approve, "", true, None).unwrap();
    for status in [ChangeStatus::Scheduled, ChangeStatus::Implementing] {
        f.ws.change_move(
            &e.bea,
            t("2026-05-10T22:00:00Z"),
            &key,
            ChangeMove { accept_conflicts: true, ..to(status) },
            None,
        )
        .unwrap();
    }
    // Made during the change: authorised.
    f.ws.ci_update(
        &f.actor,
        t("2026-05-10T22:30:00Z"),
        app_key,
        CiFields { description: Some("patched".into()), ..Default::default() },
        None,
    )
    .unwrap();
    f.ws.change_move(&e.bea, t("2026-05-10T23:00:00Z"), &key, to(ChangeStatus::Failed), None).unwrap();
    let found = f.ws.changes_unauthorised().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].ci_key.as_str(), found[0].at), (app_key, t("2026-05-04T09:00:00Z")));

    let incident = incident(&f, "Mail down", "");
    f.ws.link_add(&f.actor, t("2026-05-11T08:00:00Z"), &incident.key, &key, LinkKind::CausedBy).unwrap();
    let detail = f.ws.change_detail(&key).unwrap();
    assert_eq!(detail.links.len(), 1);
    assert_eq!(detail.links[0].other_key, incident.key);
    let figures = f.ws.change_dashboard().unwrap();
    assert_eq!((figures.overall.total, figures.overall.emergency, figures.overall.caused_incidents), (1, 1, 1));
    assert_eq!(figures.overall.success_rate, Some(0.0));
    assert_eq!(figures.by_month[0].month.as_deref(), Some("2026-05"));

    let hits = f.ws.changes_search("upgrade APP01", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        f.ws.search("upgrade", 10).unwrap().iter().any(|hit| hit.key == key),
        "the global search finds changes too"
    );
    let edits = f.ws.change_ci_edits(&key).unwrap();
    assert_eq!(edits.len(), 1, "the edit made while it was implemented, not the one before");
    assert_eq!(edits[0].at, t("2026-05-10T22:30:00Z"));
    let ics =
        f.ws.change_schedule_ics(t("2026-05-01T00:00:00Z"), t("2026-06-01T00:00:00Z"), None, t("2026-05-01T00:00:00Z"))
            .unwrap();
    assert!(!ics.contains(&key), "a failed change is no longer on the forward schedule");
}

#[test]
fn verify_and_export_import_carry_changes_windows_and_releases() {
    let f = fixture();
    let e = estate(&f);
    let now = t("2026-05-03T09:00:00Z");
    let release =
        f.ws.release_create(
            &f.actor,
            now,
            smw_core::change_management::ReleaseDraft { name: Some("May release".into()), ..Default::default() },
        )
        .unwrap();
    assert_eq!(release.key, "RLS-000001");
    let mut draft = rfc("Patch host01", vec![e.host], "2026-05-10T22:00:00Z", "2026-05-10T23:00:00Z");
    draft.release_id = Some(release.id);
    let change = f.ws.change_create(&e.bea, now, draft).unwrap().change;
    let window = WindowDraft {
        name: Some("Sunday nights".into()),
        kind: Some(WindowKind::Maintenance),
        time_zone: Some("Europe/London".into()),
        starts_local: Some("2026-05-03T01:00".into()),
        duration_minutes: Some(240),
        rrule: Some("FREQ=WEEKLY;BYDAY=SU".into()),
        ..Default::default()
    };
    f.ws.change_window_create(&f.actor, now, window).unwrap();
    assert_eq!(f.ws.release_get(&release.key).unwrap().changes.len(), 1);
    assert!(smw_store::verify(&f.path).unwrap().ok);
    let mut out = Vec::new();
    f.ws.export_jsonl(t("2026-06-01T00:00:00Z"), &mut out, &mut |_| {}).unwrap();
    let copy = f.dir.path().join("copy.smw");
    smw_store::transfer::import_new_workspace(&copy, t("2026-06-01T00:00:00Z"), &mut out.as_slice(), &mut |_| {})
        .unwrap();
    assert!(smw_store::verify(&copy).unwrap().ok);
    let copied = smw_store::Workspace::open(&copy).unwrap();
    assert_eq!(copied.change_get(&change.key).unwrap(), change);
    assert_eq!(copied.change_windows().unwrap().len(), 1);

    // A bad window is refused naming the field, and nothing is written.
    let bad = WindowDraft { rrule: Some("FREQ=SOMETIMES".into()), ..Default::default() };
    let err = f.ws.change_window_update(&f.actor, now, "WIN-000001", bad, None).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref i) if i.field.as_deref() == Some("rrule")), "{err}");
    assert!(f.ws.change_windows().unwrap()[0].rrule.as_deref() == Some("FREQ=WEEKLY;BYDAY=SU"));
}
