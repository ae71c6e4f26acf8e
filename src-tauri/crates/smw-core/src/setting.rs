//! Workspace settings (the priority matrix, SLA warning thresholds …), audited like any record.

use crate::ids::RecordKind;
use crate::impl_record;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Setting {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    /// JSON text, kept as text so its canonical form never depends on a JSON library's map order.
    pub value: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Setting, RecordKind::Setting);

/// The name under which the priority matrix is kept.
pub const PRIORITY_MATRIX: &str = "priority_matrix";
