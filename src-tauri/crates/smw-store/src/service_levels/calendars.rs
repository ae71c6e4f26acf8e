//! Calendars as records: create, edit (every open clock measured on the calendar is
//! recomputed in the same transaction), and holidays imported from iCalendar text.

use super::clocks::recompute_for_calendar;
use crate::columns::*;
use crate::error::StoreResult;
use crate::stored::{list_live, require_key, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::Row;
use smw_core::agreements::{CalendarDraft, CalendarPatch, CalendarRecord};
use smw_core::sla::holidays_from_ics;
use smw_core::{RecordKind, Timestamp};

impl Stored for CalendarRecord {
    const TABLE: &'static str = "calendars";
    const NOUN: &'static str = "calendar";
    const COLUMNS: &'static [&'static str] =
        &["id", "key", "name", "definition", "created_at", "updated_at", "deleted_at", "version"];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(&self.name),
            text(&self.definition),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(CalendarRecord {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            definition: get(row, 3)?,
            created_at: get_ts(row, 4)?,
            updated_at: get_ts(row, 5)?,
            deleted_at: get_opt_ts(row, 6)?,
            version: get(row, 7)?,
        })
    }
}

impl Workspace {
    pub fn calendar_create(&self, actor: &Actor, now: Timestamp, draft: CalendarDraft) -> StoreResult<CalendarRecord> {
        self.write(actor, now, |w| create(w, draft))
    }

    /// Edits a calendar; the clocks of every open ticket measured on it are recomputed.
    pub fn calendar_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: CalendarPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<CalendarRecord> {
        self.write(actor, now, |w| update(w, key, patch, expected_version))
    }

    /// Adds the holidays of an iCalendar (.ics) file to a calendar; returns the calendar and
    /// how many dates were new. Errors name the line of the file (`line 12`).
    pub fn calendar_import_holidays(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        ics: &str,
        expected_version: Option<i64>,
    ) -> StoreResult<(CalendarRecord, usize)> {
        self.write(actor, now, |w| import_holidays(w, key, ics, expected_version))
    }

    pub fn calendar_get(&self, key: &str) -> StoreResult<CalendarRecord> {
        require_key(&self.reader(), key)
    }

    pub fn calendar_list(&self) -> StoreResult<Vec<CalendarRecord>> {
        list_live(&self.reader())
    }
}

pub(crate) fn create(w: &mut WriteTx, draft: CalendarDraft) -> StoreResult<CalendarRecord> {
    let (id, key) = w.identity(RecordKind::Calendar)?;
    let calendar = CalendarRecord::create(draft, id, key, w.now())?;
    w.insert(&calendar)?;
    Ok(calendar)
}

pub(crate) fn update(
    w: &mut WriteTx,
    key: &str,
    patch: CalendarPatch,
    expected_version: Option<i64>,
) -> StoreResult<CalendarRecord> {
    let before: CalendarRecord = require_key(w.conn(), key)?;
    check_version(&before, expected_version)?;
    let mut after = before.clone();
    after.apply_patch(patch)?;
    save(w, &before, after)
}

fn import_holidays(
    w: &mut WriteTx,
    key: &str,
    ics: &str,
    expected_version: Option<i64>,
) -> StoreResult<(CalendarRecord, usize)> {
    let before: CalendarRecord = require_key(w.conn(), key)?;
    check_version(&before, expected_version)?;
    let dates = holidays_from_ics(ics).map_err(|e| e.within("ics"))?;
    let mut after = before.clone();
    let added = after.add_holidays(&dates)?;
    Ok((save(w, &before, after)?, added))
}

fn save(w: &mut WriteTx, before: &CalendarRecord, mut after: CalendarRecord) -> StoreResult<CalendarRecord> {
    if after.definition == before.definition && after.name == before.name {
        return Ok(after);
    }
    w.update(before, &mut after)?;
    if after.definition != before.definition {
        recompute_for_calendar(w, after.id)?;
    }
    Ok(after)
}
