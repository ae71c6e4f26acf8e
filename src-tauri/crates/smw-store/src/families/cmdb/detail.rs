//! A CI as its record view shows it: the record, its class, and its relationships both ways
//! with the other end named.

use super::classes::{relation_types, Classes};
use crate::error::{StoreError, StoreResult};
use crate::stored::{get_by_id, get_by_key, select_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::catalogue::Service;
use smw_core::cmdb::views::{CiDetail, NodeRef, RelationshipView};
use smw_core::cmdb::{Ci, EndKind, Relationship, TypeDef};
use smw_core::Record;
use uuid::Uuid;

impl Workspace {
    /// The CI `key` (retired ones too) with its live relationships both ways.
    pub fn ci_get(&self, key: &str) -> StoreResult<CiDetail> {
        let conn = self.reader();
        let ci: Ci =
            get_by_key(&conn, key)?.ok_or_else(|| StoreError::not_found("CI", key.trim().to_ascii_uppercase()))?;
        let class_name = Classes::load(&conn)?.of(&ci.class).name;
        let types = relation_types(&conn)?;
        let outgoing = relationships_where(&conn, "source_id", ci.id)?
            .iter()
            .map(|r| view(&conn, &types, r))
            .collect::<StoreResult<_>>()?;
        let incoming = relationships_where(&conn, "target_id", ci.id)?
            .iter()
            .map(|r| view(&conn, &types, r))
            .collect::<StoreResult<_>>()?;
        let open_tickets = super::ticket_impact::open_tickets_naming(&conn, ci.id)?;
        let open_problems = super::ticket_impact::open_problems_naming(&conn, ci.id)?;
        Ok(CiDetail {
            licence_over_used: ci.asset.over_used(),
            class_name,
            ci,
            outgoing,
            incoming,
            open_tickets,
            open_problems,
        })
    }
}

pub(crate) fn relationships_where(conn: &Connection, column: &str, id: Uuid) -> StoreResult<Vec<Relationship>> {
    let sql = format!("{} WHERE {column} = ?1 AND deleted_at IS NULL ORDER BY seq", select_sql::<Relationship>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], Relationship::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn view(conn: &Connection, types: &[TypeDef], relationship: &Relationship) -> StoreResult<RelationshipView> {
    let relation = types.iter().find(|t| t.id == relationship.relation).cloned().unwrap_or_else(|| TypeDef {
        id: relationship.relation.clone(),
        name: relationship.relation.clone(),
        reverse_name: relationship.relation.clone(),
        flow: smw_core::cmdb::ImpactFlow::Neither,
    });
    Ok(RelationshipView {
        key: Some(relationship.key.clone()),
        relation: relation.id,
        relation_name: relation.name,
        reverse_name: relation.reverse_name,
        flow: relation.flow,
        source: node(conn, relationship.source_kind, relationship.source_id)?,
        target: node(conn, relationship.target_kind, relationship.target_id)?,
    })
}

/// One end, named, whether live or retired.
pub(crate) fn node(conn: &Connection, kind: EndKind, id: Uuid) -> StoreResult<NodeRef> {
    let missing = || StoreError::not_found("relationship end", id.to_string());
    Ok(match kind {
        EndKind::Ci => {
            let ci: Ci = get_by_id(conn, id)?.ok_or_else(missing)?;
            NodeRef {
                kind,
                id,
                retired: ci.deleted_at().is_some(),
                key: ci.key,
                name: ci.name,
                class: ci.class,
                status: ci.status.as_str().into(),
            }
        }
        EndKind::Service => {
            let service: Service = get_by_id(conn, id)?.ok_or_else(missing)?;
            NodeRef {
                kind,
                id,
                retired: service.deleted_at().is_some(),
                key: service.key,
                name: service.name,
                class: "service".into(),
                status: service.status.as_str().into(),
            }
        }
    })
}
