//! The service catalogue: services, the customers they serve, and suppliers behind them
//! (ISO/IEC 20000-1 8.2.4). Service level agreements build on these records.

use crate::error::Invalid;
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Service {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    pub status: ServiceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Service, RecordKind::Service);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ServiceDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<ServiceStatus>,
    #[serde(default)]
    #[ts(optional)]
    pub owner_id: Option<Uuid>,
    #[serde(default)]
    pub customer_ids: Vec<Uuid>,
    #[serde(default)]
    pub depends_on: Vec<Uuid>,
}

impl Service {
    pub fn create(draft: ServiceDraft, id: Uuid, key: String, now: Timestamp) -> Result<Service, Invalid> {
        if draft.depends_on.contains(&id) {
            return Err(Invalid::field("self_dependency", "depends_on", "A service cannot depend on itself."));
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Customer {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Customer, RecordKind::Customer);

/// A supplier that underpins services through contracts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Supplier {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Supplier, RecordKind::Supplier);

/// Name and description: all a customer or supplier needs to be created.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PartyDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

impl PartyDraft {
    fn checked(self) -> Result<(String, String), Invalid> {
        Ok((
            text::required_line("name", &self.name, text::NAME_MAX)?,
            text::markdown("description", &self.description, text::MARKDOWN_MAX)?,
        ))
    }
}

impl Customer {
    pub fn create(draft: PartyDraft, id: Uuid, key: String, now: Timestamp) -> Result<Customer, Invalid> {
        let (name, description) = draft.checked()?;
        Ok(Customer { id, key, name, description, created_at: now, updated_at: now, deleted_at: None, version: 1 })
    }
}

impl Supplier {
    pub fn create(draft: PartyDraft, id: Uuid, key: String, now: Timestamp) -> Result<Supplier, Invalid> {
        let (name, description) = draft.checked()?;
        Ok(Supplier { id, key, name, description, created_at: now, updated_at: now, deleted_at: None, version: 1 })
    }
}
