//! Change windows: blackout windows (no changes) and maintenance windows (the preferred
//! slots), one-off or recurring by an iCalendar RRULE, kept in their own time zone, global or
//! for some services. Where the occurrences fall is worked out in `recurrence.rs`.

use super::recurrence;
use crate::cmdb::named_values;
use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::without_repeats;
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    WindowKind {
        /// No changes may run.
        Blackout = "blackout" / "Blackout",
        /// Changes to its services should run inside one.
        Maintenance = "maintenance" / "Maintenance",
    }
);

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ChangeWindow {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub kind: WindowKind,
    /// The IANA zone its wall-clock times are in.
    pub time_zone: String,
    /// The first occurrence's local start, `YYYY-MM-DDTHH:MM`.
    pub starts_local: String,
    pub duration_minutes: u32,
    /// An RRULE value (`FREQ=WEEKLY;BYDAY=SU`), without `RRULE:`; none for a one-off window.
    pub rrule: Option<String>,
    /// The services it applies to; none: every service.
    pub service_ids: Vec<Uuid>,
    pub description: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(ChangeWindow, RecordKind::ChangeWindow);

/// What a create sets (name, kind, zone, start and duration) or an edit changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct WindowDraft {
    pub name: Option<String>,
    pub kind: Option<WindowKind>,
    pub time_zone: Option<String>,
    pub starts_local: Option<String>,
    pub duration_minutes: Option<u32>,
    /// Empty text clears the rule (a one-off window).
    pub rrule: Option<String>,
    pub service_ids: Option<Vec<Uuid>>,
    pub description: Option<String>,
}

/// A year, the longest a window may last: a longer blackout is a policy, not a window.
const MAX_MINUTES: u32 = 366 * 24 * 60;

pub fn parse_local(field: &str, text: &str) -> Result<NaiveDateTime, Invalid> {
    let text = text.trim();
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            Invalid::field(
                Code::MalformedInstant,
                field,
                format!("“{text}” is not a local date and time such as 2026-03-29T01:00."),
            )
        })
}

impl ChangeWindow {
    pub fn create(draft: WindowDraft, id: Uuid, key: String, now: Timestamp) -> Result<ChangeWindow, Invalid> {
        for (given, field) in [
            (draft.name.is_some(), "name"),
            (draft.kind.is_some(), "kind"),
            (draft.time_zone.is_some(), "time_zone"),
            (draft.starts_local.is_some(), "starts_local"),
            (draft.duration_minutes.is_some(), "duration_minutes"),
        ] {
            if !given {
                return Err(Invalid::field(Code::Required, field, format!("Fill in the {}.", text::label(field))));
            }
        }
        let mut window = ChangeWindow {
            id,
            key,
            name: String::new(),
            kind: WindowKind::Blackout,
            time_zone: String::new(),
            starts_local: String::new(),
            duration_minutes: 0,
            rrule: None,
            service_ids: Vec::new(),
            description: String::new(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        window.apply(draft, now)?;
        Ok(window)
    }

    pub fn apply(&mut self, draft: WindowDraft, now: Timestamp) -> Result<(), Invalid> {
        if let Some(name) = draft.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        self.kind = draft.kind.unwrap_or(self.kind);
        if let Some(zone) = draft.time_zone {
            let tz: chrono_tz::Tz = zone.trim().parse().map_err(|_| {
                Invalid::field(
                    Code::BadTimeZone,
                    "time_zone",
                    format!("“{}” is not a time zone name such as Europe/Berlin.", zone.trim()),
                )
            })?;
            self.time_zone = tz.name().to_string();
        }
        if let Some(start) = draft.starts_local {
            self.starts_local = parse_local("starts_local", &start)?.format("%Y-%m-%dT%H:%M").to_string();
        }
        if let Some(minutes) = draft.duration_minutes {
            if minutes == 0 || minutes > MAX_MINUTES {
                return Err(Invalid::field(
                    Code::OutOfRange,
                    "duration_minutes",
                    format!("A window lasts from 1 minute to {MAX_MINUTES} minutes (a year)."),
                ));
            }
            self.duration_minutes = minutes;
        }
        if let Some(rule) = draft.rrule {
            let rule = rule.trim();
            let rule = rule.strip_prefix("RRULE:").unwrap_or(rule);
            self.rrule = text::optional_line("rrule", rule, 500)?;
        }
        if let Some(ids) = draft.service_ids {
            self.service_ids = without_repeats(ids);
        }
        if let Some(description) = draft.description {
            self.description = text::markdown("description", &description, 5_000)?;
        }
        // Expanding one occurrence proves the zone, start and rule work together.
        recurrence::check(self)?;
        self.updated_at = now;
        Ok(())
    }

    /// Whether the window applies to a change touching `services`.
    pub fn applies_to(&self, services: &[Uuid]) -> bool {
        self.service_ids.is_empty() || self.service_ids.iter().any(|s| services.contains(s))
    }
}
