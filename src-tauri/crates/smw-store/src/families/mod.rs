//! Record families: one module each (its table mapping and its audited reads and writes). A new
//! family is its module here, its migration, and one line in `for_each_family!`.

pub(crate) mod catalogue;
pub(crate) mod changes;
pub(crate) mod cmdb;
pub(crate) mod comments;
pub(crate) mod directory;
pub(crate) mod directory_refs;
pub(crate) mod links;
pub(crate) mod locations;
pub(crate) mod problems;
pub(crate) mod service_levels;
pub(crate) mod settings;
pub(crate) mod tickets;
