//! The audited writes of a change: create, edit, reschedule, move, decide and retire. Each
//! checks the references it names, applies the domain's rule, and (where the change can
//! collide) returns the conflicts it now has, computed in the same transaction.

use super::landscape::conflicts_in;
use super::policy::change_policy;
use crate::error::StoreResult;
use crate::stored::{require_key, require_ref};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::catalogue::Service;
use smw_core::change_management::approval::Verdict;
use smw_core::change_management::views::ChangeSaved;
use smw_core::change_management::{Change, ChangeDraft, ChangeMove, ChangePatch, ChangeStatus, Release};
use smw_core::directory::{Group, Person};
use smw_core::{Code, Invalid, RecordKind, Timestamp};

impl Workspace {
    pub fn change_create(&self, actor: &Actor, now: Timestamp, mut draft: ChangeDraft) -> StoreResult<ChangeSaved> {
        if draft.requester_id.is_none() {
            draft.requester_id = actor.id;
        }
        let change = self.write(actor, now, |w| {
            w.create(
                RecordKind::Change,
                |id, key, now| Change::create(draft, id, key, now),
                |w, change| check(w, change),
            )
        })?;
        self.saved(change)
    }

    /// An edit: fields left out stay. Refused once the change has started, for its scope and window.
    pub fn change_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: ChangePatch,
        expected_version: Option<i64>,
    ) -> StoreResult<ChangeSaved> {
        let change = self.write(actor, now, |w| {
            let now = w.now();
            let (_, after) = w.edit(key, expected_version, |w, change: &mut Change| {
                change.apply_patch(patch, now)?;
                check(w, change)
            })?;
            Ok(after)
        })?;
        self.saved(change)
    }

    /// A drag on the calendar: a new planned window, with the same checks as an edit.
    pub fn change_reschedule(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        start: Timestamp,
        end: Timestamp,
        expected_version: Option<i64>,
    ) -> StoreResult<ChangeSaved> {
        self.change_update(actor, now, key, ChangePatch::reschedule(start, end), expected_version)
    }

    /// Moves a change through the workflow. A move to Assessed names the policy's board when
    /// nobody was named; a move to Approved or Scheduled over conflicts needs
    /// `accept_conflicts`, and records who accepted which.
    pub fn change_move(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        mv: ChangeMove,
        expected_version: Option<i64>,
    ) -> StoreResult<ChangeSaved> {
        let acting = acting_person(actor)?;
        let graph = self.cmdb_graph()?;
        let change = self.write(actor, now, |w| {
            let now = w.now();
            let (_, after) = w.edit(key, expected_version, |w, change: &mut Change| {
                let policy = change_policy(w.conn())?;
                if mv.to == Some(ChangeStatus::Assessed) && change.approver_ids.is_empty() {
                    change.approver_ids = policy.board_for(change);
                }
                if mv.to == Some(ChangeStatus::Submitted) {
                    policy.check_standard(change)?;
                    change.needs_design_transition = policy.needs_design_transition(change);
                }
                let conflicts = match mv.to {
                    Some(ChangeStatus::Approved | ChangeStatus::Scheduled) => {
                        conflicts_in(w.conn(), graph.clone(), change)?
                    }
                    _ => Vec::new(),
                };
                Ok(change.apply_move(mv, acting, &conflicts, now)?)
            })?;
            Ok(after)
        })?;
        self.saved(change)
    }

    /// The acting person's decision on an assessed change.
    pub fn change_decide(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        verdict: Verdict,
        comment: &str,
        accept_conflicts: bool,
        expected_version: Option<i64>,
    ) -> StoreResult<ChangeSaved> {
        let approver = acting_person(actor)?;
        let graph = self.cmdb_graph()?;
        let change = self.write(actor, now, |w| {
            let now = w.now();
            let (_, after) = w.edit(key, expected_version, |w, change: &mut Change| {
                let conflicts = conflicts_in(w.conn(), graph.clone(), change)?;
                change.decide(approver, verdict, comment, accept_conflicts, &conflicts, now)?;
                Ok(())
            })?;
            Ok(after)
        })?;
        self.saved(change)
    }

    pub fn change_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Change> {
        self.write(actor, now, |w| {
            let change: Change = require_key(w.conn(), key)?;
            if change.status.has_started() && change.status != ChangeStatus::Closed {
                return Err(Invalid::rule(
                    Code::InvalidTransition,
                    "A change under way is finished and reviewed, not retired.",
                )
                .into());
            }
            w.retire(&change, |_| {})
        })
    }

    fn saved(&self, change: Change) -> StoreResult<ChangeSaved> {
        let graph = self.cmdb_graph()?;
        let conflicts = conflicts_in(&self.reader(), graph, &change)?;
        Ok(ChangeSaved { change, conflicts })
    }
}

/// Who decides or moves: a person, since decisions and acceptances are recorded by name.
fn acting_person(actor: &Actor) -> StoreResult<uuid::Uuid> {
    actor.id.ok_or_else(|| {
        Invalid::field(
            Code::ActorRequired,
            "actor",
            "Choose who is acting: decisions are recorded under a person's name.",
        )
        .into()
    })
}

/// The references a change names must be live records of the right family.
fn check(w: &WriteTx, change: &Change) -> StoreResult<()> {
    let conn = w.conn();
    require_ref::<Person>(conn, change.requester_id, "requester_id")?;
    require_ref::<Person>(conn, change.owner_id, "owner_id")?;
    require_ref::<Group>(conn, change.group_id, "group_id")?;
    require_ref::<Release>(conn, change.release_id, "release_id")?;
    for (i, id) in change.ci_ids.iter().enumerate() {
        require_ref::<smw_core::cmdb::Ci>(conn, Some(*id), &format!("ci_ids[{i}]"))?;
    }
    for (i, id) in change.service_ids.iter().enumerate() {
        require_ref::<Service>(conn, Some(*id), &format!("service_ids[{i}]"))?;
    }
    for (i, id) in change.approver_ids.iter().enumerate() {
        require_ref::<Person>(conn, Some(*id), &format!("approver_ids[{i}]"))?;
    }
    Ok(())
}
