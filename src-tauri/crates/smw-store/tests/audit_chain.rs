//! The audit chain finds edits made behind the workbench's back.

mod common;
use common::*;
use smw_core::ticket::TicketPatch;

fn finding_codes(f: &Fixture) -> Vec<(String, Option<String>, Option<i64>)> {
    let codes = |report: smw_core::views::VerifyReport| -> Vec<_> {
        assert_eq!(report.ok, report.findings.is_empty());
        report.findings.into_iter().map(|x| (x.code, x.record_key, x.audit_seq)).collect()
    };
    let all = codes(smw_store::verify(&f.path).unwrap());
    // These edits leave SQLite's structures sound, so the chain and the records alone find
    // the same; and so does a walk cut into ranges of every size, meeting anywhere.
    assert_eq!(codes(smw_store::verify_history(&f.path).unwrap()), all);
    for range_size in 1..=4 {
        assert_eq!(codes(smw_store::verify_in_ranges(&f.path, range_size).unwrap()), all, "ranges of {range_size}");
    }
    all
}

#[test]
fn an_untouched_workspace_verifies_and_every_write_is_audited() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    comment(&f, &t.key, "Looking into it");
    f.ws.ticket_update(
        &f.actor,
        at("2026-05-04T11:00:00Z"),
        &t.key,
        TicketPatch { title: Some("Mail is down".into()), ..Default::default() },
        Some(2),
    )
    .unwrap();
    let report = smw_store::verify(&f.path).unwrap();
    assert!(report.ok, "{:?}", report.findings);
    // person, ticket, comment, response clock stop, title edit
    assert_eq!(report.audit_entries, 5);
    let detail = f.ws.ticket_detail(&t.key).unwrap();
    let last = detail.history.last().unwrap();
    assert_eq!(last.actor, "Ada Admin");
    assert_eq!(last.changes["title"], serde_json::json!(["Mail down", "Mail is down"]));
}

#[test]
fn a_record_edited_with_sqlite_is_named() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    incident(&f, "VPN slow", "");
    tamper(&f, &format!("UPDATE tickets SET title = 'Nothing happened' WHERE key = '{}'", t.key));
    let findings = finding_codes(&f);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, "record_altered");
    assert_eq!(findings[0].1.as_deref(), Some(t.key.as_str()));
}

#[test]
fn an_audit_entry_edited_with_sqlite_is_named() {
    let f = fixture();
    incident(&f, "Mail down", "");
    tamper(&f, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Mallory' WHERE seq = 2;");
    let findings = finding_codes(&f);
    assert!(findings.iter().any(|(code, _, seq)| code == "entry_altered" && *seq == Some(2)), "{findings:?}");
}

#[test]
fn a_rewritten_entry_with_a_fresh_hash_breaks_the_link_to_the_next() {
    let f = fixture();
    incident(&f, "Mail down", "");
    incident(&f, "VPN slow", "");
    // A careful forger recomputes entry 2's hash; entry 3 still links to the old one. (The new
    // first byte differs from the old one whatever it was: a hash may already start with ff.)
    tamper(
        &f,
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET hash = (CASE WHEN substr(hash, 1, 2) = 'ff' THEN 'ee' ELSE 'ff' END) || substr(hash, 3)
         WHERE seq = 2;",
    );
    let findings = finding_codes(&f);
    assert!(findings.iter().any(|(code, _, seq)| code == "chain_broken" && *seq == Some(3)), "{findings:?}");
}

#[test]
fn a_deleted_entry_leaves_a_gap() {
    let f = fixture();
    incident(&f, "Mail down", "");
    incident(&f, "VPN slow", "");
    tamper(&f, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;");
    let codes: Vec<String> = finding_codes(&f).into_iter().map(|f| f.0).collect();
    assert!(codes.contains(&"chain_gap".to_string()), "{codes:?}");
    assert!(codes.contains(&"record_unaudited".to_string()), "{codes:?}");
}

#[test]
fn an_entry_renumbered_far_ahead_is_reported_not_a_failure() {
    let f = fixture();
    incident(&f, "Mail down", "");
    // Verify reserves memory by the newest seq; a forged one must not make it give up.
    tamper(&f, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET seq = 9223372036854775000 WHERE seq = 2;");
    let findings = finding_codes(&f);
    assert!(findings.iter().any(|(code, _, _)| code == "chain_gap"), "{findings:?}");
}

#[test]
fn rows_inserted_or_deleted_behind_the_store_are_named() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    tamper(&f, &format!("DELETE FROM tickets WHERE key = '{}'", t.key));
    tamper(
        &f,
        "INSERT INTO groups (id, key, name, description, created_at, updated_at, version)
         VALUES ('01900000-0000-7000-8000-000000000001', 'GRP-999999', 'Ghosts', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1)",
    );
    let findings = finding_codes(&f);
    assert!(
        findings.iter().any(|(c, k, _)| c == "record_missing" && k.as_deref() == Some(t.key.as_str())),
        "{findings:?}"
    );
    assert!(
        findings.iter().any(|(c, k, _)| c == "record_unaudited" && k.as_deref() == Some("GRP-999999")),
        "{findings:?}"
    );
}

#[test]
fn a_copy_of_a_record_under_its_id_is_named_and_the_original_is_not() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    // A forger drops the unique index on ids and copies the ticket under a new key.
    tamper(
        &f,
        &format!(
            "DROP INDEX tickets_id;
             CREATE TEMP TABLE copy AS SELECT * FROM tickets WHERE key = '{}';
             UPDATE copy SET seq = (SELECT max(seq) + 1 FROM tickets), key = 'INC-999999';
             INSERT INTO tickets SELECT * FROM copy;",
            t.key
        ),
    );
    // The first row with the id is the one its history vouches for, however the rows are
    // split among threads; the copy is the one named.
    let findings = finding_codes(&f);
    assert_eq!(findings, vec![("record_unaudited".to_string(), Some("INC-999999".to_string()), None)]);
}

#[test]
fn the_log_refuses_updates_through_sql() {
    let f = fixture();
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    let err = conn.execute("UPDATE audit_log SET actor = 'x'", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn verify_while_the_workbench_writes_reports_nothing_false() {
    // The chain and the records are read through two connections; a write landing between
    // their two snapshots would look like a record without history. They must agree.
    let f = fixture();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for n in 0..1_000 {
                incident(&f, &format!("Printer {n} jammed"), "");
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let mut checked = 0;
        while !done.load(std::sync::atomic::Ordering::SeqCst) || checked == 0 {
            let report = smw_store::verify(&f.path).unwrap_or_else(|e| panic!("verify during writes: {e}"));
            assert!(report.ok, "{:?}", report.findings);
            checked += 1;
        }
    });
}
