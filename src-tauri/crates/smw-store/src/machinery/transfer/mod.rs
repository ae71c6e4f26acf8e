//! Export and import of a whole workspace as JSON Lines (docs/export-format.md): one JSON
//! object per line, so a million-record workspace streams in constant memory and every error
//! names its line. The round trip is lossless: records (tombstones included), key counters and
//! the audit chain, entry for entry, so the imported workspace verifies exactly like the original.

use serde::{Deserialize, Serialize};
use smw_core::audit::EntryFields;
use smw_core::Timestamp;

mod export;
mod import;
mod json_string;
mod lines;
mod new_workspace;
mod path_errors;
mod rules;
mod search_docs;
mod structure;

pub use new_workspace::import_new_workspace;

pub const FORMAT: &str = "sms-workbench-export";
/// 2: the header carries the chain head and an exact record count, and the import requires
/// both. Version 1 files (written before) may lack them.
pub const FORMAT_VERSION: i64 = 2;

#[derive(Serialize, Deserialize)]
pub(crate) struct Header {
    pub(crate) format: String,
    pub(crate) format_version: i64,
    pub(crate) schema_version: i64,
    pub(crate) exported_at: Timestamp,
    /// How many record lines follow: lets the import size its maps once rather than grow
    /// them by doubling (at 4 M records that cost seconds), and the import checks it, so a
    /// file cut short is refused. Missing from early version 1 exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) records: Option<u64>,
    /// The audit chain's newest entry when exported: the import recomputes the chain and
    /// refuses a file whose entries do not end here. Missing from version 1 exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) head: Option<Head>,
}

/// An audit chain's newest entry: its number and hash (seq 0 and the genesis hash when the
/// log is empty).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct Counter {
    pub(crate) prefix: String,
    pub(crate) last: i64,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) seq: i64,
    pub(crate) at: String,
    pub(crate) actor_id: String,
    pub(crate) actor: String,
    pub(crate) action: String,
    pub(crate) record_kind: String,
    pub(crate) record_id: String,
    pub(crate) record_key: String,
    /// The exact JSON text that was hashed.
    #[serde(deserialize_with = "json_string::decoded_string")]
    pub(crate) changes: String,
    pub(crate) row_digest: String,
    pub(crate) prev_hash: String,
    pub(crate) hash: String,
}

impl Entry {
    /// The hashed fields, borrowed.
    pub(crate) fn fields(&self) -> EntryFields<'_> {
        EntryFields {
            seq: self.seq,
            at: &self.at,
            actor_id: &self.actor_id,
            actor: &self.actor,
            action: &self.action,
            record_kind: &self.record_kind,
            record_id: &self.record_id,
            record_key: &self.record_key,
            changes: &self.changes,
            row_digest: &self.row_digest,
            prev_hash: &self.prev_hash,
        }
    }
}
