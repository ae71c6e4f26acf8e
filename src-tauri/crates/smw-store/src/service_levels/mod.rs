//! Service level management in the store: calendars, SLAs, OLAs and underpinning contracts
//! as audited record families; the derived `ticket_clocks` table, recomputed from each
//! ticket's recorded history whenever the ticket, its SLA or its calendar changes; and the
//! figures read from it (at-risk list, report, consistency check).

mod assign;
mod at_risk;
mod calendars;
mod clocks;
mod consistency;
pub(crate) mod demo;
mod explain;
mod report;
mod slas;
mod underpinning;

pub(crate) use assign::{reassign_sla, sla_for_ticket};
pub(crate) use clocks::after_ticket_write;

use rusqlite::types::{Type, Value};
use rusqlite::Row;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Lists and targets are kept as JSON text (like service dependencies in 0001).
fn json<T: Serialize>(value: &T) -> Value {
    Value::Text(serde_json::to_string(value).expect("agreement fields serialise"))
}

fn get_json<T: DeserializeOwned>(row: &Row, index: usize) -> rusqlite::Result<T> {
    let raw: String = row.get(index)?;
    serde_json::from_str(&raw).map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

fn date(value: chrono::NaiveDate) -> Value {
    Value::Text(value.format("%Y-%m-%d").to_string())
}

fn opt_date(value: Option<chrono::NaiveDate>) -> Value {
    value.map_or(Value::Null, date)
}

fn get_opt_date(row: &Row, index: usize) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    let raw: Option<String> = row.get(index)?;
    raw.map(|text| {
        chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
    })
    .transpose()
}

fn get_date(row: &Row, index: usize) -> rusqlite::Result<chrono::NaiveDate> {
    get_opt_date(row, index)?.ok_or(rusqlite::Error::InvalidColumnType(index, "date".into(), Type::Null))
}
