//! `smw` signs and witnesses the head after each write, and `smw verify` holds the chain to
//! every witnessed head: a history cut back with the sqlite3 shell, which the chain alone
//! cannot see, is named with the entry and the date it was witnessed.

use std::path::Path;
use std::process::{Command, Output};

fn smw(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smw")).env("SMW_DATA_DIR", data).args(args).output().expect("smw runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A workspace with a person and two incidents, written through the CLI.
fn workspace(dir: &Path, data: &Path) -> String {
    let file = dir.join("ws.smw").display().to_string();
    assert!(smw(data, &["init", &file]).status.success());
    let out = smw(data, &["people", "add", &file, "--name", "Ada Admin", "--email", "ada@example.org"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for title in ["Mail down", "Data sent to the wrong customer"] {
        let out = smw(data, &["incidents", "add", &file, "--title", title, "--as", "PER-000001"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    file
}

/// Takes the newest entry (the second incident) out of the history and the records, as an
/// attacker with the sqlite3 shell would, leaving the chain and records consistent.
fn cut_newest(file: &str) {
    let conn = rusqlite::Connection::open(file).unwrap();
    let guards = ["audit_log_no_update", "audit_log_no_delete", "audit_log_next_only"];
    let mut scratch = rusqlite::Connection::open_in_memory().unwrap();
    smw_store::migrations::migrate_to(&mut scratch, smw_store::migrations::latest_version()).unwrap();
    for guard in guards {
        conn.execute_batch(&format!("DROP TRIGGER {guard}")).unwrap();
    }
    let (seq, id): (i64, String) = conn
        .query_row("SELECT seq, record_id FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    conn.execute("DELETE FROM audit_log WHERE seq = ?1", [seq]).unwrap();
    conn.execute("DELETE FROM tickets WHERE id = ?1", [&id]).unwrap();
    conn.execute("DELETE FROM search_index WHERE rowid = ?1", [seq]).unwrap();
    conn.execute("UPDATE key_counters SET last = last - 1 WHERE prefix = 'INC'", []).unwrap();
    for guard in guards {
        let sql: String =
            scratch.query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [guard], |r| r.get(0)).unwrap();
        conn.execute_batch(&sql).unwrap();
    }
}

#[test]
fn writes_are_witnessed_and_a_cut_history_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = workspace(dir.path(), &data);
    let log = std::fs::read_to_string(data.join("witness.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 3, "one head per write command: {log}");
    assert!(log.lines().last().unwrap().contains("\"seq\":3"), "{log}");
    let out = smw(&data, &["verify", &file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("3 witnessed heads held"), "{}", text(&out.stderr));

    cut_newest(&file);
    // Elsewhere, with no witness log: the chain and records are consistent, but the head signed
    // after the last write is gone.
    let elsewhere = dir.path().join("elsewhere");
    let out = smw(&elsewhere, &["verify", &file]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("history changed at or before entry 3, signed by Ada Admin"),
        "{}",
        text(&out.stderr)
    );

    // Here, the local witness log names it too.
    let out = smw(&data, &["verify", &file]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let messages: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["message"].as_str().unwrap()).collect();
    assert!(
        messages.iter().any(|m| m.starts_with("history changed at or before entry 3, witnessed on ")
            && m.contains("the log now ends at entry 2")),
        "{messages:?}"
    );
}

#[test]
fn heads_given_on_the_command_line_or_in_a_file_are_held_to() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = workspace(dir.path(), &data);
    let log = data.join("witness.jsonl");
    let last: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&log).unwrap().lines().last().unwrap()).unwrap();
    let head = format!("{}:{}", last["seq"], last["hash"].as_str().unwrap());
    let nowhere = dir.path().join("nowhere");
    assert!(smw(&nowhere, &["verify", &file, "--witness", &head]).status.success());
    let log_arg = log.display().to_string();
    assert!(smw(&nowhere, &["verify", &file, "--witness-file", &log_arg]).status.success());

    let wrong = format!("2:{}", "ab".repeat(32));
    let out = smw(&nowhere, &["verify", &file, "--witness", &wrong]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("history changed at or before entry 2, as witnessed on the command line"),
        "{}",
        text(&out.stderr)
    );

    for bad in ["3", "x:ab", "3:abc", "0:".to_string().as_str()] {
        let out = smw(&nowhere, &["verify", &file, "--witness", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert_eq!(text(&out.stderr).lines().count(), 1, "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("--witness"), "{}", text(&out.stderr));
    }
    let missing = dir.path().join("missing.jsonl").display().to_string();
    assert_eq!(smw(&nowhere, &["verify", &file, "--witness-file", &missing]).status.code(), Some(2));
    let other = dir.path().join("other.jsonl");
    std::fs::write(&other, "{\"workspace\":\"/elsewhere.smw\",\"first\":\"00\",\"seq\":1,\"hash\":\"00\"}\n").unwrap();
    let out = smw(&nowhere, &["verify", &file, "--witness-file", &other.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("holds no head of"), "{}", text(&out.stderr));
}
