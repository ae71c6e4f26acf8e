//! Releases: table mapping, writes and reads (a release with its changes).

use super::rfcs::live_changes;
use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, live_names, require_key};
use crate::workspace::Workspace;
use crate::write::Actor;
use smw_core::change_management::release::ReleaseStatus;
use smw_core::change_management::views::ReleaseDetail;
use smw_core::change_management::{Release, ReleaseDraft};
use smw_core::naming::ensure_unique_name;
use smw_core::{RecordKind, Timestamp};

stored_record! {
    Release => table "releases", noun "release",
    columns {
        id: uuid,
        key: text,
        name: text,
        status: enum(ReleaseStatus),
        planned_start: opt_ts,
        planned_end: opt_ts,
        acceptance_criteria: text,
        test_results: text,
        deployment_notes: text,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

impl Workspace {
    pub fn release_create(&self, actor: &Actor, now: Timestamp, draft: ReleaseDraft) -> StoreResult<Release> {
        self.write(actor, now, |w| {
            w.create(
                RecordKind::Release,
                |id, key, now| Release::create(draft, id, key, now),
                |w, r| unique_release_name(w.conn(), r),
            )
        })
    }

    pub fn release_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        draft: ReleaseDraft,
        expected_version: Option<i64>,
    ) -> StoreResult<Release> {
        self.write(actor, now, |w| {
            let now = w.now();
            let (_, after) = w.edit(key, expected_version, |w, release: &mut Release| {
                release.apply(draft, now)?;
                unique_release_name(w.conn(), release)
            })?;
            Ok(after)
        })
    }

    pub fn release_get(&self, key: &str) -> StoreResult<ReleaseDetail> {
        let conn = self.reader();
        let release: Release = require_key(&conn, key)?;
        let changes = live_changes(&conn, None)?.into_iter().filter(|c| c.release_id == Some(release.id)).collect();
        Ok(ReleaseDetail { release, changes })
    }

    pub fn releases_list(&self) -> StoreResult<Vec<Release>> {
        list_live(&self.reader())
    }
}

fn unique_release_name(conn: &rusqlite::Connection, release: &Release) -> StoreResult<()> {
    let others = live_names::<Release>(conn, Some(release.id))?;
    Ok(ensure_unique_name("release", &release.name, others.iter().map(String::as_str))?)
}
