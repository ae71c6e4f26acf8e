//! Export of the live estate: the CIs and relationships as records (for JSON), and as two CSV
//! files whose columns carry the import's field names (csv_rows.rs) with every reference
//! written as a key, so an export imported back into the same workspace finds every CI and
//! relationship unchanged, and into another one maps without a mapping file.

use crate::error::StoreResult;
use crate::stored::{list_all, list_live};
use crate::workspace::Workspace;
use rusqlite::Connection;
use serde::Serialize;
use smw_core::catalogue::{Service, Supplier};
use smw_core::cmdb::{Ci, Relationship};
use smw_core::directory::{Group, Person};
use smw_core::location::Location;
use smw_core::Record;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use uuid::Uuid;

/// The live CIs and relationships, in the order they were created.
#[derive(Clone, Debug, Serialize)]
pub struct CmdbExport {
    pub cis: Vec<Ci>,
    pub relationships: Vec<Relationship>,
}

/// What a CSV export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CsvExportCounts {
    pub cis: u64,
    pub relationships: u64,
    /// Live relationships with a retired end: an import could not name that end, so they are
    /// left out (the data-quality view lists them).
    pub relationships_left_out: u64,
}

/// The CI columns before the attribute columns, named as the import reads them.
const CI_COLUMNS: [&str; 22] = [
    "key",
    "name",
    "class",
    "status",
    "criticality",
    "description",
    "owner",
    "group",
    "supplier",
    "location",
    "serial",
    "asset_tag",
    "services",
    "verified_at",
    "verified_by",
    "cost",
    "purchased_on",
    "warranty_until",
    "seats",
    "seats_used",
    "disposed_on",
    "disposal_method",
];

impl Workspace {
    pub fn cmdb_export(&self) -> StoreResult<CmdbExport> {
        let conn = self.reader();
        Ok(CmdbExport { cis: list_live::<Ci>(&conn)?, relationships: list_live::<Relationship>(&conn)? })
    }

    /// Writes the live CIs to `cis` and the live relationships between live ends to
    /// `relations`, as CSV (UTF-8, comma, a header line).
    pub fn cmdb_export_csv(&self, cis: &mut dyn Write, relations: &mut dyn Write) -> StoreResult<CsvExportCounts> {
        let export = self.cmdb_export()?;
        let keys = Keys::load(&self.reader())?;
        let mut counts = CsvExportCounts::default();
        let attributes: BTreeSet<&str> =
            export.cis.iter().flat_map(|ci| ci.attributes.keys().map(String::as_str)).collect();
        let mut out = csv::Writer::from_writer(cis);
        let header = CI_COLUMNS.iter().map(|c| c.to_string()).chain(attributes.iter().map(|a| format!("attr.{a}")));
        out.write_record(header).map_err(csv_error)?;
        for ci in &export.cis {
            let mut row = ci_row(ci, &keys);
            row.extend(attributes.iter().map(|name| ci.attributes.get(*name).cloned().unwrap_or_default()));
            out.write_record(&row).map_err(csv_error)?;
            counts.cis += 1;
        }
        out.flush()?;
        let live: HashSet<Uuid> = export.cis.iter().map(|ci| ci.id).chain(keys.live_services.iter().copied()).collect();
        let mut out = csv::Writer::from_writer(relations);
        out.write_record(["source", "type", "target", "note"]).map_err(csv_error)?;
        for relationship in &export.relationships {
            if !live.contains(&relationship.source_id) || !live.contains(&relationship.target_id) {
                counts.relationships_left_out += 1;
                continue;
            }
            let row = [
                keys.of(relationship.source_id),
                relationship.relation.clone(),
                keys.of(relationship.target_id),
                relationship.note.clone(),
            ];
            out.write_record(&row).map_err(csv_error)?;
            counts.relationships += 1;
        }
        out.flush()?;
        Ok(counts)
    }
}

fn ci_row(ci: &Ci, keys: &Keys) -> Vec<String> {
    let reference = |id: Option<Uuid>| id.map(|id| keys.of(id)).unwrap_or_default();
    let text = |value: Option<String>| value.unwrap_or_default();
    let asset = &ci.asset;
    vec![
        ci.key.clone(),
        ci.name.clone(),
        ci.class.clone(),
        ci.status.as_str().into(),
        ci.criticality.as_str().into(),
        ci.description.clone(),
        reference(ci.owner_id),
        reference(ci.group_id),
        reference(ci.supplier_id),
        reference(ci.location_id),
        ci.serial_number.clone(),
        ci.asset_tag.clone(),
        ci.service_ids.iter().map(|id| keys.of(*id)).collect::<Vec<_>>().join(";"),
        text(ci.verified_at.map(|at| at.to_string())),
        reference(ci.verified_by),
        // `{}` of an f64 is the shortest text that reads back as the same number.
        text(asset.cost.map(|cost| cost.to_string())),
        text(asset.purchased_on.map(|day| day.to_string())),
        text(asset.warranty_until.map(|day| day.to_string())),
        text(asset.seats.map(|n| n.to_string())),
        text(asset.seats_used.map(|n| n.to_string())),
        text(asset.disposed_on.map(|day| day.to_string())),
        text(asset.disposal_method.clone()),
    ]
}

/// The key of every record a CI or relationship may name, retired ones included (a CI may
/// still name a retired owner; the import then says so, which is what a person must fix).
struct Keys {
    by_id: HashMap<Uuid, String>,
    live_services: Vec<Uuid>,
}

impl Keys {
    fn load(conn: &Connection) -> StoreResult<Keys> {
        let mut by_id = HashMap::new();
        fn add<R: Record>(by_id: &mut HashMap<Uuid, String>, records: Vec<R>) {
            by_id.extend(records.iter().map(|r| (r.id(), r.key().to_string())));
        }
        add(&mut by_id, list_all::<Person>(conn)?);
        add(&mut by_id, list_all::<Group>(conn)?);
        add(&mut by_id, list_all::<Supplier>(conn)?);
        add(&mut by_id, list_all::<Location>(conn)?);
        let services = list_all::<Service>(conn)?;
        let live_services = services.iter().filter(|s| s.deleted_at().is_none()).map(|s| s.id).collect();
        add(&mut by_id, services);
        add(&mut by_id, list_all::<Ci>(conn)?);
        Ok(Keys { by_id, live_services })
    }

    fn of(&self, id: Uuid) -> String {
        self.by_id.get(&id).cloned().unwrap_or_else(|| id.to_string())
    }
}

fn csv_error(error: csv::Error) -> crate::error::StoreError {
    std::io::Error::other(error.to_string()).into()
}
