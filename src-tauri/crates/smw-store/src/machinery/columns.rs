//! Conversions between domain values and SQLite column values.

use rusqlite::types::{FromSql, Type, Value};
use rusqlite::Row;
use serde::de::DeserializeOwned;
use serde::Serialize;
use smw_core::Timestamp;
use std::str::FromStr;
use uuid::Uuid;

pub fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

pub fn uuid(id: Uuid) -> Value {
    Value::Text(id.to_string())
}

pub fn opt_uuid(id: Option<Uuid>) -> Value {
    id.map_or(Value::Null, uuid)
}

pub fn ts(at: Timestamp) -> Value {
    Value::Text(at.to_string())
}

pub fn opt_ts(at: Option<Timestamp>) -> Value {
    at.map_or(Value::Null, ts)
}

pub fn opt_text(value: &Option<String>) -> Value {
    value.as_deref().map_or(Value::Null, text)
}

pub fn int(value: impl Into<i64>) -> Value {
    Value::Integer(value.into())
}

pub fn opt_real(value: Option<f64>) -> Value {
    value.map_or(Value::Null, Value::Real)
}

pub fn uuid_list(ids: &[Uuid]) -> Value {
    Value::Text(serde_json::to_string(ids).expect("uuids serialise"))
}

/// Lists and targets are kept as JSON text (like service dependencies in 0001).
pub fn json<T: Serialize>(value: &T) -> Value {
    Value::Text(serde_json::to_string(value).expect("agreement fields serialise"))
}

pub fn date(value: chrono::NaiveDate) -> Value {
    Value::Text(value.format("%Y-%m-%d").to_string())
}

pub fn opt_date(value: Option<chrono::NaiveDate>) -> Value {
    value.map_or(Value::Null, date)
}

fn conversion(index: usize, error: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(error))
}

fn parsed<T: FromStr>(row: &Row, index: usize) -> rusqlite::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    // Borrowed from SQLite's row buffer: ids and timestamps are read millions of times in a
    // verify walk, and a String per column would be allocated only to be parsed and dropped.
    let raw = row.get_ref(index)?.as_str().map_err(|e| conversion(index, e))?;
    raw.parse().map_err(|e| conversion(index, e))
}

fn opt_parsed<T: FromStr>(row: &Row, index: usize) -> rusqlite::Result<Option<T>>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let raw = row.get_ref(index)?.as_str_or_null().map_err(|e| conversion(index, e))?;
    raw.map(|raw| raw.parse().map_err(|e| conversion(index, e))).transpose()
}

pub fn get_uuid(row: &Row, index: usize) -> rusqlite::Result<Uuid> {
    parsed(row, index)
}

pub fn get_opt_uuid(row: &Row, index: usize) -> rusqlite::Result<Option<Uuid>> {
    opt_parsed(row, index)
}

pub fn get_ts(row: &Row, index: usize) -> rusqlite::Result<Timestamp> {
    parsed(row, index)
}

pub fn get_opt_ts(row: &Row, index: usize) -> rusqlite::Result<Option<Timestamp>> {
    opt_parsed(row, index)
}

pub fn get<T: FromSql>(row: &Row, index: usize) -> rusqlite::Result<T> {
    row.get(index)
}

pub fn get_uuid_list(row: &Row, index: usize) -> rusqlite::Result<Vec<Uuid>> {
    let raw: String = row.get(index)?;
    serde_json::from_str(&raw).map_err(|e| conversion(index, e))
}

pub fn get_json<T: DeserializeOwned>(row: &Row, index: usize) -> rusqlite::Result<T> {
    let raw: String = row.get(index)?;
    serde_json::from_str(&raw).map_err(|e| conversion(index, e))
}

pub fn get_opt_date(row: &Row, index: usize) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    let raw: Option<String> = row.get(index)?;
    raw.map(|text| chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| conversion(index, e))).transpose()
}

pub fn get_date(row: &Row, index: usize) -> rusqlite::Result<chrono::NaiveDate> {
    get_opt_date(row, index)?.ok_or(rusqlite::Error::InvalidColumnType(index, "date".into(), Type::Null))
}

/// Reads an enum stored as its snake_case name.
pub fn get_enum<T>(row: &Row, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let raw: String = row.get(index)?;
    parse(&raw).ok_or_else(|| conversion(index, UnknownName(raw)))
}

#[derive(Debug)]
struct UnknownName(String);

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown value {:?}", self.0)
    }
}

impl std::error::Error for UnknownName {}
