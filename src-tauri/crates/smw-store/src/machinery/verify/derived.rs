//! What verify checks beyond the chain and the records: that the guards of the history are
//! the ones the workbench creates, and that the data derived from the records (key counters,
//! search index, SLA clocks) agrees with them. Each can be edited without touching a hash,
//! and each changes what a person sees or what the next write does.

use super::{clocks, counters, schema, search_index, Findings};
use crate::error::StoreResult;
use crate::migrations::schema_version;
use rusqlite::Connection;

pub(super) fn check(conn: &Connection, findings: &mut Findings) -> StoreResult<()> {
    schema::check(conn, schema_version(conn)?, findings)?;
    counters::check(conn, findings)?;
    search_index::check(conn, findings)?;
    clocks::check(conn, findings)
}
