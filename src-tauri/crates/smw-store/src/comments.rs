//! Comments and work notes on tickets and problems.

use crate::columns::*;
use crate::error::{StoreError, StoreResult};
use crate::stored::{get_by_key, select_sql, Searchable, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use smw_core::comment::{Comment, CommentDraft};
use smw_core::problem::Problem;
use smw_core::ticket::Ticket;
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

impl Stored for Comment {
    const TABLE: &'static str = "comments";
    const NOUN: &'static str = "comment";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "parent_id",
        "author_id",
        "body",
        "internal",
        "created_at",
        "updated_at",
        "deleted_at",
        "version",
    ];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            uuid(self.parent_id),
            opt_uuid(self.author_id),
            text(&self.body),
            int(self.internal),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Comment {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            parent_id: get_uuid(row, 2)?,
            author_id: get_opt_uuid(row, 3)?,
            body: get(row, 4)?,
            internal: get(row, 5)?,
            created_at: get_ts(row, 6)?,
            updated_at: get_ts(row, 7)?,
            deleted_at: get_opt_ts(row, 8)?,
            version: get(row, 9)?,
        })
    }

    fn searchable(&self) -> Option<Searchable<'_>> {
        Some(Searchable { title: "", body: self.body.as_str().into() })
    }
}

impl Workspace {
    /// Adds a comment to the ticket or problem `parent_key`. The first public reply from
    /// someone other than the caller stops the ticket's response clock.
    pub fn comment_add(
        &self,
        actor: &Actor,
        now: Timestamp,
        parent_key: &str,
        draft: CommentDraft,
    ) -> StoreResult<Comment> {
        self.write(actor, now, |w| add(w, parent_key, draft))
    }
}

/// Live comments of a record, oldest first.
pub(crate) fn for_parent(conn: &Connection, parent_id: Uuid) -> StoreResult<Vec<Comment>> {
    let sql = format!("{} WHERE parent_id = ?1 AND deleted_at IS NULL ORDER BY seq", select_sql::<Comment>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([parent_id.to_string()], Comment::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn add(w: &mut WriteTx, parent_key: &str, draft: CommentDraft) -> StoreResult<Comment> {
    let ticket = get_by_key::<Ticket>(w.conn(), parent_key)?.filter(|t| t.deleted_at.is_none());
    let parent_id = match &ticket {
        Some(ticket) => ticket.id,
        None => match get_by_key::<Problem>(w.conn(), parent_key)?.filter(|p| p.deleted_at.is_none()) {
            Some(problem) => problem.id,
            None => return Err(StoreError::not_found("ticket or problem", parent_key)),
        },
    };
    let (id, key) = w.identity(RecordKind::Comment)?;
    let author_id = w.actor().id;
    let comment = Comment::create(draft, parent_id, author_id, id, key, w.now())?;
    w.insert(&comment)?;
    if let Some(before) = ticket {
        let from_support = author_id.is_some() && author_id != before.caller_id;
        if !comment.internal && from_support && before.responded_at.is_none() {
            let mut after = before.clone();
            after.record_response(w.now());
            w.update(&before, &mut after)?;
            crate::service_levels::after_ticket_write(w, Some(&before), &after)?;
        }
    }
    Ok(comment)
}
