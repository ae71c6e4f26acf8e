//! The import's checks of the file as a whole, made by its reading thread line by line: the
//! header, each record's identity and digest, the key counters, and the audit chain, which is
//! recomputed entry by entry and must end at the head the header records. Whatever is wrong
//! is named with its line.

use super::import::{bad, family, Item};
use super::search_docs::DocIndex;
use super::{Counter, Entry, Head, Header, FORMAT, FORMAT_VERSION};
use crate::error::StoreResult;
use crate::fast_map::FastMap;
use serde::Deserialize;
use serde_json::value::RawValue;
use smw_core::audit::GENESIS_HASH;
use smw_core::{HumanKey, RecordKind, Timestamp};
use std::borrow::Cow;
use std::collections::hash_map::Entry::{Occupied, Vacant};
use uuid::Uuid;

/// Room reserved in the import's maps from the header's count before any record has been read.
/// The count is the file's word: the maps grow to the rest of it only as records arrive.
const PRESIZED_BEFORE_READING: usize = 1 << 20;
/// Room reserved at most, whatever the header says: four times the records of the benchmark's
/// workspace.
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

/// What the reader has seen of each record, to check it against its newest audit entry.
struct Seen {
    digest: [u8; 32],
    line: u64,
    /// Whether the newest audit entry read so far about this record carries its digest;
    /// `None` until one is read. The entries come in `seq` order, so the last one read wins.
    history_matches: Option<bool>,
    /// Its entry in the writer's search docs.
    doc: DocIndex,
}

/// What the reader keeps of the file as it checks it line by line.
pub(super) struct Checks {
    records: FastMap<Uuid, Seen>,
    keys: FastMap<String, u64>,
    /// The highest key number per prefix, and its line: a counter must not fall below it.
    highest_keys: FastMap<&'static str, (u64, u64)>,
    counters: FastMap<&'static str, u64>,
    next_doc: DocIndex,
    /// The line of the first audit entry: the format puts every record before the entries, so
    /// each entry can be checked against its record as it is read, with no map of the log.
    first_audit_line: Option<u64>,
    head: Head,
    header: Option<Header>,
    /// How many records the maps hold room for, and how many the header announced.
    reserved: usize,
    announced: usize,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            records: FastMap::default(),
            keys: FastMap::default(),
            highest_keys: FastMap::default(),
            counters: FastMap::default(),
            next_doc: 0,
            first_audit_line: None,
            head: Head { seq: 0, hash: GENESIS_HASH.to_string() },
            header: None,
            reserved: 0,
            announced: 0,
        }
    }
}

impl Checks {
    /// Checks one line of the file; returns what the writer is to do with it, if anything.
    pub(super) fn line(&mut self, line_no: u64, text: &str) -> StoreResult<Option<Item>> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let line: Line =
            super::path_errors::from_str(text).map_err(|e| bad(line_no, format!("not a valid line: {e}")))?;
        if let Some(header) = line.header {
            if self.header.is_some() || line_no != 1 {
                return Err(bad(line_no, "a second header: the header is the first line only"));
            }
            self.header(line_no, header)?;
            return Ok(None);
        }
        if self.header.is_none() {
            return Err(bad(line_no, "the first line must be the export header"));
        }
        if let (Some(table), Some(data)) = (line.table, line.data) {
            self.record(line_no, table, data).map(Some)
        } else if let Some(counter) = line.counter {
            self.counter(line_no, counter).map(Some)
        } else if let Some(entry) = line.audit {
            self.audit_entry(line_no, entry).map(Some)
        } else {
            Err(bad(line_no, "unknown line: expected header, table with data, counter or audit"))
        }
    }

    fn header(&mut self, line_no: u64, header: Header) -> StoreResult<()> {
        if header.format != FORMAT || !(1..=FORMAT_VERSION).contains(&header.format_version) {
            return Err(bad(
                line_no,
                format!(
                    "not an SMS Workbench export of a known version ({}, format_version {})",
                    header.format, header.format_version
                ),
            ));
        }
        // Records of a newer schema may hold fields this version would silently drop.
        let known = crate::migrations::latest_version();
        if !(1..=known).contains(&header.schema_version) {
            return Err(bad(
                line_no,
                format!(
                    "header: schema_version {} is not one this version of SMS Workbench can read (1 to {known})",
                    header.schema_version
                ),
            ));
        }
        // From version 2 every export records both: a file without them was edited.
        if header.format_version >= 2 {
            if header.records.is_none() {
                return Err(bad(line_no, "header: records is missing"));
            }
            if header.head.is_none() {
                return Err(bad(line_no, "header: head is missing (the audit chain's newest entry)"));
            }
        }
        if let Some(count) = header.records {
            self.announced = usize::try_from(count).unwrap_or(usize::MAX).min(PRESIZED_RECORDS_AT_MOST);
            self.reserve(PRESIZED_BEFORE_READING.min(self.announced));
        }
        self.header = Some(header);
        Ok(())
    }

    fn reserve(&mut self, room: usize) {
        self.records.reserve(room.saturating_sub(self.records.len()));
        self.keys.reserve(room.saturating_sub(self.keys.len()));
        self.reserved = room;
    }

    fn record(&mut self, line_no: u64, table: &str, data: &RawValue) -> StoreResult<Item> {
        if let Some(first) = self.first_audit_line {
            return Err(bad(line_no, format!("a record after the audit entries (which start on line {first})")));
        }
        if !self.counters.is_empty() {
            return Err(bad(line_no, "a record after the key counters: records come first"));
        }
        let (load, noun) = family(table).ok_or_else(|| bad(line_no, format!("unknown table {table:?}")))?;
        let Identity { id, key } =
            super::path_errors::from_str(data.get()).map_err(|e| bad(line_no, format!("{noun}: data.{e}")))?;
        let human = HumanKey::parse(&key)
            .filter(|human| human.number > 0 && human.to_string() == key)
            .ok_or_else(|| bad(line_no, format!("{noun}: data.key: {key:?} is not a key of the form PREFIX-000001")))?;
        let highest = self.highest_keys.entry(human.kind.key_prefix()).or_insert((0, line_no));
        if human.number > highest.0 {
            *highest = (human.number, line_no);
        }
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
        if self.records.len() == self.reserved && self.announced > self.reserved {
            self.reserve(self.announced);
        }
        Ok(Item::Record { load, data: data.get().into(), doc })
    }

    fn counter(&mut self, line_no: u64, counter: Counter) -> StoreResult<Item> {
        if let Some(first) = self.first_audit_line {
            return Err(bad(line_no, format!("a key counter after the audit entries (which start on line {first})")));
        }
        let prefix =
            RecordKind::ALL
                .into_iter()
                .map(RecordKind::key_prefix)
                .find(|prefix| *prefix == counter.prefix)
                .ok_or_else(|| bad(line_no, format!("counter.prefix: {:?} is not a key prefix", counter.prefix)))?;
        if let Some(first) = self.counters.insert(prefix, line_no) {
            return Err(bad(line_no, format!("counter.prefix: {prefix} appears twice (first on line {first})")));
        }
        // A write takes the next number: at the integer limit there is none.
        if counter.last < 1 || counter.last == i64::MAX {
            return Err(bad(
                line_no,
                format!("counter.last: {} is not a key number {prefix} keys can continue from", counter.last),
            ));
        }
        if let Some(&(highest, line)) = self.highest_keys.get(prefix) {
            if (counter.last as u64) < highest {
                return Err(bad(
                    line_no,
                    format!(
                        "counter.last: {} is below {prefix}-{highest:06} (line {line}): the next {prefix} key would repeat one",
                        counter.last
                    ),
                ));
            }
        }
        Ok(Item::Counter(counter))
    }

    fn audit_entry(&mut self, line_no: u64, entry: Entry) -> StoreResult<Item> {
        let at = |message: String| bad(line_no, format!("audit entry #{}: {message}", entry.seq));
        if entry.seq != self.head.seq + 1 {
            return Err(at(format!(
                "audit.seq: expected entry #{} (entries are numbered from 1, without gaps)",
                self.head.seq + 1
            )));
        }
        if entry.prev_hash != self.head.hash || !entry.fields().hash_matches(&entry.hash) {
            return Err(at("the chain is broken here (edited or out of order)".into()));
        }
        if Timestamp::parse(&entry.at).is_err() {
            return Err(at(format!("audit.at: {:?} is not a time", entry.at)));
        }
        let id: Uuid = entry.record_id.parse().map_err(|_| at("audit.record_id: not a UUID".into()))?;
        let digest = smw_core::audit::decode_hex32(&entry.row_digest)
            .ok_or_else(|| at("audit.row_digest: not a SHA-256".into()))?;
        let seen = self.records.get_mut(&id).ok_or_else(|| {
            at(format!("audit.record_id: {} ({id}) is not among the file's records", entry.record_key))
        })?;
        if self.keys.get(&entry.record_key) != Some(&seen.line) {
            return Err(at(format!("audit.record_key: {} is not the key of record {id}", entry.record_key)));
        }
        let kind_matches = HumanKey::parse(&entry.record_key).is_some_and(|key| key.kind.as_str() == entry.record_kind);
        if !kind_matches {
            return Err(at(format!(
                "audit.record_kind: {:?} is not the kind of {}",
                entry.record_kind, entry.record_key
            )));
        }
        seen.history_matches = Some(seen.digest == digest);
        let doc = seen.doc;
        self.first_audit_line.get_or_insert(line_no);
        self.head = Head { seq: entry.seq, hash: entry.hash.clone() };
        Ok(Item::Audit(entry, Some(doc)))
    }

    /// The checks that need the whole file: every record matches its newest audit entry, every
    /// key prefix in use has its counter, and the counts and the head agree with the header.
    /// Returns the number of records.
    pub(super) fn finish(&self, lines: u64) -> StoreResult<u64> {
        let Some(header) = &self.header else {
            return Err(bad(lines.max(1), "the file is empty"));
        };
        if let Some(count) = header.records {
            if count != self.records.len() as u64 {
                return Err(bad(
                    1,
                    format!(
                        "header: records says {count}, but the file holds {} (cut short or edited)",
                        self.records.len()
                    ),
                ));
            }
        }
        if let Some(head) = &header.head {
            if *head != self.head {
                return Err(bad(
                    1,
                    format!(
                        "header: head: the export recorded its history ending at entry #{} ({}), but the file's \
                         history ends at #{} ({}): it was rewritten or cut after the export",
                        head.seq, head.hash, self.head.seq, self.head.hash
                    ),
                ));
            }
        }
        let unmatched =
            self.records.values().filter(|seen| seen.history_matches != Some(true)).min_by_key(|seen| seen.line);
        if let Some(seen) = unmatched {
            let problem = match seen.history_matches {
                Some(_) => "does not match its audit history (its data must be exactly as exported)",
                None => "has no audit history",
            };
            return Err(bad(seen.line, format!("{} {problem}", self.key_on(seen.line))));
        }
        let uncounted = self
            .highest_keys
            .iter()
            .filter(|(prefix, _)| !self.counters.contains_key(*prefix))
            .min_by_key(|(_, (_, line))| *line);
        if let Some((prefix, (highest, _))) = uncounted {
            return Err(bad(
                lines.max(1),
                format!("the key counter for {prefix} is missing (the file holds {prefix} keys up to {highest})"),
            ));
        }
        Ok(self.records.len() as u64)
    }

    /// The line of the record `id`, if the file holds it.
    pub(super) fn line_of(&self, id: &Uuid) -> Option<u64> {
        self.records.get(id).map(|seen| seen.line)
    }

    /// The key of the record on `line`. Only a failure needs it, so it is looked up then.
    fn key_on(&self, line: u64) -> &str {
        self.keys.iter().find(|(_, first)| **first == line).map_or("a record", |(key, _)| key)
    }
}
