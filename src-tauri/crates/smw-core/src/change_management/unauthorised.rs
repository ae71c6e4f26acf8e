//! Unauthorised changes: an edit of a CI under change control made when no approved change
//! naming that CI was open, found from the audit history. A change holds authority over its
//! CIs from its approval until its work ends (see [`Change::authorised_span`]).

use super::rfc::Change;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// One audited write of a CI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiEdit {
    pub seq: i64,
    pub at: Timestamp,
    pub ci_id: Uuid,
    pub ci_key: String,
    pub actor: String,
    pub action: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct UnauthorisedEdit {
    /// The audit entry's number.
    #[ts(type = "number")]
    pub seq: i64,
    pub at: Timestamp,
    pub ci_key: String,
    pub actor: String,
    pub action: String,
    pub reason: String,
}

/// The edits in `edits` of controlled CIs that no change authorised.
pub fn unauthorised(edits: &[CiEdit], changes: &[Change], controlled: impl Fn(Uuid) -> bool) -> Vec<UnauthorisedEdit> {
    let mut spans: HashMap<Uuid, Vec<(Timestamp, Option<Timestamp>)>> = HashMap::new();
    for change in changes.iter().filter(|c| c.deleted_at.is_none()) {
        if let Some(span) = change.authorised_span() {
            for ci in &change.ci_ids {
                spans.entry(*ci).or_default().push(span);
            }
        }
    }
    let covered = |edit: &CiEdit| {
        spans
            .get(&edit.ci_id)
            .is_some_and(|list| list.iter().any(|(from, to)| *from <= edit.at && to.is_none_or(|to| edit.at <= to)))
    };
    edits
        .iter()
        .filter(|edit| controlled(edit.ci_id) && !covered(edit))
        .map(|edit| UnauthorisedEdit {
            seq: edit.seq,
            at: edit.at,
            ci_key: edit.ci_key.clone(),
            actor: edit.actor.clone(),
            action: edit.action.clone(),
            reason: format!(
                "{} ({}) was changed by {} at {} with no approved change open on it.",
                edit.ci_key, edit.action, edit.actor, edit.at
            ),
        })
        .collect()
}
