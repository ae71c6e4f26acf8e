//! What a committed write changed, as the write path reports it and the UI hears it: one
//! entry per record created, updated or deleted, in the order the audit log numbers them.

use crate::audit::AuditAction;
use crate::ids::RecordKind;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RecordChange {
    pub family: RecordKind,
    pub id: Uuid,
    pub key: String,
    pub action: AuditAction,
    /// The number of the audit entry that recorded it.
    #[ts(type = "number")]
    pub seq: i64,
}

/// The `workspace-changed` event: what one commit (or several, from another process) changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct WorkspaceChanged {
    /// The records written, when they are known and few; empty with `everything`.
    pub changes: Vec<RecordChange>,
    /// Anything may have changed: another workspace was opened, a bulk write touched more
    /// records than are listed one by one, or the file was replaced.
    pub everything: bool,
    /// Written by another process (the CLI, another window) rather than this app.
    pub external: bool,
}

impl WorkspaceChanged {
    pub fn everything(external: bool) -> Self {
        WorkspaceChanged { changes: Vec::new(), everything: true, external }
    }
}
