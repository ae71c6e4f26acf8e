//! Can the agreements underneath an SLA carry it? For every SLA in force, each OLA and
//! contract in force for the same service is compared target by target, and its calendar's
//! hours are laid over the SLA's: hours the SLA promises that nobody underneath covers are
//! hours in which the SLA's clock runs while the supplier's or the group's does not.
//! Catalogue services without an SLA in force are flagged too.

use super::sla::Sla;
use super::targets::in_force;
use super::underpinning::{Contract, Ola};
use crate::catalogue::{Service, ServiceStatus};
use crate::sla::timeline::business_intervals;
use crate::sla::{BusinessCalendar, BusinessTimeline};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ConsistencyFinding {
    /// `service_without_sla`, `underpinning_resolution_longer`, `underpinning_response_longer`
    /// or `underpinning_coverage_short`.
    pub code: String,
    pub message: String,
    pub service_key: String,
    pub sla_key: Option<String>,
    /// The OLA or contract that falls short.
    pub underpinning_key: Option<String>,
    pub priority: Option<u8>,
    /// The SLA field at issue, e.g. `targets[2].resolution_minutes`.
    pub field: Option<String>,
}

pub struct ConsistencyInput<'a> {
    pub services: &'a [Service],
    pub slas: &'a [Sla],
    pub olas: &'a [Ola],
    pub contracts: &'a [Contract],
    /// Checked calendars by calendar record id.
    pub calendars: &'a HashMap<Uuid, BusinessCalendar>,
    /// Agreements are judged as they stand on this date; coverage over the week that follows.
    pub today: NaiveDate,
}

/// One agreement underneath an SLA, whatever its kind.
struct Underpinning<'a> {
    key: &'a str,
    kind: &'static str,
    calendar_id: Uuid,
    targets: &'a [super::PriorityTarget],
}

pub fn check_consistency(input: &ConsistencyInput) -> Vec<ConsistencyFinding> {
    let mut findings = Vec::new();
    let service_key: HashMap<Uuid, &str> = input.services.iter().map(|s| (s.id, s.key.as_str())).collect();
    let slas: Vec<&Sla> = input.slas.iter().filter(|sla| in_force(sla.valid_from, sla.valid_to, input.today)).collect();
    for service in input.services.iter().filter(|s| s.status != ServiceStatus::Retired) {
        if !slas.iter().any(|sla| sla.service_id == service.id) {
            findings.push(ConsistencyFinding {
                code: "service_without_sla".into(),
                message: format!("{} ({}) has no service level agreement in force", service.name, service.key),
                service_key: service.key.clone(),
                sla_key: None,
                underpinning_key: None,
                priority: None,
                field: None,
            });
        }
    }
    for sla in slas {
        let service = service_key.get(&sla.service_id).copied().unwrap_or("?");
        for under in underpinnings(input, sla.service_id) {
            let finding = |code: &str, message: String, priority: Option<u8>, field: String| ConsistencyFinding {
                code: code.into(),
                message,
                service_key: service.to_string(),
                sla_key: Some(sla.key.clone()),
                underpinning_key: Some(under.key.to_string()),
                priority,
                field: Some(field),
            };
            for (index, (promised, backed)) in sla.targets.iter().zip(under.targets).enumerate() {
                let priority = index as u8 + 1;
                let targets = [
                    (
                        "underpinning_resolution_longer",
                        "resolves",
                        "resolution_minutes",
                        backed.resolution_minutes,
                        promised.resolution_minutes,
                    ),
                    (
                        "underpinning_response_longer",
                        "responds",
                        "response_minutes",
                        backed.response_minutes,
                        promised.response_minutes,
                    ),
                ];
                for (code, verb, field, backed, promised) in targets {
                    if backed > promised {
                        findings.push(finding(
                            code,
                            format!(
                                "P{priority}: {} {} {verb} in {backed} min, but {} promises {promised} min",
                                under.kind, under.key, sla.key
                            ),
                            Some(priority),
                            format!("targets[{index}].{field}"),
                        ));
                    }
                }
            }
            if let Some(uncovered) = uncovered_seconds(input, sla.calendar_id, under.calendar_id) {
                if uncovered > 0 {
                    findings.push(finding(
                        "underpinning_coverage_short",
                        format!(
                            "{} {} covers {:.1} h a week less than the hours {} promises",
                            under.kind,
                            under.key,
                            uncovered as f64 / 3600.0,
                            sla.key
                        ),
                        None,
                        "calendar_id".into(),
                    ));
                }
            }
        }
    }
    findings
}

fn underpinnings<'a>(input: &'a ConsistencyInput, service_id: Uuid) -> Vec<Underpinning<'a>> {
    let today = input.today;
    let olas = input
        .olas
        .iter()
        .filter(move |ola| ola.service_id == Some(service_id) && in_force(ola.valid_from, ola.valid_to, today))
        .map(|ola| Underpinning { key: &ola.key, kind: "OLA", calendar_id: ola.calendar_id, targets: &ola.targets });
    let contracts = input
        .contracts
        .iter()
        .filter(move |c| c.service_id == service_id && in_force(c.valid_from, c.valid_to, today))
        .map(|c| Underpinning { key: &c.key, kind: "contract", calendar_id: c.calendar_id, targets: &c.targets });
    olas.chain(contracts).collect()
}

/// Business seconds of the SLA's calendar, over the week from the Monday after `today`, in
/// which the underpinning calendar has no business time. None when a calendar is unknown.
pub fn uncovered_seconds(input: &ConsistencyInput, sla_calendar: Uuid, under_calendar: Uuid) -> Option<i64> {
    let promised = input.calendars.get(&sla_calendar)?;
    let backing = input.calendars.get(&under_calendar)?;
    let monday = input.today + Duration::days(7 - i64::from(input.today.weekday().num_days_from_monday()));
    let from = monday.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    let mut timeline = BusinessTimeline::new(backing.clone()).ok()?;
    let mut uncovered = 0;
    for (start, end) in business_intervals(promised, from, from + 7 * 86_400) {
        uncovered += (end - start) - timeline.business_between(start, end).ok()?;
    }
    Some(uncovered / 1000)
}
