//! Relationships: table mapping, creation and retirement. Their ends and type never change
//! (a different connection is another relationship), so there is no edit.

use super::classes::{relation_types, resolve_type};
use crate::error::{StoreError, StoreResult};
use crate::mapping::stored_record;
use crate::stored::{require_key, require_ref};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::{Connection, OptionalExtension};
use smw_core::catalogue::Service;
use smw_core::cmdb::{Ci, EndKind, Relationship, RelationshipDraft, TypeDef};
use smw_core::{Code, HumanKey, Invalid, RecordKind, Timestamp};
use uuid::Uuid;

stored_record! {
    Relationship => table "relationships", noun "relationship",
    columns {
        id: uuid,
        key: text,
        source_kind: enum(EndKind),
        source_id: uuid,
        relation: text,
        target_kind: enum(EndKind),
        target_id: uuid,
        note: text,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

impl Workspace {
    pub fn relationship_create(
        &self,
        actor: &Actor,
        now: Timestamp,
        draft: RelationshipDraft,
    ) -> StoreResult<Relationship> {
        self.write(actor, now, |w| {
            let types = relation_types(w.conn())?;
            create(w, draft, &types)
        })
    }

    /// `source —relation→ target`, each end named by its key (`CI-000001`, `SVC-000002`).
    pub fn relate(
        &self,
        actor: &Actor,
        now: Timestamp,
        source: &str,
        relation: &str,
        target: &str,
    ) -> StoreResult<Relationship> {
        self.write(actor, now, |w| {
            let (source_kind, source_id) = end_by_key(w.conn(), "source", source)?;
            let (target_kind, target_id) = end_by_key(w.conn(), "target", target)?;
            let types = relation_types(w.conn())?;
            let draft = RelationshipDraft {
                source_kind,
                source_id,
                relation: relation.to_string(),
                target_kind,
                target_id,
                note: String::new(),
            };
            create(w, draft, &types)
        })
    }

    pub fn relationship_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Relationship> {
        self.write(actor, now, |w| {
            let relationship: Relationship = require_key(w.conn(), key)?;
            w.retire(&relationship, |_| {})
        })
    }
}

pub(crate) fn create(w: &mut WriteTx, draft: RelationshipDraft, types: &[TypeDef]) -> StoreResult<Relationship> {
    let relation = resolve_type(types, "relation", &draft.relation)?.clone();
    require_end(w.conn(), draft.source_kind, draft.source_id, "source")?;
    require_end(w.conn(), draft.target_kind, draft.target_id, "target")?;
    w.create(
        RecordKind::Relationship,
        |id, key, now| Relationship::create(draft, &relation, id, key, now),
        |w, relationship| match existing(
            w.conn(),
            relationship.source_id,
            &relationship.relation,
            relationship.target_id,
        )? {
            Some(key) => Err(Invalid::field(
                Code::DuplicateLink,
                "target",
                format!("These two are already related this way ({key})."),
            )
            .into()),
            None => Ok(()),
        },
    )
}

/// The key of the live relationship `source —relation→ target`, if there is one.
pub(crate) fn existing(conn: &Connection, source: Uuid, relation: &str, target: Uuid) -> StoreResult<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT key FROM relationships WHERE source_id = ?1 AND relation = ?2 AND target_id = ?3 AND deleted_at IS NULL",
        )?
        .query_row(rusqlite::params![source.to_string(), relation, target.to_string()], |row| row.get(0))
        .optional()?)
}

fn require_end(conn: &Connection, kind: EndKind, id: Uuid, field: &str) -> StoreResult<()> {
    match kind {
        EndKind::Ci => require_ref::<Ci>(conn, Some(id), field),
        EndKind::Service => require_ref::<Service>(conn, Some(id), field),
    }
}

/// The live CI or service a key names; `field` says which end it is.
pub(crate) fn end_by_key(conn: &Connection, field: &str, key: &str) -> StoreResult<(EndKind, Uuid)> {
    let kind = match HumanKey::parse(key).map(|key| key.kind) {
        Some(RecordKind::Ci) => EndKind::Ci,
        Some(RecordKind::Service) => EndKind::Service,
        _ => {
            return Err(Invalid::field(
                Code::UnknownReference,
                field,
                format!("“{}” is not the key of a CI or a service (CI-000123, SVC-000004).", key.trim()),
            )
            .into())
        }
    };
    let id = match kind {
        EndKind::Ci => require_key::<Ci>(conn, key).map(|ci| ci.id),
        EndKind::Service => require_key::<Service>(conn, key).map(|service| service.id),
    };
    match id {
        Ok(id) => Ok((kind, id)),
        Err(StoreError::NotFound { .. }) => Err(Invalid::field(
            Code::UnknownReference,
            field,
            format!("No live {} has the key {}.", kind.label(), key.trim().to_ascii_uppercase()),
        )
        .into()),
        Err(other) => Err(other),
    }
}
