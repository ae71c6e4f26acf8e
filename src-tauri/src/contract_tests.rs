//! The command list is written in the shell's handler list (lib.rs) and in the app manifest
//! (build.rs, which turns each into an `allow-` permission); the main window's capability
//! grants them, docs/commands.md documents them and the UI calls them by name. These tests
//! fail as soon as any of those disagree.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The quoted words of `text` that look like command names, inside the block after `start`.
fn between(text: &str, start: &str, end: &str) -> String {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let to = from + text[from..].find(end).unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    text[from..to].to_string()
}

fn handlers() -> BTreeSet<String> {
    let block = between(&read("src-tauri/src/lib.rs"), "generate_handler![", "]");
    block
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}

fn quoted(block: &str) -> BTreeSet<String> {
    block.split('"').skip(1).step_by(2).map(String::from).collect()
}

fn manifest() -> BTreeSet<String> {
    quoted(&between(&read("src-tauri/build.rs"), "const APP_COMMANDS: &[&str] = &[", "];"))
}

fn granted() -> BTreeSet<String> {
    let capability: serde_json::Value = serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|name| name.replace('-', "_")))
        .collect()
}

/// The names written in backticks in the first cell of docs/commands.md's table rows.
fn documented() -> BTreeSet<String> {
    let docs = read("docs/commands.md");
    let first_cells = docs.lines().filter(|line| line.starts_with("| `")).filter_map(|line| line.split('|').nth(1));
    first_cells.flat_map(|cell| cell.split('`').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>()).collect()
}

/// The names the UI passes to `call('…')` in ui/src/api.
fn called_by_ui() -> BTreeSet<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/api");
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ts") && !path.to_string_lossy().ends_with(".test.ts") {
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("call<").skip(1) {
                if let Some(name) = piece.split('\'').nth(1) {
                    names.insert(name.to_string());
                }
            }
        }
    }
    names
}

#[test]
fn handlers_manifest_capability_docs_and_ui_name_the_same_commands() {
    let handlers = handlers();
    assert!(handlers.len() > 40, "{handlers:?}");
    assert_eq!(manifest(), handlers, "build.rs APP_COMMANDS against lib.rs generate_handler!");
    assert_eq!(granted(), handlers, "capabilities/main.json against lib.rs generate_handler!");
    let documented = documented();
    let undocumented: Vec<_> = handlers.difference(&documented).collect();
    assert!(undocumented.is_empty(), "docs/commands.md does not document {undocumented:?}");
    let unknown: Vec<_> = called_by_ui().into_iter().filter(|name| !handlers.contains(name)).collect();
    assert!(unknown.is_empty(), "the UI calls commands the shell does not register: {unknown:?}");
}
