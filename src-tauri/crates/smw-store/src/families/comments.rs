//! Comments and work notes on tickets and problems.

use crate::error::{StoreError, StoreResult};
use crate::mapping::stored_record;
use crate::stored::{get_by_key, select_sql, Searchable, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::Connection;
use smw_core::comment::{Comment, CommentDraft};
use smw_core::problem::Problem;
use smw_core::ticket::Ticket;
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

stored_record! {
    Comment => table "comments", noun "comment",
    columns {
        id: uuid,
        key: text,
        parent_id: uuid,
        author_id: opt_uuid,
        body: text,
        internal: int,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
    searchable(comment) { Searchable { title: "", body: comment.body.as_str().into() } }
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
    let author_id = w.actor().id;
    let comment = w.create(
        RecordKind::Comment,
        |id, key, now| Comment::create(draft, parent_id, author_id, id, key, now),
        |_, _| Ok(()),
    )?;
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
