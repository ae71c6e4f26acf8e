//! Configuration items and the asset data some of them carry.
//!
//! Field order is the order the audit chain hashes; every field a later version adds
//! (security classification, capacity thresholds, recovery time objective, change control)
//! goes in as an optional field left out when empty, so the digests of CIs written before
//! still hold, as `asset` and `attributes` are left out here when empty.

use super::class::ClassDef;
use super::named_values;
use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::{nullable, without_repeats};
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

named_values!(
    /// Where a CI is in its life.
    CiStatus {
        Planned = "planned" / "Planned",
        InBuild = "in_build" / "In build",
        Live = "live" / "Live",
        Maintenance = "maintenance" / "Maintenance",
        Retired = "retired" / "Retired",
    }
);

named_values!(
    /// How much the organisation suffers when the CI fails.
    Criticality {
        Low = "low" / "Low",
        Medium = "medium" / "Medium",
        High = "high" / "High",
        Critical = "critical" / "Critical",
    }
);

/// What an asset cost and how it is owned. Every field is optional; an empty `Asset` is left
/// out of the CI's JSON (and so of its digest).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct Asset {
    /// What it cost, in the workspace's currency.
    pub cost: Option<f64>,
    pub purchased_on: Option<NaiveDate>,
    pub warranty_until: Option<NaiveDate>,
    /// Licence seats bought.
    pub seats: Option<i64>,
    /// Licence seats in use: more than bought is allowed (it happens) and flagged.
    pub seats_used: Option<i64>,
    pub disposed_on: Option<NaiveDate>,
    pub disposal_method: Option<String>,
}

impl Asset {
    pub fn is_empty(&self) -> bool {
        *self == Asset::default()
    }

    /// More licence seats in use than bought.
    pub fn over_used(&self) -> bool {
        matches!((self.seats, self.seats_used), (Some(bought), Some(used)) if used > bought)
    }

    fn checked(mut self) -> Result<Asset, Invalid> {
        if let Some(cost) = self.cost {
            if !cost.is_finite() || cost < 0.0 {
                return Err(Invalid::field(Code::OutOfRange, "asset.cost", "The cost must be zero or more."));
            }
        }
        for (field, seats) in [("asset.seats", self.seats), ("asset.seats_used", self.seats_used)] {
            if seats.is_some_and(|n| n < 0) {
                return Err(Invalid::field(Code::OutOfRange, field, "A number of seats cannot be negative."));
            }
        }
        let purchased = self.purchased_on;
        for (field, date) in [("asset.warranty_until", self.warranty_until), ("asset.disposed_on", self.disposed_on)] {
            if let (Some(purchased), Some(date)) = (purchased, date) {
                if date < purchased {
                    return Err(Invalid::field(
                        Code::EndsBeforeStart,
                        field,
                        format!("The {} ({date}) is before the purchase date ({purchased}).", text::label(&field[6..])),
                    ));
                }
            }
        }
        self.disposal_method = match self.disposal_method.take() {
            Some(method) => text::optional_line("asset.disposal_method", &method, text::NAME_MAX)?,
            None => None,
        };
        Ok(self)
    }
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Ci {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    /// A shipped class's slug (`server`) or a defined class's key (`CLS-000002`).
    pub class: String,
    pub status: CiStatus,
    pub criticality: Criticality,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub description: String,
    pub owner_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub supplier_id: Option<Uuid>,
    pub location_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub serial_number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub asset_tag: String,
    /// When someone last checked the CI against reality, and who.
    pub verified_at: Option<Timestamp>,
    pub verified_by: Option<Uuid>,
    /// The catalogue services this CI supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub service_ids: Vec<Uuid>,
    /// The values of its class's attributes, by attribute name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<BTreeMap<String, String>>", optional)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Asset::is_empty")]
    #[ts(as = "Option<Asset>", optional)]
    pub asset: Asset,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Ci, RecordKind::Ci);

/// What a create sets (name and class required) or an edit changes (a field left out stays;
/// `null` clears a reference; lists and maps given replace the old ones whole).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(default)]
pub struct CiFields {
    #[ts(optional)]
    pub name: Option<String>,
    /// A shipped class's slug or name, or a defined class's key or name.
    #[ts(optional)]
    pub class: Option<String>,
    #[ts(optional)]
    pub status: Option<CiStatus>,
    #[ts(optional)]
    pub criticality: Option<Criticality>,
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(deserialize_with = "nullable")]
    #[ts(optional, as = "Option<Option<Uuid>>")]
    pub owner_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    #[ts(optional, as = "Option<Option<Uuid>>")]
    pub group_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    #[ts(optional, as = "Option<Option<Uuid>>")]
    pub supplier_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    #[ts(optional, as = "Option<Option<Uuid>>")]
    pub location_id: Option<Option<Uuid>>,
    #[ts(optional)]
    pub serial_number: Option<String>,
    #[ts(optional)]
    pub asset_tag: Option<String>,
    #[serde(deserialize_with = "nullable")]
    #[ts(optional, as = "Option<Option<Timestamp>>")]
    pub verified_at: Option<Option<Timestamp>>,
    #[serde(deserialize_with = "nullable")]
    #[ts(optional, as = "Option<Option<Uuid>>")]
    pub verified_by: Option<Option<Uuid>>,
    #[ts(optional)]
    pub service_ids: Option<Vec<Uuid>>,
    #[ts(optional)]
    pub attributes: Option<BTreeMap<String, String>>,
    #[ts(optional)]
    pub asset: Option<Asset>,
}

impl Ci {
    /// A new CI of `class` (which the store resolved from `fields.class`).
    pub fn create(fields: CiFields, class: &ClassDef, id: Uuid, key: String, now: Timestamp) -> Result<Ci, Invalid> {
        if fields.name.as_deref().is_none_or(|name| name.trim().is_empty()) {
            return Err(Invalid::field(Code::Required, "name", "Fill in the name."));
        }
        let mut ci = Ci {
            id,
            key,
            name: String::new(),
            class: class.id.clone(),
            status: CiStatus::Live,
            criticality: Criticality::Medium,
            description: String::new(),
            owner_id: None,
            group_id: None,
            supplier_id: None,
            location_id: None,
            serial_number: String::new(),
            asset_tag: String::new(),
            verified_at: None,
            verified_by: None,
            service_ids: Vec::new(),
            attributes: BTreeMap::new(),
            asset: Asset::default(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        ci.apply(fields, class)?;
        Ok(ci)
    }

    /// Applies an edit. `class` is the CI's class after the edit (the store resolved it from
    /// `fields.class`, or it is the current one); the attributes are checked against it
    /// whether or not they changed, so a class edit cannot leave a CI quietly invalid.
    pub fn apply(&mut self, fields: CiFields, class: &ClassDef) -> Result<(), Invalid> {
        if let Some(name) = fields.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        self.class = class.id.clone();
        if let Some(status) = fields.status {
            self.status = status;
        }
        if let Some(criticality) = fields.criticality {
            self.criticality = criticality;
        }
        if let Some(description) = fields.description {
            self.description = text::markdown("description", description.trim(), text::MARKDOWN_MAX)?;
        }
        set(&mut self.owner_id, fields.owner_id);
        set(&mut self.group_id, fields.group_id);
        set(&mut self.supplier_id, fields.supplier_id);
        set(&mut self.location_id, fields.location_id);
        set(&mut self.verified_at, fields.verified_at);
        set(&mut self.verified_by, fields.verified_by);
        if let Some(serial) = fields.serial_number {
            self.serial_number = text::optional_line("serial_number", &serial, 100)?.unwrap_or_default();
        }
        if let Some(tag) = fields.asset_tag {
            self.asset_tag = text::optional_line("asset_tag", &tag, 100)?.unwrap_or_default();
        }
        if let Some(services) = fields.service_ids {
            self.service_ids = without_repeats(services);
        }
        let attributes = fields.attributes.unwrap_or_else(|| std::mem::take(&mut self.attributes));
        self.attributes = class.check_attributes(attributes)?;
        if let Some(asset) = fields.asset {
            self.asset = asset.checked()?;
        }
        Ok(())
    }
}

fn set<T>(slot: &mut Option<T>, change: Option<Option<T>>) {
    if let Some(value) = change {
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-05-04T09:00:00Z").unwrap()
    }

    fn server() -> ClassDef {
        ClassDef::builtin("server").unwrap()
    }

    #[test]
    fn a_ci_needs_a_name_and_takes_its_class_id() {
        let err = Ci::create(CiFields::default(), &server(), Uuid::nil(), "CI-000001".into(), now()).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::Required, Some("name")));
        let fields =
            CiFields { name: Some(" db01 ".into()), serial_number: Some(" SN1 ".into()), ..Default::default() };
        let ci = Ci::create(fields, &server(), Uuid::nil(), "CI-000001".into(), now()).unwrap();
        assert_eq!((ci.name.as_str(), ci.class.as_str(), ci.serial_number.as_str()), ("db01", "server", "SN1"));
        assert_eq!((ci.status, ci.criticality), (CiStatus::Live, Criticality::Medium));
    }

    #[test]
    fn an_empty_asset_and_attributes_stay_out_of_the_json() {
        let fields = CiFields { name: Some("db01".into()), ..Default::default() };
        let ci = Ci::create(fields, &server(), Uuid::nil(), "CI-000001".into(), now()).unwrap();
        let json = serde_json::to_value(&ci).unwrap();
        for absent in ["asset", "attributes", "service_ids", "serial_number", "owner_id"] {
            assert!(json.get(absent).is_none(), "{absent} in {json}");
        }
        let back: Ci = serde_json::from_value(json).unwrap();
        assert_eq!(back, ci);
    }

    #[test]
    fn asset_data_is_checked_and_over_use_flagged() {
        let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        let bad = Asset { purchased_on: date("2026-01-10"), warranty_until: date("2025-01-10"), ..Default::default() };
        let fields = CiFields { name: Some("Office".into()), asset: Some(bad), ..Default::default() };
        let err = Ci::create(fields, &server(), Uuid::nil(), "CI-1".into(), now()).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::EndsBeforeStart, Some("asset.warranty_until")));
        let negative = Asset { cost: Some(-1.0), ..Default::default() };
        let fields = CiFields { name: Some("Office".into()), asset: Some(negative), ..Default::default() };
        assert_eq!(
            Ci::create(fields, &server(), Uuid::nil(), "CI-1".into(), now()).unwrap_err().field.as_deref(),
            Some("asset.cost")
        );
        assert!(Asset { seats: Some(10), seats_used: Some(11), ..Default::default() }.over_used());
        assert!(!Asset { seats: Some(10), seats_used: Some(10), ..Default::default() }.over_used());
        assert!(!Asset { seats_used: Some(10), ..Default::default() }.over_used());
    }

    #[test]
    fn an_edit_rechecks_attributes_against_the_class() {
        let fields = CiFields { name: Some("db01".into()), ..Default::default() };
        let mut ci = Ci::create(fields, &server(), Uuid::nil(), "CI-1".into(), now()).unwrap();
        let attributes = Some(BTreeMap::from([("ram".to_string(), "8".to_string())]));
        let err = ci.apply(CiFields { attributes, ..Default::default() }, &server()).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("attributes.ram"));
        ci.apply(CiFields { owner_id: Some(Some(Uuid::max())), ..Default::default() }, &server()).unwrap();
        ci.apply(CiFields { owner_id: Some(None), ..Default::default() }, &server()).unwrap();
        assert_eq!(ci.owner_id, None);
    }

    #[test]
    fn statuses_parse_from_wire_names_and_labels() {
        assert_eq!(CiStatus::parse("in build"), Some(CiStatus::InBuild));
        assert_eq!(CiStatus::parse("in_build"), Some(CiStatus::InBuild));
        assert_eq!(Criticality::parse("CRITICAL"), Some(Criticality::Critical));
        assert_eq!(CiStatus::parse("broken"), None);
    }
}
