//! An import refuses what a normal write never stores, even when the file's digests and
//! chain were recomputed to match (as an attacker replaying history would), naming the line
//! and the field.

mod common;
use common::*;
use serde_json::{json, Value};
use smw_core::audit::{canonical_digest, hex, EntryFields};
use smw_store::{StoreError, Workspace};

fn exported() -> Vec<String> {
    let f = fixture();
    let ticket = incident(&f, "Printer jams", "Paper tray 2");
    incident(&f, "Mail is slow", "");
    comment(&f, &ticket.key, "Looking at it");
    let mut out = Vec::new();
    f.ws.export_jsonl(at("2026-06-01T00:00:00Z"), &mut out, &mut |_| {}).unwrap();
    String::from_utf8(out).unwrap().lines().map(str::to_string).collect()
}

/// The file as an attacker leaves it after editing records: each record's newest audit entry
/// carries the digest of its data as now written, every hash from there on is recomputed, and
/// the header's count and head follow.
fn launder(lines: &[String]) -> String {
    let mut digests = std::collections::HashMap::new();
    let mut records = 0;
    for line in lines {
        let value: Value = serde_json::from_str(line).unwrap();
        if value.get("table").is_some() {
            let data = line.split_once("\"data\":").unwrap().1.strip_suffix('}').unwrap();
            digests.insert(value["data"]["id"].as_str().unwrap().to_string(), hex(&canonical_digest(data.as_bytes())));
            records += 1;
        }
    }
    let mut last_entry = std::collections::HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        if let Some(entry) = serde_json::from_str::<Value>(line).unwrap().get("audit") {
            last_entry.insert(entry["record_id"].as_str().unwrap().to_string(), index);
        }
    }
    let (mut prev, mut seq) = (smw_core::audit::GENESIS_HASH.to_string(), 0);
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let mut value: Value = serde_json::from_str(line).unwrap();
        let Some(entry) = value.get_mut("audit") else {
            out.push(line.clone());
            continue;
        };
        let id = entry["record_id"].as_str().unwrap().to_string();
        if last_entry.get(&id) == Some(&index) {
            if let Some(digest) = digests.get(&id) {
                entry["row_digest"] = json!(digest);
            }
        }
        entry["prev_hash"] = json!(prev);
        let text = |key: &str| entry[key].as_str().unwrap().to_string();
        let hash = EntryFields {
            seq: entry["seq"].as_i64().unwrap(),
            at: &text("at"),
            actor_id: &text("actor_id"),
            actor: &text("actor"),
            action: &text("action"),
            record_kind: &text("record_kind"),
            record_id: &text("record_id"),
            record_key: &text("record_key"),
            changes: &text("changes"),
            row_digest: &text("row_digest"),
            prev_hash: &text("prev_hash"),
        }
        .hash();
        entry["hash"] = json!(hash);
        (prev, seq) = (hash, entry["seq"].as_i64().unwrap());
        out.push(value.to_string());
    }
    let mut header: Value = serde_json::from_str(&out[0]).unwrap();
    header["header"]["records"] = json!(records);
    header["header"]["head"] = json!({ "seq": seq, "hash": prev });
    out[0] = header.to_string();
    out.join("\n")
}

fn refusal(text: &str) -> (u64, String) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("t.smw")).unwrap();
    match ws.import_jsonl(at("2026-06-01T00:00:00Z"), &mut text.as_bytes(), &mut |_| {}) {
        Err(StoreError::BadFile { line, message }) => {
            assert_eq!(ws.ticket_count().unwrap(), 0, "a refused import leaves nothing");
            (line, message)
        }
        other => panic!("expected a refusal, got {:?}", other.map_err(|e| e.to_string())),
    }
}

fn line_of(lines: &[String], needle: &str) -> usize {
    lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle}"))
}

/// Edits the record on the line holding `needle` with `edit` (on its data as JSON), keeping
/// its field order, and launders the file.
fn with_record(lines: &[String], needle: &str, edit: impl FnOnce(&mut Value)) -> (usize, String) {
    let at = line_of(lines, needle);
    let mut value: Value = serde_json::from_str(&lines[at]).unwrap();
    let original_order: Vec<String> = value["data"].as_object().unwrap().keys().cloned().collect();
    edit(&mut value["data"]);
    // serde_json sorts an object's keys; the app writes them in the struct's order, which the
    // original text gives.
    let text = &lines[at];
    let mut data = text.split_once("\"data\":").unwrap().1.strip_suffix('}').unwrap().to_string();
    for key in original_order {
        let old = serde_json::from_str::<Value>(&lines[at]).unwrap()["data"][&key].to_string();
        let new = value["data"][&key].to_string();
        data = data.replacen(&format!("\"{key}\":{old}"), &format!("\"{key}\":{new}"), 1);
    }
    let mut edited = lines.to_vec();
    edited[at] = format!("{}\"data\":{data}}}", text.split_once("\"data\":").unwrap().0);
    (at + 1, launder(&edited))
}

#[test]
fn a_laundered_but_untouched_file_imports() {
    let lines = exported();
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("t.smw")).unwrap();
    ws.import_jsonl(at("2026-06-01T00:00:00Z"), &mut launder(&lines).as_bytes(), &mut |_| {}).unwrap();
    assert_eq!(ws.ticket_count().unwrap(), 2);
}

#[test]
fn domain_invalid_records_are_refused_with_line_and_field() {
    let lines = exported();
    for (priority, what) in [(0, "0 is not a priority"), (255, "255 is not a priority")] {
        let (line, message) = with_record(&lines, "Printer jams", |d| d["priority"] = json!(priority));
        assert_eq!(refusal(&message), (line as u64, format!("ticket INC-000001: data.priority: {what} (1 to 5)")));
    }
    let (line, text) = with_record(&lines, "Printer jams", |d| d["title"] = json!("   "));
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, line as u64);
    assert!(message.starts_with("ticket INC-000001: data.title: "), "{message}");

    let (line, text) = with_record(&lines, "Printer jams", |d| d["title"] = json!(" Printer jams "));
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, line as u64);
    assert!(message.contains("data.title: not as the app stores it"), "{message}");

    let (line, text) = with_record(&lines, "Looking at it", |d| d["parent_id"] = json!(uuid::Uuid::nil()));
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, line as u64);
    assert!(message.starts_with("data.parent_id: 00000000-0000-0000-0000-000000000000 is not a record"), "{message}");
}

#[test]
fn a_malformed_key_and_a_duplicate_live_name_are_refused() {
    let lines = exported();
    let (line, text) = with_record(&lines, "Printer jams", |d| d["key"] = json!("INC-1"));
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, line as u64);
    assert!(message.contains("data.key: \"INC-1\" is not a key"), "{message}");

    let f = fixture();
    let actor = smw_store::Actor::system("t");
    let draft = |name: &str| smw_core::directory::GroupDraft { name: name.into(), ..Default::default() };
    f.ws.group_create(&actor, at("2026-05-02T00:00:00Z"), draft("Network")).unwrap();
    f.ws.group_create(&actor, at("2026-05-02T00:00:00Z"), draft("Desk")).unwrap();
    let mut out = Vec::new();
    f.ws.export_jsonl(at("2026-06-01T00:00:00Z"), &mut out, &mut |_| {}).unwrap();
    let lines: Vec<String> = String::from_utf8(out).unwrap().lines().map(str::to_string).collect();
    let (line, text) = with_record(&lines, "\"name\":\"Desk\"", |d| d["name"] = json!("network"));
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, line as u64);
    assert!(message.starts_with("group GRP-000002: data.name: Another group is already called"), "{message}");
}

#[test]
fn an_invalid_priority_matrix_is_refused() {
    let f = fixture();
    let matrix = smw_core::priority::PriorityMatrix { cells: [[1, 2, 3], [2, 3, 4], [3, 4, 5]] };
    f.ws.set_priority_matrix(&f.actor, at("2026-05-02T00:00:00Z"), matrix).unwrap();
    let mut out = Vec::new();
    f.ws.export_jsonl(at("2026-06-01T00:00:00Z"), &mut out, &mut |_| {}).unwrap();
    let lines: Vec<String> = String::from_utf8(out).unwrap().lines().map(str::to_string).collect();
    let (line, text) =
        with_record(&lines, "\"table\":\"settings\"", |d| d["value"] = json!("{\"cells\":[[1,2,3],[2,3,4],[3,4,9]]}"));
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, line as u64);
    assert!(message.contains("data.value.cells[2][2]: "), "{message}");
}

#[test]
fn a_field_the_app_does_not_know_is_refused_not_dropped() {
    let lines = exported();
    let at_line = line_of(&lines, "Printer jams");
    let mut edited = lines.clone();
    edited[at_line] = edited[at_line].replacen("\"title\":", "\"smuggled\":1,\"title\":", 1);
    let (line_named, message) = refusal(&launder(&edited));
    assert_eq!(line_named, at_line as u64 + 1);
    assert!(message.starts_with("ticket INC-000001: data: not in the form the app writes"), "{message}");
}

#[test]
fn a_file_whose_structure_was_cut_or_edited_is_refused() {
    let lines = exported();
    let text = lines.join("\n");
    // Cut right after its header.
    let (line_named, message) = refusal(&lines[0]);
    assert_eq!(line_named, 1);
    assert!(message.starts_with("header: records says "), "{message}");

    // A record line deleted while its history is there.
    let ticket = line_of(&lines, "Mail is slow");
    let mut deleted = lines.clone();
    deleted.remove(ticket);
    let (line_named, message) = refusal(&launder(&deleted));
    assert!(deleted[line_named as usize - 1].starts_with("{\"audit\""), "{line_named}");
    assert!(
        message.contains("audit.record_id: INC-000002 (") && message.ends_with("not among the file's records"),
        "{message}"
    );

    // Audit lines with no records at all.
    let audit_only: Vec<String> =
        lines.iter().filter(|l| !l.starts_with("{\"table\"") && !l.starts_with("{\"counter\"")).cloned().collect();
    let (line_named, message) = refusal(&launder(&audit_only));
    assert_eq!(line_named, 2);
    assert!(message.ends_with("not among the file's records"), "{message}");

    // Numbering that starts at 0.
    let first_audit = line_of(&lines, "{\"audit\"");
    let mut renumbered = lines.clone();
    renumbered[first_audit] = renumbered[first_audit].replacen("\"seq\":1,", "\"seq\":0,", 1);
    let (line_named, message) = refusal(&launder(&renumbered));
    assert_eq!(line_named, first_audit as u64 + 1);
    assert!(message.contains("audit.seq: expected entry #1"), "{message}");

    // Key counters: deleted, zero, negative, at the limit, below the highest key.
    let counter = line_of(&lines, "\"prefix\":\"INC\"");
    let mut without = lines.clone();
    without.remove(counter);
    let (_, message) = refusal(&without.join("\n"));
    assert!(message.starts_with("the key counter for INC is missing"), "{message}");
    for last in ["0", "-5", &i64::MAX.to_string(), "1"] {
        let changed = text.replacen(
            "{\"counter\":{\"last\":2,\"prefix\":\"INC\"}}",
            &format!("{{\"counter\":{{\"last\":{last},\"prefix\":\"INC\"}}}}"),
            1,
        );
        assert_ne!(changed, text);
        let (line_named, message) = refusal(&changed);
        assert_eq!(line_named, counter as u64 + 1, "{last}");
        assert!(message.starts_with(&format!("counter.last: {last} ")), "{message}");
    }
}

#[test]
fn a_history_rewritten_without_its_header_is_refused_at_the_header() {
    let lines = exported();
    let laundered = launder(&lines);
    // The attacker rewrites an entry and the chain after it, but the header still records the
    // head the workspace had when it was exported.
    let mut rewritten: Vec<String> = laundered.lines().map(str::to_string).collect();
    let entry = line_of(&rewritten, "\"action\":\"create\"");
    rewritten[entry] = rewritten[entry].replacen("\"actor\":\"", "\"actor\":\"Mallory ", 1);
    let header = rewritten[0].clone();
    let relaundered = launder(&rewritten);
    let text = format!("{header}\n{}", relaundered.split_once('\n').unwrap().1);
    let (line_named, message) = refusal(&text);
    assert_eq!(line_named, 1);
    assert!(message.starts_with("header: head: the export recorded its history ending at entry #"), "{message}");
}
