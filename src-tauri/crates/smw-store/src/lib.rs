//! The SMS Workbench store: one organisation's service management system in one SQLite
//! file. Records change only through [`write::WriteTx`], which writes the hash-chained audit
//! entry in the same transaction; nothing else writes records.

mod audit;
mod backup;
pub mod bench;
mod board;
mod catalogue;
mod changes;
mod columns;
mod comments;
pub mod demo;
mod directory;
mod directory_refs;
mod error;
mod fast_map;
mod links;
mod locations;
mod mapping;
pub mod migrations;
mod problems;
mod search;
mod service_levels;
mod settings;
mod stored;
mod tickets;
pub mod transfer;
mod verify;
mod workspace;
mod write;

pub use backup::restore;
pub use changes::{ChangeListener, ChangesSince};
pub use error::{StoreError, StoreResult};
pub use search::fts_query;
pub use verify::{sqlite_integrity_check, verify, verify_history, verify_in_ranges};
pub use workspace::{Workspace, APPLICATION_ID};
pub use write::Actor;
