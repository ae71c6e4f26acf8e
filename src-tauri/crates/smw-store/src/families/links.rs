//! Links between tickets and problems.

use crate::error::{StoreError, StoreResult};
use crate::mapping::stored_record;
use crate::stored::{get_by_id, get_by_key, select_sql, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::Connection;
use smw_core::link::{Link, LinkKind};
use smw_core::problem::Problem;
use smw_core::ticket::Ticket;
use smw_core::views::LinkView;
use smw_core::{Code, Invalid, RecordKind, Timestamp};
use uuid::Uuid;

stored_record! {
    Link => table "links", noun "link",
    columns {
        id: uuid,
        key: text,
        from_id: uuid,
        to_id: uuid,
        kind: enum(LinkKind),
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

/// The id, key, title and kind of a live ticket or problem, by key.
fn linkable(conn: &Connection, key: &str, field: &str) -> StoreResult<Uuid> {
    if let Some(ticket) = get_by_key::<Ticket>(conn, key)?.filter(|t| t.deleted_at.is_none()) {
        return Ok(ticket.id);
    }
    if let Some(problem) = get_by_key::<Problem>(conn, key)?.filter(|p| p.deleted_at.is_none()) {
        return Ok(problem.id);
    }
    // An incident links to the change that caused it (`INC caused_by CHG`).
    if let Some(change) =
        get_by_key::<smw_core::change_management::Change>(conn, key)?.filter(|c| c.deleted_at.is_none())
    {
        return Ok(change.id);
    }
    Err(Invalid::field(Code::UnknownReference, field, format!("There is no ticket, problem or change {key}.")).into())
}

fn label(conn: &Connection, id: Uuid) -> StoreResult<Option<(String, String, RecordKind)>> {
    if let Some(found) = crate::tickets::label(conn, id)? {
        return Ok(Some(found));
    }
    if let Some(found) = get_by_id::<Problem>(conn, id)?.map(|p| (p.key, p.title, RecordKind::Problem)) {
        return Ok(Some(found));
    }
    crate::families::changes::rfcs::label(conn, id)
}

impl Workspace {
    pub fn link_add(
        &self,
        actor: &Actor,
        now: Timestamp,
        from_key: &str,
        to_key: &str,
        kind: LinkKind,
    ) -> StoreResult<Link> {
        self.write(actor, now, |w| add(w, from_key, to_key, kind))
    }

    pub fn link_remove(&self, actor: &Actor, now: Timestamp, link_id: Uuid) -> StoreResult<()> {
        self.write(actor, now, |w| {
            let link = get_by_id::<Link>(w.conn(), link_id)?
                .filter(|l| l.deleted_at.is_none())
                .ok_or_else(|| StoreError::not_found("link", link_id.to_string()))?;
            w.delete(&link)
        })
    }
}

/// Live links of a record, seen from that record.
pub(crate) fn for_record(conn: &Connection, id: Uuid) -> StoreResult<Vec<LinkView>> {
    let sql =
        format!("{} WHERE (from_id = ?1 OR to_id = ?1) AND deleted_at IS NULL ORDER BY seq", select_sql::<Link>());
    let links: Vec<Link> = {
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([id.to_string()], Link::from_row)?;
        rows.collect::<Result<_, _>>()?
    };
    let mut views = Vec::with_capacity(links.len());
    for link in links {
        let inbound = link.to_id == id;
        let other = if inbound { link.from_id } else { link.to_id };
        if let Some((other_key, other_title, other_kind)) = label(conn, other)? {
            views.push(LinkView { link_id: link.id, kind: link.kind, inbound, other_key, other_title, other_kind });
        }
    }
    Ok(views)
}

pub(crate) fn add(w: &mut WriteTx, from_key: &str, to_key: &str, kind: LinkKind) -> StoreResult<Link> {
    let from_id = linkable(w.conn(), from_key, "from_key")?;
    let to_id = linkable(w.conn(), to_key, "to_key")?;
    let existing = for_record(w.conn(), from_id)?;
    if existing.iter().any(|l| !l.inbound && l.kind == kind && l.other_key.eq_ignore_ascii_case(to_key.trim())) {
        return Err(Invalid::field(
            Code::DuplicateLink,
            "to_key",
            format!("{from_key} is already linked to {to_key}."),
        )
        .into());
    }
    w.create(RecordKind::Link, |id, key, now| Link::create(from_id, to_id, kind, id, key, now), |_, _| Ok(()))
}
