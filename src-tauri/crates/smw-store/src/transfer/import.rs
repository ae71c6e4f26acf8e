//! Reading a JSON Lines export into an empty workspace, all or nothing.
//!
//! Two threads share the work: one reads and checks the file (parsing, record digests, the
//! audit chain), the other writes to SQLite and keeps the text for the search index. Every
//! check the import makes names the line.

use super::search_docs::{self, DocIndex, SearchDocs};
use super::{Counter, Entry, Header, FORMAT, FORMAT_VERSION};
use crate::audit::insert_entry;
use crate::error::{StoreError, StoreResult};
use crate::fast_map::FastMap;
use crate::for_each_family;
use crate::stored::{bind_values, insert_sql, Searchable, Stored};
use crate::workspace::Workspace;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::value::RawValue;
use smw_core::audit::GENESIS_HASH;
use smw_core::{Record, Timestamp};
use std::collections::hash_map::Entry::{Occupied, Vacant};
use std::io::BufRead;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use uuid::Uuid;

/// Lines handed from the reader to the writer at a time.
const BATCH: usize = 2_000;
/// Page cache for the load: a large import then rarely spills half-built pages. It also
/// bounds the memory SQLite sorts an index in when it rebuilds one at the end (at most 512 MiB
/// in SQLite's default build): at this size the largest, audit_by_record of a 5 M-entry log,
/// sorts without spilling runs to temporary files, in 2.4 s rather than 3.5 s.
const IMPORT_CACHE_KIB: i64 = 512 * 1024;

/// Room reserved up front in the import's maps, whatever the header says: four times the
/// records of the benchmark's workspace.
const PRESIZED_RECORDS_AT_MOST: usize = 16_000_000;

/// One line of the file, parsed without building a JSON tree.
#[derive(Deserialize)]
struct Line<'a> {
    header: Option<Header>,
    #[serde(borrow)]
    table: Option<&'a str>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
    counter: Option<Counter>,
    audit: Option<Entry>,
}

/// A parsed record, ready for its table.
trait Insertable: Send {
    fn insert(&self, conn: &Connection) -> StoreResult<()>;
    fn describe(&self) -> String;
    /// The text to index, as `search::reindex` decides for a write: none for a deleted record.
    fn search_text(&self) -> Option<Searchable<'_>>;
}

impl<R: Stored> Insertable for R {
    fn insert(&self, conn: &Connection) -> StoreResult<()> {
        conn.prepare_cached(insert_sql::<R>())?.execute(bind_values(self.values()))?;
        Ok(())
    }

    fn describe(&self) -> String {
        format!("{} {}", R::NOUN, self.key())
    }

    fn search_text(&self) -> Option<Searchable<'_>> {
        self.searchable().filter(|_| self.deleted_at().is_none())
    }
}

/// One parsed line on its way to the writer thread. Audit entries are the most common line,
/// so they travel unboxed: boxing them would cost an allocation per entry.
///
/// The reader numbers the records that have text to index (its [`DocIndex`]) and tells the
/// writer, which keeps the text, which doc each audit entry writes: keeping the text cost the
/// reader, the busier of the two, nearly a fifth of its time.
#[allow(clippy::large_enum_variant)]
enum Item {
    Record(Box<dyn Insertable>, Option<DocIndex>),
    Counter(Counter),
    Audit(Entry, Option<DocIndex>),
}

/// What the reader has seen of each record, to check it against its newest audit entry.
struct Seen {
    digest: [u8; 32],
    line: u64,
    /// Whether the newest audit entry read so far about this record carries its digest;
    /// `None` until one is read. The entries come in `seq` order, so the last one read wins.
    history_matches: Option<bool>,
    /// Which doc its text is, if it has text to index.
    doc: Option<DocIndex>,
}

/// Where an import builds its search index.
pub(super) enum SearchBuild<'a> {
    /// In the workspace, after the caller's last steps.
    InPlace,
    /// In a new file at this path, on a second thread while the caller's last steps run;
    /// then copied in, after the load is committed. Only for a staging file, which is thrown
    /// away whole if anything fails.
    Beside(&'a str),
}

fn bad(line: u64, message: impl Into<String>) -> StoreError {
    StoreError::BadFile { line, message: message.into() }
}

impl Workspace {
    /// Imports an export into this open workspace, which must be empty. One transaction: on
    /// any error (which names the line) nothing is written. Returns the number of records.
    /// For a new file, [`super::import_new_workspace`] is faster.
    /// `now` dates the SLA clocks, which are derived from the imported history afterwards.
    pub fn import_jsonl(
        &self,
        now: Timestamp,
        input: &mut (dyn BufRead + Send),
        progress: &mut dyn FnMut(u64),
    ) -> StoreResult<u64> {
        let records = {
            let mut conn = self.writer();
            let result = load(&mut conn, input, progress, &|_| Ok(()), SearchBuild::InPlace);
            // `load` enlarged the page cache for the import; back to SQLite's default.
            conn.execute_batch("PRAGMA cache_size = -2000")?;
            result?
        };
        self.sla_rebuild_clocks(now)?;
        Ok(records)
    }
}

/// Loads an export into the empty workspace behind `conn` in one transaction, which ends by
/// running `last_steps` (the caller's, such as rebuilding indexes it dropped) and building the
/// search index from the text read, where `search` says.
pub(super) fn load(
    conn: &mut Connection,
    input: &mut (dyn BufRead + Send),
    progress: &mut dyn FnMut(u64),
    last_steps: &dyn Fn(&Connection) -> StoreResult<()>,
    search: SearchBuild,
) -> StoreResult<u64> {
    let has_history: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM audit_log)", [], |row| row.get(0))?;
    if has_history {
        return Err(StoreError::NotEmpty("import goes into a new or empty workspace".into()));
    }
    conn.execute_batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let (sender, receiver) = sync_channel::<Vec<(u64, Item)>>(8);
    let (records, docs) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || read(input, sender));
        let written = write(&tx, receiver, progress);
        let read = reader.join().map_err(|_| std::io::Error::other("the import reader failed"))?;
        // A reader error explains a writer that stopped early, so it comes first.
        let records = read?;
        Ok::<_, StoreError>((records, written?))
    })?;
    match search {
        SearchBuild::InPlace => {
            last_steps(&tx)?;
            docs.index_in_place(&tx)?;
            tx.commit()?;
        }
        SearchBuild::Beside(side) => {
            docs.index_beside(&tx, side, || last_steps(&tx))?;
            tx.commit()?;
            search_docs::copy_in(conn, side)?;
        }
    }
    Ok(records)
}

/// Writes what the reader sends; returns the text to index.
fn write(
    conn: &Connection,
    receiver: Receiver<Vec<(u64, Item)>>,
    progress: &mut dyn FnMut(u64),
) -> StoreResult<SearchDocs> {
    let mut docs = SearchDocs::default();
    let mut last_line = 0;
    for batch in receiver {
        for (line, item) in batch {
            last_line = line;
            match item {
                Item::Record(record, doc) => {
                    record.insert(conn).map_err(|e| bad(line, format!("{}: {e}", record.describe())))?;
                    if let (Some(doc), Some(text)) = (doc, record.search_text()) {
                        docs.push(doc, text.title, &text.body);
                    }
                }
                Item::Counter(counter) => conn
                    .prepare_cached("INSERT INTO key_counters (prefix, last) VALUES (?1, ?2)")?
                    .execute(rusqlite::params![counter.prefix, counter.last])
                    .map(drop)
                    .map_err(|e| bad(line, format!("counter {}: {e}", counter.prefix)))?,
                Item::Audit(entry, doc) => {
                    insert_entry(conn, &entry.fields(), &entry.hash)
                        .map_err(|e| bad(line, format!("audit entry #{}: {e}", entry.seq)))?;
                    if let Some(doc) = doc {
                        docs.numbered(doc, entry.seq);
                    }
                }
            }
        }
        progress(last_line);
    }
    Ok(docs)
}

/// Reads and checks the file, handing each line to the writer; returns the number of records.
fn read(input: &mut (dyn BufRead + Send), sender: SyncSender<Vec<(u64, Item)>>) -> StoreResult<u64> {
    let mut records: FastMap<Uuid, Seen> = FastMap::default();
    let mut next_doc: DocIndex = 0;
    let mut keys: FastMap<String, u64> = FastMap::default();
    // The line of the first audit entry: the format puts every record before the entries, so
    // each entry can be checked against its record as it is read, with no map of the log.
    let mut first_audit_line: Option<u64> = None;
    let mut previous_hash = GENESIS_HASH.to_string();
    let mut line_no = 0u64;
    let mut text = String::new();
    let mut saw_header = false;
    let mut batch = Vec::with_capacity(BATCH);
    let send = |batch: &mut Vec<(u64, Item)>| -> StoreResult<()> {
        let full = std::mem::replace(batch, Vec::with_capacity(BATCH));
        sender.send(full).map_err(|_| std::io::Error::other("the import writer stopped"))?;
        Ok(())
    };
    loop {
        text.clear();
        if input.read_line(&mut text)? == 0 {
            break;
        }
        line_no += 1;
        if text.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(&text).map_err(|e| bad(line_no, format!("not a valid line: {e}")))?;
        if let Some(header) = line.header {
            if header.format != FORMAT || header.format_version > FORMAT_VERSION {
                return Err(bad(
                    line_no,
                    format!("not an SMS Workbench export of a known version ({})", header.format),
                ));
            }
            if let Some(count) = header.records {
                // Capped: the count is the file's word, and the maps still grow past it.
                let count = usize::try_from(count).unwrap_or(usize::MAX).min(PRESIZED_RECORDS_AT_MOST);
                records.reserve(count);
                keys.reserve(count);
            }
            saw_header = true;
            continue;
        }
        if !saw_header {
            return Err(bad(line_no, "the first line must be the export header"));
        }
        let item = if let (Some(table), Some(data)) = (line.table, line.data) {
            if let Some(first) = first_audit_line {
                return Err(bad(line_no, format!("a record after the audit entries (which start on line {first})")));
            }
            let (record, id, key, digest) = parse_record(table, data, line_no)?;
            let doc = record.search_text().map(|_| {
                let doc = next_doc;
                next_doc += 1;
                doc
            });
            // The load runs without unique indexes (they are rebuilt at the end), so
            // duplicates are caught here, where the line is known.
            match keys.entry(key) {
                Occupied(first) => {
                    let (key, first) = (first.key(), first.get());
                    return Err(bad(line_no, format!("{key} appears twice (first on line {first})")));
                }
                Vacant(slot) => {
                    slot.insert(line_no);
                }
            }
            if let Some(first) = records.insert(id, Seen { digest, line: line_no, history_matches: None, doc }) {
                return Err(bad(line_no, format!("record id {id} appears twice (first on line {})", first.line)));
            }
            Item::Record(record, doc)
        } else if let Some(counter) = line.counter {
            Item::Counter(counter)
        } else if let Some(entry) = line.audit {
            if entry.prev_hash != previous_hash || !entry.fields().hash_matches(&entry.hash) {
                return Err(bad(
                    line_no,
                    format!("audit entry #{}: the chain is broken here (edited or out of order)", entry.seq),
                ));
            }
            let id: Uuid = entry.record_id.parse().map_err(|_| bad(line_no, "audit: record_id is not a UUID"))?;
            let digest = smw_core::audit::decode_hex32(&entry.row_digest)
                .ok_or_else(|| bad(line_no, "audit: row_digest is not a SHA-256"))?;
            let doc = records.get_mut(&id).and_then(|seen| {
                seen.history_matches = Some(seen.digest == digest);
                seen.doc
            });
            first_audit_line.get_or_insert(line_no);
            previous_hash.clone_from(&entry.hash);
            Item::Audit(entry, doc)
        } else {
            return Err(bad(line_no, "unknown line: expected header, table with data, counter or audit"));
        };
        batch.push((line_no, item));
        if batch.len() == BATCH {
            send(&mut batch)?;
        }
    }
    if !saw_header {
        return Err(bad(line_no.max(1), "the file is empty"));
    }
    send(&mut batch)?;
    // Only a failure needs a record's key, so it is looked up from its line then.
    let key_on = |line: u64| keys.iter().find(|(_, first)| **first == line).map_or("a record", |(key, _)| key);
    for seen in records.values() {
        let problem = match seen.history_matches {
            Some(true) => continue,
            Some(false) => "does not match its audit history",
            None => "has no audit history",
        };
        return Err(bad(seen.line, format!("{} {problem}", key_on(seen.line))));
    }
    Ok(records.len() as u64)
}

/// A record line: the record, its id and key, and the digest its latest audit entry must carry.
type ParsedRecord = (Box<dyn Insertable>, Uuid, String, [u8; 32]);

fn parse_record(table: &str, data: &RawValue, line: u64) -> StoreResult<ParsedRecord> {
    let mut found: Option<ParsedRecord> = None;
    for_each_family!(R => {
        if found.is_none() && table == R::TABLE {
            let record: R = serde_json::from_str(data.get()).map_err(|e| bad(line, format!("{}: {e}", R::NOUN)))?;
            let (id, key, digest) = (record.id(), record.key().to_string(), smw_core::audit::row_digest_bytes(&record));
            found = Some((Box::new(record), id, key, digest));
        }
    });
    found.ok_or_else(|| bad(line, format!("unknown table {table:?}")))
}
