//! Export and import: a lossless round trip, and bad files that change nothing.

mod common;
use common::*;
use smw_core::Code;
use smw_store::Workspace;

fn export(ws: &Workspace) -> String {
    let mut out = Vec::new();
    ws.export_jsonl(at("2026-06-01T00:00:00Z"), &mut out, &mut |_| {}).unwrap();
    String::from_utf8(out).unwrap()
}

fn demo() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.smw");
    let ws = Workspace::create(&path).unwrap();
    smw_store::demo::generate(&ws, at("2026-06-01T00:00:00Z"), 60, &mut |_| {}).unwrap();
    Fixture { dir, path, ws, actor: smw_store::Actor::system("test") }
}

#[test]
fn export_then_import_is_lossless() {
    let original = demo();
    let text = export(&original.ws);
    let copy_path = original.dir.path().join("copy.smw");
    let copy = Workspace::create(&copy_path).unwrap();
    let records = copy.import_jsonl(at("2026-06-01T00:00:00Z"), &mut text.as_bytes(), &mut |_| {}).unwrap();
    assert!(records > 100, "{records}");
    assert_eq!(export(&copy), text);
    let report = smw_store::verify(&copy_path).unwrap();
    assert!(report.ok, "{:?}", report.findings);
    assert_eq!(report.audit_entries, smw_store::verify(&original.path).unwrap().audit_entries);
    // A version 1 export, made before the header counted its records and recorded the chain's
    // head, imports the same.
    let header_end = text.find('\n').unwrap();
    let (header, rest) = text.split_at(header_end);
    let version_1 = without_member(&without_member(header, ",\"records\":"), ",\"head\":")
        .replace("\"format_version\":2", "\"format_version\":1");
    let uncounted = version_1 + rest;
    assert!(!uncounted.contains("\"records\":") && !uncounted.contains("\"head\""), "{}", &uncounted[..header_end]);
    let older_path = original.dir.path().join("older.smw");
    let older = Workspace::create(&older_path).unwrap();
    assert_eq!(
        older.import_jsonl(at("2026-06-01T00:00:00Z"), &mut uncounted.as_bytes(), &mut |_| {}).unwrap(),
        records
    );
    assert_eq!(export(&older), text);
    // The copy keeps working: keys continue where the original stopped.
    let f =
        Fixture { dir: tempfile::tempdir().unwrap(), path: copy_path, ws: copy, actor: smw_store::Actor::system("t") };
    let next = incident(&f, "After import", "");
    assert_eq!(next.key, format!("INC-{:06}", original.ws.ticket_count().unwrap() as usize + 1 - requests(&original)));
}

/// An import into a new file builds its search index in a side file and copies it in: the
/// copy must find what the original finds, in the same order, and leave no side file behind.
#[test]
fn a_new_workspace_from_an_import_searches_like_the_original() {
    let original = demo();
    let ticket = incident(&original, "Quasar badge reader offline", "the zephyr door stays shut");
    comment(&original, &ticket.key, "swapped the marmalade cable");
    let text = export(&original.ws);
    let copy_path = original.dir.path().join("copy.smw");
    let imported = smw_store::transfer::import_new_workspace(
        &copy_path,
        at("2026-06-01T00:00:00Z"),
        &mut text.as_bytes(),
        &mut |_| {},
    )
    .unwrap();
    assert!(imported > 100, "{imported}");
    let leftovers: Vec<_> = std::fs::read_dir(original.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("importing"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let copy = Workspace::open(&copy_path).unwrap();
    // Rare words from a title, a description and a comment; then words common in the demo,
    // whose many hits are ordered by recency.
    for word in ["quasar", "zephyr", "marmalade", "printer", "network", "password", "vpn", "slow"] {
        let (theirs, ours) = (original.ws.search(word, 50).unwrap(), copy.search(word, 50).unwrap());
        assert_eq!(ours, theirs, "{word}");
        if ["quasar", "zephyr", "marmalade"].contains(&word) {
            assert_eq!(ours.len(), 1, "{word}: {ours:?}");
            assert_eq!(ours[0].key, ticket.key);
        }
    }
    assert!(copy.search("printer", 50).unwrap().len() > 1, "the demo has many printer tickets");
    let report = smw_store::verify(&copy_path).unwrap();
    assert!(report.ok, "{:?}", report.findings);
}

/// `header` without the member that starts with `member` (a number, up to the next `,` or `}`).
fn without_member(header: &str, member: &str) -> String {
    let start = header.find(member).unwrap();
    // An object member (the head) ends at its closing brace, a number at the next comma.
    let ends: &[char] = if header[start + member.len()..].starts_with('{') { &['}'] } else { &[',', '}'] };
    let end = start + 1 + header[start + 1..].find(ends).unwrap() + usize::from(ends == ['}']);
    format!("{}{}", &header[..start], &header[end..])
}

fn requests(f: &Fixture) -> usize {
    let filter =
        smw_core::views::TicketFilter { kind: Some(smw_core::ticket::TicketKind::Request), ..Default::default() };
    f.ws.tickets_list(&filter, 0, 1000).unwrap().total as usize
}

fn import_error(text: impl AsRef<[u8]>) -> (u64, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("target.smw");
    let ws = Workspace::create(&path).unwrap();
    let err = ws.import_jsonl(at("2026-06-01T00:00:00Z"), &mut text.as_ref(), &mut |_| {}).unwrap_err();
    assert_eq!(ws.ticket_count().unwrap(), 0, "a failed import must leave the workspace empty");
    match err {
        smw_store::StoreError::BadFile { line, message } => (line, message),
        other => panic!("expected a bad file error, got {other}"),
    }
}

#[test]
fn an_export_of_a_newer_or_unknown_schema_is_refused_at_its_header() {
    let text = export(&demo().ws);
    let (header, rest) = text.split_once('\n').unwrap();
    let current = format!("\"schema_version\":{}", smw_store::migrations::latest_version());
    assert!(header.contains(&current), "{header}");
    for claimed in ["\"schema_version\":999", "\"schema_version\":0"] {
        let (line, message) = import_error(format!("{}\n{rest}", header.replace(&current, claimed)));
        assert_eq!(line, 1);
        assert!(message.contains("schema_version"), "{message}");
    }
}

#[test]
fn bad_lines_are_named_and_nothing_is_written() {
    let text = export(&demo().ws);
    let lines: Vec<&str> = text.lines().collect();

    let mut broken = lines.clone();
    broken[5] = "{not json";
    assert_eq!(import_error(broken.join("\n")).0, 6);
    // Bytes that are not UTF-8 (here Latin-1's "é") are named at their line too.
    let latin1 =
        [lines[..6].join("\n").as_bytes(), b"\n{\"x\":\"caf\xe9\"}\n", lines[6..].join("\n").as_bytes()].concat();
    assert_eq!(import_error(latin1), (7, "not UTF-8 text (at byte 10)".to_string()));

    // A record edited in the file no longer matches its audit history.
    let ticket_line = lines.iter().position(|l| l.contains("\"table\":\"tickets\"")).unwrap();
    let edited = lines[ticket_line].replacen("\"title\":\"", "\"title\":\"EDITED ", 1);
    let mut tampered = lines.clone();
    tampered[ticket_line] = &edited;
    let (line, message) = import_error(tampered.join("\n"));
    assert_eq!(line, ticket_line as u64 + 1);
    let key = serde_json::from_str::<serde_json::Value>(lines[ticket_line]).unwrap()["data"]["key"].clone();
    let key = key.as_str().unwrap();
    let unmatched = format!("{key} does not match its audit history (its data must be exactly as exported)");
    assert_eq!(message, unmatched);

    // So does one written out again with the same content: the import checks the data as
    // written against the history's digest, so the spacing and the order of fields count too.
    let respaced = lines[ticket_line].replacen("\"data\":{\"", "\"data\":{ \"", 1);
    assert_ne!(respaced, lines[ticket_line]);
    let mut reformatted = lines.clone();
    reformatted[ticket_line] = &respaced;
    let (line, message) = import_error(reformatted.join("\n"));
    assert_eq!(line, ticket_line as u64 + 1);
    assert!(message.starts_with(&format!("ticket {key}: data: not in the form the app writes")), "{message}");

    // A record given twice is refused on its second line, naming the first.
    let mut doubled = lines.clone();
    doubled.insert(ticket_line + 1, lines[ticket_line]);
    let (line, message) = import_error(doubled.join("\n"));
    assert_eq!(line, ticket_line as u64 + 2);
    assert_eq!(message, format!("{key} appears twice (first on line {})", ticket_line + 1));

    // A record with a field of the wrong type names the field.
    let typed = lines[ticket_line].replacen("\"priority\":", "\"priority\":\"high\",\"_\":", 1);
    let mut wrong = lines.clone();
    wrong[ticket_line] = &typed;
    let (line, message) = import_error(wrong.join("\n"));
    assert_eq!(line, ticket_line as u64 + 1);
    assert!(message.starts_with("ticket: data.priority: invalid type"), "{message}");
    // The first bad line is the one named, whichever of the import's two threads finds it.
    // A later line that is not JSON does not hide a record of the wrong type...
    wrong.push("{not json");
    assert_eq!(import_error(wrong.join("\n")), (line, message));
    // ...and a record that does not match its history (found only once every audit entry is
    // read) comes before a later record of the wrong type.
    let next_ticket =
        ticket_line + 1 + lines[ticket_line + 1..].iter().position(|l| l.contains("\"table\":\"tickets\"")).unwrap();
    let typed_next = lines[next_ticket].replacen("\"priority\":", "\"priority\":\"high\",\"_\":", 1);
    let mut both = tampered.clone();
    both[next_ticket] = &typed_next;
    assert_eq!(import_error(both.join("\n")), (ticket_line as u64 + 1, unmatched.clone()));

    // Records come before the audit entries (docs/export-format.md), so that each entry is
    // checked against its record as it is read: a record moved after them is refused at the
    // first entry about it, which names a record the file has not given.
    let mut moved = lines.clone();
    let record = moved.remove(ticket_line);
    moved.push(record);
    let (line, message) = import_error(moved.join("\n"));
    assert!(moved[line as usize - 1].starts_with("{\"audit\"") && line < lines.len() as u64, "{line}");
    assert!(message.contains(&format!("audit.record_id: {key} (")), "{message}");
    assert!(message.ends_with("is not among the file's records"), "{message}");

    assert_eq!(import_error("").0, 1);
}

#[test]
fn a_broken_audit_chain_is_named_at_its_first_bad_line() {
    let text = export(&demo().ws);
    let lines: Vec<&str> = text.lines().collect();
    let first_audit = lines.iter().position(|l| l.starts_with("{\"audit\"")).unwrap();
    let middle = first_audit + (lines.len() - first_audit) / 2;
    let seq = |line: &str| serde_json::from_str::<serde_json::Value>(line).unwrap()["audit"]["seq"].as_i64().unwrap();
    let broken =
        |at: usize| format!("audit entry #{}: the chain is broken here (edited or out of order)", seq(lines[at]));

    // An entry whose content was edited no longer matches its hash.
    let edited = lines[middle].replacen("\"at\":\"2", "\"at\":\"1", 1);
    assert_ne!(edited, lines[middle]);
    let mut tampered = lines.clone();
    tampered[middle] = &edited;
    assert_eq!(import_error(tampered.join("\n")), (middle as u64 + 1, broken(middle)));

    // A later bad line does not hide it: the first problem in the file is the one named.
    tampered.push("{not json");
    assert_eq!(import_error(tampered.join("\n")), (middle as u64 + 1, broken(middle)));

    // An entry taken out: the next one leaves a gap in the numbering.
    let mut removed = lines.clone();
    removed.remove(middle);
    let gap = format!(
        "audit entry #{}: audit.seq: expected entry #{} (entries are numbered from 1, without gaps)",
        seq(lines[middle + 1]),
        seq(lines[middle])
    );
    assert_eq!(import_error(removed.join("\n")), (middle as u64 + 1, gap));
}

#[test]
fn import_refuses_a_workspace_with_history() {
    let f = fixture();
    let text = export(&demo().ws);
    let err = f.ws.import_jsonl(at("2026-06-01T00:00:00Z"), &mut text.as_bytes(), &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), Code::NotEmpty);
}

/// A refusal found only after every line is loaded (here a reference to a record the file
/// lacks) rolls the whole import back, SLA clocks included, so the same workspace takes a
/// good file next.
#[test]
fn an_import_that_fails_after_the_load_leaves_nothing_and_a_retry_works() {
    let text = export(&demo().ws);
    let comment = text.lines().position(|l| l.starts_with("{\"table\":\"comments\"")).unwrap();
    let parent = serde_json::from_str::<serde_json::Value>(text.lines().nth(comment).unwrap()).unwrap()["data"]
        ["parent_id"]
        .as_str()
        .unwrap()
        .to_string();
    // The comment's parent line taken out, the header's count and the chain left as they are:
    // the reader notices the missing record only at the parent's audit entries, after the load.
    let without_parent: Vec<&str> = text
        .lines()
        .filter(|l| !(l.starts_with("{\"table\"") && l.contains(&format!("\"id\":\"{parent}\""))))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("retry.smw");
    let ws = Workspace::create(&path).unwrap();
    let now = at("2026-06-01T00:00:00Z");
    assert!(ws.import_jsonl(now, &mut without_parent.join("\n").as_bytes(), &mut |_| {}).is_err());
    let left: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM ticket_clocks) + (SELECT count(*) FROM comments)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    assert!(ws.import_jsonl(now, &mut text.as_bytes(), &mut |_| {}).unwrap() > 100);
}

/// Two imports into the same new path at once: one wins, the other says it did not, and the
/// file holds the winner's data.
#[test]
fn of_two_imports_into_one_new_path_exactly_one_wins() {
    let big = export(&demo().ws);
    let small = export(&fixture().ws);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("raced.smw");
    let import = |text: &str| {
        smw_store::transfer::import_new_workspace(
            &target,
            at("2026-06-01T00:00:00Z"),
            &mut text.as_bytes(),
            &mut |_| {},
        )
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| import(&big));
        let b = s.spawn(|| import(&small));
        (a.join().unwrap(), b.join().unwrap())
    });
    assert!(
        a.is_ok() != b.is_ok(),
        "exactly one import wins: {:?} {:?}",
        a.map_err(|e| e.to_string()),
        b.map_err(|e| e.to_string())
    );
    let winner = if a.is_ok() { &big } else { &small };
    let loser = a.err().or(b.err()).unwrap().to_string();
    assert!(loser.contains("already exists") || loser.contains("created by someone else"), "{loser}");
    assert_eq!(export(&Workspace::open(&target).unwrap()), *winner);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("raced.smw")]);
}
