//! CSV import of CIs and relationships: every row planned and checked first (a dry run stops
//! there and lists every problem with its line and column), then everything written in one
//! transaction or nothing. Rows that match a CI (by key, else by serial number or the
//! mapping's `match_on` field) update it instead of creating a duplicate.

use super::classes::{relation_types, resolve_type, Classes};
use super::csv_fields::{ci_fields, csv_field, Names};
use super::csv_rows::{problem, read_table, CsvMapping, Table, CI_FIELDS, RELATION_FIELDS};
use super::relationships::existing;
use crate::error::StoreResult;
use crate::stored::list_live;
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::cmdb::views::{ImportProblem, ImportSummary};
use smw_core::cmdb::{Ci, EndKind, Relationship, RelationshipDraft, TypeDef};
use smw_core::{Invalid, RecordKind, Timestamp};
use std::collections::HashMap;
use uuid::Uuid;

/// Past this many bytes of CSV an import enlarges the page cache for its transaction.
const LARGE_FILE_BYTES: usize = 1 << 20;
/// The cache an import of a large file runs with (a bound, not an allocation), as the
/// whole-workspace import does.
const LARGE_IMPORT_CACHE_KIB: i64 = 512 * 1024;

/// What one CI row will do.
enum CiPlan {
    Create(Box<Ci>),
    Update { before: Box<Ci>, after: Box<Ci> },
    Unchanged,
}

/// A relationship end: a record that exists, or a CI this import creates (its row's plan).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum End {
    Existing(EndKind, Uuid),
    New(usize),
}

impl Workspace {
    /// Imports CIs (and relationships) from CSV. With `dry_run`, or when any row has a
    /// problem, nothing is written and the summary lists the problems.
    pub fn cmdb_import_csv(
        &self,
        actor: &Actor,
        now: Timestamp,
        cis: &[u8],
        relations: Option<&[u8]>,
        mapping: &CsvMapping,
        dry_run: bool,
    ) -> StoreResult<ImportSummary> {
        // A large file's transaction touches more pages than SQLite's default 2 MB cache holds:
        // it would spill them to the WAL and rewrite them many times before the commit (the
        // import spent most of its time in the kernel doing so; docs/performance.md, CMDB).
        let large = cis.len() + relations.map_or(0, <[u8]>::len) > LARGE_FILE_BYTES;
        if large && !dry_run {
            self.writer().execute_batch(&format!("PRAGMA cache_size = -{LARGE_IMPORT_CACHE_KIB}"))?;
        }
        let result = self.write(actor, now, |w| import(w, cis, relations, mapping, dry_run));
        if large && !dry_run {
            self.writer().execute_batch("PRAGMA cache_size = -2000")?;
        }
        result
    }
}

fn import(
    w: &mut WriteTx,
    cis: &[u8],
    relations: Option<&[u8]>,
    mapping: &CsvMapping,
    dry_run: bool,
) -> StoreResult<ImportSummary> {
    let mut summary = ImportSummary { dry_run, ..Default::default() };
    let mut problems = Vec::new();
    let table = read_table("cis", cis, &mapping.cis, CI_FIELDS, &["name", "class"], mapping.delimiter, &mut problems);
    let names = Names::load(w.conn())?;
    let live = list_live::<Ci>(w.conn())?;
    let plans = match &table {
        Some(table) => plan_cis(w, table, &names, &live, mapping, &mut problems)?,
        None => Vec::new(),
    };
    let types = relation_types(w.conn())?;
    let mut links = Vec::new();
    if let Some(bytes) = relations {
        let rel_table = read_table(
            "relations",
            bytes,
            &mapping.relations,
            RELATION_FIELDS,
            &["source", "type", "target"],
            mapping.delimiter,
            &mut problems,
        );
        if let Some(rel_table) = rel_table {
            links = plan_relations(w, &rel_table, &names, &live, &plans, &types, &mut problems)?;
        }
    }
    for plan in &plans {
        match plan.1 {
            CiPlan::Create(_) => summary.created += 1,
            CiPlan::Update { .. } => summary.updated += 1,
            CiPlan::Unchanged => summary.unchanged += 1,
        }
    }
    summary.relationships_created = links.iter().filter(|l| l.is_some()).count() as u64;
    summary.relationships_unchanged = links.len() as u64 - summary.relationships_created;
    problems.sort_by(|a, b| (a.file != "cis", a.line).cmp(&(b.file != "cis", b.line)));
    summary.problems = problems;
    if dry_run || !summary.problems.is_empty() {
        return Ok(summary);
    }
    let mut created = HashMap::new();
    for (index, (_, plan)) in plans.into_iter().enumerate() {
        match plan {
            CiPlan::Create(mut ci) => {
                let (id, key) = w.identity(RecordKind::Ci)?;
                (ci.id, ci.key) = (id, key);
                w.insert(&*ci)?;
                created.insert(index, id);
            }
            CiPlan::Update { before, mut after } => w.update(&*before, &mut after)?,
            CiPlan::Unchanged => {}
        }
    }
    let id_of = |end: End| match end {
        End::Existing(kind, id) => (kind, id),
        End::New(index) => (EndKind::Ci, created[&index]),
    };
    for (source, relation, target, note) in links.into_iter().flatten() {
        let ((source_kind, source_id), (target_kind, target_id)) = (id_of(source), id_of(target));
        let draft =
            RelationshipDraft { source_kind, source_id, relation: relation.id.clone(), target_kind, target_id, note };
        let (id, key) = w.identity(RecordKind::Relationship)?;
        let relationship = Relationship::create(draft, &relation, id, key, w.now())?;
        w.insert(&relationship)?;
    }
    summary.written = true;
    Ok(summary)
}

fn plan_cis(
    w: &WriteTx,
    table: &Table,
    names: &Names,
    live: &[Ci],
    mapping: &CsvMapping,
    problems: &mut Vec<ImportProblem>,
) -> StoreResult<Vec<(u64, CiPlan)>> {
    let classes = Classes::load(w.conn())?;
    let match_on = mapping.match_on.as_deref().unwrap_or("serial").trim().to_string();
    let by_key: HashMap<&str, &Ci> = live.iter().map(|ci| (ci.key.as_str(), ci)).collect();
    let matched_value = |ci: &Ci| -> String {
        match match_on.as_str() {
            "serial" | "serial_number" => ci.serial_number.to_lowercase(),
            "asset_tag" => ci.asset_tag.to_lowercase(),
            "name" => ci.name.to_lowercase(),
            other => {
                ci.attributes.get(other.trim_start_matches("attributes.")).map(|v| v.to_lowercase()).unwrap_or_default()
            }
        }
    };
    let mut by_match: HashMap<String, &Ci> = HashMap::new();
    for ci in live {
        let value = matched_value(ci);
        if !value.is_empty() {
            by_match.insert(value, ci);
        }
    }
    let match_field = match match_on.as_str() {
        "serial_number" => "serial".to_string(),
        other => other.to_string(),
    };
    let mut seen_key: HashMap<String, u64> = HashMap::new();
    let mut seen_match: HashMap<String, u64> = HashMap::new();
    let mut plans = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let before = problems.len();
        let key = row.values.get("key").map(|k| k.trim().to_ascii_uppercase()).filter(|k| !k.is_empty());
        let matching = row.values.get(&match_field).map(|v| v.trim().to_lowercase()).filter(|v| !v.is_empty());
        for (value, seen, field) in [(&key, &mut seen_key, "key"), (&matching, &mut seen_match, match_field.as_str())] {
            if let Some(value) = value {
                if let Some(first) = seen.insert(value.clone(), row.line) {
                    problems.push(problem(
                        "cis",
                        row.line,
                        table.column(field),
                        format!("Line {first} has the same {field} “{value}”: each CI once per file."),
                    ));
                }
            }
        }
        let target = match &key {
            Some(key) => match by_key.get(key.as_str()) {
                Some(ci) => Some(*ci),
                None => {
                    problems.push(problem(
                        "cis",
                        row.line,
                        table.column("key"),
                        format!("No live CI has the key {key} (leave the key empty to create a CI)."),
                    ));
                    continue;
                }
            },
            None => matching.as_ref().and_then(|value| by_match.get(value).copied()),
        };
        let (asset, attributes) = target.map_or_else(Default::default, |ci| (ci.asset.clone(), ci.attributes.clone()));
        let fields = ci_fields(table, row, names, &mapping.values, asset, attributes, problems);
        let class = match (fields.class.as_deref(), target) {
            (Some(text), _) if !text.trim().is_empty() => classes.resolve("class", text).cloned(),
            (_, Some(ci)) => Ok(classes.of(&ci.class)),
            _ => Err(Invalid::field(smw_core::Code::Required, "class", "Choose the CI's class.")),
        };
        let mut refuse = |error: Invalid| {
            let column = error.field.as_deref().map(csv_field).and_then(|field| table.column(&field));
            problems.push(problem("cis", row.line, column, error.message));
        };
        let class = match class {
            Ok(class) => class,
            Err(error) => {
                refuse(error);
                continue;
            }
        };
        let outcome = match target {
            Some(ci) => {
                let mut after = ci.clone();
                after.apply(fields, &class).map(|()| {
                    if after == *ci {
                        CiPlan::Unchanged
                    } else {
                        CiPlan::Update { before: Box::new(ci.clone()), after: Box::new(after) }
                    }
                })
            }
            None => {
                Ci::create(fields, &class, Uuid::nil(), String::new(), w.now()).map(|ci| CiPlan::Create(Box::new(ci)))
            }
        };
        match outcome {
            Ok(plan) => {
                if let CiPlan::Create(ci) | CiPlan::Update { after: ci, .. } = &plan {
                    for (name, key) in class.references(&ci.attributes) {
                        if !by_key.contains_key(key) {
                            problems.push(problem(
                                "cis",
                                row.line,
                                table.column(&format!("attributes.{name}")),
                                format!("No live CI has the key {key}."),
                            ));
                        }
                    }
                }
                if problems.len() == before {
                    plans.push((row.line, plan));
                }
            }
            Err(error) => refuse(error),
        }
    }
    Ok(plans)
}

type Link = Option<(End, TypeDef, End, String)>;

fn plan_relations(
    w: &WriteTx,
    table: &Table,
    names: &Names,
    live: &[Ci],
    plans: &[(u64, CiPlan)],
    types: &[TypeDef],
    problems: &mut Vec<ImportProblem>,
) -> StoreResult<Vec<Link>> {
    let mut by_key: HashMap<String, End> = HashMap::new();
    let mut by_name: HashMap<String, Vec<End>> = HashMap::new();
    for ci in live {
        by_key.insert(ci.key.clone(), End::Existing(EndKind::Ci, ci.id));
        by_name.entry(ci.name.to_lowercase()).or_default().push(End::Existing(EndKind::Ci, ci.id));
    }
    for (index, (_, plan)) in plans.iter().enumerate() {
        if let CiPlan::Create(ci) = plan {
            by_name.entry(ci.name.to_lowercase()).or_default().push(End::New(index));
        }
    }
    let resolve = |text: &str| -> Result<End, String> {
        let text = text.trim();
        if let Some(end) = by_key.get(&text.to_ascii_uppercase()) {
            return Ok(*end);
        }
        if let Ok(id) = names.services.find(text) {
            if text.to_ascii_uppercase().starts_with("SVC-") || !by_name.contains_key(&text.to_lowercase()) {
                return Ok(End::Existing(EndKind::Service, id));
            }
        }
        match by_name.get(&text.to_lowercase()).map(Vec::as_slice) {
            Some([only]) => Ok(*only),
            Some([..]) => Err(format!("Several CIs are called “{text}”; use the key.")),
            None => Err(format!("No CI or service has the key or name “{text}”.")),
        }
    };
    let mut seen: HashMap<(End, String, End), u64> = HashMap::new();
    let mut links = Vec::new();
    for row in &table.rows {
        let before = problems.len();
        let mut end = |field: &str| match resolve(row.values.get(field).map(String::as_str).unwrap_or("")) {
            Ok(end) => Some(end),
            Err(message) => {
                problems.push(problem("relations", row.line, table.column(field), message));
                None
            }
        };
        let (source, target) = (end("source"), end("target"));
        let relation = match resolve_type(types, "type", row.values.get("type").map(String::as_str).unwrap_or("")) {
            Ok(relation) => Some(relation.clone()),
            Err(error) => {
                problems.push(problem("relations", row.line, table.column("type"), error.message));
                None
            }
        };
        let (Some(source), Some(target), Some(relation)) = (source, target, relation) else { continue };
        if source == target {
            problems.push(problem(
                "relations",
                row.line,
                table.column("target"),
                "A relationship needs two different ends.",
            ));
        }
        if let Some(first) = seen.insert((source, relation.id.clone(), target), row.line) {
            problems.push(problem(
                "relations",
                row.line,
                None,
                format!("Line {first} already relates these two this way."),
            ));
        }
        if problems.len() > before {
            continue;
        }
        let already = match (source, target) {
            (End::Existing(_, s), End::Existing(_, t)) => existing(w.conn(), s, &relation.id, t)?.is_some(),
            _ => false,
        };
        let note = row.values.get("note").cloned().unwrap_or_default();
        links.push((!already).then_some((source, relation, target, note)));
    }
    Ok(links)
}
