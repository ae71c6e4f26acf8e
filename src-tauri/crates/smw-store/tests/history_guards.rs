//! The shortcuts closed: the log takes only its next entry, and verify names a changed guard,
//! derived data out of step with the records, and a forged signature.

mod common;
mod sla_setup;
use common::*;
use sla_setup::*;
use smw_core::directory::PersonDraft;
use smw_core::priority::Level;
use smw_core::workflow::Status;
use smw_store::KeyFolder;

fn codes(f: &Fixture) -> Vec<String> {
    let report = smw_store::verify(&f.path).unwrap();
    assert_eq!(report.ok, report.findings.is_empty());
    report.findings.into_iter().map(|finding| finding.code).collect()
}

fn try_sql(f: &Fixture, sql: &str) -> Result<(), String> {
    rusqlite::Connection::open(&f.path).unwrap().execute_batch(sql).map_err(|e| e.to_string())
}

#[test]
fn the_log_refuses_a_replace_and_any_insert_that_is_not_its_next_entry() {
    let f = fixture();
    incident(&f, "Mail down", "");
    incident(&f, "VPN slow", "");
    let copy_of = |seq: i64, new_seq: &str, prev: &str| {
        format!(
            "INSERT OR REPLACE INTO audit_log SELECT {new_seq}, at, actor_id, 'Mallory', action, record_kind, record_id,
             record_key, changes, row_digest, {prev}, hash FROM audit_log WHERE seq = {seq}"
        )
    };
    // Over an old entry: REPLACE would delete it without firing the delete trigger.
    let error = try_sql(&f, &copy_of(2, "seq", "prev_hash")).unwrap_err();
    assert!(error.contains("only takes its next entry"), "{error}");
    // Numbered next, but not linked to the newest entry.
    let error = try_sql(&f, &copy_of(2, "4", "prev_hash")).unwrap_err();
    assert!(error.contains("only takes its next entry"), "{error}");
    // Far ahead, leaving a gap.
    let error = try_sql(&f, &copy_of(3, "9", "(SELECT hash FROM audit_log WHERE seq = 3)")).unwrap_err();
    assert!(error.contains("only takes its next entry"), "{error}");
    assert_eq!(codes(&f), Vec::<String>::new());
    // The next entry itself goes in (the store writes every entry so).
    try_sql(&f, &copy_of(3, "4", "(SELECT hash FROM audit_log WHERE seq = 3)")).unwrap();
    assert!(codes(&f).contains(&"entry_altered".to_string()));
}

#[test]
fn a_dropped_or_added_guard_is_named() {
    let f = fixture();
    incident(&f, "Mail down", "");
    tamper(&f, "DROP TRIGGER audit_log_next_only;");
    assert_eq!(codes(&f), ["schema_altered"]);
    tamper(
        &f,
        "CREATE TRIGGER audit_log_next_only BEFORE INSERT ON audit_log WHEN 0 BEGIN SELECT 1; END;
         CREATE TRIGGER quietly AFTER INSERT ON checkpoints BEGIN SELECT 1; END;",
    );
    let report = smw_store::verify(&f.path).unwrap();
    let messages: Vec<_> = report.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("audit_log_next_only") && messages[0].contains("changed"), "{messages:?}");
    assert!(messages[1].contains("quietly") && messages[1].contains("never creates"), "{messages:?}");
}

#[test]
fn a_key_counter_wound_back_or_broken_is_named() {
    let f = fixture();
    incident(&f, "Mail down", "");
    incident(&f, "VPN slow", "");
    tamper(&f, "UPDATE key_counters SET last = 1 WHERE prefix = 'INC'");
    let report = smw_store::verify(&f.path).unwrap();
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    assert_eq!(report.findings[0].code, "counter_behind");
    assert_eq!(report.findings[0].record_key.as_deref(), Some("INC-000002"));
    tamper(
        &f,
        "UPDATE key_counters SET last = 2 WHERE prefix = 'INC'; UPDATE key_counters SET last = -5 WHERE prefix = 'PER'",
    );
    assert_eq!(codes(&f), ["counter_behind", "counter_broken"]);
}

#[test]
fn a_search_index_out_of_step_with_the_records_is_named() {
    let f = fixture();
    let t = incident(&f, "Mail down", "Nobody can send mail");
    incident(&f, "VPN slow", "");
    let doc = f.ws.ticket_detail(&t.key).unwrap().history.last().unwrap().seq;
    // Hidden from search, then planted under another word.
    tamper(&f, &format!("DELETE FROM search_index WHERE rowid = {doc}"));
    assert_eq!(codes(&f), ["search_index_altered"]);
    tamper(
        &f,
        &format!("INSERT INTO search_index (rowid, title, body) VALUES ({doc}, 'Printer jam', 'Nobody can send mail')"),
    );
    let report = smw_store::verify(&f.path).unwrap();
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    assert_eq!(report.findings[0].record_key.as_deref(), Some(t.key.as_str()));
}

#[test]
fn a_stored_clock_edited_to_hide_a_breach_is_named() {
    let w = world();
    let t = w.ticket("2026-05-04T09:00:00Z", Level::High);
    w.respond(&t.key, "2026-05-04T09:10:00Z");
    let resolved = w.move_to(&t.key, "2026-05-05T15:00:00Z", Status::Resolved);
    assert_eq!(codes(&w.f), Vec::<String>::new());
    tamper(
        &w.f,
        &format!("UPDATE ticket_clocks SET breached = 0 WHERE ticket_id = '{}' AND clock = 'resolution'", resolved.id),
    );
    let report = smw_store::verify(&w.f.path).unwrap();
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    assert_eq!(report.findings[0].code, "clock_altered");
    assert_eq!(report.findings[0].record_key.as_deref(), Some(t.key.as_str()));
}

#[test]
fn a_clock_of_a_ticket_resolved_under_an_older_sla_is_not_reported() {
    let w = world();
    let t = w.ticket("2026-05-04T09:00:00Z", Level::High);
    w.move_to(&t.key, "2026-05-05T15:00:00Z", Status::Resolved);
    // The SLA changes later: only open tickets are measured again, which is right.
    let patch =
        smw_core::agreements::SlaPatch { targets: Some(targets().into_iter().rev().collect()), ..Default::default() };
    w.f.ws.sla_update(&w.f.actor, at("2026-05-06T09:00:00Z"), &w.sla.key, patch, None).unwrap();
    w.ticket("2026-05-06T10:00:00Z", Level::High);
    assert_eq!(codes(&w.f), Vec::<String>::new());
}

#[test]
fn a_demo_workspace_verifies_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.smw");
    let ws = smw_store::Workspace::create(&path).unwrap();
    smw_store::demo::generate(&ws, at("2026-05-04T12:00:00Z"), 150, &mut |_| {}).unwrap();
    let report = smw_store::verify(&path).unwrap();
    assert!(report.ok, "{:?}", report.findings);
}

#[test]
fn a_forged_checkpoint_or_key_is_named() {
    let f = fixture();
    incident(&f, "Mail down", "");
    let data = f.dir.path().join("data");
    let keys = KeyFolder::in_data_dir(&data);
    let first = f.ws.sign_head(&keys, &f.actor, at("2026-05-04T12:00:00Z")).unwrap().unwrap();
    // Signing the same head again adds nothing; a tool is not a person and signs nothing.
    assert_eq!(f.ws.sign_head(&keys, &f.actor, at("2026-05-04T13:00:00Z")).unwrap(), Some(first.clone()));
    assert_eq!(
        f.ws.sign_head(&keys, &smw_store::Actor::system("smw import"), at("2026-05-04T13:00:00Z")).unwrap(),
        None
    );
    assert_eq!(codes(&f), Vec::<String>::new());
    // A checkpoint copied with another date: its signature no longer covers it.
    tamper(
        &f,
        "INSERT INTO checkpoints (audit_seq, audit_hash, signed_at, public_key, signature)
                SELECT audit_seq, audit_hash, '2026-06-01T00:00:00.000Z', public_key, signature FROM checkpoints",
    );
    assert_eq!(codes(&f), ["checkpoint_forged"]);
    // A key registered for someone who is not a person of the workspace.
    tamper(
        &f,
        "INSERT INTO signing_keys (public_key, person_id, person_name, registered_at, signature)
                SELECT 'ab' || substr(public_key, 3), person_id, 'Mallory', registered_at, signature FROM signing_keys",
    );
    assert_eq!(codes(&f), ["signing_key_forged", "checkpoint_forged"]);
    // The append-only guards stop the accident of deleting one.
    assert!(try_sql(&f, "DELETE FROM checkpoints").unwrap_err().contains("append-only"));
}

#[test]
fn a_workspace_from_before_the_guards_gains_them_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.smw");
    drop(file_at_version(&path, 6));
    let ws = smw_store::Workspace::open(&path).unwrap();
    let system = smw_store::Actor::system("test");
    ws.person_create(&system, at("2026-05-01T08:00:00Z"), PersonDraft { name: "Ada".into(), ..Default::default() })
        .unwrap();
    drop(ws);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let refused = conn
        .execute_batch("INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE seq = 1")
        .unwrap_err()
        .to_string();
    assert!(refused.contains("only takes its next entry"), "{refused}");
    let report = smw_store::verify(&path).unwrap();
    assert!(report.ok, "{:?}", report.findings);
}
