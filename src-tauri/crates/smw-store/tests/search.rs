//! Full-text search over titles, descriptions and comments.

mod common;
use common::*;

#[test]
fn finds_titles_descriptions_and_comments() {
    let f = fixture();
    let mail = incident(&f, "Mail server down", "Users see *bounce* messages");
    let vpn = incident(&f, "VPN slow", "");
    comment(&f, &vpn.key, "The firewall appliance is overloaded");
    let keys = |text: &str| f.ws.search(text, 20).unwrap().into_iter().map(|h| h.key).collect::<Vec<_>>();
    assert_eq!(keys("mail"), vec![mail.key.clone()]);
    assert_eq!(keys("bounce"), vec![mail.key.clone()]);
    assert_eq!(keys("FIREWALL"), vec![vpn.key.clone()]);
    assert!(keys("nonexistentword").is_empty());
    // Operators in the input are searched for, not interpreted.
    assert!(keys("mail OR \"vpn").is_empty());
    assert_eq!(f.ws.search("  ", 20).unwrap_err().field(), Some("text"));
}

#[test]
fn words_in_any_script_are_searched_as_whole_words() {
    // The index keeps no word positions, so a word the tokenizer cut in two could not be
    // searched at all: each of these has a combining mark, an enclosed letter or a
    // decomposed accent in the middle.
    let f = fixture();
    let words = ["क्या", "किताब", "كَتَبَ", "cafe\u{301}", "naïve", "東京都", "x\u{24D0}y"];
    let t = incident(&f, "Multilingual", &words.join(" "));
    for word in words.iter().chain(&["café", "cafe", "naive", "X"]) {
        let hits = f.ws.search(word, 20).unwrap_or_else(|e| panic!("{word:?}: {e}"));
        let keys: Vec<_> = hits.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(keys, vec![t.key.as_str()], "{word:?}");
    }
    // An enclosed letter is a symbol to the tokenizer, as punctuation is: no word at all.
    assert_eq!(f.ws.search("ⓐ", 20).unwrap_err().field(), Some("text"));
}

#[test]
fn common_terms_come_newest_first_and_each_ticket_once() {
    let f = fixture();
    let mut keys = Vec::new();
    for n in 0..260 {
        keys.push(incident(&f, &format!("printer problem {n}"), "printer printer").key);
    }
    comment(&f, &keys[3], "printer still jams");
    let hits = f.ws.search("printer", 20).unwrap();
    assert_eq!(hits.len(), 20);
    // The comment made ticket 3 the most recent document about printers.
    assert_eq!(hits[0].key, keys[3]);
    assert_eq!(hits[1].key, keys[259]);
    let mut unique: Vec<_> = hits.iter().map(|h| &h.key).collect();
    unique.dedup();
    assert_eq!(unique.len(), 20);
}

#[test]
fn edits_and_filters_follow_the_index() {
    let f = fixture();
    let t = incident(&f, "Keyboard broken", "");
    let patch = smw_core::ticket::TicketPatch { title: Some("Mouse broken".into()), ..Default::default() };
    f.ws.ticket_update(&f.actor, at("2026-05-04T12:00:00Z"), &t.key, patch, None).unwrap();
    assert!(f.ws.search("keyboard", 20).unwrap().is_empty());
    assert_eq!(f.ws.search("mouse", 20).unwrap().len(), 1);
    let filter = smw_core::views::TicketFilter { text: Some("mouse".into()), ..Default::default() };
    assert_eq!(f.ws.tickets_list(&filter, 0, 10).unwrap().rows.len(), 1);
}

#[test]
fn a_version_2_index_is_rebuilt_under_audit_entry_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.smw");
    {
        let conn = file_at_version(&path, 2);
        // Rows as version 2 wrote them; the audit entries only need to exist for the index.
        conn.execute_batch(
            "INSERT INTO tickets (id, key, kind, title, description, category, impact, urgency, priority, status,
                                  created_at, updated_at, deleted_at, version)
             VALUES ('t1', 'INC-000001', 'incident', 'Printer jammed', 'tray two', '', 'low', 'low', 4, 'new',
                     'x', 'x', NULL, 1),
                    ('t2', 'INC-000002', 'incident', 'Printer gone', '', '', 'low', 'low', 4, 'new',
                     'x', 'x', 'x', 2);
             INSERT INTO problems (id, key, title, description, status, priority, root_cause, workaround,
                                   known_error, created_at, updated_at, version)
             VALUES ('p1', 'PRB-000001', 'Toner', '', 'open', 3, 'cheap toner', 'shake the cartridge', 1, 'x', 'x', 1);
             INSERT INTO comments (id, key, parent_id, body, internal, created_at, updated_at, version)
             VALUES ('c1', 'CMT-000001', 't1', 'replaced the fuser', 0, 'x', 'x', 1);
             INSERT INTO audit_log (seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes,
                                    row_digest, prev_hash, hash)
             VALUES (1, 'x', '', 'test', 'create', 'incident', 't1', 'INC-000001', '{}', '', '', ''),
                    (2, 'x', '', 'test', 'create', 'incident', 't2', 'INC-000002', '{}', '', '', ''),
                    (3, 'x', '', 'test', 'create', 'problem', 'p1', 'PRB-000001', '{}', '', '', ''),
                    (4, 'x', '', 'test', 'create', 'comment', 'c1', 'CMT-000001', '{}', '', '', ''),
                    (5, 'x', '', 'test', 'delete', 'incident', 't2', 'INC-000002', '{}', '', '', '');
             INSERT INTO search_docs (doc, record_id, record_kind, owner_id, owner_kind)
             VALUES (1, 't1', 'incident', 't1', 'incident');
             INSERT INTO search_index (rowid, title, body) VALUES (1, 'stale words', '');",
        )
        .unwrap();
    }
    let conn = {
        drop(smw_store::Workspace::open(&path).unwrap());
        rusqlite::Connection::open(&path).unwrap()
    };
    let docs = |query: &str| -> Vec<i64> {
        let mut stmt =
            conn.prepare("SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid").unwrap();
        stmt.query_map([query], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(docs("printer"), vec![1], "the tombstoned ticket is not indexed");
    assert_eq!(docs("tray"), vec![1]);
    assert_eq!(docs("shake"), vec![3], "a problem's workaround is searchable");
    assert_eq!(docs("fuser"), vec![4], "a comment is its own document");
    assert!(docs("stale").is_empty(), "the old index is gone");
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'search_docs'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 0);
}

#[test]
fn the_index_rebuilt_from_the_tables_matches_the_one_kept_by_writes() {
    let f = fixture();
    let t = incident(&f, "Laptop fan loud", "fan *noise* since Monday");
    comment(&f, &t.key, "ordered a new fan");
    let patch = smw_core::ticket::TicketPatch { title: Some("Laptop very loud".into()), ..Default::default() };
    f.ws.ticket_update(&f.actor, at("2026-05-04T12:00:00Z"), &t.key, patch, None).unwrap();
    let docs_per_word = || {
        let conn = rusqlite::Connection::open(&f.path).unwrap();
        let mut stmt =
            conn.prepare("SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid").unwrap();
        ["laptop", "fan", "noise", "ordered", "very"]
            .map(|word| stmt.query_map([word], |row| row.get(0)).unwrap().map(Result::unwrap).collect::<Vec<i64>>())
    };
    let kept = docs_per_word();
    assert_eq!(kept[1].len(), 2, "the ticket and its comment mention the fan: {kept:?}");
    let fill = include_str!("../src/machinery/sql/search_fill.sql");
    tamper(&f, &format!("INSERT INTO search_index (search_index) VALUES ('delete-all'); {fill}"));
    assert_eq!(docs_per_word(), kept);
}

#[test]
fn a_version_4_file_gets_the_lean_index_with_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.smw");
    file_at_version(&path, 4)
        .execute_batch(
            "INSERT INTO tickets (id, key, kind, title, description, category, impact, urgency, priority, status,
                                  created_at, updated_at, deleted_at, version)
             VALUES ('t1', 'INC-000001', 'incident', 'Printer jammed', 'tray two', '', 'low', 'low', 4, 'new',
                     'x', 'x', NULL, 1);
             INSERT INTO audit_log (seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes,
                                    row_digest, prev_hash, hash)
             VALUES (7, 'x', '', 'test', 'create', 'incident', 't1', 'INC-000001', '{}', '', '', '');
             INSERT INTO search_index (rowid, title, body) VALUES (7, 'Printer jammed', 'tray two');",
        )
        .unwrap();
    drop(smw_store::Workspace::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let schema = |name: &str| -> Option<String> {
        conn.query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [name], |r| r.get(0)).ok()
    };
    assert!(schema("search_index").unwrap().contains("detail = none"));
    assert_eq!(schema("comments_key"), None);
    let docs: Vec<i64> = conn
        .prepare("SELECT rowid FROM search_index WHERE search_index MATCH 'tray'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs, vec![7], "the migrated index holds the ticket under its audit entry");
}
