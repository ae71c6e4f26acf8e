//! How a record family maps onto its table. Every family implements [`Stored`] by listing
//! its columns once in `stored_record!` (mapping.rs); the generic reads here and the audited
//! writes in `write.rs` are the only SQL that touches records.

use crate::error::{StoreError, StoreResult};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use smw_core::Record;
use uuid::Uuid;

pub trait Stored: Record {
    const TABLE: &'static str;
    /// What a person calls this kind of record in an error message.
    const NOUN: &'static str;
    /// Column names in the order of [`Stored::values`]; the first is `id`.
    const COLUMNS: &'static [&'static str];
    fn values(&self) -> Vec<Value>;
    /// Reads a record from a row selected with [`select_sql`] (columns in `COLUMNS` order).
    fn from_row(row: &Row) -> rusqlite::Result<Self>;
    /// Tells `found` every id this record refers to, with the field that holds it.
    fn references(&self, found: &mut dyn FnMut(&'static str, Uuid));
    /// The text full-text search indexes for this record, if any.
    fn searchable(&self) -> Option<Searchable<'_>> {
        None
    }
}

/// The text the search index keeps of a record (sql/search_fill.sql builds the same text
/// from the tables).
pub struct Searchable<'a> {
    pub title: &'a str,
    pub body: std::borrow::Cow<'a, str>,
}

/// The SQL for a family, built once per table and kept: building it per row showed up in
/// the import profile.
fn cached_sql(kind: &'static str, table: &'static str, build: impl FnOnce() -> String) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<(&'static str, &'static str), &'static str>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner());
    cache.entry((kind, table)).or_insert_with(|| Box::leak(build().into_boxed_str()))
}

pub fn select_sql<R: Stored>() -> &'static str {
    cached_sql("select", R::TABLE, || format!("SELECT {} FROM {}", R::COLUMNS.join(", "), R::TABLE))
}

pub fn insert_sql<R: Stored>() -> &'static str {
    cached_sql("insert", R::TABLE, || {
        let placeholders: Vec<String> = (1..=R::COLUMNS.len()).map(|i| format!("?{i}")).collect();
        format!("INSERT INTO {} ({}) VALUES ({})", R::TABLE, R::COLUMNS.join(", "), placeholders.join(", "))
    })
}

pub fn update_sql<R: Stored>() -> &'static str {
    cached_sql("update", R::TABLE, || {
        let sets: Vec<String> =
            R::COLUMNS.iter().enumerate().skip(1).map(|(i, col)| format!("{col} = ?{}", i + 1)).collect();
        format!("UPDATE {} SET {} WHERE id = ?1", R::TABLE, sets.join(", "))
    })
}

pub fn get_by_id<R: Stored>(conn: &Connection, id: Uuid) -> StoreResult<Option<R>> {
    let sql = format!("{} WHERE id = ?1", select_sql::<R>());
    Ok(conn.prepare_cached(&sql)?.query_row([id.to_string()], R::from_row).optional()?)
}

pub fn get_by_key<R: Stored>(conn: &Connection, key: &str) -> StoreResult<Option<R>> {
    let sql = format!("{} WHERE key = ?1", select_sql::<R>());
    Ok(conn.prepare_cached(&sql)?.query_row([key.trim().to_ascii_uppercase()], R::from_row).optional()?)
}

/// A live (not tombstoned) record by key, or a `not_found` error naming it.
pub fn require_key<R: Stored>(conn: &Connection, key: &str) -> StoreResult<R> {
    match get_by_key::<R>(conn, key)? {
        Some(record) if record.deleted_at().is_none() => Ok(record),
        _ => Err(StoreError::not_found(R::NOUN, key)),
    }
}

/// Checks that an id refers to a live record of this family; `field` names the input.
pub fn require_ref<R: Stored>(conn: &Connection, id: Option<Uuid>, field: &str) -> StoreResult<()> {
    let Some(id) = id else { return Ok(()) };
    let sql = format!("SELECT 1 FROM {} WHERE id = ?1 AND deleted_at IS NULL", R::TABLE);
    let found = conn.prepare_cached(&sql)?.query_row([id.to_string()], |_| Ok(())).optional()?;
    match found {
        Some(()) => Ok(()),
        None => {
            let message = format!(
                "The {} you chose does not exist or has been retired ({} {id}).",
                smw_core::text::label(field),
                R::NOUN
            );
            Err(smw_core::Invalid::field(smw_core::Code::UnknownReference, field, message).into())
        }
    }
}

/// Every record of a family, retired ones included, in creation order.
pub fn list_all<R: Stored>(conn: &Connection) -> StoreResult<Vec<R>> {
    let sql = format!("{} ORDER BY seq", select_sql::<R>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], R::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The names of a family's live records other than `except`, for the unique-name rule.
pub fn live_names<R: Stored>(conn: &Connection, except: Option<Uuid>) -> StoreResult<Vec<String>> {
    let sql = format!("SELECT name FROM {} WHERE deleted_at IS NULL AND id IS NOT ?1", R::TABLE);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([except.map(|id| id.to_string())], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Live records of a family, in creation order.
pub fn list_live<R: Stored>(conn: &Connection) -> StoreResult<Vec<R>> {
    let sql = format!("{} WHERE deleted_at IS NULL ORDER BY seq", select_sql::<R>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], R::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn bind_values(values: Vec<Value>) -> impl rusqlite::Params {
    params_from_iter(values)
}

/// Runs `$body` once for every record family, with `$R` bound to its type, in an order
/// where references point backwards (people before tickets, tickets before comments).
/// Export, import and verify go through this list: a new family is added here, once.
#[macro_export]
macro_rules! for_each_family {
    ($R:ident => $body:block) => {{
        {
            type $R = smw_core::setting::Setting;
            $body
        }
        {
            type $R = smw_core::catalogue::Customer;
            $body
        }
        {
            type $R = smw_core::catalogue::Supplier;
            $body
        }
        {
            type $R = smw_core::directory::Group;
            $body
        }
        {
            type $R = smw_core::location::Location;
            $body
        }
        {
            type $R = smw_core::directory::Person;
            $body
        }
        {
            type $R = smw_core::catalogue::Service;
            $body
        }
        {
            type $R = smw_core::agreements::CalendarRecord;
            $body
        }
        {
            type $R = smw_core::agreements::Sla;
            $body
        }
        {
            type $R = smw_core::agreements::Ola;
            $body
        }
        {
            type $R = smw_core::agreements::Contract;
            $body
        }
        {
            type $R = smw_core::cmdb::CiClass;
            $body
        }
        {
            type $R = smw_core::cmdb::RelationType;
            $body
        }
        {
            type $R = smw_core::cmdb::Ci;
            $body
        }
        {
            type $R = smw_core::cmdb::Relationship;
            $body
        }
        {
            type $R = smw_core::change_management::Release;
            $body
        }
        {
            type $R = smw_core::change_management::ChangeWindow;
            $body
        }
        {
            type $R = smw_core::change_management::Change;
            $body
        }
        {
            type $R = smw_core::problem::Problem;
            $body
        }
        {
            type $R = smw_core::ticket::Ticket;
            $body
        }
        {
            type $R = smw_core::comment::Comment;
            $body
        }
        {
            type $R = smw_core::link::Link;
            $body
        }
    }};
}
