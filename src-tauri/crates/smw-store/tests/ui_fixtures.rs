//! Generates the fixtures the UI's unit tests run on (ui/src/test/fixtures/): the demo workspace
//! at a fixed clock, what the shell's commands answer over it, and the domain's rule tables.
//! The UI's mock backend serves these instead of a hand-written copy of the backend, so a change
//! here breaks the UI test that depends on it.
//!
//! Like the generated bindings, the files are committed: this test rewrites them and fails when
//! they differ from what was there, so review the diff and commit it
//! (`cargo test -p smw-store --test ui_fixtures`); scripts/test.sh also fails on an uncommitted diff.

#[path = "ui_fixture_parts/normalise.rs"]
mod normalise;
#[path = "ui_fixture_parts/reads.rs"]
mod reads;
#[path = "ui_fixture_parts/rules.rs"]
mod rules;

use serde_json::{json, Value};
use smw_core::workflow::Status;
use smw_core::Timestamp;
use smw_store::{Actor, Workspace};
use std::path::{Path, PathBuf};

/// The instant the fixtures are taken at; the UI tests pass the same `now` to the mock.
const NOW: &str = "2026-05-14T09:30:00Z";
/// Enough tickets for every status to have several, few enough to keep the files reviewable.
const TICKETS: usize = 120;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/test/fixtures")
}

/// The fixture files, in the order ids are numbered (the workspace first, so people and
/// services get the low numbers).
fn generate() -> Vec<(&'static str, Value)> {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("fixtures.smw")).unwrap();
    let now = Timestamp::parse(NOW).unwrap();
    smw_store::demo::generate(&ws, now, TICKETS, &mut |_| {}).unwrap();

    let directory = ws.directory().unwrap();
    let tickets = reads::tickets(&ws);
    let keys: Vec<String> =
        tickets.as_array().unwrap().iter().map(|d| d["ticket"]["key"].as_str().unwrap().into()).collect();
    // Refusals are tried on a ticket that is still open, as the person in the UI tests is.
    let open = tickets
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["ticket"])
        .find(|t| t["status"] == json!(Status::InProgress))
        .expect("an in-progress ticket");
    let (open_key, open_version) = (open["key"].as_str().unwrap().to_string(), open["version"].as_i64().unwrap());
    let agent = directory.people.iter().find(|p| !p.group_ids.is_empty()).expect("an agent");
    let actor = Actor { id: Some(agent.id), name: agent.name.clone() };

    let files = vec![
        ("workspace.json", json!({ "now": now, "directory": directory })),
        ("tickets.json", tickets.clone()),
        ("problems.json", reads::problems(&ws)),
        ("service_levels.json", reads::service_levels(&ws, now, &keys)),
        ("recorded_reads.json", reads::recorded(&ws)),
        (
            "rules.json",
            json!({
                "workflow": rules::workflow(),
                "priority": rules::priority(&ws),
                "refusals": rules::refusals(&ws, &actor, now, &open_key),
                "messages": rules::messages(&ws, &actor, now, &open_key, open_version),
            }),
        ),
    ];
    // The refusals must not have written anything: the fixtures describe one state.
    assert_eq!(reads::tickets(&ws), tickets, "a refusal sample changed the workspace");
    let mut ids = normalise::Ids::default();
    files
        .into_iter()
        .map(|(name, mut value)| {
            ids.normalise(&mut value);
            (name, value)
        })
        .collect()
}

#[test]
fn ui_fixtures_are_generated_and_committed() {
    let dir = fixtures_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut changed = Vec::new();
    for (name, value) in generate() {
        let text = serde_json::to_string_pretty(&value).unwrap() + "\n";
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).unwrap();
            changed.push(name);
        }
    }
    assert!(
        changed.is_empty(),
        "the UI fixtures were out of date and have been rewritten: {changed:?} in {}; review and commit them",
        dir.display()
    );
}

#[test]
fn two_runs_give_the_same_bytes() {
    let first: Vec<String> = generate().iter().map(|(_, v)| v.to_string()).collect();
    let second: Vec<String> = generate().iter().map(|(_, v)| v.to_string()).collect();
    assert!(first == second, "the fixtures depend on something besides the fixed clock");
}
