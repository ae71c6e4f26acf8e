//! What an import refuses in a record that a normal write would never have stored. Each family
//! registers its rules here by implementing [`ImportRules`] (the import's `for_each_family!`
//! body requires it, so a new family does not compile until it has said what it checks). The
//! rules are the domain's own: a record is remade through its family's `create` (or checked
//! with the domain function a write calls) and must come out as it is stored.

use serde::Serialize;
use smw_core::agreements::sla::{check_pausing, check_thresholds};
use smw_core::agreements::targets::check_targets;
use smw_core::agreements::{CalendarRecord, Contract, Ola, Sla};
use smw_core::catalogue::{Customer, PartyDraft, Service, ServiceDraft, Supplier};
use smw_core::comment::{Comment, CommentDraft};
use smw_core::directory::{Group, GroupDraft, Person, PersonDraft};
use smw_core::link::Link;
use smw_core::location::{Location, LocationDraft};
use smw_core::naming::{ensure_unique_email, ensure_unique_name, name_identity};
use smw_core::priority::{PriorityMatrix, PRIORITY_RANGE};
use smw_core::problem::{Problem, ProblemDraft};
use smw_core::setting::{Setting, PRIORITY_MATRIX};
use smw_core::ticket::{Ticket, TicketDraft};
use smw_core::{Invalid, Record};
use std::collections::HashMap;

/// Why a record is refused: the field, and what is wrong with it.
pub(crate) struct Refusal {
    pub(crate) field: String,
    pub(crate) message: String,
}

impl From<Invalid> for Refusal {
    fn from(invalid: Invalid) -> Self {
        Refusal { field: invalid.field.clone().unwrap_or_default(), message: invalid.message }
    }
}

/// A family's import rules, beyond the checks every record gets (its key, its references).
pub(crate) trait ImportRules: crate::stored::Stored {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal>;
}

/// The names (and e-mail addresses) of the live records loaded so far, per family, as
/// `naming.rs` compares them, each with the key of the record that has it.
#[derive(Default)]
pub(crate) struct LiveNames {
    seen: HashMap<(&'static str, String), String>,
}

impl LiveNames {
    fn unique<R: Record>(
        &mut self,
        record: &R,
        kind: &'static str,
        name: &str,
        ensure: impl Fn(&str, &str) -> Result<(), Invalid>,
    ) -> Result<(), Refusal> {
        if record.deleted_at().is_some() {
            return Ok(());
        }
        match self.seen.entry((kind, name_identity(name))) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let mut refusal = Refusal::from(ensure(name, name).unwrap_err());
                refusal.message = format!("{} (as {} is)", refusal.message, first.get());
                Err(refusal)
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(record.key().to_string());
                Ok(())
            }
        }
    }

    fn unique_name<R: crate::stored::Stored>(&mut self, record: &R, name: &str) -> Result<(), Refusal> {
        self.unique(record, R::TABLE, name, |name, other| ensure_unique_name(R::NOUN, name, [other]))
    }
}

/// Refuses `stored` unless the domain, making the record again from its own fields, both
/// accepts it and stores `fields` exactly as they are: text a write would have trimmed or
/// refused does not slip in through a file.
fn remade_alike<R: Serialize>(stored: &R, remade: Result<R, Invalid>, fields: &[&str]) -> Result<(), Refusal> {
    let remade = serde_json::to_value(remade?).map_err(|e| Refusal { field: String::new(), message: e.to_string() })?;
    let stored = serde_json::to_value(stored).map_err(|e| Refusal { field: String::new(), message: e.to_string() })?;
    for field in fields {
        if stored.get(field) != remade.get(field) {
            return Err(Refusal {
                field: field.to_string(),
                message: format!("not as the app stores it (it would store {})", remade.get(field).unwrap_or_default()),
            });
        }
    }
    Ok(())
}

fn in_order<T: PartialEq>(field: &str, stored: &[T], canonical: Result<Vec<T>, Invalid>) -> Result<(), Refusal> {
    if canonical? != stored {
        return Err(Refusal {
            field: field.into(),
            message: "not sorted and without repeats, as the app stores it".into(),
        });
    }
    Ok(())
}

impl ImportRules for Setting {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        if self.name == PRIORITY_MATRIX {
            let matrix: PriorityMatrix = serde_json::from_str(&self.value)
                .map_err(|e| Refusal { field: "value".into(), message: format!("not a priority matrix ({e})") })?;
            matrix.validate().map_err(|e| {
                let refusal = Refusal::from(e);
                Refusal { field: format!("value.{}", refusal.field), ..refusal }
            })?;
        }
        Ok(())
    }
}

macro_rules! party_rules {
    ($type:ty) => {
        impl ImportRules for $type {
            fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
                let draft = PartyDraft {
                    name: self.name.clone(),
                    description: self.description.clone(),
                    contacts: Some(self.contacts.clone()),
                };
                let remade = <$type>::create(draft, self.id, self.key.clone(), self.created_at);
                remade_alike(self, remade, &["name", "description", "contacts"])?;
                names.unique_name(self, &self.name)
            }
        }
    };
}

party_rules!(Customer);
party_rules!(Supplier);

impl ImportRules for Group {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft = GroupDraft {
            name: self.name.clone(),
            description: self.description.clone(),
            lead_id: self.lead_id,
            member_ids: None,
        };
        remade_alike(self, Group::create(draft, self.id, self.key.clone(), self.created_at), &["name", "description"])?;
        names.unique_name(self, &self.name)
    }
}

impl ImportRules for Location {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft =
            LocationDraft { name: self.name.clone(), address: self.address.clone(), time_zone: self.time_zone.clone() };
        let remade = Location::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["name", "address", "time_zone"])?;
        names.unique_name(self, &self.name)
    }
}

impl ImportRules for Person {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft = PersonDraft {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: Some(self.phone.clone()),
            can_act: Some(self.can_act),
            group_ids: self.group_ids.clone(),
            ..Default::default()
        };
        let remade = Person::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["name", "email", "phone"])?;
        if self.email.trim().is_empty() {
            return Ok(());
        }
        names.unique(self, "people.email", &self.email, |email, other| ensure_unique_email(email, [other]))
    }
}

impl ImportRules for Service {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft = ServiceDraft {
            name: self.name.clone(),
            description: self.description.clone(),
            status: Some(self.status),
            owner_id: self.owner_id,
            customer_ids: self.customer_ids.clone(),
            depends_on: self.depends_on.clone(),
        };
        let remade = Service::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["name", "description"])?;
        names.unique_name(self, &self.name)
    }
}

impl ImportRules for CalendarRecord {
    /// The SLA clocks are rebuilt from every calendar after the load: one the engine refuses
    /// is named here, at its line, rather than failing the rebuild.
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        self.business_calendar().map(drop).map_err(|e| Refusal { field: "definition".into(), ..e.into() })
    }
}

impl ImportRules for Sla {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        check_targets(&self.targets)?;
        in_order("pausing_statuses", &self.pausing_statuses, check_pausing(&self.pausing_statuses))?;
        in_order("warning_thresholds", &self.warning_thresholds, check_thresholds(&self.warning_thresholds))
    }
}

impl ImportRules for Ola {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        Ok(check_targets(&self.targets)?)
    }
}

impl ImportRules for Contract {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        Ok(check_targets(&self.targets)?)
    }
}

impl ImportRules for Problem {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        let draft = ProblemDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            priority: Some(self.priority),
            service_id: self.service_id,
            assignee_id: self.assignee_id,
            ..Default::default()
        };
        let remade = Problem::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["title", "description", "priority"])
    }
}

impl ImportRules for Ticket {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        // The priority followed the matrix in force when it was set, which may since have
        // changed: only its range is the domain's to check here.
        if !PRIORITY_RANGE.contains(&self.priority) {
            return Err(Refusal {
                field: "priority".into(),
                message: format!("{} is not a priority (1 to 5)", self.priority),
            });
        }
        let draft = TicketDraft {
            kind: Some(self.kind),
            title: self.title.clone(),
            description: self.description.clone(),
            category: self.category.clone(),
            impact: self.impact,
            urgency: self.urgency,
            ..Default::default()
        };
        let remade = Ticket::create(draft, self.id, self.key.clone(), self.created_at, &PriorityMatrix::default());
        remade_alike(self, remade, &["kind", "title", "description", "category"])
    }
}

impl ImportRules for Comment {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        let draft = CommentDraft { body: self.body.clone(), internal: self.internal };
        let remade = Comment::create(draft, self.parent_id, self.author_id, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["body"])
    }
}

impl ImportRules for Link {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        let remade = Link::create(self.from_id, self.to_id, self.kind, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["from_id", "to_id"])
    }
}

// Configuration management: each record remade through its domain `create`. A CI's defined
// class may come later in no order the rules can see, so its attributes are taken as text
// here; a shipped class is checked in full.
impl ImportRules for smw_core::cmdb::CiClass {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft = smw_core::cmdb::ClassDraft {
            name: self.name.clone(),
            description: self.description.clone(),
            attributes: self.attributes.clone(),
        };
        let remade = smw_core::cmdb::CiClass::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["name", "description", "attributes"])?;
        names.unique_name(self, &self.name)
    }
}

impl ImportRules for smw_core::cmdb::RelationType {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft = smw_core::cmdb::RelationTypeDraft {
            name: self.name.clone(),
            reverse_name: self.reverse_name.clone(),
            flow: self.flow,
        };
        let remade = smw_core::cmdb::RelationType::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["name", "reverse_name"])?;
        names.unique_name(self, &self.name)
    }
}

impl ImportRules for smw_core::cmdb::Ci {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        use smw_core::cmdb::{AttributeDef, AttributeKind, CiFields, ClassDef};
        let class = ClassDef::builtin(&self.class).filter(|class| class.id == self.class).unwrap_or_else(|| ClassDef {
            id: self.class.clone(),
            name: self.class.clone(),
            attributes: self
                .attributes
                .keys()
                .map(|name| AttributeDef {
                    name: name.clone(),
                    label: name.clone(),
                    kind: AttributeKind::Text,
                    required: false,
                    choices: vec![],
                })
                .collect(),
        });
        let fields = CiFields {
            name: Some(self.name.clone()),
            description: Some(self.description.clone()),
            serial_number: Some(self.serial_number.clone()),
            asset_tag: Some(self.asset_tag.clone()),
            service_ids: Some(self.service_ids.clone()),
            attributes: Some(self.attributes.clone()),
            asset: Some(self.asset.clone()),
            ..Default::default()
        };
        let remade = smw_core::cmdb::Ci::create(fields, &class, self.id, self.key.clone(), self.created_at);
        remade_alike(
            self,
            remade,
            &["name", "description", "serial_number", "asset_tag", "service_ids", "attributes", "asset"],
        )
    }
}

impl ImportRules for smw_core::cmdb::Relationship {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        let draft = smw_core::cmdb::RelationshipDraft {
            source_kind: self.source_kind,
            source_id: self.source_id,
            relation: self.relation.clone(),
            target_kind: self.target_kind,
            target_id: self.target_id,
            note: self.note.clone(),
        };
        let relation = smw_core::cmdb::TypeDef {
            id: self.relation.clone(),
            name: self.relation.clone(),
            reverse_name: self.relation.clone(),
            flow: smw_core::cmdb::ImpactFlow::Neither,
        };
        let remade = smw_core::cmdb::Relationship::create(draft, &relation, self.id, self.key.clone(), self.created_at);
        remade_alike(self, remade, &["note"])
    }
}

impl ImportRules for smw_core::change_management::Release {
    fn check(&self, names: &mut LiveNames) -> Result<(), Refusal> {
        let draft = smw_core::change_management::ReleaseDraft {
            name: Some(self.name.clone()),
            planned_start: Some(self.planned_start),
            planned_end: Some(self.planned_end),
            acceptance_criteria: Some(self.acceptance_criteria.clone()),
            test_results: Some(self.test_results.clone()),
            deployment_notes: Some(self.deployment_notes.clone()),
            ..Default::default()
        };
        let remade = smw_core::change_management::Release::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(
            self,
            remade,
            &["name", "planned_end", "acceptance_criteria", "test_results", "deployment_notes"],
        )?;
        names.unique_name(self, &self.name)
    }
}

impl ImportRules for smw_core::change_management::ChangeWindow {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        let draft = smw_core::change_management::WindowDraft {
            name: Some(self.name.clone()),
            kind: Some(self.kind),
            time_zone: Some(self.time_zone.clone()),
            starts_local: Some(self.starts_local.clone()),
            duration_minutes: Some(self.duration_minutes),
            rrule: Some(self.rrule.clone().unwrap_or_default()),
            service_ids: Some(self.service_ids.clone()),
            description: Some(self.description.clone()),
        };
        let remade =
            smw_core::change_management::ChangeWindow::create(draft, self.id, self.key.clone(), self.created_at);
        remade_alike(
            self,
            remade,
            &["name", "time_zone", "starts_local", "duration_minutes", "rrule", "service_ids", "description"],
        )
    }
}

impl ImportRules for smw_core::change_management::Change {
    fn check(&self, _: &mut LiveNames) -> Result<(), Refusal> {
        let draft = smw_core::change_management::ChangeDraft {
            change_type: Some(self.change_type),
            title: self.title.clone(),
            description: self.description.clone(),
            reason: self.reason.clone(),
            ci_ids: self.ci_ids.clone(),
            service_ids: self.service_ids.clone(),
            likelihood: Some(self.likelihood),
            impact: Some(self.impact),
            implementation_plan: self.implementation_plan.clone(),
            backout_plan: self.backout_plan.clone(),
            test_plan: self.test_plan.clone(),
            planned_start: self.planned_start,
            planned_end: self.planned_end,
            template: self.template.clone(),
            ..Default::default()
        };
        let remade = smw_core::change_management::Change::create(draft, self.id, self.key.clone(), self.created_at);
        let fields = [
            "title",
            "description",
            "reason",
            "ci_ids",
            "service_ids",
            "risk",
            "implementation_plan",
            "backout_plan",
            "test_plan",
            "template",
        ];
        remade_alike(self, remade, &fields)
    }
}

/// Refuses a record whose key is not one its family's writes make (`INC-000042`).
pub(crate) fn check_key<R: Record>(record: &R) -> Result<(), Refusal> {
    let refusal = |message: String| Refusal { field: "key".into(), message };
    let key = smw_core::HumanKey::parse(record.key())
        .ok_or_else(|| refusal(format!("{:?} is not a key of the form PREFIX-000001", record.key())))?;
    if key.kind != record.kind() || key.number == 0 || key.to_string() != record.key() {
        return Err(refusal(format!(
            "{:?} is not a key the app gives a {} (expected {}-000001 or the like)",
            record.key(),
            record.kind(),
            record.kind().key_prefix()
        )));
    }
    if record.version() < 1 {
        return Err(Refusal {
            field: "version".into(),
            message: format!("{} is not a row version (1 or more)", record.version()),
        });
    }
    Ok(())
}
