//! Reading a JSON Lines export into an empty workspace, all or nothing.
//!
//! Two threads share the work: one reads and checks the file as a whole (structure.rs: each
//! record's id, key and digest, the counters, the audit chain and its head), the other parses
//! each record whole, checks it as a write would (rules.rs), writes it to SQLite and keeps its
//! text for the search index. Every check the import makes names the line.

use super::rules::{self, ImportRules, LiveNames, Refusal};
use super::search_docs::{self, DocIndex, SearchDocs};
use super::structure::Checks;
use super::{path_errors, Counter, Entry};
use crate::audit::{insert_entry_with, INSERT_ENTRY};
use crate::error::{StoreError, StoreResult};
use crate::fast_map::FastMap;
use crate::for_each_family;
use crate::search;
use crate::stored::{bind_values, insert_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::{Connection, Statement};
use smw_core::Timestamp;
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

/// Parses a record's data as one family, checks it as a write would, inserts it and keeps its
/// text to index as its doc.
pub(super) type LoadRecord = fn(&mut Inserts, &str, u64, &mut Loaded, DocIndex) -> StoreResult<()>;

fn load_record<R: ImportRules>(
    inserts: &mut Inserts,
    data: &str,
    line: u64,
    loaded: &mut Loaded,
    doc: DocIndex,
) -> StoreResult<()> {
    let record: R = path_errors::from_str(data).map_err(|e| bad(line, format!("{}: data.{e}", R::NOUN)))?;
    let refused = |refusal: Refusal| {
        bad(line, format!("{} {}: data.{}: {}", R::NOUN, record.key(), refusal.field, refusal.message))
    };
    // The digest is of the text as written, and parsing drops a field the family does not
    // know: only a record that writes out as it stands is the one its history describes.
    let canonical = serde_json::to_string(&record).map_err(|e| bad(line, e.to_string()))?;
    if canonical != data {
        let refusal =
            "not in the form the app writes (a field it does not know, or fields re-spaced or in another order)";
        return Err(bad(line, format!("{} {}: data: {refusal}", R::NOUN, record.key())));
    }
    rules::check_key(&record).map_err(refused)?;
    record.check(&mut loaded.names).map_err(refused)?;
    record.references(&mut |field, id| {
        loaded.references.entry(id).or_insert((line, field));
    });
    inserts
        .record::<R>()
        .and_then(|insert| insert.execute(bind_values(record.values())))
        .map_err(|e| bad(line, format!("{} {}: {e}", R::NOUN, record.key())))?;
    loaded.docs.push(doc, search::indexed_text(&record));
    Ok(())
}

/// What the writer keeps while it loads: the text to index, the names that must stay unique,
/// and each id referred to with the first line and field that refers to it (checked against
/// the file's records once it is read whole, since references may point forwards).
#[derive(Default)]
pub(super) struct Loaded {
    docs: SearchDocs,
    names: LiveNames,
    references: FastMap<Uuid, (u64, &'static str)>,
}

/// How to load the records of `table`, and what they are called.
pub(super) fn family(table: &str) -> Option<(LoadRecord, &'static str)> {
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
pub(super) enum Item {
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

/// Where an import builds its search index.
pub(super) enum SearchBuild<'a> {
    /// In the workspace, after the caller's last steps.
    InPlace,
    /// In a new file at this path, on a second thread while the caller's last steps run;
    /// then copied in, after the load is committed. Only for a staging file, which is thrown
    /// away whole if anything fails.
    Beside(&'a str),
}

pub(super) fn bad(line: u64, message: impl Into<String>) -> StoreError {
    StoreError::BadFile { line, message: message.into() }
}

impl Workspace {
    /// Imports an export into this open workspace, which must be empty. One transaction: on
    /// any error (which names the line) nothing is written. Returns the number of records.
    /// For a new file, [`super::import_new_workspace`] is faster.
    /// `now` dates the SLA clocks, which are derived from the imported history in the same
    /// transaction: a rebuild that fails leaves nothing behind either.
    pub fn import_jsonl(
        &self,
        now: Timestamp,
        input: &mut (dyn BufRead + Send),
        progress: &mut dyn FnMut(u64),
    ) -> StoreResult<u64> {
        let records = {
            let mut conn = self.writer();
            let rebuild_clocks = |conn: &Connection| crate::service_levels::rebuild_all_clocks(conn, now).map(drop);
            let result = load(&mut conn, input, progress, &rebuild_clocks, SearchBuild::InPlace);
            // `load` enlarged the page cache for the import; back to SQLite's default.
            conn.execute_batch("PRAGMA cache_size = -2000")?;
            result?
        };
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
    let (records, checks, Loaded { docs, references, .. }) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || read(input, sender));
        let written = write(&tx, receiver, progress);
        let read = reader.join().map_err(|_| std::io::Error::other("the import reader failed"))?;
        first_failure(read, written)
    })?;
    check_references(&checks, &references)?;
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
pub(super) struct Inserts<'conn> {
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

/// Refuses a record that refers to one the file does not hold, naming the first line that does.
fn check_references(checks: &Checks, references: &FastMap<Uuid, (u64, &'static str)>) -> StoreResult<()> {
    let dangling = references.iter().filter(|(id, _)| checks.line_of(id).is_none()).min_by_key(|(_, (line, _))| *line);
    match dangling {
        Some((id, (line, field))) => {
            Err(bad(*line, format!("data.{field}: {id} is not a record of this file (a reference to nothing)")))
        }
        None => Ok(()),
    }
}

/// Writes what the reader sends; returns the text to index and what it kept to check.
fn write(
    conn: &Connection,
    receiver: Receiver<Vec<(u64, Item)>>,
    progress: &mut dyn FnMut(u64),
) -> StoreResult<Loaded> {
    let mut inserts = Inserts::new(conn)?;
    let mut loaded = Loaded::default();
    let mut last_line = 0;
    for batch in receiver {
        for (line, item) in batch {
            last_line = line;
            match item {
                Item::Record { load, data, doc } => load(&mut inserts, &data, line, &mut loaded, doc)?,
                Item::Counter(counter) => conn
                    .prepare_cached("INSERT INTO key_counters (prefix, last) VALUES (?1, ?2)")?
                    .execute(rusqlite::params![counter.prefix, counter.last])
                    .map(drop)
                    .map_err(|e| bad(line, format!("counter {}: {e}", counter.prefix)))?,
                Item::Audit(entry, doc) => {
                    insert_entry_with(&mut inserts.entry, &entry.fields(), &entry.hash)
                        .map_err(|e| bad(line, format!("audit entry #{}: {e}", entry.seq)))?;
                    if let Some(doc) = doc {
                        loaded.docs.numbered(doc, entry.seq);
                    }
                }
            }
        }
        progress(last_line);
    }
    Ok(loaded)
}

/// Reads and checks the file, handing each line to the writer; returns the number of records
/// and what the checks kept.
fn read(input: &mut (dyn BufRead + Send), sender: SyncSender<Vec<(u64, Item)>>) -> StoreResult<(u64, Checks)> {
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
        match super::lines::next_line(input, &mut text, line_no + 1) {
            Ok(false) => break Ok(()),
            Ok(true) => line_no += 1,
            Err(e) => break Err(e),
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
    Ok((checks.finish(line_no)?, checks))
}

/// What to report when a thread failed: the fault on the earlier line, which is the first bad
/// line of the file, since the reader checks every line up to its first fault even after the
/// writer stopped at its own. On the same line the writer's error wins: it says what is wrong
/// in the record itself.
fn first_failure(read: StoreResult<(u64, Checks)>, written: StoreResult<Loaded>) -> StoreResult<(u64, Checks, Loaded)> {
    match (read, written) {
        (Ok((records, checks)), Ok(loaded)) => Ok((records, checks, loaded)),
        (Err(reader), Ok(_)) => Err(reader),
        (Err(reader @ StoreError::BadFile { line: read_line, .. }), Err(StoreError::BadFile { line, .. }))
            if read_line < line =>
        {
            Err(reader)
        }
        (_, Err(writer)) => Err(writer),
    }
}
