//! A service level agreement: what one customer is promised for one service, measured on a
//! calendar, valid between two dates and due for review on a third.

use super::targets::{check_dates, check_targets, PriorityTarget};
use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::nullable;
use crate::sla::clock::{default_pausing_statuses, default_warning_thresholds};
use crate::text;
use crate::time::Timestamp;
use crate::workflow::Status;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Field order is the canonical order the audit chain hashes; optional fields are left out
/// when empty so that adding one later keeps old digests.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Sla {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub customer_id: Uuid,
    pub service_id: Uuid,
    pub calendar_id: Uuid,
    /// `targets[0]` is P1 … `targets[4]` is P5.
    pub targets: Vec<PriorityTarget>,
    pub availability_percent: Option<f64>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub review_date: Option<NaiveDate>,
    /// Statuses in which the resolution clock pauses.
    pub pausing_statuses: Vec<Status>,
    /// Percentages of a target at which a warning is raised.
    pub warning_thresholds: Vec<u32>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Sla, RecordKind::Sla);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct SlaDraft {
    pub name: String,
    pub customer_id: Uuid,
    pub service_id: Uuid,
    pub calendar_id: Uuid,
    pub targets: Vec<PriorityTarget>,
    #[serde(default)]
    pub availability_percent: Option<f64>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    #[serde(default)]
    pub review_date: Option<NaiveDate>,
    /// Pending when left out.
    #[serde(default)]
    pub pausing_statuses: Option<Vec<Status>>,
    /// 75 % and 100 % when left out.
    #[serde(default)]
    pub warning_thresholds: Option<Vec<u32>>,
}

/// A partial edit; `null` clears a nullable field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct SlaPatch {
    pub name: Option<String>,
    pub customer_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub calendar_id: Option<Uuid>,
    pub targets: Option<Vec<PriorityTarget>>,
    #[serde(deserialize_with = "nullable")]
    pub availability_percent: Option<Option<f64>>,
    pub valid_from: Option<NaiveDate>,
    #[serde(deserialize_with = "nullable")]
    pub valid_to: Option<Option<NaiveDate>>,
    #[serde(deserialize_with = "nullable")]
    pub review_date: Option<Option<NaiveDate>>,
    pub pausing_statuses: Option<Vec<Status>>,
    pub warning_thresholds: Option<Vec<u32>>,
}

impl Sla {
    pub fn create(draft: SlaDraft, id: Uuid, key: String, now: Timestamp) -> Result<Sla, Invalid> {
        let mut sla = Sla {
            id,
            key,
            name: draft.name,
            customer_id: draft.customer_id,
            service_id: draft.service_id,
            calendar_id: draft.calendar_id,
            targets: draft.targets,
            availability_percent: draft.availability_percent,
            valid_from: draft.valid_from,
            valid_to: draft.valid_to,
            review_date: draft.review_date,
            pausing_statuses: draft.pausing_statuses.unwrap_or_else(default_pausing_statuses),
            warning_thresholds: draft.warning_thresholds.unwrap_or_else(default_warning_thresholds),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        sla.normalise()?;
        Ok(sla)
    }

    pub fn apply_patch(&mut self, patch: SlaPatch) -> Result<(), Invalid> {
        self.name = patch.name.unwrap_or(std::mem::take(&mut self.name));
        self.customer_id = patch.customer_id.unwrap_or(self.customer_id);
        self.service_id = patch.service_id.unwrap_or(self.service_id);
        self.calendar_id = patch.calendar_id.unwrap_or(self.calendar_id);
        self.targets = patch.targets.unwrap_or(std::mem::take(&mut self.targets));
        self.availability_percent = patch.availability_percent.unwrap_or(self.availability_percent);
        self.valid_from = patch.valid_from.unwrap_or(self.valid_from);
        self.valid_to = patch.valid_to.unwrap_or(self.valid_to);
        self.review_date = patch.review_date.unwrap_or(self.review_date);
        self.pausing_statuses = patch.pausing_statuses.unwrap_or(std::mem::take(&mut self.pausing_statuses));
        self.warning_thresholds = patch.warning_thresholds.unwrap_or(std::mem::take(&mut self.warning_thresholds));
        self.normalise()
    }

    /// Checks every field and puts lists in one order, so equal agreements hash equally.
    fn normalise(&mut self) -> Result<(), Invalid> {
        self.name = text::required_line("name", &self.name, text::NAME_MAX)?;
        check_targets(&self.targets)?;
        if let Some(percent) = self.availability_percent {
            if !(percent > 0.0 && percent <= 100.0) {
                return Err(Invalid::field(
                    Code::OutOfRange,
                    "availability_percent",
                    format!("The availability is a percentage above 0 and at most 100, not {percent}."),
                ));
            }
        }
        check_dates(self.valid_from, self.valid_to, self.review_date)?;
        self.pausing_statuses = check_pausing(&self.pausing_statuses)?;
        self.warning_thresholds = check_thresholds(&self.warning_thresholds)?;
        Ok(())
    }
}

/// Resolved and Closed stop the clock, so they cannot also pause it; New is where every
/// clock starts, so pausing in it would mean a ticket nobody looked at never counts.
pub fn check_pausing(statuses: &[Status]) -> Result<Vec<Status>, Invalid> {
    for (index, status) in statuses.iter().enumerate() {
        if matches!(status, Status::New | Status::Resolved | Status::Closed) {
            return Err(Invalid::field(
                Code::NotAPausingStatus,
                format!("pausing_statuses[{index}]"),
                format!("{} cannot pause the clock; only Assigned, In progress and Pending can.", status.label()),
            ));
        }
    }
    let mut sorted = statuses.to_vec();
    sorted.sort();
    sorted.dedup();
    Ok(sorted)
}

pub fn check_thresholds(thresholds: &[u32]) -> Result<Vec<u32>, Invalid> {
    for (index, &threshold) in thresholds.iter().enumerate() {
        if threshold == 0 || threshold > 200 {
            return Err(Invalid::field(
                Code::OutOfRange,
                format!("warning_thresholds[{index}]"),
                format!("A warning threshold is a percentage from 1 to 200, not {threshold}."),
            ));
        }
    }
    let mut sorted = thresholds.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    Ok(sorted)
}

/// The SLA a ticket is measured against: among `candidates` (the live SLAs for its customer
/// and service), the one in force on the day it was logged; when validity periods overlap,
/// the most recent agreement wins. None when the ticket names no customer or service.
pub fn sla_for_ticket<'a>(ticket: &crate::ticket::Ticket, candidates: &'a [Sla]) -> Option<&'a Sla> {
    let (Some(customer), Some(service)) = (ticket.customer_id, ticket.service_id) else {
        return None;
    };
    let day = ticket.created_at.datetime().date_naive();
    candidates
        .iter()
        .filter(|sla| sla.customer_id == customer && sla.service_id == service && sla.deleted_at.is_none())
        .filter(|sla| super::targets::in_force(sla.valid_from, sla.valid_to, day))
        .fold(None, |best: Option<&Sla>, sla| match best {
            Some(best) if sla.valid_from < best.valid_from => Some(best),
            _ => Some(sla),
        })
}
