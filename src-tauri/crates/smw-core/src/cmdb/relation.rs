//! Typed, directed relationships between CIs and the catalogue's services. Each type says
//! which way a failure travels along it, which is all impact analysis needs to know.

use super::named_values;
use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    /// Which way a failure travels along a relationship `source —type→ target`.
    ImpactFlow {
        /// A failure of the target hits the source (an application runs on a server).
        TowardSource = "toward_source" / "Target failure hits source",
        /// A failure of the source hits the target (a disk is part of an array).
        TowardTarget = "toward_target" / "Source failure hits target",
        /// Either end's failure hits the other (two switches connected to each other).
        Both = "both" / "Both ways",
        /// Recorded for the picture only; impact does not travel along it.
        Neither = "neither" / "Neither way",
    }
);

named_values!(
    /// What one end of a relationship is.
    EndKind {
        Ci = "ci" / "CI",
        Service = "service" / "Service",
    }
);

/// The relationship types every workspace has: slug, name, name read backwards, impact flow.
pub const BUILTIN_TYPES: [(&str, &str, &str, ImpactFlow); 7] = [
    ("runs_on", "runs on", "runs", ImpactFlow::TowardSource),
    ("depends_on", "depends on", "is needed by", ImpactFlow::TowardSource),
    ("hosted_by", "hosted by", "hosts", ImpactFlow::TowardSource),
    ("connected_to", "connected to", "connected to", ImpactFlow::Both),
    ("uses", "uses", "used by", ImpactFlow::TowardSource),
    ("part_of", "part of", "has part", ImpactFlow::TowardTarget),
    ("backed_up_by", "backed up by", "backs up", ImpactFlow::TowardSource),
];

/// A relationship type a team defined.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct RelationType {
    pub id: Uuid,
    pub key: String,
    /// Read from source to target: "replicates to".
    pub name: String,
    /// Read from target to source: "is replicated from".
    pub reverse_name: String,
    pub flow: ImpactFlow,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(RelationType, RecordKind::RelationType);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RelationTypeDraft {
    pub name: String,
    #[serde(default)]
    pub reverse_name: String,
    pub flow: ImpactFlow,
}

impl RelationType {
    pub fn create(draft: RelationTypeDraft, id: Uuid, key: String, now: Timestamp) -> Result<RelationType, Invalid> {
        let name = text::required_line("name", &draft.name, text::NAME_MAX)?;
        if TypeDef::builtin(&name).is_some() {
            return Err(Invalid::field(
                Code::DuplicateName,
                "name",
                format!("“{name}” is a relationship type every workspace has; choose another name."),
            ));
        }
        let reverse_name = text::optional_line("reverse_name", &draft.reverse_name, text::NAME_MAX)?
            .unwrap_or_else(|| format!("{name} (reverse)"));
        Ok(RelationType {
            id,
            key,
            name,
            reverse_name,
            flow: draft.flow,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }
}

/// A relationship type as a write and the impact graph need it, shipped or defined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TypeDef {
    /// What a relationship stores as its type: a shipped type's slug or a defined type's key.
    pub id: String,
    pub name: String,
    pub reverse_name: String,
    pub flow: ImpactFlow,
}

impl TypeDef {
    /// The shipped type with this slug or name (`depends_on`, "depends on"), if any.
    pub fn builtin(text: &str) -> Option<TypeDef> {
        let text = text.trim();
        BUILTIN_TYPES
            .iter()
            .find(|(slug, name, _, _)| slug.eq_ignore_ascii_case(text) || name.eq_ignore_ascii_case(text))
            .map(|(slug, name, reverse, flow)| TypeDef {
                id: slug.to_string(),
                name: name.to_string(),
                reverse_name: reverse.to_string(),
                flow: *flow,
            })
    }

    pub fn all_builtin() -> Vec<TypeDef> {
        BUILTIN_TYPES.iter().filter_map(|(slug, ..)| TypeDef::builtin(slug)).collect()
    }

    pub fn defined(relation_type: &RelationType) -> TypeDef {
        TypeDef {
            id: relation_type.key.clone(),
            name: relation_type.name.clone(),
            reverse_name: relation_type.reverse_name.clone(),
            flow: relation_type.flow,
        }
    }
}

/// `source —relation→ target`. Its ends and type never change: a different relationship is
/// retired and another created, so the history reads as what was connected when.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Relationship {
    pub id: Uuid,
    pub key: String,
    pub source_kind: EndKind,
    pub source_id: Uuid,
    /// A shipped type's slug or a defined type's key.
    pub relation: String,
    pub target_kind: EndKind,
    pub target_id: Uuid,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub note: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Relationship, RecordKind::Relationship);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RelationshipDraft {
    pub source_kind: EndKind,
    pub source_id: Uuid,
    /// A type's slug, name or key.
    pub relation: String,
    pub target_kind: EndKind,
    pub target_id: Uuid,
    #[serde(default)]
    pub note: String,
}

impl Relationship {
    /// A new relationship of `relation` (which the store resolved from `draft.relation`).
    pub fn create(
        draft: RelationshipDraft,
        relation: &TypeDef,
        id: Uuid,
        key: String,
        now: Timestamp,
    ) -> Result<Relationship, Invalid> {
        if draft.source_id == draft.target_id {
            return Err(Invalid::field(Code::SelfDependency, "target", "A relationship needs two different ends."));
        }
        Ok(Relationship {
            id,
            key,
            source_kind: draft.source_kind,
            source_id: draft.source_id,
            relation: relation.id.clone(),
            target_kind: draft.target_kind,
            target_id: draft.target_id,
            note: text::optional_line("note", &draft.note, 500)?.unwrap_or_default(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_types_are_found_by_slug_or_name_and_carry_their_flow() {
        assert_eq!(TypeDef::builtin("Runs On").unwrap().flow, ImpactFlow::TowardSource);
        assert_eq!(TypeDef::builtin("part_of").unwrap().flow, ImpactFlow::TowardTarget);
        assert_eq!(TypeDef::builtin("connected to").unwrap().flow, ImpactFlow::Both);
        assert!(TypeDef::builtin("loves").is_none());
        assert_eq!(TypeDef::all_builtin().len(), 7);
    }

    #[test]
    fn a_relationship_needs_two_ends_and_a_defined_type_a_new_name() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let id = Uuid::max();
        let draft = RelationshipDraft {
            source_kind: EndKind::Ci,
            source_id: id,
            relation: "uses".into(),
            target_kind: EndKind::Ci,
            target_id: id,
            note: String::new(),
        };
        let err = Relationship::create(draft, &TypeDef::builtin("uses").unwrap(), Uuid::nil(), "REL-1".into(), now)
            .unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::SelfDependency, Some("target")));
        let clash =
            RelationTypeDraft { name: "Depends on".into(), reverse_name: String::new(), flow: ImpactFlow::Both };
        assert_eq!(
            RelationType::create(clash, Uuid::nil(), "RLT-1".into(), now).unwrap_err().code,
            Code::DuplicateName
        );
        let own =
            RelationTypeDraft { name: "replicates to".into(), reverse_name: String::new(), flow: ImpactFlow::Both };
        assert_eq!(
            RelationType::create(own, Uuid::nil(), "RLT-1".into(), now).unwrap().reverse_name,
            "replicates to (reverse)"
        );
    }
}
