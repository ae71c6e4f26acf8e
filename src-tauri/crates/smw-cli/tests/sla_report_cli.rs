//! `smw sla report FILE --json` as a script sees it: the dashboard's figures as JSON on
//! stdout, and exit status 2 for a bad period or a missing file.

use std::process::{Command, Output};

fn smw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smw"))
        .env("SMW_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_report_of_a_demo_workspace_has_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.smw");
    let file = file.to_str().unwrap();
    assert!(smw(&["demo", file, "--tickets", "40"]).status.success());
    let output = smw(&["sla", "report", file, "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for field in ["overall", "by_service", "by_customer", "by_priority", "breached", "at_risk", "backlog"] {
        assert!(report.get(field).is_some(), "no {field} in {report}");
    }
    // The demo logs store tickets near their deadlines under a 24×7 SLA: always some at risk.
    assert!(!report["at_risk"].as_array().unwrap().is_empty(), "{}", report["at_risk"]);
    assert!(report["by_priority"].as_array().unwrap().len() >= 3);

    let narrow = smw(&["sla", "report", file, "--json", "--from", "2020-01-01", "--to", "2020-02-01"]);
    let narrow: serde_json::Value = serde_json::from_slice(&narrow.stdout).unwrap();
    assert_eq!(narrow["from"], "2020-01-01T00:00:00.000Z");
    assert_eq!(narrow["overall"]["resolution"]["met"], 0);
}

#[test]
fn a_bad_period_or_a_missing_file_exits_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.smw");
    let output = smw(&["sla", "report", missing.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(2));
    let file = dir.path().join("empty.smw");
    assert!(smw(&["init", file.to_str().unwrap()]).status.success());
    let output = smw(&["sla", "report", file.to_str().unwrap(), "--json", "--from", "May 1st"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--from"));
    let output = smw(&["sla", "report", file.to_str().unwrap(), "--from", "2026-06-01", "--to", "2026-05-01"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("from"));
}
