//! Locations: table mapping, creation, edits and retirement.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{live_names, require_key, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::location::{Location, LocationDraft, LocationPatch};
use smw_core::naming::ensure_unique_name;
use smw_core::{RecordKind, Timestamp};

stored_record! {
    Location => table "locations", noun "location",
    columns {
        id: uuid,
        key: text,
        name: text,
        address: text,
        time_zone: text,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

impl Workspace {
    pub fn location_create(&self, actor: &Actor, now: Timestamp, draft: LocationDraft) -> StoreResult<Location> {
        self.write(actor, now, |w| {
            w.create(RecordKind::Location, |id, key, now| Location::create(draft, id, key, now), check_name)
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
            let (_, after) = w.edit(key, expected_version, |w, location: &mut Location| {
                location.apply_patch(patch)?;
                check_name(w, location)
            })?;
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
