//! The board, the list view and `smw incidents`: ticket cards under a filter.
//!
//! Every page walks an index or the table in display order and stops at the page size, and
//! counting stops at a cap, so a page costs the same on a workspace of a thousand or a million
//! tickets. What is sorted is at most a page, or a text filter's bounded number of search hits.

use crate::error::StoreResult;
use crate::workspace::Workspace;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};
use smw_core::priority::PRIORITY_RANGE;
use smw_core::ticket::TicketKind;
use smw_core::views::{Board, BoardColumn, TicketCard, TicketFilter, TicketPage};
use smw_core::workflow::Status;
use uuid::Uuid;

const BOARD_COUNT_CAP: i64 = 1_000;
const LIST_COUNT_CAP: i64 = 10_000;
/// A text filter narrows to the tickets of this many most recent search hits.
const TEXT_FILTER_HITS: usize = 1_000;
const CARD_COLUMNS: &str =
    "t.id, t.key, t.kind, t.title, t.status, t.priority, p.name, g.name, s.name, t.created_at, t.updated_at, t.version";
/// The names a card shows, joined to the tickets as `t`.
const CARD_NAMES: &str = "LEFT JOIN people p ON p.id = t.assignee_id
     LEFT JOIN groups g ON g.id = t.group_id
     LEFT JOIN services s ON s.id = t.service_id";

/// A WHERE clause and its bound values, built from a filter.
struct Conditions {
    sql: String,
    values: Vec<Value>,
    /// Whether a text filter has narrowed the tickets to a bounded list of ids.
    by_text: bool,
}

impl Conditions {
    fn new(conn: &Connection, filter: &TicketFilter) -> StoreResult<Conditions> {
        let mut parts = vec!["t.deleted_at IS NULL".to_string()];
        let mut values = Vec::new();
        let mut add = |column: &str, value: Value| {
            values.push(value);
            parts.push(format!("t.{column} = ?{}", values.len()));
        };
        if let Some(kind) = filter.kind {
            add("kind", Value::Text(kind.as_str().into()));
        }
        if let Some(id) = filter.service_id {
            add("service_id", Value::Text(id.to_string()));
        }
        if let Some(id) = filter.group_id {
            add("group_id", Value::Text(id.to_string()));
        }
        if let Some(id) = filter.assignee_id {
            add("assignee_id", Value::Text(id.to_string()));
        }
        if let Some(priority) = filter.priority {
            add("priority", Value::Integer(priority.into()));
        }
        if let Some(status) = filter.status {
            add("status", Value::Text(status.as_str().into()));
        }
        let text = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        if let Some(text) = text {
            let owners: Vec<String> = crate::search::owner_hits(conn, text, TEXT_FILTER_HITS)?
                .into_iter()
                .map(|(_, _, owner, _)| owner)
                .collect();
            values.push(Value::Text(serde_json::to_string(&owners).expect("strings serialise")));
            parts.push(format!("t.id IN (SELECT value FROM json_each(?{}))", values.len()));
        }
        Ok(Conditions { sql: parts.join(" AND "), values, by_text: text.is_some() })
    }

    /// The tickets to read, as `t`. Those a text filter names are read by id: left to itself,
    /// SQLite walked a whole status column checking every ticket against the list of ids,
    /// which on a large workspace took a person-noticeable time.
    fn from(&self) -> &'static str {
        if self.by_text {
            "tickets t INDEXED BY tickets_id"
        } else {
            "tickets t"
        }
    }

    fn with(&self, extra: Value) -> (usize, Vec<Value>) {
        let mut values = self.values.clone();
        values.push(extra);
        (values.len(), values)
    }
}

fn card_from_row(row: &Row) -> rusqlite::Result<TicketCard> {
    use crate::columns::*;
    Ok(TicketCard {
        id: get_uuid(row, 0)?,
        key: get(row, 1)?,
        kind: get_enum(row, 2, TicketKind::parse)?,
        title: get(row, 3)?,
        status: get_enum(row, 4, Status::parse)?,
        priority: get(row, 5)?,
        assignee_name: get(row, 6)?,
        group_name: get(row, 7)?,
        service_name: get(row, 8)?,
        created_at: get_ts(row, 9)?,
        updated_at: get_ts(row, 10)?,
        version: get(row, 11)?,
    })
}

fn cards(conn: &Connection, sql: &str, values: Vec<Value>) -> StoreResult<Vec<TicketCard>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params_from_iter(values), card_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Counts matching rows up to `cap`; returns (count, capped).
fn capped_count(
    conn: &Connection,
    from: &str,
    where_sql: &str,
    values: Vec<Value>,
    cap: i64,
) -> StoreResult<(i64, bool)> {
    let sql = format!("SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {where_sql} LIMIT {})", cap + 1);
    let count: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(values), |row| row.get(0))?;
    Ok((count.min(cap), count > cap))
}

impl Workspace {
    /// One column per status, each with its first `per_column` cards by priority, newest first.
    pub fn board(&self, filter: &TicketFilter, per_column: usize) -> StoreResult<Board> {
        let conn = self.reader();
        let conditions = Conditions::new(&conn, &TicketFilter { status: None, ..filter.clone() })?;
        let mut columns = Vec::with_capacity(Status::ALL.len());
        for status in Status::ALL {
            if filter.status.is_some_and(|only| only != status) {
                continue;
            }
            let (n, values) = conditions.with(Value::Text(status.as_str().into()));
            let where_sql = format!("{} AND t.status = ?{n}", conditions.sql);
            let page = cards(&conn, &column_sql(&conditions, &where_sql, per_column), values.clone())?;
            let (total, total_capped) = capped_count(&conn, conditions.from(), &where_sql, values, BOARD_COUNT_CAP)?;
            columns.push(BoardColumn { status, total, total_capped, cards: page });
        }
        Ok(Board { columns })
    }

    /// Matching tickets, newest first, one page at a time.
    pub fn tickets_list(&self, filter: &TicketFilter, offset: usize, limit: usize) -> StoreResult<TicketPage> {
        let conn = self.reader();
        let conditions = Conditions::new(&conn, filter)?;
        let (sql, values) = list_query(&conditions, filter, offset, limit);
        let rows = cards(&conn, &sql, values)?;
        let (total, total_capped) =
            capped_count(&conn, conditions.from(), &conditions.sql, conditions.values, LIST_COUNT_CAP)?;
        Ok(TicketPage { total, total_capped, rows })
    }
}

/// The SQL of one board column's page: the cards matching `where_sql`, by priority, newest first.
fn column_sql(conditions: &Conditions, where_sql: &str, per_column: usize) -> String {
    format!(
        "SELECT {CARD_COLUMNS} FROM {} {CARD_NAMES} WHERE {where_sql} ORDER BY t.priority, t.seq DESC LIMIT {}",
        conditions.from(),
        per_column.clamp(1, 500)
    )
}

/// The SQL and values for one page of the list, newest first.
///
/// A filter by status, service, group or assignee reads that filter's index, whose entries run
/// newest first only within one status and priority. So the page is merged from one index walk
/// per (status, priority) pair (SQLite merges ordered arms of a compound SELECT lazily), and
/// only the page itself is sorted, instead of every match. Other filters walk the table
/// newest first.
fn list_query(conditions: &Conditions, filter: &TicketFilter, offset: usize, limit: usize) -> (String, Vec<Value>) {
    let page = format!("LIMIT {} OFFSET {offset}", limit.clamp(1, 1_000));
    let mut values = conditions.values.clone();
    let by_index = filter.status.is_some()
        || filter.service_id.is_some()
        || filter.group_id.is_some()
        || filter.assignee_id.is_some();
    // A text filter narrows to a bounded set of search hits, and sorting those is cheap.
    if !by_index || conditions.by_text {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM {} {CARD_NAMES} WHERE {} ORDER BY t.seq DESC {page}",
            conditions.from(),
            conditions.sql
        );
        return (sql, values);
    }
    let mut bind = |value: Value| {
        values.push(value);
        values.len()
    };
    let status_terms: Vec<String> = match filter.status {
        Some(_) => vec![String::new()],
        None => {
            Status::ALL.iter().map(|s| format!(" AND t.status = ?{}", bind(Value::Text(s.as_str().into())))).collect()
        }
    };
    // Tickets take their priority from the matrix, whose cells all lie in this range.
    let priority_terms: Vec<String> = match filter.priority {
        Some(_) => vec![String::new()],
        None => PRIORITY_RANGE.map(|p| format!(" AND t.priority = ?{}", bind(Value::Integer(p.into())))).collect(),
    };
    let arms: Vec<String> = status_terms
        .iter()
        .flat_map(|status| {
            priority_terms.iter().map(move |priority| {
                format!("SELECT t.seq FROM {} WHERE {}{status}{priority}", conditions.from(), conditions.sql)
            })
        })
        .collect();
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM ({} ORDER BY 1 DESC {page}) page
         JOIN tickets t ON t.seq = page.seq {CARD_NAMES} ORDER BY t.seq DESC",
        arms.join(" UNION ALL ")
    );
    (sql, values)
}

/// The tickets linked to a problem.
pub(crate) fn cards_of_problem(conn: &Connection, problem_id: Uuid) -> StoreResult<Vec<TicketCard>> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM tickets t {CARD_NAMES} WHERE t.problem_id = ?1 AND t.deleted_at IS NULL ORDER BY t.seq DESC"
    );
    cards(conn, &sql, vec![Value::Text(problem_id.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query plan of the SQL that `query` builds for `filter` on an empty workspace:
    /// (parent step, what the step does).
    fn plan(filter: TicketFilter, query: impl Fn(&Conditions) -> (String, Vec<Value>)) -> Vec<(i64, String)> {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::create(dir.path().join("plan.smw")).unwrap();
        let conn = ws.reader();
        let (sql, values) = query(&Conditions::new(&conn, &filter).unwrap());
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let plan = stmt.query_map(params_from_iter(values), |row| Ok((row.get(1)?, row.get(3)?))).unwrap();
        plan.collect::<Result<_, _>>().unwrap()
    }

    fn list_plan(filter: TicketFilter) -> Vec<(i64, String)> {
        plan(filter.clone(), |conditions| list_query(conditions, &filter, 0, 50))
    }

    #[test]
    fn a_board_column_filtered_by_text_reads_the_hits_by_id() {
        let filter =
            TicketFilter { text: Some("printer".into()), group_id: Some(Uuid::now_v7()), ..Default::default() };
        let plan = plan(filter, |conditions| {
            let (n, values) = conditions.with(Value::Text("new".into()));
            (column_sql(conditions, &format!("{} AND t.status = ?{n}", conditions.sql), 50), values)
        });
        // Not walking the status or group index, checking each ticket against the hits.
        assert!(plan.iter().any(|(_, step)| step.contains("USING INDEX tickets_id")), "{plan:?}");
        assert!(!plan.iter().any(|(_, step)| step.contains("tickets_by_")), "{plan:?}");
    }

    #[test]
    fn a_list_filtered_by_priority_walks_the_tickets_newest_first_without_sorting() {
        let plan = list_plan(TicketFilter { priority: Some(1), ..Default::default() });
        // Not sorting every ticket of a priority to show the newest page.
        assert!(!plan.iter().any(|(_, step)| step.contains("TEMP B-TREE")), "{plan:?}");
    }

    #[test]
    fn a_list_filtered_by_status_or_group_merges_index_walks_and_sorts_only_the_page() {
        let group = Some(Uuid::now_v7());
        for filter in [
            TicketFilter { status: Some(Status::Closed), ..Default::default() },
            TicketFilter { group_id: group, ..Default::default() },
            TicketFilter { group_id: group, priority: Some(2), kind: Some(TicketKind::Request), ..Default::default() },
        ] {
            let plan = list_plan(filter);
            assert!(plan.iter().any(|(_, step)| step.starts_with("MERGE")), "{plan:?}");
            assert!(!plan.iter().any(|(_, step)| step.starts_with("SCAN t")), "{plan:?}");
            // The one sort allowed is the page's own, at the top of the plan.
            let sorts: Vec<_> = plan.iter().filter(|(_, step)| step.contains("TEMP B-TREE")).collect();
            assert_eq!(sorts, [&(0, "USE TEMP B-TREE FOR ORDER BY".to_string())], "{plan:?}");
        }
    }
}
