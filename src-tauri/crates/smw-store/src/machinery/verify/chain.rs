//! The audit chain, walked one range of entries at a time so that several ranges can be
//! checked at once. A range starts from the stored hash and number of the entry before it,
//! exactly as a walk from the first entry would reach it, so the ranges together find what
//! one walk would, in the same order.

use super::{Expected, ExpectedRecords, Findings};
use crate::error::StoreResult;
use rusqlite::{Connection, OptionalExtension};
use smw_core::audit::{EntryFields, GENESIS_HASH};
use std::collections::hash_map::Entry::{Occupied, Vacant};
use uuid::Uuid;

/// What one entry says its record should look like.
pub(super) type Seen = (Uuid, Expected);

/// Checks the entries numbered `from..=to`: numbering without gaps, each linked to the hash
/// before it, each hash matching its content. What each entry says its record should look
/// like goes onto the end of `seen`, for [`merge`]. Returns the number of entries read.
pub(super) fn walk_range(
    conn: &Connection,
    from: i64,
    to: i64,
    seen: &mut Vec<Seen>,
    findings: &mut Findings,
) -> StoreResult<i64> {
    let before: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit_log WHERE seq < ?1 ORDER BY seq DESC LIMIT 1")?
        .query_row([from], |row| Ok((row.get(0)?, text_column(row, 1).to_string())))
        .optional()?;
    let (mut next_seq, mut previous_hash) = match before {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS_HASH.to_string()),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes, row_digest, prev_hash, hash
         FROM audit_log WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq",
    )?;
    let mut rows = stmt.query([from, to])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        count += 1;
        let seq: i64 = row.get(0)?;
        let text = |i: usize| text_column(row, i);
        let fields = EntryFields {
            seq,
            at: text(1),
            actor_id: text(2),
            actor: text(3),
            action: text(4),
            record_kind: text(5),
            record_id: text(6),
            record_key: text(7),
            changes: text(8),
            row_digest: text(9),
            prev_hash: text(10),
        };
        let stored_hash = text(11);
        let key = || fields.record_key.to_string();
        if seq != next_seq {
            findings.add(
                "chain_gap",
                format!("audit entries #{next_seq}…#{} are missing (removed from the log)", seq - 1),
                None,
                Some(next_seq),
            );
        }
        if fields.prev_hash != previous_hash {
            findings.add(
                "chain_broken",
                format!("audit entry #{seq} ({}) does not link to the entry before it", key()),
                Some(key()),
                Some(seq),
            );
        }
        if !fields.hash_matches(stored_hash) {
            findings.add(
                "entry_altered",
                format!("audit entry #{seq} ({}) was altered: its content no longer matches its hash", key()),
                Some(key()),
                Some(seq),
            );
        }
        match (fields.record_id.parse::<Uuid>(), smw_core::audit::decode_hex32(fields.row_digest)) {
            (Ok(id), Some(digest)) => seen.push((id, Expected { digest, seq })),
            _ => findings.add("entry_malformed", format!("audit entry #{seq} is malformed"), Some(key()), Some(seq)),
        }
        previous_hash.clear();
        previous_hash.push_str(stored_hash);
        next_seq = seq + 1;
    }
    Ok(count)
}

/// Records what a range of entries says, where the newest entry of a record wins whichever
/// range is merged first.
pub(super) fn merge(expected: &mut ExpectedRecords, seen: impl Iterator<Item = Seen>) {
    for (id, entry) in seen {
        match expected.entry(id) {
            Occupied(newest) if newest.get().seq > entry.seq => {}
            Occupied(mut older) => {
                older.insert(entry);
            }
            Vacant(slot) => {
                slot.insert(entry);
            }
        }
    }
}

/// A text column as the walk hashes it: anything that is not text counts as empty.
fn text_column<'r>(row: &'r rusqlite::Row, i: usize) -> &'r str {
    row.get_ref(i).ok().and_then(|v| v.as_str().ok()).unwrap_or("")
}
