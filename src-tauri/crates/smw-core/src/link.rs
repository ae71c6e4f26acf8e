//! Links between records: related, caused by, duplicate of.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LinkKind {
    Related,
    CausedBy,
    DuplicateOf,
}

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [LinkKind::Related, LinkKind::CausedBy, LinkKind::DuplicateOf];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Related => "related",
            LinkKind::CausedBy => "caused_by",
            LinkKind::DuplicateOf => "duplicate_of",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Link {
    pub id: Uuid,
    pub key: String,
    pub from_id: Uuid,
    pub to_id: Uuid,
    pub kind: LinkKind,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Link, RecordKind::Link);

impl Link {
    pub fn create(
        from_id: Uuid,
        to_id: Uuid,
        kind: LinkKind,
        id: Uuid,
        key: String,
        now: Timestamp,
    ) -> Result<Link, Invalid> {
        if from_id == to_id {
            return Err(Invalid::field(Code::SelfLink, "to_id", "A record cannot be linked to itself."));
        }
        Ok(Link { id, key, from_id, to_id, kind, created_at: now, updated_at: now, deleted_at: None, version: 1 })
    }
}
