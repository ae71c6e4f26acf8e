//! Service level management in the store: calendars, SLAs, OLAs and underpinning contracts
//! as audited record families; the derived `ticket_clocks` table, recomputed from each
//! ticket's recorded history whenever the ticket, its SLA or its calendar changes; and the
//! figures read from it (at-risk list, report, consistency check).

mod assign;
mod at_risk;
mod calendars;
pub(crate) mod clocks;
mod consistency;
#[cfg(feature = "generators")]
pub(crate) mod demo;
mod explain;
mod report;
mod slas;
mod underpinning;

pub(crate) use assign::{reassign_sla, sla_for_ticket};
pub(crate) use clocks::after_ticket_write;
// An import rebuilds every clock inside its own transaction.
pub(crate) use clocks::rebuild_all as rebuild_all_clocks;
