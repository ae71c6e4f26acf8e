//! Incidents and service requests: table mapping and the operations on them.

use crate::columns::*;
use crate::directory_refs::check_ticket_refs;
use crate::error::StoreResult;
use crate::settings::priority_matrix;
use crate::stored::{get_by_id, require_key, Searchable, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use smw_core::priority::Level;
use smw_core::ticket::{Ticket, TicketDraft, TicketKind, TicketPatch, Transition};
use smw_core::views::{SearchHit, TicketDetail};
use smw_core::workflow::{successors, Status};
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

impl Stored for Ticket {
    const TABLE: &'static str = "tickets";
    const NOUN: &'static str = "ticket";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "kind",
        "title",
        "description",
        "caller_id",
        "customer_id",
        "service_id",
        "category",
        "impact",
        "urgency",
        "priority",
        "status",
        "assignee_id",
        "group_id",
        "pending_reason",
        "resolution_code",
        "resolution_notes",
        "problem_id",
        "sla_id",
        "created_at",
        "updated_at",
        "responded_at",
        "resolved_at",
        "closed_at",
        "deleted_at",
        "version",
    ];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(self.kind.as_str()),
            text(&self.title),
            text(&self.description),
            opt_uuid(self.caller_id),
            opt_uuid(self.customer_id),
            opt_uuid(self.service_id),
            text(&self.category),
            text(self.impact.as_str()),
            text(self.urgency.as_str()),
            int(self.priority),
            text(self.status.as_str()),
            opt_uuid(self.assignee_id),
            opt_uuid(self.group_id),
            opt_text(&self.pending_reason),
            opt_text(&self.resolution_code),
            opt_text(&self.resolution_notes),
            opt_uuid(self.problem_id),
            opt_uuid(self.sla_id),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.responded_at),
            opt_ts(self.resolved_at),
            opt_ts(self.closed_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Ticket {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            kind: get_enum(row, 2, TicketKind::parse)?,
            title: get(row, 3)?,
            description: get(row, 4)?,
            caller_id: get_opt_uuid(row, 5)?,
            customer_id: get_opt_uuid(row, 6)?,
            service_id: get_opt_uuid(row, 7)?,
            category: get(row, 8)?,
            impact: get_enum(row, 9, Level::parse)?,
            urgency: get_enum(row, 10, Level::parse)?,
            priority: get(row, 11)?,
            status: get_enum(row, 12, Status::parse)?,
            assignee_id: get_opt_uuid(row, 13)?,
            group_id: get_opt_uuid(row, 14)?,
            pending_reason: get(row, 15)?,
            resolution_code: get(row, 16)?,
            resolution_notes: get(row, 17)?,
            problem_id: get_opt_uuid(row, 18)?,
            sla_id: get_opt_uuid(row, 19)?,
            created_at: get_ts(row, 20)?,
            updated_at: get_ts(row, 21)?,
            responded_at: get_opt_ts(row, 22)?,
            resolved_at: get_opt_ts(row, 23)?,
            closed_at: get_opt_ts(row, 24)?,
            deleted_at: get_opt_ts(row, 25)?,
            version: get(row, 26)?,
        })
    }

    fn searchable(&self) -> Option<Searchable<'_>> {
        Some(Searchable { title: &self.title, body: self.description.as_str().into() })
    }
}

impl Workspace {
    pub fn ticket_create(&self, actor: &Actor, now: Timestamp, draft: TicketDraft) -> StoreResult<Ticket> {
        self.write(actor, now, |w| create(w, draft))
    }

    pub fn ticket_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: TicketPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Ticket> {
        self.write(actor, now, |w| update(w, key, patch, expected_version))
    }

    pub fn ticket_transition(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        transition: Transition,
        expected_version: Option<i64>,
    ) -> StoreResult<Ticket> {
        self.write(actor, now, |w| move_status(w, key, transition, expected_version))
    }

    pub fn ticket_get(&self, key: &str) -> StoreResult<Ticket> {
        require_key(&self.reader(), key)
    }

    /// The record view: the ticket, its comments, links, history and linked problem.
    pub fn ticket_detail(&self, key: &str) -> StoreResult<TicketDetail> {
        let conn = self.reader();
        let ticket: Ticket = require_key(&conn, key)?;
        let problem = match ticket.problem_id {
            Some(id) => get_by_id(&conn, id)?,
            None => None,
        };
        Ok(TicketDetail {
            comments: crate::comments::for_parent(&conn, ticket.id)?,
            links: crate::links::for_record(&conn, ticket.id)?,
            history: crate::audit::history(&conn, ticket.id)?,
            problem,
            next_statuses: successors(ticket.status).to_vec(),
            ticket,
        })
    }

    pub fn ticket_count(&self) -> StoreResult<i64> {
        Ok(self.reader().query_row("SELECT count(*) FROM tickets WHERE deleted_at IS NULL", [], |row| row.get(0))?)
    }
}

pub(crate) fn search_hit(
    conn: &Connection,
    id: Uuid,
    matched_text: &str,
    query: &str,
) -> StoreResult<Option<SearchHit>> {
    let Some(ticket) = get_by_id::<Ticket>(conn, id)? else {
        return Ok(None);
    };
    if ticket.deleted_at.is_some() {
        return Ok(None);
    }
    Ok(Some(SearchHit {
        record_kind: ticket.kind.record_kind(),
        snippet: crate::search::snippet(matched_text, query),
        key: ticket.key,
        title: ticket.title,
        status: Some(ticket.status),
        updated_at: ticket.updated_at,
    }))
}

/// For link views: a ticket's key and title by id.
pub(crate) fn label(conn: &Connection, id: Uuid) -> StoreResult<Option<(String, String, RecordKind)>> {
    Ok(get_by_id::<Ticket>(conn, id)?.map(|t| (t.key, t.title, t.kind.record_kind())))
}

pub(crate) fn create(w: &mut WriteTx, mut draft: TicketDraft) -> StoreResult<Ticket> {
    check_ticket_refs(
        w.conn(),
        draft.caller_id,
        draft.customer_id,
        draft.service_id,
        draft.assignee_id,
        draft.group_id,
    )?;
    if draft.customer_id.is_none() {
        draft.customer_id = crate::directory_refs::customer_of(w.conn(), draft.caller_id)?;
    }
    let matrix = priority_matrix(w.conn())?;
    let kind = draft.kind.unwrap_or(TicketKind::Incident);
    let (id, key) = w.identity(kind.record_kind())?;
    let mut ticket = Ticket::create(draft, id, key, w.now(), &matrix)?;
    ticket.sla_id = crate::service_levels::sla_for_ticket(w.conn(), &ticket)?;
    w.insert(&ticket)?;
    crate::service_levels::after_ticket_write(w, None, &ticket)?;
    Ok(ticket)
}

pub(crate) fn update(
    w: &mut WriteTx,
    key: &str,
    patch: TicketPatch,
    expected_version: Option<i64>,
) -> StoreResult<Ticket> {
    let before: Ticket = require_key(w.conn(), key)?;
    check_version(&before, expected_version)?;
    let pick = |field: Option<Option<Uuid>>| field.flatten();
    check_ticket_refs(
        w.conn(),
        pick(patch.caller_id),
        pick(patch.customer_id),
        pick(patch.service_id),
        pick(patch.assignee_id),
        pick(patch.group_id),
    )?;
    crate::stored::require_ref::<smw_core::problem::Problem>(w.conn(), pick(patch.problem_id), "problem_id")?;
    let mut after = before.clone();
    let sla_chosen = patch.sla_id.is_some();
    after.apply_patch(patch, w.now(), &priority_matrix(w.conn())?)?;
    crate::service_levels::reassign_sla(w.conn(), &before, &mut after, sla_chosen)?;
    w.update(&before, &mut after)?;
    crate::service_levels::after_ticket_write(w, Some(&before), &after)?;
    Ok(after)
}

pub(crate) fn move_status(
    w: &mut WriteTx,
    key: &str,
    transition: Transition,
    expected_version: Option<i64>,
) -> StoreResult<Ticket> {
    let before: Ticket = require_key(w.conn(), key)?;
    check_version(&before, expected_version)?;
    let mut after = before.clone();
    after.transition(transition, w.now())?;
    w.update(&before, &mut after)?;
    crate::service_levels::after_ticket_write(w, Some(&before), &after)?;
    Ok(after)
}
