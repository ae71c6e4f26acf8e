//! The SMS Workbench domain: what the records of a service management system are and
//! which changes to them are valid. Pure on purpose: no SQL, no Tauri and no clock (every
//! function that needs the time takes `now`), so the app, the CLI and the tests share one
//! copy of every rule.

pub mod agreements;
pub mod audit;
pub mod catalogue;
pub mod catalogue_patch;
pub mod change;
pub mod change_management;
pub mod cmdb;
pub mod comment;
pub mod directory;
pub mod error;
pub mod ids;
pub mod link;
pub mod location;
pub mod naming;
pub mod patch;
pub mod priority;
pub mod problem;
pub mod record;
pub mod setting;
pub mod sla;
pub mod text;
pub mod ticket;
pub mod time;
pub mod views;
pub mod views_sla;
pub mod workflow;

pub use error::{Code, Invalid, InvalidResult};
pub use ids::{new_id, HumanKey, RecordKind};
pub use record::Record;
pub use time::Timestamp;
