//! Problems and known errors.

use crate::columns::*;
use crate::error::StoreResult;
use crate::stored::{get_by_id, require_key, require_ref, select_sql, Searchable, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use smw_core::catalogue::Service;
use smw_core::directory::{Group, Person};
use smw_core::problem::{Problem, ProblemDraft, ProblemPatch, ProblemStatus};
use smw_core::views::{ProblemDetail, SearchHit};
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

impl Stored for Problem {
    const TABLE: &'static str = "problems";
    const NOUN: &'static str = "problem";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "title",
        "description",
        "status",
        "priority",
        "service_id",
        "assignee_id",
        "group_id",
        "root_cause",
        "workaround",
        "known_error",
        "created_at",
        "updated_at",
        "resolved_at",
        "deleted_at",
        "version",
    ];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(&self.title),
            text(&self.description),
            text(self.status.as_str()),
            int(self.priority),
            opt_uuid(self.service_id),
            opt_uuid(self.assignee_id),
            opt_uuid(self.group_id),
            text(&self.root_cause),
            text(&self.workaround),
            int(self.known_error),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.resolved_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Problem {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            title: get(row, 2)?,
            description: get(row, 3)?,
            status: get_enum(row, 4, ProblemStatus::parse)?,
            priority: get(row, 5)?,
            service_id: get_opt_uuid(row, 6)?,
            assignee_id: get_opt_uuid(row, 7)?,
            group_id: get_opt_uuid(row, 8)?,
            root_cause: get(row, 9)?,
            workaround: get(row, 10)?,
            known_error: get(row, 11)?,
            created_at: get_ts(row, 12)?,
            updated_at: get_ts(row, 13)?,
            resolved_at: get_opt_ts(row, 14)?,
            deleted_at: get_opt_ts(row, 15)?,
            version: get(row, 16)?,
        })
    }

    fn searchable(&self) -> Option<Searchable<'_>> {
        // Root cause and workaround are what a person searching for a known error types.
        let body = format!("{}\n{}\n{}", self.description, self.root_cause, self.workaround);
        Some(Searchable { title: &self.title, body: body.into() })
    }
}

fn check_refs(
    conn: &Connection,
    service: Option<Uuid>,
    assignee: Option<Uuid>,
    group: Option<Uuid>,
) -> StoreResult<()> {
    require_ref::<Service>(conn, service, "service_id")?;
    require_ref::<Person>(conn, assignee, "assignee_id")?;
    require_ref::<Group>(conn, group, "group_id")
}

impl Workspace {
    pub fn problem_create(&self, actor: &Actor, now: Timestamp, draft: ProblemDraft) -> StoreResult<Problem> {
        self.write(actor, now, |w| create(w, draft))
    }

    pub fn problem_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: ProblemPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Problem> {
        self.write(actor, now, |w| update(w, key, patch, expected_version))
    }

    pub fn problem_detail(&self, key: &str) -> StoreResult<ProblemDetail> {
        let conn = self.reader();
        let problem: Problem = require_key(&conn, key)?;
        Ok(ProblemDetail {
            incidents: crate::board::cards_of_problem(&conn, problem.id)?,
            comments: crate::comments::for_parent(&conn, problem.id)?,
            history: crate::audit::history(&conn, problem.id)?,
            problem,
        })
    }

    /// Problems, newest first; `text` narrows by full-text search.
    pub fn problems_list(&self, text: Option<&str>, known_errors_only: bool) -> StoreResult<Vec<Problem>> {
        let conn = self.reader();
        let mut problems = match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => matching(&conn, text)?,
            None => {
                let sql = format!("{} WHERE deleted_at IS NULL ORDER BY seq DESC LIMIT 500", select_sql::<Problem>());
                let mut stmt = conn.prepare_cached(&sql)?;
                let rows = stmt.query_map([], Problem::from_row)?;
                rows.collect::<Result<Vec<_>, _>>()?
            }
        };
        problems.retain(|p| !known_errors_only || p.known_error);
        Ok(problems)
    }

    /// Known errors matching what an incident's handler typed: title, description,
    /// root cause or workaround.
    pub fn known_errors_search(&self, text: &str) -> StoreResult<Vec<Problem>> {
        let conn = self.reader();
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if words.is_empty() {
            return Err(smw_core::Invalid::field(smw_core::Code::Required, "text", "Type a word to search for.").into());
        }
        // Known errors are few (hundreds, not millions), so a scan reads every field exactly.
        let sql = format!("{} WHERE known_error = 1 AND deleted_at IS NULL ORDER BY seq DESC", select_sql::<Problem>());
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], Problem::from_row)?;
        let mut found = Vec::new();
        for problem in rows {
            let problem = problem?;
            let haystack =
                format!("{} {} {} {}", problem.title, problem.description, problem.root_cause, problem.workaround)
                    .to_lowercase();
            if words.iter().all(|w| haystack.contains(w.as_str())) {
                found.push(problem);
            }
        }
        Ok(found)
    }
}

fn matching(conn: &Connection, text: &str) -> StoreResult<Vec<Problem>> {
    let mut found = Vec::new();
    for (_, _, owner_id, _) in crate::search::owner_hits(conn, text, 200)? {
        if let Ok(id) = owner_id.parse::<Uuid>() {
            if let Some(problem) = get_by_id::<Problem>(conn, id)?.filter(|p| p.deleted_at.is_none()) {
                found.push(problem);
            }
        }
    }
    Ok(found)
}

pub(crate) fn search_hit(
    conn: &Connection,
    id: Uuid,
    matched_text: &str,
    query: &str,
) -> StoreResult<Option<SearchHit>> {
    let Some(problem) = get_by_id::<Problem>(conn, id)?.filter(|p| p.deleted_at.is_none()) else {
        return Ok(None);
    };
    Ok(Some(SearchHit {
        record_kind: RecordKind::Problem,
        snippet: crate::search::snippet(matched_text, query),
        key: problem.key,
        title: problem.title,
        status: None,
        updated_at: problem.updated_at,
    }))
}

pub(crate) fn create(w: &mut WriteTx, draft: ProblemDraft) -> StoreResult<Problem> {
    check_refs(w.conn(), draft.service_id, draft.assignee_id, draft.group_id)?;
    let (id, key) = w.identity(RecordKind::Problem)?;
    let problem = Problem::create(draft, id, key, w.now())?;
    w.insert(&problem)?;
    Ok(problem)
}

pub(crate) fn update(
    w: &mut WriteTx,
    key: &str,
    patch: ProblemPatch,
    expected_version: Option<i64>,
) -> StoreResult<Problem> {
    let before: Problem = require_key(w.conn(), key)?;
    check_version(&before, expected_version)?;
    check_refs(w.conn(), patch.service_id.flatten(), patch.assignee_id.flatten(), patch.group_id.flatten())?;
    let mut after = before.clone();
    after.apply_patch(patch, w.now())?;
    w.update(&before, &mut after)?;
    Ok(after)
}
