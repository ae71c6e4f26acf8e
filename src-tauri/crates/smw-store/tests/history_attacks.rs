//! The three rewrites of issue 27, done as an attacker with the sqlite3 shell and the public
//! source would (attacker/mod.rs): each passes the chain and record checks once done with
//! care, and each is named by a witness kept outside the file and by a signed checkpoint.

mod attacker;
mod common;
mod sla_setup;
use common::*;
use sla_setup::*;
use smw_core::priority::Level;
use smw_core::ticket::{Ticket, TicketPatch};
use smw_core::workflow::Status;
use smw_store::witness::{read_log, WITNESS_FILE};
use smw_store::{KeyFolder, Witness, Workspace};
use std::path::{Path, PathBuf};

fn codes(report: &smw_core::views::VerifyReport) -> Vec<&str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

/// The honest workspace, before the attack, in two copies: `signed` carries a checkpoint
/// signed by the person who acted last, `unsigned` none; and the witness log of the head.
struct Before {
    _dir: tempfile::TempDir,
    data: PathBuf,
    signed: PathBuf,
    unsigned: PathBuf,
    witnesses: Vec<Witness>,
}

fn seal(f: Fixture, signer: &smw_store::Actor) -> Before {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let unsigned = dir.path().join("unsigned.smw");
    f.ws.backup_to(&unsigned).unwrap();
    f.ws.witness(&data, at("2026-05-06T18:00:00Z")).unwrap().unwrap();
    let checkpoint =
        f.ws.sign_head(&KeyFolder::in_data_dir(&data), signer, at("2026-05-06T18:00:00Z")).unwrap().unwrap();
    assert_eq!(checkpoint.seq, f.ws.head().unwrap().seq);
    let signed = dir.path().join("signed.smw");
    f.ws.backup_to(&signed).unwrap();
    let witnesses = read_log(&data.join(WITNESS_FILE)).unwrap();
    assert_eq!(witnesses.len(), 1);
    for path in [&signed, &unsigned] {
        let report = smw_store::verify_with_witnesses(path, &witnesses).unwrap();
        assert!(report.ok, "{:?}", report.findings);
    }
    Before { _dir: dir, data, signed, unsigned, witnesses }
}

/// After the attack on both copies: the unsigned one passes verify on its own (the point of
/// issue 27), the witness names it, and the signed one is named by its checkpoint.
fn assert_caught(before: &Before, changed_at_or_before: i64, signer: &str) {
    let plain = smw_store::verify(&before.unsigned).unwrap();
    assert!(plain.ok, "a careful rewrite leaves the chain and records consistent: {:?}", plain.findings);

    let witnessed = smw_store::verify_with_witnesses(&before.unsigned, &before.witnesses).unwrap();
    assert_eq!(codes(&witnessed), ["history_rewritten"], "{:?}", witnessed.findings);
    let message = &witnessed.findings[0].message;
    assert!(
        message.starts_with(&format!(
            "history changed at or before entry {changed_at_or_before}, witnessed on 2026-05-06"
        )),
        "{message}"
    );

    let signed = smw_store::verify(&before.signed).unwrap();
    assert_eq!(codes(&signed), ["history_rewritten"], "{:?}", signed.findings);
    let message = &signed.findings[0].message;
    assert!(message.contains(&format!("signed by {signer} on 2026-05-06")), "{message}");
    assert!(before.data.join("signing-keys").exists());
}

/// (a) A ticket's title rewritten in the middle of history, every later digest and hash
/// recomputed, and the search index brought in line.
fn rewrite_title(path: &Path, key: &str, from: &str, to: &str, current: &Ticket, fix_search: bool) {
    let conn = attacker::open(path);
    let mut entries = attacker::entries(&conn);
    let id = current.id.to_string();
    let of_record: Vec<_> = entries.iter().filter(|e| e.record_id == id).collect();
    let revisions = attacker::revisions(current, &of_record);
    // The rebuilt revisions are exactly what was digested: the attacker's copy of the rules is right.
    for (entry, revision) in of_record.iter().zip(&revisions) {
        assert_eq!(attacker::digest::<Ticket>(revision), entry.row_digest, "entry #{}", entry.seq);
    }
    let digests: Vec<(i64, String)> = of_record
        .iter()
        .zip(&revisions)
        .map(|(entry, revision)| {
            let mut revision = revision.clone();
            revision["title"] = to.into();
            (entry.seq, attacker::digest::<Ticket>(&revision))
        })
        .collect();
    let newest = of_record.last().unwrap().seq;
    for entry in entries.iter_mut().filter(|e| e.record_id == id) {
        entry.changes = entry.changes.replace(&format!("\"{from}\""), &format!("\"{to}\""));
        entry.row_digest = digests.iter().find(|(seq, _)| *seq == entry.seq).unwrap().1.clone();
    }
    attacker::rehash_and_write(&conn, &mut entries);
    conn.execute("UPDATE tickets SET title = ?1 WHERE key = ?2", [to, key]).unwrap();
    if fix_search {
        attacker::reindex(&conn, newest, newest, to, &current.description);
    }
    attacker::restore_guards(&conn);
}

#[test]
fn a_title_rewritten_in_the_middle_of_history_is_named_by_a_witness_and_a_signature() {
    let f = fixture();
    let t = incident(&f, "Mail down", "Nobody can send mail");
    comment(&f, &t.key, "Looking into it");
    incident(&f, "VPN slow", "");
    let patch = TicketPatch { description: Some("Nobody can send or receive mail".into()), ..Default::default() };
    f.ws.ticket_update(&f.actor, at("2026-05-05T09:00:00Z"), &t.key, patch, None).unwrap();
    let current = f.ws.ticket_get(&t.key).unwrap();
    let ticket_created_at = f.ws.ticket_detail(&t.key).unwrap().history[0].seq;
    let actor = f.actor.clone();
    let before = seal(f, &actor);

    // Done carelessly, without the search index: the index still holds the old title.
    let sloppy = before._dir.path().join("sloppy.smw");
    std::fs::copy(&before.unsigned, &sloppy).unwrap();
    rewrite_title(&sloppy, &t.key, "Mail down", "Printer jam", &current, false);
    assert_eq!(codes(&smw_store::verify(&sloppy).unwrap()), ["search_index_altered"]);

    for path in [&before.signed, &before.unsigned] {
        rewrite_title(path, &t.key, "Mail down", "Printer jam", &current, true);
    }
    let ws = Workspace::open(&before.unsigned).unwrap();
    assert_eq!(ws.ticket_get(&t.key).unwrap().title, "Printer jam");
    assert_eq!(ws.ticket_detail(&t.key).unwrap().history[0].changes["title"][1], "Printer jam");
    drop(ws);
    // The rewrite starts at the ticket's create entry, so that is the last one witnessed as it was.
    let witnessed_head = before.witnesses[0].seq;
    assert!(ticket_created_at < witnessed_head);
    assert_caught(&before, witnessed_head, "Ada Admin");
}

#[test]
fn the_newest_entries_deleted_and_their_records_undone_are_named() {
    let f = fixture();
    incident(&f, "Mail down", "");
    let secret = incident(&f, "Data sent to the wrong customer", "");
    comment(&f, &secret.key, "Who saw it?");
    let kept: i64 = 2; // the person and the first ticket
    let actor = f.actor.clone();
    let before = seal(f, &actor);
    let erase = |path: &Path, fix_search: bool| {
        let conn = attacker::open(path);
        let gone = attacker::entries(&conn).into_iter().filter(|e| e.seq > kept).collect::<Vec<_>>();
        let mut docs = Vec::new();
        for entry in &gone {
            docs.push(entry.seq);
            for table in ["tickets", "comments"] {
                conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [&entry.record_id]).unwrap();
            }
        }
        conn.execute("DELETE FROM audit_log WHERE seq > ?1", [kept]).unwrap();
        conn.execute_batch(
            "UPDATE key_counters SET last = 1 WHERE prefix = 'INC'; DELETE FROM key_counters WHERE prefix = 'CMT';",
        )
        .unwrap();
        if fix_search {
            for doc in docs {
                conn.execute("DELETE FROM search_index WHERE rowid = ?1", [doc]).unwrap();
            }
        }
        attacker::restore_guards(&conn);
    };
    let sloppy = before._dir.path().join("sloppy.smw");
    std::fs::copy(&before.unsigned, &sloppy).unwrap();
    erase(&sloppy, false);
    let report = smw_store::verify(&sloppy).unwrap();
    assert!(codes(&report).iter().all(|code| *code == "search_index_altered"), "{:?}", report.findings);
    assert!(!report.ok);

    erase(&before.unsigned, true);
    erase(&before.signed, true);
    let ws = Workspace::open(&before.unsigned).unwrap();
    assert!(ws.ticket_get(&secret.key).is_err());
    drop(ws);
    // The witnessed head is gone: the log now ends before it.
    let witnessed_head = before.witnesses[0].seq;
    assert!(witnessed_head > kept);
    assert_caught(&before, witnessed_head, "Ada Admin");
    let message =
        smw_store::verify_with_witnesses(&before.unsigned, &before.witnesses).unwrap().findings[0].message.clone();
    assert!(message.contains(&format!("the log now ends at entry {kept}")), "{message}");
}

#[test]
fn a_resolution_moved_before_its_deadline_is_named() {
    let w = world();
    // P2: resolve within 4 business hours; resolved the next afternoon, 14 hours in: a breach.
    let t = w.ticket("2026-05-04T09:00:00Z", Level::High);
    w.respond(&t.key, "2026-05-04T09:10:00Z");
    let resolved = w.move_to(&t.key, "2026-05-05T15:00:00Z", Status::Resolved);
    assert_eq!(w.stored_clock(&resolved, "resolution").unwrap().3, true, "breached");
    let agent = w.agent.clone();
    let before = seal(w.f, &agent);

    let moved_to = "2026-05-04T12:00:00.000Z";
    let backdate = |path: &Path, rebuild_clocks: bool| {
        let conn = attacker::open(path);
        let mut entries = attacker::entries(&conn);
        let id = resolved.id.to_string();
        let of_record: Vec<_> = entries.iter().filter(|e| e.record_id == id).collect();
        let last = *of_record.last().unwrap();
        assert!(last.changes.contains("resolved_at"), "the resolution is the ticket's newest entry");
        let (old_at, seq) = (last.at.clone(), last.seq);
        let mut revision = attacker::revisions(&resolved, &of_record).pop().unwrap();
        revision["resolved_at"] = moved_to.into();
        revision["updated_at"] = moved_to.into();
        let digest = attacker::digest::<Ticket>(&revision);
        let entry = entries.iter_mut().find(|e| e.seq == seq).unwrap();
        entry.at = moved_to.to_string();
        entry.changes = entry.changes.replace(&old_at, moved_to);
        entry.row_digest = digest;
        attacker::rehash_and_write(&conn, &mut entries);
        conn.execute("UPDATE tickets SET resolved_at = ?1, updated_at = ?1 WHERE id = ?2", [moved_to, &id]).unwrap();
        attacker::restore_guards(&conn);
        drop(conn);
        if rebuild_clocks {
            // The workbench's own rebuild, through the public API, derives the clocks anew.
            Workspace::open(path).unwrap().sla_rebuild_clocks(at("2026-05-06T19:00:00Z")).unwrap();
        }
    };
    let sloppy = before._dir.path().join("sloppy.smw");
    std::fs::copy(&before.unsigned, &sloppy).unwrap();
    backdate(&sloppy, false);
    let report = smw_store::verify(&sloppy).unwrap();
    assert_eq!(codes(&report), ["clock_altered"], "{:?}", report.findings);
    assert!(report.findings[0].message.contains("resolution clock"), "{}", report.findings[0].message);

    backdate(&before.unsigned, true);
    backdate(&before.signed, true);
    let conn = rusqlite::Connection::open(&before.unsigned).unwrap();
    let breached: bool = conn
        .query_row(
            "SELECT breached FROM ticket_clocks WHERE ticket_id = ?1 AND clock = 'resolution'",
            [resolved.id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!breached, "the breach now reads as a met target");
    drop(conn);
    let resolution_entry = before.witnesses[0].seq;
    assert_caught(&before, resolution_entry, "Sam Agent");
}
