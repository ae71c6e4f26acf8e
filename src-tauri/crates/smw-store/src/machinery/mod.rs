//! What every family shares: the file and its migrations, the write path with its hash-chained
//! audit log and change announcements, the row mapping, search, verify, backup, export and import.
//! SQLite's own features (FTS5, PRAGMAs, the backup API) stay in here, so a second database
//! backend would implement this seam rather than touch every family.

pub(crate) mod actor;
pub(crate) mod audit;
pub(crate) mod backup;
pub(crate) mod changes;
pub(crate) mod checkpoint;
pub(crate) mod columns;
pub(crate) mod error;
pub(crate) mod fast_map;
pub(crate) mod mapping;
pub mod migrations;
pub(crate) mod search;
pub mod signing_keys;
pub(crate) mod stored;
pub mod transfer;
pub(crate) mod verify;
pub mod witness;
pub(crate) mod workspace;
pub(crate) mod write;
