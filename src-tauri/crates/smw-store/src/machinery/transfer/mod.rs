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
mod new_workspace;
mod search_docs;

pub use new_workspace::import_new_workspace;

pub const FORMAT: &str = "sms-workbench-export";
pub const FORMAT_VERSION: i64 = 1;

#[derive(Serialize, Deserialize)]
pub(crate) struct Header {
    pub(crate) format: String,
    pub(crate) format_version: i64,
    pub(crate) schema_version: i64,
    pub(crate) exported_at: Timestamp,
    /// How many record lines follow: lets the import size its maps once rather than grow
    /// them by doubling (at 4 M records that cost seconds). A hint, checked by nothing;
    /// missing from exports made before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) records: Option<u64>,
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
