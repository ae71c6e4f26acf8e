//! Reading a CSV file of CIs or relationships: its encoding, its delimiter, and which
//! column holds which field (by a saved mapping, or by the column's own name). Everything
//! wrong is a problem with its line and column; nothing here touches the workspace.

use smw_core::cmdb::views::ImportProblem;
use std::collections::BTreeMap;

pub use smw_core::cmdb::CsvMapping;

/// The CI fields a column can map to (with the spellings accepted for each).
pub(crate) const CI_FIELDS: &[(&str, &[&str])] = &[
    ("key", &["key", "ci", "ci_key"]),
    ("name", &["name"]),
    ("class", &["class", "type", "ci_class"]),
    ("status", &["status", "lifecycle", "lifecycle_status"]),
    ("criticality", &["criticality"]),
    ("description", &["description"]),
    ("owner", &["owner", "owner_id"]),
    ("group", &["group", "support_group", "group_id"]),
    ("supplier", &["supplier", "supplier_id"]),
    ("location", &["location", "location_id", "site"]),
    ("serial", &["serial", "serial_number"]),
    ("asset_tag", &["asset_tag"]),
    ("services", &["services", "service_ids"]),
    ("verified_at", &["verified_at", "last_verified"]),
    ("verified_by", &["verified_by"]),
    ("cost", &["cost"]),
    ("purchased_on", &["purchased_on", "purchase_date"]),
    ("warranty_until", &["warranty_until", "warranty_end"]),
    ("seats", &["seats", "licence_seats"]),
    ("seats_used", &["seats_used", "licence_seats_used"]),
    ("disposed_on", &["disposed_on", "disposal_date"]),
    ("disposal_method", &["disposal_method"]),
];

pub(crate) const RELATION_FIELDS: &[(&str, &[&str])] = &[
    ("source", &["source", "from"]),
    ("type", &["type", "relation", "relationship"]),
    ("target", &["target", "to"]),
    ("note", &["note"]),
];

pub(crate) const IGNORE: &str = "ignore";

/// One record of a CSV file: its line and the value of each mapped field.
pub(crate) struct Row {
    pub line: u64,
    pub values: BTreeMap<String, String>,
}

/// A file read into rows, with the header column each field came from.
pub(crate) struct Table {
    pub rows: Vec<Row>,
    /// Field → the header that maps to it (for naming the column in a problem).
    pub columns: BTreeMap<String, String>,
}

impl Table {
    pub(crate) fn column(&self, field: &str) -> Option<String> {
        let field = if field.starts_with("attributes.") { field } else { field.split('.').next().unwrap_or(field) };
        self.columns.get(field).cloned().or_else(|| Some(field.to_string()))
    }
}

pub(crate) fn problem(file: &str, line: u64, column: Option<String>, message: impl Into<String>) -> ImportProblem {
    ImportProblem { file: file.into(), line, column, message: message.into() }
}

/// Reads `bytes` as CSV, mapping headers to fields by `mapping` (column → field) or by
/// `known` names. Columns named `attr.NAME` or `attributes.NAME` map to an attribute.
pub(crate) fn read_table(
    file: &str,
    bytes: &[u8],
    mapping: &BTreeMap<String, String>,
    known: &[(&str, &[&str])],
    required: &[&str],
    delimiter: Option<char>,
    problems: &mut Vec<ImportProblem>,
) -> Option<Table> {
    let text = match decode(file, bytes) {
        Ok(text) => text,
        Err(found) => {
            problems.push(found);
            return None;
        }
    };
    let delimiter = delimiter.unwrap_or(',');
    if !delimiter.is_ascii() {
        problems.push(problem(file, 1, None, format!("The delimiter “{delimiter}” is not one ASCII character.")));
        return None;
    }
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter as u8).flexible(false).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => {
            problems.push(problem(file, 1, None, format!("The header cannot be read: {error}.")));
            return None;
        }
    };
    if headers.len() == 1 {
        let only = &headers[0];
        if let Some(other) = [';', '\t', '|', ','].into_iter().find(|c| *c != delimiter && only.contains(*c)) {
            problems.push(problem(
                file,
                1,
                None,
                format!(
                    "The header has no “{delimiter}” but has “{}”: the file uses another delimiter (save it with “{delimiter}”, or set \"delimiter\" in the mapping).",
                    other.escape_default()
                ),
            ));
            return None;
        }
    }
    let mut fields: Vec<Option<String>> = Vec::with_capacity(headers.len());
    let mut columns = BTreeMap::new();
    for header in headers.iter() {
        let field = field_for(header, mapping, known);
        match field {
            Some(field) if field == IGNORE => fields.push(None),
            Some(field) => {
                if let Some(first) = columns.insert(field.clone(), header.to_string()) {
                    problems.push(problem(
                        file,
                        1,
                        Some(header.into()),
                        format!("Both “{first}” and “{header}” map to {field}."),
                    ));
                }
                fields.push(Some(field));
            }
            None => {
                problems.push(problem(
                    file,
                    1,
                    Some(header.into()),
                    format!(
                        "The column “{header}” maps to no field: name it like a field ({}), attr.NAME for an attribute, or map it (to \"ignore\" to skip it) in a mapping file.",
                        known.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ")
                    ),
                ));
                fields.push(None);
            }
        }
    }
    for field in required {
        if !columns.contains_key(*field) {
            problems.push(problem(file, 1, None, format!("The file has no column for the required field {field}.")));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                problems.push(problem(file, line, None, format!("This line cannot be read: {}.", reason(&error))));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let values = fields
            .iter()
            .zip(record.iter())
            .filter_map(|(field, value)| field.as_ref().map(|field| (field.clone(), value.trim().to_string())))
            .collect();
        rows.push(Row { line, values });
    }
    Some(Table { rows, columns })
}

fn reason(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("it has {len} fields where the header has {expected_len} (a stray delimiter or quote?)")
        }
        _ => error.to_string(),
    }
}

fn field_for(header: &str, mapping: &BTreeMap<String, String>, known: &[(&str, &[&str])]) -> Option<String> {
    if let Some(field) = mapping.get(header).or_else(|| mapping.get(header.trim())) {
        return Some(field.trim().to_string());
    }
    let normal = header.trim().to_lowercase().replace([' ', '-'], "_");
    if let Some(attribute) = normal.strip_prefix("attr.").or_else(|| normal.strip_prefix("attributes.")) {
        return Some(format!("attributes.{attribute}"));
    }
    known.iter().find(|(_, names)| names.contains(&normal.as_str())).map(|(field, _)| field.to_string())
}

/// The file as UTF-8 text without a byte-order mark, or the place where it is not UTF-8.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ImportProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(problem(file, 1, None, "The file is UTF-16; save it as UTF-8 (CSV UTF-8) and import it again."));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let good = &bytes[..error.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
        problem(
            file,
            line,
            None,
            format!("Character {column} of this line is not UTF-8 (the file is in another encoding, such as Windows-1252); save it as UTF-8."),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (Option<Table>, Vec<ImportProblem>) {
        let mut problems = Vec::new();
        let table = read_table("cis", bytes, &BTreeMap::new(), CI_FIELDS, &["name", "class"], None, &mut problems);
        (table, problems)
    }

    #[test]
    fn a_bom_is_skipped_and_headers_map_by_name() {
        let (table, problems) = read(b"\xEF\xBB\xBFName,Class,Serial Number,attr.rack\ndb01,server,SN1,R1\n");
        assert!(problems.is_empty(), "{problems:?}");
        let table = table.unwrap();
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[0].values["serial"], "SN1");
        assert_eq!(table.rows[0].values["attributes.rack"], "R1");
    }

    #[test]
    fn bad_files_are_named_with_line_and_column() {
        let (_, problems) = read(b"name;class\ndb01;server\n");
        assert!(problems[0].message.contains("delimiter"), "{problems:?}");
        let (_, problems) = read(b"name,class\ndb01,serv\xe9r\n");
        assert_eq!((problems[0].line, problems[0].message.contains("Character 10")), (2, true), "{problems:?}");
        let (_, problems) = read(b"name,colour\ndb01,red\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].column.as_deref(), Some("colour"));
        assert!(problems[1].message.contains("class"));
        let (_, problems) = read(b"name,class\ndb01,server,extra\n");
        assert_eq!(problems[0].line, 2, "{problems:?}");
        let (_, problems) = read(b"\xFF\xFEn\x00");
        assert!(problems[0].message.contains("UTF-16"));
    }
}
