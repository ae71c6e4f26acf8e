//! Editing the catalogue: partial updates of services, customers and suppliers, and the rule
//! that service dependencies never form a cycle (a cycle would make impact analysis and
//! "what does this service need" endless).

use crate::catalogue::{Customer, Service, ServiceStatus, Supplier};
use crate::error::{Code, Invalid};
use crate::patch::{nullable, without_repeats};
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ServicePatch {
    pub name: Option<String>,
    pub description: Option<String>,
    pub status: Option<ServiceStatus>,
    #[serde(deserialize_with = "nullable")]
    pub owner_id: Option<Option<Uuid>>,
    pub customer_ids: Option<Vec<Uuid>>,
    pub depends_on: Option<Vec<Uuid>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct PartyPatch {
    pub name: Option<String>,
    pub description: Option<String>,
    pub contacts: Option<String>,
}

impl Service {
    /// Applies an edit. `dependencies` maps every other live service to what it depends on,
    /// so a new dependency that would close a cycle is refused, naming the path.
    pub fn apply_patch(&mut self, patch: ServicePatch, dependencies: &HashMap<Uuid, Vec<Uuid>>) -> Result<(), Invalid> {
        if let Some(name) = patch.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        if let Some(description) = patch.description {
            self.description = text::markdown("description", &description, text::MARKDOWN_MAX)?;
        }
        self.status = patch.status.unwrap_or(self.status);
        self.owner_id = patch.owner_id.unwrap_or(self.owner_id);
        if let Some(customers) = patch.customer_ids {
            self.customer_ids = without_repeats(customers);
        }
        if let Some(depends_on) = patch.depends_on {
            let depends_on = without_repeats(depends_on);
            for (index, target) in depends_on.iter().enumerate() {
                if *target == self.id {
                    return Err(Invalid::field(
                        Code::SelfDependency,
                        format!("depends_on[{index}]"),
                        "A service cannot depend on itself.",
                    ));
                }
                if reaches(dependencies, *target, self.id) {
                    return Err(Invalid::field(
                        Code::DependencyCycle,
                        format!("depends_on[{index}]"),
                        "That service already depends, directly or through others, on this one; the dependency would form a cycle.",
                    ));
                }
            }
            self.depends_on = depends_on;
        }
        Ok(())
    }
}

/// True when `from` depends on `to` through the graph (iterative, so deep chains are safe).
fn reaches(dependencies: &HashMap<Uuid, Vec<Uuid>>, from: Uuid, to: Uuid) -> bool {
    let mut stack = vec![from];
    let mut seen = HashSet::new();
    while let Some(current) = stack.pop() {
        if current == to {
            return true;
        }
        if seen.insert(current) {
            stack.extend(dependencies.get(&current).into_iter().flatten().copied());
        }
    }
    false
}

macro_rules! party_patch {
    ($type:ty) => {
        impl $type {
            pub fn apply_patch(&mut self, patch: PartyPatch) -> Result<(), Invalid> {
                if let Some(name) = patch.name {
                    self.name = text::required_line("name", &name, text::NAME_MAX)?;
                }
                if let Some(description) = patch.description {
                    self.description = text::markdown("description", &description, text::MARKDOWN_MAX)?;
                }
                if let Some(contacts) = patch.contacts {
                    self.contacts = text::markdown("contacts", contacts.trim(), 10_000)?;
                }
                Ok(())
            }
        }
    };
}

party_patch!(Customer);
party_patch!(Supplier);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ServiceDraft;
    use crate::time::Timestamp;

    fn service(n: u128, depends_on: Vec<Uuid>) -> Service {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let draft = ServiceDraft {
            name: format!("S{n}"),
            description: String::new(),
            status: None,
            owner_id: None,
            customer_ids: vec![],
            depends_on,
        };
        Service::create(draft, Uuid::from_u128(n), format!("SVC-{n}"), now).unwrap()
    }

    #[test]
    fn a_dependency_closing_a_cycle_is_refused() {
        // 1 → 2 → 3; making 3 depend on 1 would close the loop.
        let graph: HashMap<Uuid, Vec<Uuid>> =
            [(Uuid::from_u128(1), vec![Uuid::from_u128(2)]), (Uuid::from_u128(2), vec![Uuid::from_u128(3)])].into();
        let mut third = service(3, vec![]);
        let patch =
            ServicePatch { depends_on: Some(vec![Uuid::from_u128(4), Uuid::from_u128(1)]), ..Default::default() };
        let err = third.apply_patch(patch, &graph).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::DependencyCycle, Some("depends_on[1]")));
        assert!(third.depends_on.is_empty());
        let fine =
            ServicePatch { depends_on: Some(vec![Uuid::from_u128(4), Uuid::from_u128(4)]), ..Default::default() };
        third.apply_patch(fine, &graph).unwrap();
        assert_eq!(third.depends_on, vec![Uuid::from_u128(4)]);
    }

    #[test]
    fn self_dependency_and_blank_names_are_refused() {
        let mut one = service(1, vec![]);
        let err = one
            .apply_patch(
                ServicePatch { depends_on: Some(vec![Uuid::from_u128(1)]), ..Default::default() },
                &HashMap::new(),
            )
            .unwrap_err();
        assert_eq!(err.code, Code::SelfDependency);
        let err = one
            .apply_patch(ServicePatch { name: Some("  ".into()), ..Default::default() }, &HashMap::new())
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
    }
}
