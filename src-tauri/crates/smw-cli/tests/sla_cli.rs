//! `smw sla due` and `smw sla elapsed` as a script sees them: exact stdout, and for bad input
//! exit status 2 with one stderr line naming the field.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BERLIN: &str = r#"{"timezone":"Europe/Berlin","week":{"mon":[["08:00","17:00"]],"tue":[["08:00","17:00"]],"wed":[["08:00","17:00"]],"thu":[["08:00","17:00"]],"fri":[["08:00","17:00"]],"sat":[],"sun":[]},"holidays":["2026-04-03"]}"#;

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Self {
        Files { dir: tempfile::tempdir().unwrap() }
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

fn smw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smw"))
        .env("SMW_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let output = smw(args);
    assert!(output.status.success(), "smw failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Runs, expects exit status 2, returns stderr.
fn refused(args: &[&str]) -> String {
    let output = smw(args);
    assert_eq!(output.status.code(), Some(2), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    assert!(output.stdout.is_empty());
    String::from_utf8(output.stderr).unwrap()
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn due_prints_the_deadline_in_utc_to_the_second() {
    let files = Files::new();
    let calendar = files.write("cal.json", BERLIN);
    let args = ["sla", "due", "--calendar", path(&calendar), "--start", "2026-03-27T16:00:00Z", "--minutes", "240"];
    // Friday 17:00 CET is the end of the day; Monday 08:00–12:00 CEST (after the DST change).
    assert_eq!(stdout_of(&args), "{\"due\":\"2026-03-30T10:00:00Z\"}\n");
}

#[test]
fn due_with_pauses_and_an_offset_start() {
    let files = Files::new();
    let calendar = files.write("cal.json", BERLIN);
    let pauses = files.write("p.json", r#"[["2026-03-27T17:00:00Z","2026-03-30T10:00:00Z"]]"#);
    let args = [
        "sla",
        "due",
        "--calendar",
        path(&calendar),
        "--start",
        "2026-03-27T17:00:00+01:00",
        "--minutes",
        "240",
        "--pauses",
        path(&pauses),
    ];
    assert_eq!(stdout_of(&args), "{\"due\":\"2026-03-30T14:00:00Z\"}\n");
    // Holy Thursday 16:30 CEST, 90 minutes: 30 on Thursday, Good Friday skipped, 60 on Monday.
    let args = ["sla", "due", "--calendar", path(&calendar), "--start", "2026-04-02T16:30:00+02:00", "--minutes", "90"];
    assert_eq!(stdout_of(&args), "{\"due\":\"2026-04-06T07:00:00Z\"}\n");
}

#[test]
fn a_deadline_with_milliseconds_is_rounded_up_to_the_second() {
    let files = Files::new();
    let calendar = files.write("cal.json", BERLIN);
    let args = ["sla", "due", "--calendar", path(&calendar), "--start", "2026-03-30T06:00:00.250Z", "--minutes", "1"];
    assert_eq!(stdout_of(&args), "{\"due\":\"2026-03-30T06:01:01Z\"}\n");
}

#[test]
fn elapsed_prints_business_seconds() {
    let files = Files::new();
    let calendar = files.write("cal.json", BERLIN);
    let pauses = files.write("p.json", r#"[["2026-03-30T07:00:00Z","2026-03-30T08:00:00Z"]]"#);
    let base = [
        "sla",
        "elapsed",
        "--calendar",
        path(&calendar),
        "--from",
        "2026-03-27T15:00:00Z",
        "--to",
        "2026-03-30T10:00:00Z",
    ];
    // One hour on Friday, four on Monday morning.
    assert_eq!(stdout_of(&base), "{\"business_seconds\":18000}\n");
    let mut with_pauses = base.to_vec();
    with_pauses.extend(["--pauses", path(&pauses)]);
    assert_eq!(stdout_of(&with_pauses), "{\"business_seconds\":14400}\n");
}

#[test]
fn bad_calendars_name_the_field_and_exit_2() {
    let files = Files::new();
    let cases = [
        (BERLIN.replace("Europe/Berlin", "Europe/Atlantis"), "timezone"),
        (
            BERLIN.replace(r#""mon":[["08:00","17:00"]]"#, r#""mon":[["08:00","12:00"],["11:00","17:00"]]"#),
            "week.mon[1]",
        ),
        (
            BERLIN.replace(r#""mon":[["08:00","17:00"]]"#, r#""mon":[["13:00","17:00"],["08:00","12:00"]]"#),
            "week.mon[1]",
        ),
        (BERLIN.replace(r#""tue":[["08:00","17:00"]]"#, r#""tue":[["17:00","08:00"]]"#), "week.tue[0]"),
        (BERLIN.replace(r#""wed":[["08:00","17:00"]]"#, r#""wed":[["8am","17:00"]]"#), "week.wed[0][0]"),
        (BERLIN.replace(r#""thu":[["08:00","17:00"]]"#, r#""thu":[["08:00","25:00"]]"#), "week.thu[0][1]"),
        (BERLIN.replace("2026-04-03", "2026-04-31"), "holidays[0]"),
        (BERLIN.replace(r#""sat":[]"#, r#""saturday":[]"#), "week.saturday"),
        (r#"{"timezone":"UTC","week":{}}"#.to_string(), "week"),
    ];
    for (index, (text, field)) in cases.iter().enumerate() {
        let calendar = files.write(&format!("cal{index}.json"), text);
        let stderr = refused(&[
            "sla",
            "due",
            "--calendar",
            path(&calendar),
            "--start",
            "2026-03-27T16:00:00Z",
            "--minutes",
            "1",
        ]);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&format!(": {field}: ")), "case {index}: {stderr}");
    }
}

#[test]
fn bad_instants_and_pauses_name_the_field_and_exit_2() {
    let files = Files::new();
    let calendar = files.write("cal.json", BERLIN);
    let stderr =
        refused(&["sla", "due", "--calendar", path(&calendar), "--start", "2026-03-27 16:00", "--minutes", "1"]);
    assert!(stderr.contains("--start"), "{stderr}");
    let elapsed = ["sla", "elapsed", "--calendar", path(&calendar), "--from", "2026-03-27T16:00:00Z"];
    let stderr = refused(&[&elapsed[..], &["--to", "2026-03-26T16:00:00Z"]].concat());
    assert!(stderr.contains("--to"), "{stderr}");
    let reversed = files.write("reversed.json", r#"[["2026-03-27T17:00:00Z","2026-03-27T16:00:00Z"]]"#);
    let stderr = refused(&[&elapsed[..], &["--to", "2026-03-28T00:00:00Z", "--pauses", path(&reversed)]].concat());
    assert!(stderr.contains(": pauses[0]: "), "{stderr}");
    let malformed = files.write("malformed.json", r#"[["2026-03-27T17:00:00Z","tomorrow"]]"#);
    let stderr = refused(&[&elapsed[..], &["--to", "2026-03-28T00:00:00Z", "--pauses", path(&malformed)]].concat());
    assert!(stderr.contains(": pauses[0][1]: "), "{stderr}");
    let stderr =
        refused(&["sla", "due", "--calendar", path(&calendar), "--start", "2026-03-27T16:00:00Z", "--minutes", "-5"]);
    assert!(stderr.contains("--minutes"), "{stderr}");
}
