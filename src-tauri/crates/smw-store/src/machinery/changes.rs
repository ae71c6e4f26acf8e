//! Change announcements: every committed write tells the workspace's listener which records
//! it created, updated or deleted, and the audit log tells the same of writes made by other
//! processes. One shape for both (`smw_core::change::WorkspaceChanged`), so whoever listens
//! (the desktop shell) forwards it unchanged and never lists by hand what a write touched.

use crate::error::StoreResult;
use crate::workspace::Workspace;
use smw_core::audit::AuditAction;
use smw_core::change::{RecordChange, WorkspaceChanged};
use smw_core::RecordKind;
use std::sync::Arc;
use uuid::Uuid;

/// Past this many records a change is announced as "everything": a bulk write (the demo
/// generator, the benchmark) would otherwise keep millions of entries in memory to announce.
const MAX_LISTED: usize = 500;

pub type ChangeListener = Arc<dyn Fn(&WorkspaceChanged) + Send + Sync>;

/// What one write transaction has changed so far.
#[derive(Default)]
pub(crate) struct ChangeLog {
    changes: Vec<RecordChange>,
    overflowed: bool,
}

impl ChangeLog {
    pub(crate) fn record(&mut self, family: RecordKind, id: Uuid, key: &str, action: AuditAction, seq: i64) {
        if self.changes.len() < MAX_LISTED {
            self.changes.push(RecordChange { family, id, key: key.to_string(), action, seq });
        } else {
            self.overflowed = true;
        }
    }

    pub(crate) fn into_announcement(self) -> Option<WorkspaceChanged> {
        if self.overflowed {
            return Some(WorkspaceChanged::everything(false));
        }
        (!self.changes.is_empty()).then_some(WorkspaceChanged {
            changes: self.changes,
            everything: false,
            external: false,
        })
    }
}

/// What other processes wrote after audit entry `after`, and the entry it reaches.
pub struct ChangesSince {
    pub head: i64,
    pub changed: Option<WorkspaceChanged>,
}

impl Workspace {
    /// Announces every write this workspace commits to `listener`, after the commit.
    pub fn on_commit(&self, listener: ChangeListener) {
        *self.listener.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(listener);
    }

    pub(crate) fn announce(&self, log: ChangeLog) {
        let listener = self.listener.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        if let (Some(listener), Some(changed)) = (listener, log.into_announcement()) {
            listener(&changed);
        }
    }

    /// The number of the newest audit entry (0 for an empty log).
    pub fn audit_head(&self) -> StoreResult<i64> {
        Ok(self.reader().query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |row| row.get(0))?)
    }

    /// The records written after audit entry `after`, read from the audit log, marked as
    /// written elsewhere. A log that went backwards (the file was replaced) is "everything".
    pub fn changes_since(&self, after: i64) -> StoreResult<ChangesSince> {
        let head = self.audit_head()?;
        if head == after {
            return Ok(ChangesSince { head, changed: None });
        }
        if head < after {
            return Ok(ChangesSince { head, changed: Some(WorkspaceChanged::everything(true)) });
        }
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT seq, record_kind, record_id, record_key, action FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![after, MAX_LISTED as i64 + 1], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get(3)?,
                row.get::<_, String>(4)?,
            ))
        })?;
        let mut log = ChangeLog::default();
        for row in rows {
            let (seq, kind, id, key, action): (i64, String, String, String, String) = row?;
            let parsed = (RecordKind::parse(&kind), id.parse::<Uuid>().ok(), AuditAction::parse(&action));
            match parsed {
                (Some(kind), Some(id), Some(action)) => log.record(kind, id, &key, action, seq),
                // An entry the app cannot read is for verify to name; here it means "reload all".
                _ => log.overflowed = true,
            }
        }
        let changed = log.into_announcement().map(|changed| WorkspaceChanged { external: true, ..changed });
        Ok(ChangesSince { head, changed })
    }
}
