//! Configuration management: CIs, defined classes and relationship types, relationships,
//! and the reads built on them (impact, neighbourhood, as-of, data quality, CSV import and
//! export). The shell calls the `Workspace` methods these modules add:
//!
//! | call | module |
//! | --- | --- |
//! | `ci_create`, `ci_update`, `ci_retire`, `ci_get`, `cis_list` | cis.rs, detail.rs |
//! | `ci_class_create`, `ci_class_update`, `ci_classes`, `relation_type_create`, `relation_types` | classes.rs |
//! | `relationship_create`, `relationship_retire`, `relationships_of` | relationships.rs |
//! | `cmdb_impact`, `cmdb_neighbourhood` | impact.rs |
//! | `ci_as_of`, `cmdb_as_of` | as_of.rs |
//! | `cmdb_quality` | quality.rs |
//! | `ticket_impact` (and a CI's open tickets) | ticket_impact.rs |
//! | `cmdb_import_csv`, `cmdb_export_csv` | csv_import.rs, csv_export.rs |

pub(crate) mod as_of;
pub(crate) mod cis;
pub(crate) mod classes;
pub(crate) mod csv_export;
pub(crate) mod csv_fields;
pub(crate) mod csv_import;
pub(crate) mod csv_rows;
pub(crate) mod detail;
pub(crate) mod graph;
pub(crate) mod impact;
pub(crate) mod quality;
pub(crate) mod relationships;
pub(crate) mod ticket_impact;

pub use csv_rows::CsvMapping;
