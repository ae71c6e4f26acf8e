//! The audit chain: what changed, who changed it, and a hash that ties each entry to the one
//! before it, so that an edit made behind the workbench's back can be found.
//!
//! Canonical forms (documented in docs/audit-chain.md):
//! - a record's *row digest* is SHA-256 of its JSON in struct field order with empty optional
//!   fields left out (what `serde_json::to_vec` writes for the domain types);
//! - an entry's *hash* is SHA-256 over its fields, each written as a little-endian u32 length
//!   and then its UTF-8 bytes, in the order of [`EntryFields`], ending with the previous hash.

use crate::ids::RecordKind;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use uuid::Uuid;

/// The hash the first entry links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Fields that change with every revision; the digest covers them, the change list skips them.
const BOOKKEEPING_FIELDS: [&str; 2] = ["updated_at", "version"];
/// Fields a record is born with and never changes, which its create entry already names as
/// `record_id`, `record_key` and `at`; repeating them would add a tenth to the audit log.
const IDENTITY_FIELDS: [&str; 3] = ["id", "key", "created_at"];

fn listed(field: &str) -> bool {
    !BOOKKEEPING_FIELDS.contains(&field) && !IDENTITY_FIELDS.contains(&field)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [AuditAction::Create, AuditAction::Update, AuditAction::Delete].into_iter().find(|a| a.as_str() == text)
    }
}

/// One entry as the store keeps it and the UI shows it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: Timestamp,
    pub actor_id: Option<Uuid>,
    pub actor: String,
    pub action: AuditAction,
    pub record_kind: RecordKind,
    pub record_id: Uuid,
    pub record_key: String,
    /// Field name → `[before, after]`.
    pub changes: Value,
    pub row_digest: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hashed fields of an entry, borrowed as the text they are stored as, so that checking
/// the chain needs no parsing.
pub struct EntryFields<'a> {
    pub seq: i64,
    pub at: &'a str,
    pub actor_id: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub record_kind: &'a str,
    pub record_id: &'a str,
    pub record_key: &'a str,
    pub changes: &'a str,
    pub row_digest: &'a str,
    pub prev_hash: &'a str,
}

impl EntryFields<'_> {
    pub fn hash(&self) -> String {
        hex(&self.hash_bytes())
    }

    /// Whether `stored` (64 hex digits) is this entry's hash, compared as bytes rather than
    /// by formatting the computed hash as text.
    pub fn hash_matches(&self, stored: &str) -> bool {
        decode_hex32(stored) == Some(self.hash_bytes())
    }

    fn hash_bytes(&self) -> [u8; 32] {
        thread_local! {
            // Reused: verify hashes millions of entries, and a fresh buffer per entry cost
            // an allocation each.
            static CANONICAL: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        let mut digits = itoa::Buffer::new();
        let fields = [
            digits.format(self.seq).as_bytes(),
            self.at.as_bytes(),
            self.actor_id.as_bytes(),
            self.actor.as_bytes(),
            self.action.as_bytes(),
            self.record_kind.as_bytes(),
            self.record_id.as_bytes(),
            self.record_key.as_bytes(),
            self.changes.as_bytes(),
            self.row_digest.as_bytes(),
            self.prev_hash.as_bytes(),
        ];
        // Laid out in one buffer and hashed in one call: feeding SHA-256 two dozen small
        // pieces costs more than the copy.
        CANONICAL.with_borrow_mut(|canonical| {
            canonical.clear();
            for field in fields {
                canonical.extend_from_slice(&(field.len() as u32).to_le_bytes());
                canonical.extend_from_slice(field);
            }
            Sha256::digest(&canonical[..]).into()
        })
    }
}

/// Parses a SHA-256 digest written, as the workbench writes it, in 64 lowercase hex digits.
/// Verify and import decode two per audit entry, millions in all: a table and no branch per
/// digit took half the time of matching each digit's range.
pub fn decode_hex32(text: &str) -> Option<[u8; 32]> {
    let (pairs, []) = text.as_bytes().as_chunks::<2>() else { return None };
    if pairs.len() != 32 {
        return None;
    }
    let mut out = [0u8; 32];
    let mut seen = 0;
    for (byte, [high, low]) in out.iter_mut().zip(pairs) {
        let (high, low) = (HEX_DIGITS[usize::from(*high)], HEX_DIGITS[usize::from(*low)]);
        seen |= high | low;
        *byte = high << 4 | low;
    }
    (seen & NOT_HEX_DIGIT == 0).then_some(out)
}

/// What [`HEX_DIGITS`] gives for a byte that is not a lowercase hex digit: a bit no digit has.
const NOT_HEX_DIGIT: u8 = 0x10;

/// The value of each lowercase hex digit, by its byte.
const HEX_DIGITS: [u8; 256] = {
    let mut table = [NOT_HEX_DIGIT; 256];
    let mut value = 0;
    while value < 16 {
        table[LOWER_HEX[value] as usize] = value as u8;
        value += 1;
    }
    table
};

/// SHA-256 of a record's canonical JSON, as lowercase hex.
pub fn row_digest<R: Serialize>(record: &R) -> String {
    hex(&row_digest_bytes(record))
}

pub fn row_digest_bytes<R: Serialize>(record: &R) -> [u8; 32] {
    thread_local! {
        // Reused: a verify walk digests millions of records, and a fresh buffer went through
        // several allocations per record as it grew.
        static CANONICAL: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    CANONICAL.with_borrow_mut(|canonical| {
        canonical.clear();
        // Serialised whole, then hashed in one call (serde writes many tiny pieces).
        serde_json::to_writer(&mut *canonical, record).expect("domain records always serialise");
        canonical_digest(canonical)
    })
}

/// The digest of a record given as its canonical JSON text, as [`row_digest_bytes`] computes
/// it from the record. Only the exact text matches: the same record spaced or ordered
/// differently has another digest.
pub fn canonical_digest(json: &[u8]) -> [u8; 32] {
    Sha256::digest(json).into()
}

/// The fields that differ between two revisions, as `{field: [before, after]}`.
/// A create has no `before`: every field is listed with `null` before it, except the
/// identity fields, which the entry names itself.
pub fn changes<R: Serialize>(before: Option<&R>, after: &R) -> Map<String, Value> {
    let after = to_object(after);
    let before = before.map(to_object).unwrap_or_default();
    let mut changed = Map::new();
    for (field, new) in &after {
        if !listed(field) {
            continue;
        }
        let old = before.get(field).unwrap_or(&Value::Null);
        if old != new {
            changed.insert(field.clone(), Value::Array(vec![old.clone(), new.clone()]));
        }
    }
    for (field, old) in &before {
        if !after.contains_key(field) && listed(field) {
            changed.insert(field.clone(), Value::Array(vec![old.clone(), Value::Null]));
        }
    }
    changed
}

fn to_object<R: Serialize>(record: &R) -> Map<String, Value> {
    match serde_json::to_value(record).expect("domain records always serialise") {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The digits the workbench writes digests in, by value.
const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";

pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(LOWER_HEX[(byte >> 4) as usize] as char);
        out.push(LOWER_HEX[(byte & 15) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_decode_only_from_lowercase_hex() {
        let digest = [0xabu8; 32];
        assert_eq!(decode_hex32(&hex(&digest)), Some(digest));
        assert_eq!(decode_hex32(&hex(&digest).to_uppercase()), None);
        assert_eq!(decode_hex32("ab"), None);
        assert_eq!(decode_hex32(&"g".repeat(64)), None);
        assert_eq!(decode_hex32(&format!("{}é", "0".repeat(62))), None);
        for value in 0..=255u8 {
            assert_eq!(decode_hex32(&hex(&[value; 32])), Some([value; 32]));
        }
        let valid = hex(&[0x5a; 32]);
        for byte in (0..128u8).filter(|byte| !LOWER_HEX.contains(byte)) {
            for at in [0, 1, 33, 63] {
                let mut text = valid.clone().into_bytes();
                text[at] = byte;
                let text = String::from_utf8(text).unwrap();
                assert_eq!(decode_hex32(&text), None, "{byte} at {at}");
            }
        }
    }
    use serde_json::json;

    fn fields<'a>(changes: &'a str, prev: &'a str) -> EntryFields<'a> {
        EntryFields {
            seq: 1,
            at: "2026-05-04T09:00:00.000Z",
            actor_id: "",
            actor: "Ada",
            action: "create",
            record_kind: "incident",
            record_id: "0192b3c4-0000-7000-8000-000000000000",
            record_key: "INC-000001",
            changes,
            row_digest: "ab",
            prev_hash: prev,
        }
    }

    #[test]
    fn hash_covers_every_field_and_the_previous_hash() {
        let base = fields("{}", GENESIS_HASH).hash();
        assert_eq!(base.len(), 64);
        assert_ne!(base, fields("{\"a\":1}", GENESIS_HASH).hash());
        assert_ne!(base, fields("{}", &"1".repeat(64)).hash());
        // Length prefixes keep field boundaries: moving a character between fields changes the hash.
        let mut shifted = fields("{}", GENESIS_HASH);
        shifted.actor = "Ad";
        shifted.action = "acreate";
        assert_ne!(base, shifted.hash());
    }

    #[test]
    fn changes_list_only_what_differs() {
        #[derive(Serialize)]
        struct Row {
            title: &'static str,
            status: &'static str,
            version: i64,
            #[serde(skip_serializing_if = "Option::is_none")]
            assignee: Option<&'static str>,
        }
        let before = Row { title: "a", status: "new", version: 1, assignee: Some("ada") };
        let after = Row { title: "a", status: "assigned", version: 2, assignee: None };
        let diff = changes(Some(&before), &after);
        assert_eq!(Value::Object(diff), json!({"status": ["new", "assigned"], "assignee": ["ada", null]}));
        let created = changes(None, &after);
        assert_eq!(created.get("title"), Some(&json!([null, "a"])));
    }

    #[test]
    fn a_create_leaves_out_what_its_entry_names() {
        #[derive(Serialize)]
        struct Row {
            id: &'static str,
            key: &'static str,
            title: &'static str,
            created_at: &'static str,
        }
        let row = Row { id: "0192", key: "INC-000001", title: "Mail down", created_at: "2026-05-04T09:00:00.000Z" };
        assert_eq!(Value::Object(changes(None, &row)), json!({"title": [null, "Mail down"]}));
    }
}
