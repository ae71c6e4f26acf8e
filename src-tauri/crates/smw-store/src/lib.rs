//! The SMS Workbench store: one organisation's service management system in one SQLite
//! file. Records change only through [`WriteTx`](machinery::write::WriteTx), which writes the
//! hash-chained audit entry in the same transaction; nothing else writes records.
//!
//! Three kinds of module, kept apart: record families (`families/`), the machinery they share
//! (`machinery/`) and read models (`read_models/`). `generators/` makes demo and benchmark data;
//! it is behind the `generators` feature, which the app and `smw` turn on, so sample data is
//! not part of the store's API.

mod families;
#[cfg(feature = "generators")]
mod generators;
mod machinery;
mod read_models;

// Short paths inside the crate (`crate::tickets`, `crate::write`), whichever folder a module is in.
#[cfg_attr(not(feature = "generators"), allow(unused_imports))] // the generators use a few more
pub(crate) use families::{
    catalogue, comments, directory, directory_refs, links, problems, service_levels, settings, tickets,
};
pub(crate) use machinery::{
    actor, audit, backup, changes, checkpoint, columns, error, fast_map, mapping, search, stored, workspace, write,
};
pub(crate) use read_models::board;

pub use families::cmdb::CsvMapping;
#[cfg(feature = "generators")]
pub use generators::{bench, bench_changes, bench_estate, demo};
pub use machinery::actor::Actor;
pub use machinery::audit::ChainHead;
pub use machinery::backup::restore;
pub use machinery::changes::{ChangeListener, ChangesSince};
pub use machinery::checkpoint::Checkpoint;
pub use machinery::error::{StoreError, StoreResult};
pub use machinery::search::fts_query;
pub use machinery::signing_keys::{KeyFolder, KeyStore};
pub use machinery::verify::{sqlite_integrity_check, verify, verify_history, verify_in_ranges, verify_with_witnesses};
pub use machinery::witness::Witness;
pub use machinery::workspace::{Workspace, APPLICATION_ID};
pub use machinery::{migrations, signing_keys, transfer, witness};
