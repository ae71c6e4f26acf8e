//! Requests for change: the table mapping and the reads (one change, its record view, lists
//! over a range with filters, search).

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{get_by_id, require_key, select_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::change_management::rfc::{ChangeType, RiskLevel};
use smw_core::change_management::views::{ChangeDetail, ChangeFilter};
use smw_core::change_management::workflow::successors;
use smw_core::change_management::{Change, ChangeStatus};
use smw_core::views::SearchHit;
use smw_core::RecordKind;
use uuid::Uuid;

stored_record! {
    Change => table "changes", noun "change",
    columns {
        id: uuid,
        key: text,
        change_type: enum(ChangeType),
        title: text,
        description: text,
        reason: text,
        requester_id: opt_uuid,
        owner_id: opt_uuid,
        group_id: opt_uuid,
        ci_ids: uuid_list,
        service_ids: uuid_list,
        likelihood: enum(RiskLevel),
        impact: enum(RiskLevel),
        risk: enum(RiskLevel),
        implementation_plan: text,
        backout_plan: text,
        test_plan: text,
        planned_start: opt_ts,
        planned_end: opt_ts,
        actual_start: opt_ts,
        actual_end: opt_ts,
        ended_as: json,
        release_id: opt_uuid,
        template: opt_text,
        status: enum(ChangeStatus),
        approver_ids: uuid_list,
        decisions: json,
        accepted_conflicts: json,
        needs_design_transition: int,
        review_outcome: json,
        lessons: opt_text,
        submitted_at: opt_ts,
        approved_at: opt_ts,
        closed_at: opt_ts,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

/// Live changes whose planned window overlaps `[from, to)` (all live changes without a range).
pub(crate) fn live_changes(conn: &Connection, range: Option<(i64, i64)>) -> StoreResult<Vec<Change>> {
    let rows = match range {
        None => {
            let sql = format!("{} WHERE deleted_at IS NULL ORDER BY seq", select_sql::<Change>());
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], Change::from_row)?.collect::<Result<Vec<_>, _>>()?;
            rows
        }
        Some((from, to)) => {
            // Timestamps are stored in one fixed text form, so text order is time order.
            let sql = format!(
                "{} WHERE deleted_at IS NULL AND planned_start < ?2 AND planned_end > ?1 ORDER BY planned_start",
                select_sql::<Change>()
            );
            let text =
                |millis: i64| smw_core::Timestamp::from_millis(millis).map(|t| t.to_string()).unwrap_or_default();
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([text(from), text(to)], Change::from_row)?.collect::<Result<Vec<_>, _>>()?;
            rows
        }
    };
    Ok(rows)
}

impl Workspace {
    pub fn change_get(&self, key: &str) -> StoreResult<Change> {
        require_key(&self.reader(), key)
    }

    /// Live changes matching `filter`, by planned start (unplanned ones last, oldest first).
    pub fn changes_list(&self, filter: &ChangeFilter) -> StoreResult<Vec<Change>> {
        let conn = self.reader();
        let range = match (filter.from, filter.to) {
            (None, None) => None,
            (from, to) => Some((from.map_or(i64::MIN / 2, |f| f.millis()), to.map_or(i64::MAX / 2, |t| t.millis()))),
        };
        let mut changes: Vec<Change> = live_changes(&conn, range)?.into_iter().filter(|c| filter.matches(c)).collect();
        changes.sort_by_key(|c| (c.planned_start.is_none(), c.planned_start, c.created_at));
        Ok(changes)
    }

    /// The record view: the change, the moves open to it, its conflicts now, the tickets
    /// linked to it (an incident it caused), its release and its history.
    pub fn change_detail(&self, key: &str) -> StoreResult<ChangeDetail> {
        let change = self.change_get(key)?;
        let conflicts = self.change_conflicts(&change.key)?;
        let conn = self.reader();
        Ok(ChangeDetail {
            next_statuses: successors(change.change_type, change.status).to_vec(),
            conflicts,
            links: crate::links::for_record(&conn, change.id)?,
            release: match change.release_id {
                Some(id) => get_by_id(&conn, id)?,
                None => None,
            },
            history: crate::audit::history(&conn, change.id)?,
            change,
        })
    }

    /// Changes whose key, title, description or reason holds every word of `text`, newest first.
    pub fn changes_search(&self, text: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.reader();
        let mut hits = Vec::new();
        for change in live_changes(&conn, None)?.into_iter().rev() {
            let haystack =
                format!("{} {} {} {}", change.key, change.title, change.description, change.reason).to_lowercase();
            if words.iter().all(|w| haystack.contains(w.as_str())) {
                hits.push(SearchHit {
                    record_kind: RecordKind::Change,
                    snippet: crate::search::snippet(&format!("{}\n{}", change.description, change.reason), text),
                    key: change.key,
                    title: change.title,
                    status: None,
                    updated_at: change.updated_at,
                });
                if hits.len() >= limit.clamp(1, 200) {
                    break;
                }
            }
        }
        Ok(hits)
    }
}

/// For link views: a change's key and title by id.
pub(crate) fn label(conn: &Connection, id: Uuid) -> StoreResult<Option<(String, String, RecordKind)>> {
    Ok(get_by_id::<Change>(conn, id)?.map(|c| (c.key, c.title, RecordKind::Change)))
}
