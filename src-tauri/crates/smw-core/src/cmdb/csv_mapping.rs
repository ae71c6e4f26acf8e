//! How a CSV file's columns map to a CI's fields: a JSON file the CLI reads and the app's
//! import dialog sends, so one mapping serves both.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A saved column mapping (a JSON file), so the export of another tool maps in once:
///
/// ```json
/// { "cis": { "Hostname": "name", "CI Type": "class", "S/N": "serial", "Notes": "ignore" },
///   "relations": { "From": "source", "Kind": "type", "To": "target" },
///   "match_on": "serial", "delimiter": ";",
///   "values": { "class": { "Linux Server": "server" } } }
/// ```
///
/// A column the mapping leaves out maps to the field it is named like.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields)]
#[serde(deny_unknown_fields)]
pub struct CsvMapping {
    /// CI file column → field (`ignore` skips the column).
    #[serde(default)]
    #[ts(as = "Option<BTreeMap<String, String>>")]
    pub cis: BTreeMap<String, String>,
    /// Relationship file column → `source`, `type`, `target` or `note`.
    #[serde(default)]
    #[ts(as = "Option<BTreeMap<String, String>>")]
    pub relations: BTreeMap<String, String>,
    /// Which field finds the CI a row updates when the row has no key: `serial` (the
    /// default), `asset_tag`, `name` or `attributes.NAME`.
    #[serde(default)]
    pub match_on: Option<String>,
    /// The delimiter, one character (default `,`).
    #[serde(default)]
    pub delimiter: Option<char>,
    /// Per field, the file's words for values → the workbench's (`"Linux Server": "server"`).
    #[serde(default)]
    #[ts(as = "Option<BTreeMap<String, BTreeMap<String, String>>>")]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
}
