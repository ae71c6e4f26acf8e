//! Defined CI classes and relationship types: table mappings, creation, edits, and resolving
//! the text a person or a CSV gives (`server`, "Virtual machine", `CLS-000002`, "Rack") to a
//! class or type.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, live_names, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::Connection;
use smw_core::cmdb::class::BUILTIN_CLASSES;
use smw_core::cmdb::relation::ImpactFlow;
use smw_core::cmdb::{CiClass, ClassDef, ClassDraft, RelationType, RelationTypeDraft, TypeDef};
use smw_core::naming::ensure_unique_name;
use smw_core::{Code, Invalid, RecordKind, Timestamp};

stored_record! {
    CiClass => table "ci_classes", noun "CI class",
    columns {
        id: uuid,
        key: text,
        name: text,
        description: text,
        attributes: json,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

stored_record! {
    RelationType => table "relation_types", noun "relationship type",
    columns {
        id: uuid,
        key: text,
        name: text,
        reverse_name: text,
        flow: enum(ImpactFlow),
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

impl Workspace {
    pub fn ci_class_create(&self, actor: &Actor, now: Timestamp, draft: ClassDraft) -> StoreResult<CiClass> {
        self.write(actor, now, |w| create_class(w, draft))
    }

    /// Replaces a defined class's name, description and attributes. CIs of the class are
    /// checked against the new attributes at their next write.
    pub fn ci_class_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        draft: ClassDraft,
        expected_version: Option<i64>,
    ) -> StoreResult<CiClass> {
        self.write(actor, now, |w| {
            let (_, after) = w.edit(key, expected_version, |w, class: &mut CiClass| {
                class.apply(draft)?;
                unique_class_name(w.conn(), class)
            })?;
            Ok(after)
        })
    }

    /// Every class a CI may take: the shipped ones, then the live defined ones.
    pub fn ci_classes(&self) -> StoreResult<Vec<ClassDef>> {
        let mut classes: Vec<ClassDef> =
            BUILTIN_CLASSES.iter().filter_map(|(slug, _)| ClassDef::builtin(slug)).collect();
        classes.extend(list_live::<CiClass>(&self.reader())?.iter().map(ClassDef::defined));
        Ok(classes)
    }

    pub fn relation_type_create(
        &self,
        actor: &Actor,
        now: Timestamp,
        draft: RelationTypeDraft,
    ) -> StoreResult<RelationType> {
        self.write(actor, now, |w| create_relation_type(w, draft))
    }

    /// Every relationship type: the shipped ones, then the live defined ones.
    pub fn relation_types(&self) -> StoreResult<Vec<TypeDef>> {
        relation_types(&self.reader())
    }
}

pub(crate) fn create_class(w: &mut WriteTx, draft: ClassDraft) -> StoreResult<CiClass> {
    w.create(
        RecordKind::CiClass,
        |id, key, now| CiClass::create(draft, id, key, now),
        |w, class| unique_class_name(w.conn(), class),
    )
}

pub(crate) fn create_relation_type(w: &mut WriteTx, draft: RelationTypeDraft) -> StoreResult<RelationType> {
    w.create(
        RecordKind::RelationType,
        |id, key, now| RelationType::create(draft, id, key, now),
        |w, relation_type| {
            let others = live_names::<RelationType>(w.conn(), Some(relation_type.id))?;
            Ok(ensure_unique_name(RelationType::NOUN, &relation_type.name, others.iter().map(String::as_str))?)
        },
    )
}

fn unique_class_name(conn: &Connection, class: &CiClass) -> StoreResult<()> {
    let others = live_names::<CiClass>(conn, Some(class.id))?;
    Ok(ensure_unique_name(CiClass::NOUN, &class.name, others.iter().map(String::as_str))?)
}

pub(crate) fn relation_types(conn: &Connection) -> StoreResult<Vec<TypeDef>> {
    let mut types = TypeDef::all_builtin();
    types.extend(list_live::<RelationType>(conn)?.iter().map(TypeDef::defined));
    Ok(types)
}

/// The classes a batch of writes resolves against, read once.
pub(crate) struct Classes(Vec<ClassDef>);

impl Classes {
    pub(crate) fn load(conn: &Connection) -> StoreResult<Classes> {
        let mut classes: Vec<ClassDef> =
            BUILTIN_CLASSES.iter().filter_map(|(slug, _)| ClassDef::builtin(slug)).collect();
        classes.extend(list_live::<CiClass>(conn)?.iter().map(ClassDef::defined));
        Ok(Classes(classes))
    }

    /// The class `text` names (a slug, key or name, any case); `field` names the input.
    pub(crate) fn resolve(&self, field: &str, text: &str) -> Result<&ClassDef, Invalid> {
        let text = text.trim();
        self.0
            .iter()
            .find(|class| class.id.eq_ignore_ascii_case(text) || class.name.eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                let names = self.0.iter().map(|class| class.id.as_str()).collect::<Vec<_>>().join(", ");
                Invalid::field(
                    Code::UnknownClass,
                    field,
                    format!("No CI class is called “{text}” (there are: {names})."),
                )
            })
    }

    /// The class a stored CI names (its class may have been retired since: then as a class
    /// without attributes, so the CI can still be edited and shown).
    pub(crate) fn of(&self, id: &str) -> ClassDef {
        self.0.iter().find(|class| class.id == id).cloned().unwrap_or_else(|| ClassDef {
            id: id.to_string(),
            name: id.to_string(),
            attributes: Vec::new(),
        })
    }
}

/// The relationship type `text` names among `types`; `field` names the input.
pub(crate) fn resolve_type<'a>(types: &'a [TypeDef], field: &str, text: &str) -> Result<&'a TypeDef, Invalid> {
    let text = text.trim();
    types
        .iter()
        .find(|t| {
            t.id.eq_ignore_ascii_case(text)
                || t.name.eq_ignore_ascii_case(text)
                || t.id.replace('_', " ").eq_ignore_ascii_case(text)
        })
        .ok_or_else(|| {
            let names = types.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
            Invalid::field(
                Code::UnknownReference,
                field,
                format!("No relationship type is called “{text}” (there are: {names})."),
            )
        })
}
