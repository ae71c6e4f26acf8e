//! Full-text search (SQLite FTS5) over ticket and problem titles and descriptions and
//! comment bodies.
//!
//! Ranking: a term with few hits is ranked by relevance (bm25); a very common one by recency,
//! because scoring a million hits to show twenty is what makes search slow.
//!
//! A document's number (its FTS5 rowid) is the number of the audit entry that last wrote its
//! record. That makes "most recent first" a backwards walk of the index, costing the same
//! whatever the number of hits, and lets a hit find its record through the audit log, with no
//! table of its own to write and check for every record.

use crate::error::StoreResult;
use crate::stored::{Searchable, Stored};
use rusqlite::Connection;
use smw_core::{Code, Invalid};
use std::collections::HashSet;

/// Up to this many hits are ranked by relevance; beyond it, by recency.
const RELEVANCE_WINDOW: usize = 100;
const SNIPPET_CHARS: usize = 160;
const MAX_TERMS: usize = 16;

/// Runs `load`, which fills the empty index, as one bulk load: FTS5 keeps more pending text
/// in memory and merges nothing until the end, then its usual settings (SQLite's defaults)
/// come back.
pub(crate) fn bulk_load(conn: &Connection, load: impl FnOnce() -> StoreResult<()>) -> StoreResult<()> {
    let set = |name: &str, value: i64| {
        conn.execute("INSERT INTO search_index (search_index, rank) VALUES (?1, ?2)", rusqlite::params![name, value])
    };
    set("hashsize", 256 * 1024 * 1024)?;
    set("automerge", 0)?;
    load()?;
    set("hashsize", 1024 * 1024)?;
    set("automerge", 4)?;
    Ok(())
}

/// The text a revision puts in the index: its family's searchable text, none once deleted.
pub(crate) fn indexed_text<R: Stored>(record: &R) -> Option<Searchable<'_>> {
    record.searchable().filter(|_| record.deleted_at().is_none())
}

/// Brings the index in step with a record about to be written by audit entry `entry`:
/// `before` is the revision it replaces (indexed under its own latest entry), if any.
pub(crate) fn reindex<R: Stored>(conn: &Connection, before: Option<&R>, after: &R, entry: i64) -> StoreResult<()> {
    if let Some(before) = before.filter(|b| indexed_text(*b).is_some()) {
        let old: Option<i64> = conn
            .prepare_cached("SELECT max(seq) FROM audit_log WHERE record_id = ?1")?
            .query_row([before.id().to_string()], |row| row.get(0))?;
        if let Some(doc) = old {
            conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?.execute([doc])?;
        }
    }
    if let Some(text) = indexed_text(after) {
        conn.prepare_cached("INSERT INTO search_index (rowid, title, body) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![entry, text.title, text.body.as_ref()])?;
    }
    Ok(())
}

/// Turns what a person typed into an FTS5 query: every word must match. Quoting each word
/// means punctuation and FTS operators in the input are searched for, never interpreted.
pub fn fts_query(text: &str) -> Result<String, Invalid> {
    let words: Vec<&str> = text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Err(Invalid::field(Code::Required, "text", "Type a word to search for."));
    }
    if words.len() > MAX_TERMS {
        return Err(Invalid::field(Code::TooLong, "text", format!("Search for at most {MAX_TERMS} words at a time.")));
    }
    Ok(words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" "))
}

/// Whether `c` belongs to a word as the index's tokenizer sees it: a letter, a digit, a
/// private-use character or a combining mark (the categories migration 0005 gives it). The
/// index keeps no word positions, so a quoted word that the tokenizer split in two would be a
/// phrase, which it cannot answer; splitting words here the same way avoids that.
fn is_word_char(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory::*};
    matches!(
        get_general_category(c),
        UppercaseLetter
            | LowercaseLetter
            | TitlecaseLetter
            | ModifierLetter
            | OtherLetter
            | DecimalNumber
            | LetterNumber
            | OtherNumber
            | PrivateUse
            | NonspacingMark
            | SpacingMark
            | EnclosingMark
    )
}

/// Document numbers of the hits, best first: by bm25 when there are few, else newest first.
/// bm25 costs a lookup per hit, so it is asked for only once the hits are known to be few.
fn ranked_docs(conn: &Connection, query: &str) -> StoreResult<(Vec<i64>, bool)> {
    let mut recent =
        conn.prepare_cached("SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2")?;
    let docs: Vec<i64> = recent
        .query_map(rusqlite::params![query, (RELEVANCE_WINDOW + 1) as i64], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if docs.len() > RELEVANCE_WINDOW {
        return Ok((docs, true));
    }
    let mut scored = conn.prepare_cached(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY bm25(search_index), rowid DESC",
    )?;
    let docs = scored.query_map([query], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok((docs, false))
}

/// Document hits, best first, as (record id, record kind, owner id, owner kind) per distinct owner.
pub(crate) fn owner_hits(
    conn: &Connection,
    text: &str,
    limit: usize,
) -> StoreResult<Vec<(String, String, String, String)>> {
    let query = fts_query(text)?;
    let (hits, common) = ranked_docs(conn, &query)?;
    let mut owners = Vec::new();
    let mut seen = HashSet::new();
    // A comment's hit leads to its parent; the owner kind of a comment is resolved when the
    // hit is shown (tickets are by far the common case).
    let mut resolve = conn.prepare_cached(
        "SELECT a.record_id, a.record_kind, coalesce(c.parent_id, a.record_id),
                CASE a.record_kind WHEN 'comment' THEN 'incident' ELSE a.record_kind END
         FROM audit_log a LEFT JOIN comments c ON a.record_kind = 'comment' AND c.id = a.record_id
         WHERE a.seq = ?1",
    )?;
    let mut consider = |doc: i64, owners: &mut Vec<_>| -> StoreResult<()> {
        let row: (String, String, String, String) =
            resolve.query_row([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        if seen.insert(row.2.clone()) {
            owners.push(row);
        }
        Ok(())
    };
    for &doc in &hits {
        if owners.len() >= limit {
            return Ok(owners);
        }
        consider(doc, &mut owners)?;
    }
    if common && owners.len() < limit {
        // Many hits on few owners (one ticket's many comments): walk on down the index.
        let mut before = hits.last().copied().unwrap_or(i64::MAX);
        let mut stmt = conn.prepare_cached(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid < ?2 ORDER BY rowid DESC LIMIT 500",
        )?;
        loop {
            let docs: Vec<i64> =
                stmt.query_map(rusqlite::params![query, before], |row| row.get(0))?.collect::<Result<_, _>>()?;
            let Some(&last) = docs.last() else { break };
            for doc in docs {
                if owners.len() >= limit {
                    return Ok(owners);
                }
                consider(doc, &mut owners)?;
            }
            before = last;
        }
    }
    Ok(owners)
}

/// Plain text around the first searched word found in `text` (or its start).
pub fn snippet(text: &str, query: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = flat.to_lowercase();
    let first = query
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .filter_map(|w| lower.find(&w.to_lowercase()))
        .min()
        .unwrap_or(0);
    // Lower-casing can change byte lengths; fall back to the start if the offset is not a boundary.
    let start_byte = if flat.is_char_boundary(first) { first } else { 0 };
    let before: Vec<char> = flat[..start_byte].chars().rev().take(40).collect();
    let start = start_byte - before.iter().map(|c| c.len_utf8()).sum::<usize>();
    let mut out: String = flat[start..].chars().take(SNIPPET_CHARS).collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if flat[start..].chars().count() > SNIPPET_CHARS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_word() {
        assert_eq!(fts_query("mail  server!").unwrap(), "\"mail\" \"server\"");
        assert_eq!(fts_query("NOT \"x\" OR y*").unwrap(), "\"NOT\" \"x\" \"OR\" \"y\"");
        assert_eq!(fts_query(" ,; ").unwrap_err().field.as_deref(), Some("text"));
    }

    #[test]
    fn snippets_start_near_the_match() {
        let text = format!("{} the printer is on fire {}", "word ".repeat(50), "tail ".repeat(50));
        let cut = snippet(&text, "printer");
        assert!(cut.starts_with('…') && cut.contains("printer is on fire"), "{cut}");
        assert_eq!(snippet("short text", "absent"), "short text");
    }
}
