//! Incidents and service requests: table mapping and the operations on them.

use crate::directory_refs::check_ticket_refs;
use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::settings::priority_matrix;
use crate::stored::{get_by_id, require_key, Searchable};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::Connection;
use smw_core::priority::Level;
use smw_core::ticket::{Ticket, TicketDraft, TicketKind, TicketPatch, Transition};
use smw_core::views::{SearchHit, TicketDetail};
use smw_core::workflow::{successors, Status};
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

stored_record! {
    Ticket => table "tickets", noun "ticket",
    columns {
        id: uuid,
        key: text,
        kind: enum(TicketKind),
        title: text,
        description: text,
        caller_id: opt_uuid,
        customer_id: opt_uuid,
        service_id: opt_uuid,
        category: text,
        impact: enum(Level),
        urgency: enum(Level),
        priority: int,
        status: enum(Status),
        assignee_id: opt_uuid,
        group_id: opt_uuid,
        pending_reason: opt_text,
        resolution_code: opt_text,
        resolution_notes: opt_text,
        problem_id: opt_uuid,
        sla_id: opt_uuid,
        affected_ci_ids: uuid_list,
        created_at: ts,
        updated_at: ts,
        responded_at: opt_ts,
        resolved_at: opt_ts,
        closed_at: opt_ts,
        deleted_at: opt_ts,
        version: int,
    }
    searchable(ticket) { Searchable { title: &ticket.title, body: ticket.description.as_str().into() } }
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
    crate::families::cmdb::ticket_impact::check_affected_cis(w.conn(), &draft.affected_ci_ids)?;
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
    let (before, after) = w.edit(key, expected_version, |w, ticket: &mut Ticket| {
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
        crate::families::cmdb::ticket_impact::check_affected_cis(
            w.conn(),
            patch.affected_ci_ids.as_deref().unwrap_or_default(),
        )?;
        let before = ticket.clone();
        let sla_chosen = patch.sla_id.is_some();
        ticket.apply_patch(patch, w.now(), &priority_matrix(w.conn())?)?;
        crate::service_levels::reassign_sla(w.conn(), &before, ticket, sla_chosen)
    })?;
    crate::service_levels::after_ticket_write(w, Some(&before), &after)?;
    Ok(after)
}

pub(crate) fn move_status(
    w: &mut WriteTx,
    key: &str,
    transition: Transition,
    expected_version: Option<i64>,
) -> StoreResult<Ticket> {
    let (before, after) =
        w.edit(key, expected_version, |w, ticket: &mut Ticket| Ok(ticket.transition(transition, w.now())?))?;
    crate::service_levels::after_ticket_write(w, Some(&before), &after)?;
    Ok(after)
}
