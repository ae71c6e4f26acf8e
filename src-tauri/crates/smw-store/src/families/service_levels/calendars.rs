//! Calendars as records: create, edit (every open clock measured on the calendar is
//! recomputed in the same transaction), and holidays imported from iCalendar text.

use super::clocks::recompute_for_calendar;
use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, require_key};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::agreements::{CalendarDraft, CalendarPatch, CalendarRecord};
use smw_core::sla::holidays_from_ics;
use smw_core::{RecordKind, Timestamp};

stored_record! {
    CalendarRecord => table "calendars", noun "calendar",
    columns {
        id: uuid,
        key: text,
        name: text,
        definition: text,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
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
    w.create(RecordKind::Calendar, |id, key, now| CalendarRecord::create(draft, id, key, now), |_, _| Ok(()))
}

pub(crate) fn update(
    w: &mut WriteTx,
    key: &str,
    patch: CalendarPatch,
    expected_version: Option<i64>,
) -> StoreResult<CalendarRecord> {
    edit(w, key, expected_version, |calendar| Ok(calendar.apply_patch(patch)?))
}

fn import_holidays(
    w: &mut WriteTx,
    key: &str,
    ics: &str,
    expected_version: Option<i64>,
) -> StoreResult<(CalendarRecord, usize)> {
    let mut added = 0;
    let calendar = edit(w, key, expected_version, |calendar| {
        let dates = holidays_from_ics(ics).map_err(|e| e.within("ics"))?;
        added = calendar.add_holidays(&dates)?;
        Ok(())
    })?;
    Ok((calendar, added))
}

/// An edit that changes nothing leaves no revision; a changed definition recomputes the
/// clocks measured on the calendar.
fn edit(
    w: &mut WriteTx,
    key: &str,
    expected_version: Option<i64>,
    change: impl FnOnce(&mut CalendarRecord) -> StoreResult<()>,
) -> StoreResult<CalendarRecord> {
    let (before, after) = w.edit_if_changed(key, expected_version, |_, calendar| change(calendar))?;
    if after.definition != before.definition {
        recompute_for_calendar(w, after.id)?;
    }
    Ok(after)
}
