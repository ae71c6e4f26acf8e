//! Service level management records: business-hours calendars kept as records, service level
//! agreements with customers, operational level agreements with internal groups and
//! underpinning contracts with suppliers, and the check that the agreements underneath an
//! SLA can actually carry it.

pub mod calendar_record;
pub mod consistency;
pub mod sla;
pub mod targets;
pub mod underpinning;

pub use calendar_record::{CalendarDraft, CalendarPatch, CalendarRecord};
pub use consistency::{check_consistency, ConsistencyFinding, ConsistencyInput};
pub use sla::{sla_for_ticket, Sla, SlaDraft, SlaPatch};
pub use targets::PriorityTarget;
pub use underpinning::{Contract, ContractDraft, ContractPatch, Ola, OlaDraft, OlaPatch};

#[cfg(test)]
mod tests;
