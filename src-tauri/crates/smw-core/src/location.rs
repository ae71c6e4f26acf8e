//! Locations: the sites where people work and services run, with the time zone their local
//! hours are kept in.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Location {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    /// Postal address, several lines allowed.
    pub address: String,
    /// An IANA time zone name (`Europe/Berlin`), or empty when not known.
    pub time_zone: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Location, RecordKind::Location);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LocationDraft {
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub time_zone: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct LocationPatch {
    pub name: Option<String>,
    pub address: Option<String>,
    pub time_zone: Option<String>,
}

impl Location {
    pub fn create(draft: LocationDraft, id: Uuid, key: String, now: Timestamp) -> Result<Location, Invalid> {
        let mut location = Location {
            id,
            key,
            name: String::new(),
            address: String::new(),
            time_zone: String::new(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        location.apply_patch(LocationPatch {
            name: Some(draft.name),
            address: Some(draft.address),
            time_zone: Some(draft.time_zone),
        })?;
        Ok(location)
    }

    pub fn apply_patch(&mut self, patch: LocationPatch) -> Result<(), Invalid> {
        if let Some(name) = patch.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        if let Some(address) = patch.address {
            self.address = text::markdown("address", address.trim(), 1_000)?;
        }
        if let Some(zone) = patch.time_zone {
            self.time_zone = checked_zone(&zone)?;
        }
        Ok(())
    }
}

/// An IANA zone name as the zone database spells it, or empty.
fn checked_zone(zone: &str) -> Result<String, Invalid> {
    let zone = zone.trim();
    if zone.is_empty() {
        return Ok(String::new());
    }
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => Ok(tz.name().to_string()),
        Err(_) => Err(Invalid::field(
            Code::BadTimeZone,
            "time_zone",
            format!("“{zone}” is not a time zone name such as Europe/Berlin or America/New_York."),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(zone: &str) -> LocationDraft {
        LocationDraft { name: "Head office".into(), address: "1 High Street\nLeeds".into(), time_zone: zone.into() }
    }

    #[test]
    fn zones_are_iana_names_or_nothing() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let office = Location::create(draft("Europe/London"), Uuid::nil(), "LOC-000001".into(), now).unwrap();
        assert_eq!(office.time_zone, "Europe/London");
        assert_eq!(Location::create(draft(""), Uuid::nil(), "LOC-1".into(), now).unwrap().time_zone, "");
        let err = Location::create(draft("Mars/Olympus"), Uuid::nil(), "LOC-1".into(), now).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::BadTimeZone, Some("time_zone")));
    }
}
