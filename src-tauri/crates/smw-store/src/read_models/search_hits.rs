//! The global search's answer: the tickets and problems whose text best matches, each with a
//! snippet of the text that matched. The index itself is the machinery's (`machinery/search.rs`).

use crate::error::{StoreError, StoreResult};
use crate::search::owner_hits;
use crate::workspace::Workspace;
use rusqlite::{Connection, OptionalExtension};
use smw_core::views::SearchHit;
use smw_core::RecordKind;
use uuid::Uuid;

impl Workspace {
    /// The records that best match `text`: tickets and problems (a comment's hit shows its
    /// ticket), then changes.
    pub fn search(&self, text: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        let conn = self.reader();
        let limit = limit.clamp(1, 200);
        let mut found = Vec::new();
        for (record_id, record_kind, owner_id, owner_kind) in owner_hits(&conn, text, limit)? {
            let owner_id: Uuid = owner_id.parse().map_err(|_| StoreError::not_found("record", owner_id.clone()))?;
            let matched_text = document_text(&conn, &record_id, &record_kind)?;
            // A comment's owner may be a ticket or a problem; the ticket table is tried first.
            let hit = match RecordKind::parse(&owner_kind) {
                Some(RecordKind::Problem) => None,
                _ => crate::tickets::search_hit(&conn, owner_id, &matched_text, text)?,
            };
            let hit = match hit {
                Some(hit) => Some(hit),
                None => crate::problems::search_hit(&conn, owner_id, &matched_text, text)?,
            };
            found.extend(hit);
        }
        drop(conn);
        // Changes are not in the full-text index (docs/changes.md); their own search fills the rest.
        if found.len() < limit {
            found.extend(self.changes_search(text, limit - found.len())?);
        }
        Ok(found)
    }
}

/// The searchable text of one indexed record (the index itself keeps no copy).
fn document_text(conn: &Connection, record_id: &str, record_kind: &str) -> StoreResult<String> {
    let sql = match RecordKind::parse(record_kind) {
        Some(RecordKind::Comment) => "SELECT body FROM comments WHERE id = ?1",
        Some(RecordKind::Problem) => {
            "SELECT description || ' ' || root_cause || ' ' || workaround FROM problems WHERE id = ?1"
        }
        _ => "SELECT description FROM tickets WHERE id = ?1",
    };
    Ok(conn.prepare_cached(sql)?.query_row([record_id], |row| row.get(0)).optional()?.unwrap_or_default())
}
