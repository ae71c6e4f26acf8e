//! One CSV row of CIs turned into the domain's `CiFields`: names and keys resolved to ids,
//! words for values mapped, dates and numbers read. Every problem names its column.

use super::csv_rows::{problem, Row, Table};
use crate::error::StoreResult;
use crate::stored::list_live;
use rusqlite::Connection;
use smw_core::catalogue::{Service, Supplier};
use smw_core::cmdb::views::ImportProblem;
use smw_core::cmdb::{Asset, CiFields, CiStatus, Criticality};
use smw_core::directory::{Group, Person};
use smw_core::location::Location;
use smw_core::Timestamp;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Keys and names of the records a CSV row may name, read once per import.
pub(crate) struct Names {
    people: Lookup,
    groups: Lookup,
    suppliers: Lookup,
    locations: Lookup,
    pub(crate) services: Lookup,
}

/// Key → id and lower-cased name → ids (several when names are shared).
#[derive(Default)]
pub(crate) struct Lookup {
    noun: &'static str,
    by_key: HashMap<String, Uuid>,
    by_name: HashMap<String, Vec<Uuid>>,
}

impl Lookup {
    fn add(&mut self, key: &str, names: &[&str], id: Uuid) {
        self.by_key.insert(key.to_ascii_uppercase(), id);
        for name in names.iter().filter(|name| !name.is_empty()) {
            self.by_name.entry(name.trim().to_lowercase()).or_default().push(id);
        }
    }

    /// The id `text` names by key or name, or why not.
    pub(crate) fn find(&self, text: &str) -> Result<Uuid, String> {
        if let Some(id) = self.by_key.get(&text.trim().to_ascii_uppercase()) {
            return Ok(*id);
        }
        match self.by_name.get(&text.trim().to_lowercase()).map(Vec::as_slice) {
            Some([only]) => Ok(*only),
            Some([..]) => Err(format!("Several live {} records are called “{text}”; use the key.", self.noun)),
            None => Err(format!("No live {} has the key or name “{text}”.", self.noun)),
        }
    }
}

impl Names {
    pub(crate) fn load(conn: &Connection) -> StoreResult<Names> {
        let mut names = Names {
            people: Lookup { noun: "person", ..Default::default() },
            groups: Lookup { noun: "group", ..Default::default() },
            suppliers: Lookup { noun: "supplier", ..Default::default() },
            locations: Lookup { noun: "location", ..Default::default() },
            services: Lookup { noun: "service", ..Default::default() },
        };
        for p in list_live::<Person>(conn)? {
            names.people.add(&p.key, &[&p.name, &p.email], p.id);
        }
        for g in list_live::<Group>(conn)? {
            names.groups.add(&g.key, &[&g.name], g.id);
        }
        for s in list_live::<Supplier>(conn)? {
            names.suppliers.add(&s.key, &[&s.name], s.id);
        }
        for l in list_live::<Location>(conn)? {
            names.locations.add(&l.key, &[&l.name], l.id);
        }
        for s in list_live::<Service>(conn)? {
            names.services.add(&s.key, &[&s.name], s.id);
        }
        Ok(names)
    }
}

/// Reads the mapped fields of `row` into `CiFields` on top of `asset` and `attributes` (the
/// matched CI's, for an update). Only columns the file has are set; an empty cell clears.
pub(crate) fn ci_fields(
    table: &Table,
    row: &Row,
    names: &Names,
    values: &BTreeMap<String, BTreeMap<String, String>>,
    mut asset: Asset,
    mut attributes: BTreeMap<String, String>,
    problems: &mut Vec<ImportProblem>,
) -> CiFields {
    let mut fields = CiFields::default();
    let mut bad = |field: &str, message: String| problems.push(problem("cis", row.line, table.column(field), message));
    let mut has_asset = false;
    let mut has_attributes = false;
    for (field, raw) in &row.values {
        let value = values.get(field).and_then(|words| words.get(raw)).cloned().unwrap_or_else(|| raw.clone());
        let value = value.trim();
        let empty = value.is_empty();
        let reference = |lookup: &Lookup| if empty { Ok(None) } else { lookup.find(value).map(Some) };
        match field.as_str() {
            "key" => {}
            "name" => fields.name = Some(value.into()),
            "class" => fields.class = Some(value.into()),
            "description" => fields.description = Some(value.into()),
            "serial" => fields.serial_number = Some(value.into()),
            "asset_tag" => fields.asset_tag = Some(value.into()),
            "status" if !empty => match CiStatus::parse(value) {
                Some(status) => fields.status = Some(status),
                None => bad(field, format!("“{value}” is not a status (one of: {}).", CiStatus::choices())),
            },
            "criticality" if !empty => match Criticality::parse(value) {
                Some(level) => fields.criticality = Some(level),
                None => bad(field, format!("“{value}” is not a criticality (one of: {}).", Criticality::choices())),
            },
            "status" | "criticality" => {}
            "owner" | "verified_by" | "group" | "supplier" | "location" => {
                let lookup = match field.as_str() {
                    "group" => &names.groups,
                    "supplier" => &names.suppliers,
                    "location" => &names.locations,
                    _ => &names.people,
                };
                match reference(lookup) {
                    Ok(id) => match field.as_str() {
                        "owner" => fields.owner_id = Some(id),
                        "verified_by" => fields.verified_by = Some(id),
                        "group" => fields.group_id = Some(id),
                        "supplier" => fields.supplier_id = Some(id),
                        _ => fields.location_id = Some(id),
                    },
                    Err(message) => bad(field, message),
                }
            }
            "services" => {
                let mut ids = Vec::new();
                for name in value.split([';', '|']).map(str::trim).filter(|n| !n.is_empty()) {
                    match names.services.find(name) {
                        Ok(id) => ids.push(id),
                        Err(message) => bad(field, message),
                    }
                }
                fields.service_ids = Some(ids);
            }
            "verified_at" => match instant(value) {
                Ok(at) => fields.verified_at = Some(at),
                Err(message) => bad(field, message),
            },
            "cost" => {
                has_asset = true;
                match number::<f64>(value) {
                    Ok(cost) => asset.cost = cost,
                    Err(()) => bad(field, format!("“{value}” is not an amount such as 1200 or 99.50.")),
                }
            }
            "seats" | "seats_used" => {
                has_asset = true;
                match number::<i64>(value) {
                    Ok(n) if field == "seats" => asset.seats = n,
                    Ok(n) => asset.seats_used = n,
                    Err(()) => bad(field, format!("“{value}” is not a whole number of seats.")),
                }
            }
            "purchased_on" | "warranty_until" | "disposed_on" => {
                has_asset = true;
                match date(value) {
                    Ok(day) if field == "purchased_on" => asset.purchased_on = day,
                    Ok(day) if field == "warranty_until" => asset.warranty_until = day,
                    Ok(day) => asset.disposed_on = day,
                    Err(message) => bad(field, message),
                }
            }
            "disposal_method" => {
                has_asset = true;
                asset.disposal_method = (!empty).then(|| value.to_string());
            }
            other => match other.strip_prefix("attributes.") {
                Some(name) => {
                    has_attributes = true;
                    attributes.insert(name.to_string(), value.to_string());
                }
                None => bad(field, format!("{other} is not a CI field.")),
            },
        }
    }
    if has_asset {
        fields.asset = Some(asset);
    }
    if has_attributes {
        fields.attributes = Some(attributes);
    }
    fields
}

fn number<T: std::str::FromStr>(value: &str) -> Result<Option<T>, ()> {
    if value.is_empty() {
        return Ok(None);
    }
    value.replace([' ', '_'], "").parse().map(Some).map_err(|_| ())
}

fn date(value: &str) -> Result<Option<chrono::NaiveDate>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("“{value}” is not a date written 2026-06-30."))
}

fn instant(value: &str) -> Result<Option<Timestamp>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if let Ok(at) = Timestamp::parse(value) {
        return Ok(Some(at));
    }
    match date(value)? {
        Some(day) => Ok(Timestamp::parse(&format!("{day}T00:00:00Z")).ok()),
        None => Ok(None),
    }
}

/// The CSV field a domain refusal's field comes from (`asset.cost` → `cost`).
pub(crate) fn csv_field(domain_field: &str) -> String {
    let base = domain_field.split('[').next().unwrap_or(domain_field);
    match base {
        "serial_number" => "serial".into(),
        "owner_id" => "owner".into(),
        "group_id" => "group".into(),
        "supplier_id" => "supplier".into(),
        "location_id" => "location".into(),
        "service_ids" => "services".into(),
        other => other.strip_prefix("asset.").unwrap_or(other).to_string(),
    }
}
