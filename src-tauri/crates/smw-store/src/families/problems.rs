//! Problems and known errors.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{get_by_id, require_key, require_ref, select_sql, Searchable, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::Connection;
use smw_core::catalogue::Service;
use smw_core::directory::{Group, Person};
use smw_core::problem::{Problem, ProblemDraft, ProblemPatch, ProblemStatus};
use smw_core::views::{ProblemDetail, SearchHit};
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

stored_record! {
    Problem => table "problems", noun "problem",
    columns {
        id: uuid,
        key: text,
        title: text,
        description: text,
        status: enum(ProblemStatus),
        priority: int,
        service_id: opt_uuid,
        assignee_id: opt_uuid,
        group_id: opt_uuid,
        affected_ci_ids: uuid_list,
        root_cause: text,
        workaround: text,
        known_error: int,
        created_at: ts,
        updated_at: ts,
        resolved_at: opt_ts,
        deleted_at: opt_ts,
        version: int,
    }
    searchable(problem) {
        // Root cause and workaround are what a person searching for a known error types.
        let body = format!("{}\n{}\n{}", problem.description, problem.root_cause, problem.workaround);
        Searchable { title: &problem.title, body: body.into() }
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
    crate::families::cmdb::ticket_impact::check_affected_cis(w.conn(), &draft.affected_ci_ids)?;
    w.create(RecordKind::Problem, |id, key, now| Problem::create(draft, id, key, now), |_, _| Ok(()))
}

pub(crate) fn update(
    w: &mut WriteTx,
    key: &str,
    patch: ProblemPatch,
    expected_version: Option<i64>,
) -> StoreResult<Problem> {
    let (_, after) = w.edit(key, expected_version, |w, problem: &mut Problem| {
        check_refs(w.conn(), patch.service_id.flatten(), patch.assignee_id.flatten(), patch.group_id.flatten())?;
        crate::families::cmdb::ticket_impact::check_affected_cis(
            w.conn(),
            patch.affected_ci_ids.as_deref().unwrap_or_default(),
        )?;
        Ok(problem.apply_patch(patch, w.now())?)
    })?;
    Ok(after)
}
