//! Locations: table mapping, creation, edits and retirement.

use crate::columns::*;
use crate::error::StoreResult;
use crate::stored::{live_names, require_key, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::Row;
use smw_core::location::{Location, LocationDraft, LocationPatch};
use smw_core::naming::ensure_unique_name;
use smw_core::{RecordKind, Timestamp};

impl Stored for Location {
    const TABLE: &'static str = "locations";
    const NOUN: &'static str = "location";
    const COLUMNS: &'static [&'static str] =
        &["id", "key", "name", "address", "time_zone", "created_at", "updated_at", "deleted_at", "version"];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(&self.name),
            text(&self.address),
            text(&self.time_zone),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Location {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            address: get(row, 3)?,
            time_zone: get(row, 4)?,
            created_at: get_ts(row, 5)?,
            updated_at: get_ts(row, 6)?,
            deleted_at: get_opt_ts(row, 7)?,
            version: get(row, 8)?,
        })
    }
}

impl Workspace {
    pub fn location_create(&self, actor: &Actor, now: Timestamp, draft: LocationDraft) -> StoreResult<Location> {
        self.write(actor, now, |w| {
            let (id, key) = w.identity(RecordKind::Location)?;
            let location = Location::create(draft, id, key, w.now())?;
            check_name(w, &location)?;
            w.insert(&location)?;
            Ok(location)
        })
    }

    pub fn location_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: LocationPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Location> {
        self.write(actor, now, |w| {
            let before: Location = require_key(w.conn(), key)?;
            check_version(&before, expected_version)?;
            let mut after = before.clone();
            after.apply_patch(patch)?;
            check_name(w, &after)?;
            w.update(&before, &mut after)?;
            Ok(after)
        })
    }

    pub fn location_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Location> {
        self.write(actor, now, |w| {
            let location: Location = require_key(w.conn(), key)?;
            w.retire(&location, |_| {})
        })
    }
}

fn check_name(w: &WriteTx, location: &Location) -> StoreResult<()> {
    let others = live_names::<Location>(w.conn(), Some(location.id))?;
    Ok(ensure_unique_name(Location::NOUN, &location.name, others.iter().map(String::as_str))?)
}
