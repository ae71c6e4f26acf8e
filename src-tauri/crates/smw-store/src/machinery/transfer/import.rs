//! Reading a JSON Lines export into an empty workspace, all or nothing.
//!
//! Two threads share the work: one reads and checks the file (each record's id, key and
//! digest, the audit chain), the other parses each record whole, writes it to SQLite and keeps
//! its text for the search index. Every check the import makes names the line.

use super::search_docs::{self, DocIndex, SearchDocs};
use super::{Counter, Entry, Header, FORMAT, FORMAT_VERSION};
use crate::audit::{insert_entry_with, INSERT_ENTRY};
use crate::error::{StoreError, StoreResult};
use crate::fast_map::FastMap;
use crate::for_each_family;
use crate::search;
use crate::stored::{bind_values, insert_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::{Connection, Statement};
use serde::Deserialize;
use serde_json::value::RawValue;
use smw_core::audit::GENESIS_HASH;
use smw_core::Timestamp;
use std::borrow::Cow;
use std::collections::hash_map::Entry::{Occupied, Vacant};
use std::io::BufRead;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use uuid::Uuid;

/// Lines handed from the reader to the writer at a time.
const BATCH: usize = 2_000;
/// Page cache for the load: a large import then rarely spills half-built pages. It also
/// bounds the memory SQLite sorts an index in when it rebuilds one at the end (at most 512 MiB
/// in SQLite's default build): at this size the largest, audit_by_record of a 5 M-entry log,
/// sorts without spilling runs to temporary files, which is markedly faster.
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

/// What the reader needs of a record: the rest is parsed by the writer.
#[derive(Deserialize)]
struct Identity<'a> {
    id: Uuid,
    #[serde(borrow)]
    key: Cow<'a, str>,
}

/// Parses a record's data as one family, inserts it and keeps its text to index as its doc.
type LoadRecord = fn(&mut Inserts, &str, u64, &mut SearchDocs, DocIndex) -> StoreResult<()>;

fn load_record<R: Stored>(
    inserts: &mut Inserts,
    data: &str,
    line: u64,
    docs: &mut SearchDocs,
    doc: DocIndex,
) -> StoreResult<()> {
    let record: R = serde_json::from_str(data).map_err(|e| bad(line, format!("{}: {e}", R::NOUN)))?;
    inserts
        .record::<R>()
        .and_then(|insert| insert.execute(bind_values(record.values())))
        .map_err(|e| bad(line, format!("{} {}: {e}", R::NOUN, record.key())))?;
    docs.push(doc, search::indexed_text(&record));
    Ok(())
}

/// How to load the records of `table`, and what they are called.
fn family(table: &str) -> Option<(LoadRecord, &'static str)> {
    let mut found = None;
    for_each_family!(R => {
        if table == R::TABLE {
            found = Some((load_record::<R> as LoadRecord, R::NOUN));
        }
    });
    found
}

/// One line on its way to the writer thread. Audit entries are the most common line, so they
/// travel unboxed: boxing them would cost an allocation per entry.
///
/// The reader numbers the records in the order of the file (their [`DocIndex`]) and tells the
/// writer, which keeps their text, which record each audit entry writes: keeping the text cost
/// the reader nearly a fifth of its time.
#[allow(clippy::large_enum_variant)]
enum Item {
    /// A record's data as it stands in the file. Parsing it whole is the writer's work: the
    /// reader, which also hashes every record and audit entry, was the slower of the two while
    /// the records loaded, and the import's bottleneck.
    Record {
        load: LoadRecord,
        data: Box<str>,
        doc: DocIndex,
    },
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
    /// Its entry in the writer's [`SearchDocs`].
    doc: DocIndex,
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
        return Err(StoreError::NotEmpty("an import goes into a new or empty workspace".into()));
    }
    conn.execute_batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let (sender, receiver) = sync_channel::<Vec<(u64, Item)>>(8);
    let (records, docs) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || read(input, sender));
        let written = write(&tx, receiver, progress);
        let read = reader.join().map_err(|_| std::io::Error::other("the import reader failed"))?;
        first_failure(read, written)
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

/// The writer's insert statements, each prepared once: taking a statement from rusqlite's
/// cache and handing it back, hashing its SQL both ways, cost the writer a twentieth of its
/// time, millions of times over.
struct Inserts<'conn> {
    conn: &'conn Connection,
    entry: Statement<'conn>,
    records: FastMap<&'static str, Statement<'conn>>,
}

impl<'conn> Inserts<'conn> {
    fn new(conn: &'conn Connection) -> StoreResult<Self> {
        Ok(Inserts { conn, entry: conn.prepare(INSERT_ENTRY)?, records: FastMap::default() })
    }

    fn record<R: Stored>(&mut self) -> rusqlite::Result<&mut Statement<'conn>> {
        Ok(match self.records.entry(R::TABLE) {
            Occupied(prepared) => prepared.into_mut(),
            Vacant(slot) => slot.insert(self.conn.prepare(insert_sql::<R>())?),
        })
    }
}

/// Writes what the reader sends; returns the text to index.
fn write(
    conn: &Connection,
    receiver: Receiver<Vec<(u64, Item)>>,
    progress: &mut dyn FnMut(u64),
) -> StoreResult<SearchDocs> {
    let mut inserts = Inserts::new(conn)?;
    let mut docs = SearchDocs::default();
    let mut last_line = 0;
    for batch in receiver {
        for (line, item) in batch {
            last_line = line;
            match item {
                Item::Record { load, data, doc } => load(&mut inserts, &data, line, &mut docs, doc)?,
                Item::Counter(counter) => conn
                    .prepare_cached("INSERT INTO key_counters (prefix, last) VALUES (?1, ?2)")?
                    .execute(rusqlite::params![counter.prefix, counter.last])
                    .map(drop)
                    .map_err(|e| bad(line, format!("counter {}: {e}", counter.prefix)))?,
                Item::Audit(entry, doc) => {
                    insert_entry_with(&mut inserts.entry, &entry.fields(), &entry.hash)
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
    let mut checks = Checks::default();
    let mut batch = Vec::with_capacity(BATCH);
    // A writer that stops has failed on a line already read. The reader still checks the
    // rest, since its last checks may name an earlier line (see `first_failure`).
    let mut writer_stopped = false;
    let mut send = |batch: &mut Vec<(u64, Item)>| {
        let full = std::mem::replace(batch, Vec::with_capacity(BATCH));
        if !writer_stopped {
            writer_stopped = sender.send(full).is_err();
        }
    };
    let (mut text, mut line_no) = (String::new(), 0u64);
    let outcome = loop {
        text.clear();
        match input.read_line(&mut text) {
            Ok(0) => break Ok(()),
            Ok(_) => line_no += 1,
            // The line is consumed and not counted: it is the next one.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                break Err(bad(line_no + 1, "not UTF-8 text"));
            }
            Err(e) => break Err(e.into()),
        }
        match checks.line(line_no, &text) {
            Ok(Some(item)) => batch.push((line_no, item)),
            Ok(None) => {}
            Err(e) => break Err(e),
        }
        if batch.len() == BATCH {
            send(&mut batch);
        }
    };
    // The writer checks what it parses, so it gets the lines before a fault the reader found.
    send(&mut batch);
    outcome?;
    checks.finish(line_no)
}

/// What the reader keeps of the file as it checks it line by line.
struct Checks {
    records: FastMap<Uuid, Seen>,
    keys: FastMap<String, u64>,
    next_doc: DocIndex,
    /// The line of the first audit entry: the format puts every record before the entries, so
    /// each entry can be checked against its record as it is read, with no map of the log.
    first_audit_line: Option<u64>,
    previous_hash: String,
    saw_header: bool,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            records: FastMap::default(),
            keys: FastMap::default(),
            next_doc: 0,
            first_audit_line: None,
            previous_hash: GENESIS_HASH.to_string(),
            saw_header: false,
        }
    }
}

impl Checks {
    /// Checks one line of the file; returns what the writer is to do with it, if anything.
    fn line(&mut self, line_no: u64, text: &str) -> StoreResult<Option<Item>> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let line: Line = serde_json::from_str(text).map_err(|e| bad(line_no, format!("not a valid line: {e}")))?;
        if let Some(header) = line.header {
            self.header(line_no, &header)?;
            return Ok(None);
        }
        if !self.saw_header {
            return Err(bad(line_no, "the first line must be the export header"));
        }
        if let (Some(table), Some(data)) = (line.table, line.data) {
            self.record(line_no, table, data).map(Some)
        } else if let Some(counter) = line.counter {
            Ok(Some(Item::Counter(counter)))
        } else if let Some(entry) = line.audit {
            self.audit_entry(line_no, entry).map(Some)
        } else {
            Err(bad(line_no, "unknown line: expected header, table with data, counter or audit"))
        }
    }

    fn header(&mut self, line_no: u64, header: &Header) -> StoreResult<()> {
        if header.format != FORMAT || header.format_version > FORMAT_VERSION {
            return Err(bad(line_no, format!("not an SMS Workbench export of a known version ({})", header.format)));
        }
        // Records of a newer schema may hold fields this version would silently drop.
        let known = crate::migrations::latest_version();
        if !(1..=known).contains(&header.schema_version) {
            return Err(bad(
                line_no,
                format!(
                    "schema_version {} is not one this version of SMS Workbench can read (1 to {known})",
                    header.schema_version
                ),
            ));
        }
        if let Some(count) = header.records {
            // Capped: the count is the file's word, and the maps still grow past it.
            let count = usize::try_from(count).unwrap_or(usize::MAX).min(PRESIZED_RECORDS_AT_MOST);
            self.records.reserve(count);
            self.keys.reserve(count);
        }
        self.saw_header = true;
        Ok(())
    }

    fn record(&mut self, line_no: u64, table: &str, data: &RawValue) -> StoreResult<Item> {
        if let Some(first) = self.first_audit_line {
            return Err(bad(line_no, format!("a record after the audit entries (which start on line {first})")));
        }
        let (load, noun) = family(table).ok_or_else(|| bad(line_no, format!("unknown table {table:?}")))?;
        let Identity { id, key } =
            serde_json::from_str(data.get()).map_err(|e| bad(line_no, format!("{noun}: {e}")))?;
        // The data as written is the record's canonical form, or it matches no history:
        // hashing the text spares the reader building the record and writing it out again.
        let digest = smw_core::audit::canonical_digest(data.get().as_bytes());
        // The load runs without unique indexes (they are rebuilt at the end), so duplicates
        // are caught here, where the line is known.
        match self.keys.entry(key.into_owned()) {
            Occupied(first) => {
                let (key, first) = (first.key(), first.get());
                return Err(bad(line_no, format!("{key} appears twice (first on line {first})")));
            }
            Vacant(slot) => {
                slot.insert(line_no);
            }
        }
        let doc = self.next_doc;
        self.next_doc += 1;
        if let Some(first) = self.records.insert(id, Seen { digest, line: line_no, history_matches: None, doc }) {
            return Err(bad(line_no, format!("record id {id} appears twice (first on line {})", first.line)));
        }
        Ok(Item::Record { load, data: data.get().into(), doc })
    }

    fn audit_entry(&mut self, line_no: u64, entry: Entry) -> StoreResult<Item> {
        if entry.prev_hash != self.previous_hash || !entry.fields().hash_matches(&entry.hash) {
            return Err(bad(
                line_no,
                format!("audit entry #{}: the chain is broken here (edited or out of order)", entry.seq),
            ));
        }
        let id: Uuid = entry.record_id.parse().map_err(|_| bad(line_no, "audit: record_id is not a UUID"))?;
        let digest = smw_core::audit::decode_hex32(&entry.row_digest)
            .ok_or_else(|| bad(line_no, "audit: row_digest is not a SHA-256"))?;
        let doc = self.records.get_mut(&id).map(|seen| {
            seen.history_matches = Some(seen.digest == digest);
            seen.doc
        });
        self.first_audit_line.get_or_insert(line_no);
        self.previous_hash.clone_from(&entry.hash);
        Ok(Item::Audit(entry, doc))
    }

    /// The checks that need the whole file: every record matches its newest audit entry.
    /// Returns the number of records.
    fn finish(self, lines: u64) -> StoreResult<u64> {
        if !self.saw_header {
            return Err(bad(lines.max(1), "the file is empty"));
        }
        let unmatched =
            self.records.values().filter(|seen| seen.history_matches != Some(true)).min_by_key(|seen| seen.line);
        if let Some(seen) = unmatched {
            let problem = match seen.history_matches {
                Some(_) => "does not match its audit history (its data must be exactly as exported)",
                None => "has no audit history",
            };
            // Only a failure needs a record's key, so it is looked up from its line then.
            let key = self.keys.iter().find(|(_, first)| **first == seen.line).map_or("a record", |(key, _)| key);
            return Err(bad(seen.line, format!("{key} {problem}")));
        }
        Ok(self.records.len() as u64)
    }
}

/// What to report when a thread failed: the fault on the earlier line, which is the first bad
/// line of the file, since the reader checks every line up to its first fault even after the
/// writer stopped at its own. On the same line the writer's error wins: it says what is wrong
/// in the record itself.
fn first_failure(read: StoreResult<u64>, written: StoreResult<SearchDocs>) -> StoreResult<(u64, SearchDocs)> {
    match (read, written) {
        (Ok(records), Ok(docs)) => Ok((records, docs)),
        (Err(reader), Ok(_)) => Err(reader),
        (Err(reader @ StoreError::BadFile { line: read_line, .. }), Err(StoreError::BadFile { line, .. }))
            if read_line < line =>
        {
            Err(reader)
        }
        (_, Err(writer)) => Err(writer),
    }
}
