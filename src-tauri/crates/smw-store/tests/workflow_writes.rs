//! Writes through the store: validation first, one transaction, nothing half-written.

mod common;
use common::*;
use smw_core::ticket::{TicketDraft, TicketPatch, Transition};
use smw_core::workflow::Status;
use smw_core::Code;
use smw_store::StoreError;

fn audit_count(f: &Fixture) -> i64 {
    smw_store::verify(&f.path).unwrap().audit_entries
}

#[test]
fn a_refused_transition_changes_nothing_and_explains_why() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    let before = audit_count(&f);
    let close = Transition { to: Status::Closed, pending_reason: None, resolution_code: None, resolution_notes: None };
    let err = f.ws.ticket_transition(&f.actor, at("2026-05-04T12:00:00Z"), &t.key, close, Some(1)).unwrap_err();
    assert_eq!(err.code(), Code::InvalidTransition);
    assert!(err.to_string().contains("Only a resolved ticket can be closed"), "{err}");
    assert_eq!(f.ws.ticket_get(&t.key).unwrap(), t);
    assert_eq!(audit_count(&f), before);
}

#[test]
fn a_stale_version_is_a_conflict() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    let patch = TicketPatch { title: Some("Mail down again".into()), ..Default::default() };
    f.ws.ticket_update(&f.actor, at("2026-05-04T12:00:00Z"), &t.key, patch.clone(), Some(1)).unwrap();
    let err = f.ws.ticket_update(&f.actor, at("2026-05-04T12:01:00Z"), &t.key, patch, Some(1)).unwrap_err();
    assert_eq!(err.code(), Code::Conflict);
}

#[test]
fn unknown_references_name_the_field() {
    let f = fixture();
    let draft = TicketDraft { title: "x".into(), assignee_id: Some(uuid::Uuid::nil()), ..Default::default() };
    let err = f.ws.ticket_create(&f.actor, at("2026-05-04T12:00:00Z"), draft).unwrap_err();
    assert_eq!((err.code(), err.field()), (Code::UnknownReference, Some("assignee_id")));
    assert!(err.to_string().contains("The assignee you chose does not exist or has been retired"), "{err}");
    assert_eq!(f.ws.ticket_count().unwrap(), 0);
}

#[test]
fn keys_count_up_per_kind() {
    let f = fixture();
    assert_eq!(incident(&f, "one", "").key, "INC-000001");
    assert_eq!(incident(&f, "two", "").key, "INC-000002");
    let request =
        TicketDraft { kind: Some(smw_core::ticket::TicketKind::Request), title: "laptop".into(), ..Default::default() };
    assert_eq!(f.ws.ticket_create(&f.actor, at("2026-05-04T12:00:00Z"), request).unwrap().key, "REQ-000001");
}

#[test]
fn the_full_lifecycle_through_the_store() {
    let f = fixture();
    let t = incident(&f, "Printer jams", "");
    let assign = TicketPatch { assignee_id: Some(f.actor.id), ..Default::default() };
    let t = f.ws.ticket_update(&f.actor, at("2026-05-04T09:10:00Z"), &t.key, assign, Some(t.version)).unwrap();
    let go = |to: Status| Transition { to, pending_reason: None, resolution_code: None, resolution_notes: None };
    let t = f.ws.ticket_transition(&f.actor, at("2026-05-04T09:20:00Z"), &t.key, go(Status::InProgress), None).unwrap();
    let missing =
        f.ws.ticket_transition(&f.actor, at("2026-05-04T09:30:00Z"), &t.key, go(Status::Resolved), None).unwrap_err();
    assert_eq!(missing.field(), Some("resolution_code"));
    let resolve = Transition {
        resolution_code: Some("fixed".into()),
        resolution_notes: Some("cleaned the rollers".into()),
        ..go(Status::Resolved)
    };
    let t = f.ws.ticket_transition(&f.actor, at("2026-05-04T09:40:00Z"), &t.key, resolve, None).unwrap();
    assert_eq!(t.resolved_at, Some(at("2026-05-04T09:40:00Z")));
    let board = f.ws.board(&Default::default(), 50).unwrap();
    let resolved = board.columns.iter().find(|c| c.status == Status::Resolved).unwrap();
    assert_eq!(resolved.cards.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), vec![t.key.as_str()]);
    assert!(smw_store::verify(&f.path).unwrap().ok);
}

#[test]
fn validation_errors_are_bad_input() {
    let f = fixture();
    let err = f.ws.ticket_create(&f.actor, at("2026-05-04T12:00:00Z"), TicketDraft::default()).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert_eq!(err.field(), Some("title"));
    assert!(err.is_bad_input());
}
