//! The search index against the records. The index keeps no text (it is contentless), only
//! which words each document holds, so it is compared word by word: the live records are
//! indexed again into a scratch index of the same definition (by the same statement that
//! migrations fill it with, sql/search_fill.sql), and the two are read back through FTS5's
//! vocabulary tables as (word, document) pairs. A record hidden from search, a word planted in
//! it or a stale document all show as pairs on one side only.

use super::Findings;
use crate::error::StoreResult;
use rusqlite::Connection;

/// Documents named in findings at most; past that the count says the rest.
const NAMED_AT_MOST: i64 = 20;

pub(super) fn check(conn: &Connection, findings: &mut Findings) -> StoreResult<()> {
    let definition: String =
        conn.query_row("SELECT sql FROM main.sqlite_master WHERE name = 'search_index'", [], |row| row.get(0))?;
    // The schema check (schema.rs) has already compared this definition with the migrations'.
    let Some(scratch) = definition.strip_prefix("CREATE VIRTUAL TABLE search_index") else { return Ok(()) };
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE temp.search_index{scratch};
         CREATE VIRTUAL TABLE temp.words_found USING fts5vocab(main, search_index, instance);
         CREATE VIRTUAL TABLE temp.words_expected USING fts5vocab(temp, search_index, instance);"
    ))?;
    let compared = compare(conn, findings);
    conn.execute_batch("DROP TABLE temp.words_found; DROP TABLE temp.words_expected; DROP TABLE temp.search_index;")?;
    compared
}

fn compare(conn: &Connection, findings: &mut Findings) -> StoreResult<()> {
    // Unqualified, `search_index` names the scratch index (temp comes first); the records and
    // the audit log it reads are the file's.
    conn.execute_batch(include_str!("../sql/search_fill.sql"))?;
    let mut stmt = conn.prepare(
        "WITH differing AS (
             SELECT doc FROM (SELECT term, doc FROM temp.words_found EXCEPT SELECT term, doc FROM temp.words_expected)
             UNION
             SELECT doc FROM (SELECT term, doc FROM temp.words_expected EXCEPT SELECT term, doc FROM temp.words_found))
         SELECT d.doc, a.record_key, (SELECT count(*) FROM differing)
         FROM differing d LEFT JOIN main.audit_log a ON a.seq = d.doc ORDER BY d.doc LIMIT ?1",
    )?;
    let rows = stmt.query_map([NAMED_AT_MOST], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, Option<String>>(1)?, row.get::<_, i64>(2)?))
    })?;
    let mut total = 0;
    let mut named = 0;
    for row in rows {
        let (doc, key, count) = row?;
        total = count;
        named += 1;
        let message = match &key {
            Some(key) => format!("the search index does not hold what {key} says (document #{doc}): it was edited"),
            None => format!("the search index holds document #{doc}, which no record has: it was edited"),
        };
        findings.add("search_index_altered", message, key, Some(doc));
    }
    if total > named {
        findings.add(
            "search_index_altered",
            format!("… and {} more search index documents disagree with their records", total - named),
            None,
            None,
        );
    }
    Ok(())
}
