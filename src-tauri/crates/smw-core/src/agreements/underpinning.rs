//! What an SLA stands on: operational level agreements with internal support groups and
//! underpinning contracts with suppliers. Each has targets per priority and its own calendar
//! (a supplier may work 24×7 while the desk works office hours, or the other way round).

use super::targets::{check_dates, check_targets, PriorityTarget};
use crate::error::Invalid;
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::nullable;
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An agreement with an internal group. Without a service it covers all the group's work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Ola {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub group_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub service_id: Option<Uuid>,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_to: Option<NaiveDate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Ola, RecordKind::Ola);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct OlaDraft {
    pub name: String,
    pub group_id: Uuid,
    #[serde(default)]
    #[ts(optional)]
    pub service_id: Option<Uuid>,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    #[ts(optional)]
    pub valid_to: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct OlaPatch {
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub group_id: Option<Uuid>,
    #[serde(default, deserialize_with = "nullable")]
    #[ts(optional)]
    pub service_id: Option<Option<Uuid>>,
    #[serde(default)]
    #[ts(optional)]
    pub calendar_id: Option<Uuid>,
    #[serde(default)]
    #[ts(optional)]
    pub targets: Option<Vec<PriorityTarget>>,
    #[serde(default)]
    #[ts(optional)]
    pub valid_from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "nullable")]
    #[ts(optional)]
    pub valid_to: Option<Option<NaiveDate>>,
}

/// An underpinning contract with a supplier for one service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Contract {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub supplier_id: Uuid,
    pub service_id: Uuid,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_to: Option<NaiveDate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Contract, RecordKind::Contract);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ContractDraft {
    pub name: String,
    pub supplier_id: Uuid,
    pub service_id: Uuid,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    #[ts(optional)]
    pub valid_to: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ContractPatch {
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub supplier_id: Option<Uuid>,
    #[serde(default)]
    #[ts(optional)]
    pub service_id: Option<Uuid>,
    #[serde(default)]
    #[ts(optional)]
    pub calendar_id: Option<Uuid>,
    #[serde(default)]
    #[ts(optional)]
    pub targets: Option<Vec<PriorityTarget>>,
    #[serde(default)]
    #[ts(optional)]
    pub valid_from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "nullable")]
    #[ts(optional)]
    pub valid_to: Option<Option<NaiveDate>>,
}

/// The checks both kinds share: a name, five targets, dates in order.
fn checked_name(
    name: &str,
    targets: &[PriorityTarget],
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<String, Invalid> {
    let name = text::required_line("name", name, text::NAME_MAX)?;
    check_targets(targets)?;
    check_dates(from, to, None)?;
    Ok(name)
}

/// OLAs and contracts differ only in who stands behind them (`group_id`, `supplier_id`) and
/// in whether a service is required; they are created and edited alike.
macro_rules! underpinning_agreement {
    ($type:ident, $draft:ty, $patch:ty, $party:ident) => {
        impl $type {
            pub fn create(draft: $draft, id: Uuid, key: String, now: Timestamp) -> Result<$type, Invalid> {
                Ok($type {
                    id,
                    key,
                    name: checked_name(&draft.name, &draft.targets, draft.valid_from, draft.valid_to)?,
                    $party: draft.$party,
                    service_id: draft.service_id,
                    calendar_id: draft.calendar_id,
                    targets: draft.targets,
                    valid_from: draft.valid_from,
                    valid_to: draft.valid_to,
                    created_at: now,
                    updated_at: now,
                    deleted_at: None,
                    version: 1,
                })
            }

            pub fn apply_patch(&mut self, patch: $patch) -> Result<(), Invalid> {
                let name = patch.name.unwrap_or(std::mem::take(&mut self.name));
                self.$party = patch.$party.unwrap_or(self.$party);
                self.service_id = patch.service_id.unwrap_or(self.service_id);
                self.calendar_id = patch.calendar_id.unwrap_or(self.calendar_id);
                self.targets = patch.targets.unwrap_or(std::mem::take(&mut self.targets));
                self.valid_from = patch.valid_from.unwrap_or(self.valid_from);
                self.valid_to = patch.valid_to.unwrap_or(self.valid_to);
                self.name = checked_name(&name, &self.targets, self.valid_from, self.valid_to)?;
                Ok(())
            }
        }
    };
}

underpinning_agreement!(Ola, OlaDraft, OlaPatch, group_id);
underpinning_agreement!(Contract, ContractDraft, ContractPatch, supplier_id);
