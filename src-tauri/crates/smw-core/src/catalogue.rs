//! The service catalogue: services, the customers they serve, and suppliers behind them
//! (ISO/IEC 20000-1 8.2.4). Service level agreements build on these records.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceStatus {
    Pipeline,
    Live,
    Retired,
}

impl ServiceStatus {
    pub const ALL: [ServiceStatus; 3] = [ServiceStatus::Pipeline, ServiceStatus::Live, ServiceStatus::Retired];

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceStatus::Pipeline => "pipeline",
            ServiceStatus::Live => "live",
            ServiceStatus::Retired => "retired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Service {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    pub status: ServiceStatus,
    pub owner_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub customer_ids: Vec<Uuid>,
    /// Services this one needs in order to work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub depends_on: Vec<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Service, RecordKind::Service);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ServiceDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub status: Option<ServiceStatus>,
    #[serde(default)]
    pub owner_id: Option<Uuid>,
    #[serde(default)]
    pub customer_ids: Vec<Uuid>,
    #[serde(default)]
    pub depends_on: Vec<Uuid>,
}

impl Service {
    pub fn create(draft: ServiceDraft, id: Uuid, key: String, now: Timestamp) -> Result<Service, Invalid> {
        if draft.depends_on.contains(&id) {
            return Err(Invalid::field(Code::SelfDependency, "depends_on", "A service cannot depend on itself."));
        }
        Ok(Service {
            id,
            key,
            name: text::required_line("name", &draft.name, text::NAME_MAX)?,
            description: text::markdown("description", &draft.description, text::MARKDOWN_MAX)?,
            status: draft.status.unwrap_or(ServiceStatus::Live),
            owner_id: draft.owner_id,
            customer_ids: draft.customer_ids,
            depends_on: draft.depends_on,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }
}

/// A customer organisation (internal department or external client).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Customer {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    /// Who to talk to there: names, roles, addresses, numbers, as the person writes them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub contacts: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Customer, RecordKind::Customer);

/// A supplier that underpins services through contracts.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Supplier {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    /// Who to talk to there: names, roles, addresses, numbers, as the person writes them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub contacts: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Supplier, RecordKind::Supplier);

/// What a customer or supplier is created with. For a supplier the description says what
/// it supplies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct PartyDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub contacts: Option<String>,
}

macro_rules! party_create {
    ($type:ident) => {
        impl $type {
            pub fn create(draft: PartyDraft, id: Uuid, key: String, now: Timestamp) -> Result<$type, Invalid> {
                let mut party = $type {
                    id,
                    key,
                    name: String::new(),
                    description: String::new(),
                    contacts: String::new(),
                    created_at: now,
                    updated_at: now,
                    deleted_at: None,
                    version: 1,
                };
                party.apply_patch(crate::catalogue_patch::PartyPatch {
                    name: Some(draft.name),
                    description: Some(draft.description),
                    contacts: draft.contacts,
                })?;
                Ok(party)
            }
        }
    };
}

party_create!(Customer);
party_create!(Supplier);
