//! Configuration items: table mapping, creation, edits and retirement, and the list with
//! its facets.

use super::classes::Classes;
use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{require_key, require_ref, select_sql, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use smw_core::catalogue::{Service, Supplier};
use smw_core::cmdb::views::{CiFilter, CiPage};
use smw_core::cmdb::{Ci, CiFields, CiStatus, ClassDef, Criticality};
use smw_core::directory::{Group, Person};
use smw_core::location::Location;
use smw_core::{Code, Invalid, RecordKind, Timestamp};

stored_record! {
    Ci => table "cis", noun "CI",
    columns {
        id: uuid,
        key: text,
        name: text,
        class: text,
        status: enum(CiStatus),
        criticality: enum(Criticality),
        description: text,
        owner_id: opt_uuid,
        group_id: opt_uuid,
        supplier_id: opt_uuid,
        location_id: opt_uuid,
        serial_number: text,
        asset_tag: text,
        verified_at: opt_ts,
        verified_by: opt_uuid,
        service_ids: uuid_list,
        attributes: json,
        asset: json,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

impl Workspace {
    pub fn ci_create(&self, actor: &Actor, now: Timestamp, fields: CiFields) -> StoreResult<Ci> {
        self.write(actor, now, |w| create(w, fields))
    }

    /// Edits a CI; refused when `expected_version` is given and the CI moved on since.
    pub fn ci_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        fields: CiFields,
        expected_version: Option<i64>,
    ) -> StoreResult<Ci> {
        self.write(actor, now, |w| update(w, key, fields, expected_version))
    }

    /// Retires a CI: its status becomes retired and it leaves the lists; its relationships
    /// stay (the data-quality view lists those still live) and its history stays.
    pub fn ci_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Ci> {
        self.write(actor, now, |w| {
            let ci: Ci = require_key(w.conn(), key)?;
            w.retire(&ci, |ci| ci.status = CiStatus::Retired)
        })
    }

    /// One page of CIs matching `filter`, in key order, and how many match in all.
    pub fn cis_list(&self, filter: &CiFilter, offset: usize, limit: usize) -> StoreResult<CiPage> {
        let conn = self.reader();
        let (clause, values) = filter_clause(filter);
        let total: i64 = conn
            .prepare_cached(&format!("SELECT count(*) FROM cis WHERE {clause}"))?
            .query_row(rusqlite::params_from_iter(values.iter()), |row| row.get(0))?;
        let sql = format!("{} WHERE {clause} ORDER BY seq LIMIT {} OFFSET {}", select_sql::<Ci>(), limit, offset);
        let mut stmt = conn.prepare_cached(&sql)?;
        let items = stmt.query_map(rusqlite::params_from_iter(values.iter()), Ci::from_row)?;
        Ok(CiPage { items: items.collect::<Result<_, _>>()?, total: total as u64 })
    }
}

fn filter_clause(filter: &CiFilter) -> (String, Vec<Value>) {
    let mut clause = vec![if filter.include_retired { "1 = 1" } else { "deleted_at IS NULL" }.to_string()];
    let mut values = Vec::new();
    let mut equal = |column: &str, value: Option<String>| {
        if let Some(value) = value {
            values.push(Value::Text(value));
            clause.push(format!("{column} = ?{}", values.len()));
        }
    };
    equal("class", filter.class.clone());
    equal("status", filter.status.map(|s| s.as_str().to_string()));
    equal("criticality", filter.criticality.map(|c| c.as_str().to_string()));
    equal("owner_id", filter.owner_id.map(|id| id.to_string()));
    equal("group_id", filter.group_id.map(|id| id.to_string()));
    if let Some(service) = filter.service_id {
        values.push(Value::Text(format!("%{service}%")));
        clause.push(format!("service_ids LIKE ?{}", values.len()));
    }
    if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        values.push(Value::Text(format!("%{escaped}%")));
        let n = values.len();
        clause.push(format!(
            "(name LIKE ?{n} ESCAPE '\\' OR key LIKE ?{n} ESCAPE '\\' OR serial_number LIKE ?{n} ESCAPE '\\' OR asset_tag LIKE ?{n} ESCAPE '\\')"
        ));
    }
    (clause.join(" AND "), values)
}

pub(crate) fn create(w: &mut WriteTx, fields: CiFields) -> StoreResult<Ci> {
    let classes = Classes::load(w.conn())?;
    let class_text = fields.class.clone().unwrap_or_default();
    if class_text.trim().is_empty() {
        return Err(Invalid::field(Code::Required, "class", "Choose the CI's class.").into());
    }
    let class = classes.resolve("class", &class_text)?.clone();
    w.create(
        RecordKind::Ci,
        |id, key, now| Ci::create(fields, &class, id, key, now),
        |w, ci| check_references(w.conn(), ci, &class),
    )
}

pub(crate) fn update(w: &mut WriteTx, key: &str, fields: CiFields, expected_version: Option<i64>) -> StoreResult<Ci> {
    let classes = Classes::load(w.conn())?;
    let (_, after) = w.edit_if_changed(key, expected_version, |w, ci: &mut Ci| {
        let class = match fields.class.as_deref() {
            Some(text) => classes.resolve("class", text)?.clone(),
            None => classes.of(&ci.class),
        };
        ci.apply(fields, &class)?;
        check_references(w.conn(), ci, &class)
    })?;
    Ok(after)
}

/// Every record a CI names must be live: a person, group, supplier, location, services, and
/// the CIs its reference attributes name.
pub(crate) fn check_references(conn: &Connection, ci: &Ci, class: &ClassDef) -> StoreResult<()> {
    require_ref::<Person>(conn, ci.owner_id, "owner_id")?;
    require_ref::<Group>(conn, ci.group_id, "group_id")?;
    require_ref::<Supplier>(conn, ci.supplier_id, "supplier_id")?;
    require_ref::<Location>(conn, ci.location_id, "location_id")?;
    require_ref::<Person>(conn, ci.verified_by, "verified_by")?;
    for (i, service) in ci.service_ids.iter().enumerate() {
        require_ref::<Service>(conn, Some(*service), &format!("service_ids[{i}]"))?;
    }
    for (name, key) in class.references(&ci.attributes) {
        if live_ci_id(conn, key)?.is_none() {
            return Err(Invalid::field(
                Code::UnknownReference,
                format!("attributes.{name}"),
                format!("No live CI has the key {key}."),
            )
            .into());
        }
    }
    Ok(())
}

/// The id of the live CI with this key.
pub(crate) fn live_ci_id(conn: &Connection, key: &str) -> StoreResult<Option<uuid::Uuid>> {
    let id: Option<String> = conn
        .prepare_cached("SELECT id FROM cis WHERE key = ?1 AND deleted_at IS NULL")?
        .query_row([key.trim().to_ascii_uppercase()], |row| row.get(0))
        .optional()?;
    Ok(id.and_then(|id| id.parse().ok()))
}
