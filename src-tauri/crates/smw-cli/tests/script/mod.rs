//! Running `smw` as a script would, for the CLI's tests: its own data folder (never `$HOME`),
//! JSON from a command that must succeed, and the one line of a command refused as bad input.
#![allow(dead_code)] // each test file uses the helpers it needs

use serde_json::Value;
use std::process::{Command, Output};

pub fn smw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smw"))
        .env("SMW_DATA_DIR", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .output()
        .expect("smw runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a command that must succeed and returns its JSON.
pub fn ok(args: &[&str]) -> Value {
    let out = smw(args);
    assert!(out.status.success(), "smw {args:?}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("smw {args:?}: not JSON ({e}): {}", text(&out.stdout)))
}

/// Runs a command that must be refused as bad input and returns its one line of stderr.
pub fn refused(args: &[&str]) -> String {
    let out = smw(args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "smw {args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "smw {args:?}: {stderr}");
    assert!(stderr.starts_with("smw: "), "{stderr}");
    assert!(out.stdout.is_empty(), "smw {args:?} wrote to stdout: {}", text(&out.stdout));
    stderr
}

/// A record's key, as every write prints it.
pub fn key(record: &Value) -> String {
    record["key"].as_str().expect("a key").to_string()
}
