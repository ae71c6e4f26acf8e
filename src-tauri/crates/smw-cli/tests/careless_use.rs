//! A careless command line loses nothing: an export written over its own workspace is refused,
//! a missing file is named with exit status 2, and no half-written output is left behind.

use std::process::{Command, Output};

fn smw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smw"))
        .env("SMW_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .output()
        .expect("smw runs")
}

fn one_line(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert_eq!(stderr.lines().count(), 1, "expected one line on stderr, got {stderr:?}");
    stderr
}

#[test]
fn an_export_over_its_own_workspace_is_refused_and_the_workspace_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ws.smw");
    let file = file.to_str().unwrap();
    assert!(smw(&["demo", file, "--tickets", "5"]).status.success());
    let before = std::fs::read(file).unwrap();
    for out in [file.to_string(), format!("{file}-wal"), dir.path().join("./ws.smw").to_string_lossy().into_owned()] {
        let refused = smw(&["export", file, "--json", &out]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(one_line(&refused).contains("--json"));
    }
    assert_eq!(std::fs::read(file).unwrap(), before);
    assert!(smw(&["verify", file]).status.success());

    let export = dir.path().join("ws.jsonl");
    assert!(smw(&["export", file, "--json", export.to_str().unwrap()]).status.success());
    assert!(export.exists() && !dir.path().join("ws.partial").exists());
}

#[test]
fn missing_files_are_named_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.smw");
    let missing = missing.to_str().unwrap();
    for args in
        [vec!["verify", missing], vec!["incidents", missing, "--json"], vec!["export", missing, "--json", "/dev/null"]]
    {
        let out = smw(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(one_line(&out).contains("missing.smw"), "{args:?}");
    }
    let new = dir.path().join("new.smw");
    let out = smw(&["import", new.to_str().unwrap(), "--json", dir.path().join("nothing.jsonl").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line(&out).contains("nothing.jsonl"));
    assert!(!new.exists(), "a failed import left a workspace behind");
}

/// A command-line mistake is one line naming the flag, exit status 2.
#[test]
fn a_usage_error_is_one_line_naming_the_flag() {
    let out = smw(&["import", "x.smw", "--jsn", "y"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("smw: ") && stderr.contains("--jsn"), "{stderr}");
}
