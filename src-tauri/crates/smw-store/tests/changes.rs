//! Change announcements: a write tells the listener exactly what it wrote, once it has
//! committed; another process's writes are read back from the audit log the same way.

mod common;
use common::*;
use smw_core::audit::AuditAction;
use smw_core::change::WorkspaceChanged;
use smw_core::comment::CommentDraft;
use smw_core::RecordKind;
use smw_store::Workspace;
use std::sync::{Arc, Mutex};

fn listen(ws: &Workspace) -> Arc<Mutex<Vec<WorkspaceChanged>>> {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = heard.clone();
    ws.on_commit(Arc::new(move |changed| sink.lock().unwrap().push(changed.clone())));
    heard
}

#[test]
fn a_write_announces_the_records_it_wrote_and_a_refused_one_nothing() {
    let f = fixture();
    let heard = listen(&f.ws);
    let ticket = incident(&f, "Printer on fire", "");
    f.ws.comment_add(
        &f.actor,
        at("2026-05-04T10:00:00Z"),
        &ticket.key,
        CommentDraft { body: "Out".into(), internal: false },
    )
    .unwrap();
    f.ws.comment_add(
        &f.actor,
        at("2026-05-04T10:00:00Z"),
        "INC-999999",
        CommentDraft { body: "x".into(), internal: false },
    )
    .unwrap_err();

    let heard = heard.lock().unwrap();
    assert_eq!(heard.len(), 2, "{heard:?}");
    let first = &heard[0];
    assert!(!first.everything && !first.external);
    assert_eq!(first.changes.len(), 1);
    assert_eq!(
        (first.changes[0].family, first.changes[0].key.as_str(), first.changes[0].action),
        (RecordKind::Incident, ticket.key.as_str(), AuditAction::Create)
    );
    assert!(heard[1].changes.iter().any(|c| c.family == RecordKind::Comment));
}

#[test]
fn another_process_writes_are_read_from_the_audit_log() {
    let f = fixture();
    let before = f.ws.audit_head().unwrap();
    // Another process: its own connection to the same file.
    let other = Workspace::open(&f.path).unwrap();
    let ticket = other
        .ticket_create(
            &f.actor,
            at("2026-05-04T09:00:00Z"),
            smw_core::ticket::TicketDraft { title: "From the CLI".into(), ..Default::default() },
        )
        .unwrap();
    let since = f.ws.changes_since(before).unwrap();
    let changed = since.changed.expect("the other process's write is seen");
    assert!(changed.external && !changed.everything);
    assert_eq!(changed.changes.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), [ticket.key.as_str()]);
    assert_eq!(since.head, f.ws.audit_head().unwrap());
    assert!(f.ws.changes_since(since.head).unwrap().changed.is_none());
}

#[test]
fn a_bulk_write_is_announced_as_everything() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("demo.smw")).unwrap();
    let heard = listen(&ws);
    smw_store::demo::generate(&ws, at("2026-06-01T00:00:00Z"), 200, &mut |_| {}).unwrap();
    assert!(heard.lock().unwrap().iter().any(|changed| changed.everything));
    assert!(ws.changes_since(0).unwrap().changed.unwrap().everything);
}
