//! The `smw` binary as a script sees it: stdout, stderr and exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn smw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smw"))
        .env("SMW_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .output()
        .expect("smw runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).to_string_lossy().into_owned()
}

#[test]
fn demo_verify_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let file = path(&dir, "demo.smw");
    let out = smw(&["demo", &file, "--tickets", "40"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = smw(&["verify", &file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    let out = smw(&["incidents", &file, "--json", "--status", "closed", "--limit", "5"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = page["rows"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 5);
    assert!(rows.iter().all(|r| r["status"] == "closed"));
}

#[test]
fn tampering_makes_verify_fail_naming_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let file = path(&dir, "demo.smw");
    assert!(smw(&["demo", &file, "--tickets", "10"]).status.success());
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute("UPDATE tickets SET title = 'harmless' WHERE key = 'INC-000002'", []).unwrap();
    drop(conn);
    let out = smw(&["verify", &file]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("INC-000002"), "{stderr}");
}

#[test]
fn export_import_round_trip_and_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, json, copy) = (path(&dir, "a.smw"), path(&dir, "a.jsonl"), path(&dir, "b.smw"));
    assert!(smw(&["demo", &file, "--tickets", "20"]).status.success());
    assert!(smw(&["export", &file, "--json", &json]).status.success());
    let out = smw(&["import", &copy, "--json", &json]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(smw(&["verify", &copy]).status.success());

    let broken = path(&dir, "broken.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(&json).unwrap().lines().map(String::from).collect();
    lines[3] = lines[3].replacen("\"name\":\"", "\"name\":", 1);
    std::fs::write(&broken, lines.join("\n")).unwrap();
    let target = path(&dir, "c.smw");
    let out = smw(&["import", &target, "--json", &broken]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 4"), "{}", text(&out.stderr));
    assert!(!Path::new(&target).exists(), "a failed import must leave no file behind");
}

#[test]
fn backup_then_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (file, backup) = (path(&dir, "a.smw"), path(&dir, "a-backup.smw"));
    assert!(smw(&["demo", &file, "--tickets", "10"]).status.success());
    assert!(smw(&["backup", &file, &backup]).status.success());
    std::fs::write(&file, "ruined").unwrap();
    let out = smw(&["restore", &backup, &file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(smw(&["verify", &file]).status.success());
}

#[test]
fn bad_input_gives_one_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let notes = path(&dir, "notes.txt");
    std::fs::write(&notes, "hello").unwrap();
    for args in [vec!["verify", notes.as_str()], vec!["incidents", notes.as_str(), "--json"]] {
        let out = smw(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("not an SMS Workbench workspace"), "{stderr}");
    }
    let file = path(&dir, "a.smw");
    assert!(smw(&["init", &file]).status.success());
    let out = smw(&["init", &file]);
    assert_ne!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("already exists"));
    let out = smw(&["matrix", &file, "--set", "[[1,2,3],[2,3,4],[3,4,0]]"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cells[2][2]"), "{}", text(&out.stderr));
}

#[test]
fn the_priority_matrix_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let file = path(&dir, "a.smw");
    assert!(smw(&["init", &file]).status.success());
    let out = smw(&["matrix", &file, "--set", "[[1,1,2],[1,2,3],[2,3,4]]"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown: serde_json::Value = serde_json::from_slice(&smw(&["matrix", &file]).stdout).unwrap();
    assert_eq!(shown["cells"][2][2], 4);
    assert!(smw(&["verify", &file]).status.success());
}

/// The benchmark at a small scale: it builds, checks and round-trips its workspace, and
/// reports every figure the README quotes.
#[test]
fn bench_reports_its_figures_at_a_small_scale() {
    let dir = tempfile::tempdir().unwrap();
    let file = path(&dir, "bench.smw");
    let out = smw(&["bench", &file, "--tickets", "300", "--comments", "2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures["tickets"], 300);
    // Each ticket and comment has at least its create entry, and there are people and groups.
    assert!(figures["audit_entries"].as_u64().unwrap() > 900, "{figures}");
    for figure in [
        "import_records_per_second",
        "board_page_ms_median",
        "fetch_by_key_ms_median",
        "search_rare_term_ms_median",
        "search_common_term_ms_median",
        "verify_seconds",
        "verify_chain_and_records_seconds",
        "verify_sqlite_integrity_check_seconds",
    ] {
        // Rounded to the millisecond or microsecond, a tiny workspace's figure may be zero.
        assert!(figures[figure].as_f64().is_some_and(|value| value >= 0.0), "{figure} in {figures}");
    }
    // The export and the imported copy are removed; the benchmark's own workspace stays.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|entry| entry.unwrap().file_name()).collect();
    assert!(left.iter().all(|name| name.to_string_lossy().starts_with("bench.smw")), "{left:?}");
}
