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
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Ola {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub group_id: Uuid,
    pub service_id: Option<Uuid>,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Ola, RecordKind::Ola);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct OlaDraft {
    pub name: String,
    pub group_id: Uuid,
    #[serde(default)]
    pub service_id: Option<Uuid>,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct OlaPatch {
    pub name: Option<String>,
    pub group_id: Option<Uuid>,
    #[serde(deserialize_with = "nullable")]
    pub service_id: Option<Option<Uuid>>,
    pub calendar_id: Option<Uuid>,
    pub targets: Option<Vec<PriorityTarget>>,
    pub valid_from: Option<NaiveDate>,
    #[serde(deserialize_with = "nullable")]
    pub valid_to: Option<Option<NaiveDate>>,
}

/// An underpinning contract with a supplier for one service.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Contract {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub supplier_id: Uuid,
    pub service_id: Uuid,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Contract, RecordKind::Contract);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ContractDraft {
    pub name: String,
    pub supplier_id: Uuid,
    pub service_id: Uuid,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ContractPatch {
    pub name: Option<String>,
    pub supplier_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub calendar_id: Option<Uuid>,
    pub targets: Option<Vec<PriorityTarget>>,
    pub valid_from: Option<NaiveDate>,
    #[serde(deserialize_with = "nullable")]
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
