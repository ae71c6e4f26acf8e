//! Identity: a UUIDv7 for machines, a human key (`INC-000042`) for people.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Every family of record the workspace keeps. The audit log names records by kind and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RecordKind {
    Incident,
    Request,
    Problem,
    Comment,
    Link,
    Person,
    Group,
    Service,
    Customer,
    Supplier,
    Location,
    Calendar,
    Sla,
    Ola,
    Contract,
    Setting,
    Ci,
    CiClass,
    RelationType,
    Relationship,
    Change,
    Release,
    ChangeWindow,
}

impl RecordKind {
    pub const ALL: [RecordKind; 23] = [
        RecordKind::Incident,
        RecordKind::Request,
        RecordKind::Problem,
        RecordKind::Comment,
        RecordKind::Link,
        RecordKind::Person,
        RecordKind::Group,
        RecordKind::Service,
        RecordKind::Customer,
        RecordKind::Supplier,
        RecordKind::Location,
        RecordKind::Calendar,
        RecordKind::Sla,
        RecordKind::Ola,
        RecordKind::Contract,
        RecordKind::Setting,
        RecordKind::Ci,
        RecordKind::CiClass,
        RecordKind::RelationType,
        RecordKind::Relationship,
        RecordKind::Change,
        RecordKind::Release,
        RecordKind::ChangeWindow,
    ];

    /// The prefix of this kind's human keys.
    pub fn key_prefix(self) -> &'static str {
        match self {
            RecordKind::Incident => "INC",
            RecordKind::Request => "REQ",
            RecordKind::Problem => "PRB",
            RecordKind::Comment => "CMT",
            RecordKind::Link => "LNK",
            RecordKind::Person => "PER",
            RecordKind::Group => "GRP",
            RecordKind::Service => "SVC",
            RecordKind::Customer => "CUS",
            RecordKind::Supplier => "SUP",
            RecordKind::Location => "LOC",
            RecordKind::Calendar => "CAL",
            RecordKind::Sla => "SLA",
            RecordKind::Ola => "OLA",
            RecordKind::Contract => "UC",
            RecordKind::Setting => "SET",
            RecordKind::Ci => "CI",
            RecordKind::CiClass => "CLS",
            RecordKind::RelationType => "RLT",
            RecordKind::Relationship => "REL",
            RecordKind::Change => "CHG",
            // REL is the CMDB's relationships; releases read RLS.
            RecordKind::Release => "RLS",
            RecordKind::ChangeWindow => "WIN",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Incident => "incident",
            RecordKind::Request => "request",
            RecordKind::Problem => "problem",
            RecordKind::Comment => "comment",
            RecordKind::Link => "link",
            RecordKind::Person => "person",
            RecordKind::Group => "group",
            RecordKind::Service => "service",
            RecordKind::Customer => "customer",
            RecordKind::Supplier => "supplier",
            RecordKind::Location => "location",
            RecordKind::Calendar => "calendar",
            RecordKind::Sla => "sla",
            RecordKind::Ola => "ola",
            RecordKind::Contract => "contract",
            RecordKind::Setting => "setting",
            RecordKind::Ci => "ci",
            RecordKind::CiClass => "ci_class",
            RecordKind::RelationType => "relation_type",
            RecordKind::Relationship => "relationship",
            RecordKind::Change => "change",
            RecordKind::Release => "release",
            RecordKind::ChangeWindow => "change_window",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A human key such as `INC-000042`: the kind's prefix and a per-kind sequence number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HumanKey {
    pub kind: RecordKind,
    pub number: u64,
}

impl HumanKey {
    pub fn parse(text: &str) -> Option<Self> {
        let (prefix, digits) = text.trim().split_once('-')?;
        let prefix = prefix.to_ascii_uppercase();
        let kind = RecordKind::ALL.into_iter().find(|kind| kind.key_prefix() == prefix)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(HumanKey { kind, number: digits.parse().ok()? })
    }
}

impl fmt::Display for HumanKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:06}", self.kind.key_prefix(), self.number)
    }
}

/// A new UUIDv7 whose time part is `now` (the random part keeps ids unique within a millisecond).
pub fn new_id(now: Timestamp) -> Uuid {
    let millis = now.millis().max(0) as u64;
    let ts = uuid::Timestamp::from_unix(uuid::NoContext, millis / 1000, ((millis % 1000) * 1_000_000) as u32);
    Uuid::new_v7(ts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_format_and_parse() {
        let key = HumanKey { kind: RecordKind::Incident, number: 42 };
        assert_eq!(key.to_string(), "INC-000042");
        assert_eq!(HumanKey::parse("inc-000042"), Some(key));
        assert_eq!(HumanKey::parse("UC-1234567").unwrap().number, 1_234_567);
        assert_eq!(HumanKey::parse("XYZ-1"), None);
        assert_eq!(HumanKey::parse("INC-12a"), None);
    }

    #[test]
    fn ids_are_version_7_and_ordered_by_time() {
        let early = new_id(Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
        let late = new_id(Timestamp::parse("2026-01-01T00:00:01Z").unwrap());
        assert_eq!(early.get_version_num(), 7);
        assert!(early < late);
    }
}
