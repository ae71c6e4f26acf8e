//! Change windows: table mapping, writes, and their occurrences over a range.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, require_key, require_ref};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::Connection;
use smw_core::catalogue::Service;
use smw_core::change_management::collision::WindowSpans;
use smw_core::change_management::recurrence::occurrences;
use smw_core::change_management::views::WindowOccurrence;
use smw_core::change_management::{ChangeWindow, WindowDraft, WindowKind};
use smw_core::{Code, Invalid, RecordKind, Timestamp};

stored_record! {
    ChangeWindow => table "change_windows", noun "change window",
    columns {
        id: uuid,
        key: text,
        name: text,
        kind: enum(WindowKind),
        time_zone: text,
        starts_local: text,
        duration_minutes: int,
        rrule: opt_text,
        service_ids: uuid_list,
        description: text,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

fn check(w: &WriteTx, window: &ChangeWindow) -> StoreResult<()> {
    for (i, id) in window.service_ids.iter().enumerate() {
        require_ref::<Service>(w.conn(), Some(*id), &format!("service_ids[{i}]"))?;
    }
    Ok(())
}

/// Every live window's occurrences overlapping `[from, to)` (milliseconds).
pub(crate) fn expanded(conn: &Connection, from: i64, to: i64) -> StoreResult<Vec<WindowSpans>> {
    let (Some(from), Some(to)) = (Timestamp::from_millis(from), Timestamp::from_millis(to)) else {
        return Err(
            Invalid::field(Code::OutOfRange, "from", "The range lies outside the dates a calendar holds.").into()
        );
    };
    let mut found = Vec::new();
    for window in list_live::<ChangeWindow>(conn)? {
        let spans = occurrences(&window, from, to).map_err(|e| e.within(&window.key))?;
        if !spans.is_empty() {
            found.push(WindowSpans {
                key: window.key,
                name: window.name,
                kind: window.kind,
                service_ids: window.service_ids,
                spans,
            });
        }
    }
    Ok(found)
}

impl Workspace {
    pub fn change_window_create(&self, actor: &Actor, now: Timestamp, draft: WindowDraft) -> StoreResult<ChangeWindow> {
        self.write(actor, now, |w| {
            w.create(RecordKind::ChangeWindow, |id, key, now| ChangeWindow::create(draft, id, key, now), check)
        })
    }

    pub fn change_window_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        draft: WindowDraft,
        expected_version: Option<i64>,
    ) -> StoreResult<ChangeWindow> {
        self.write(actor, now, |w| {
            let now = w.now();
            let (_, after) = w.edit(key, expected_version, |w, window: &mut ChangeWindow| {
                window.apply(draft, now)?;
                check(w, window)
            })?;
            Ok(after)
        })
    }

    pub fn change_window_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<ChangeWindow> {
        self.write(actor, now, |w| {
            let window: ChangeWindow = require_key(w.conn(), key)?;
            w.retire(&window, |_| {})
        })
    }

    /// The live windows as defined (for the list and edit views).
    pub fn change_windows(&self) -> StoreResult<Vec<ChangeWindow>> {
        list_live(&self.reader())
    }

    /// Every occurrence of every live window over `[from, to)`, in time order, for the calendar.
    pub fn change_window_occurrences(&self, from: Timestamp, to: Timestamp) -> StoreResult<Vec<WindowOccurrence>> {
        if to <= from {
            return Err(Invalid::field(Code::EmptyPeriod, "to", "The end of the range must be after its start.").into());
        }
        let mut found = Vec::new();
        for window in expanded(&self.reader(), from.millis(), to.millis())? {
            for (start, end) in window.spans {
                let (Some(start), Some(end)) = (Timestamp::from_millis(start), Timestamp::from_millis(end)) else {
                    continue;
                };
                found.push(WindowOccurrence {
                    window_key: window.key.clone(),
                    name: window.name.clone(),
                    kind: window.kind,
                    service_ids: window.service_ids.clone(),
                    start,
                    end,
                });
            }
        }
        found.sort_by(|a, b| (a.start, &a.window_key).cmp(&(b.start, &b.window_key)));
        Ok(found)
    }
}
