//! A business-hours calendar kept as a record, so SLAs, OLAs and contracts can share one and
//! its edits are audited. The definition is stored as canonical JSON text (like a setting's
//! value): normalised through the checked calendar, so the same hours always give the same
//! text and the audit digest never depends on how the user ordered holidays or segments.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::sla::{BusinessCalendar, CalendarDefinition};
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct CalendarRecord {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    /// Canonical JSON of a [`CalendarDefinition`].
    pub definition: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(CalendarRecord, RecordKind::Calendar);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct CalendarDraft {
    pub name: String,
    pub definition: CalendarDefinition,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct CalendarPatch {
    pub name: Option<String>,
    pub definition: Option<CalendarDefinition>,
}

/// Checks a definition and returns its canonical text. Errors name `definition.week.mon[1]`.
pub fn canonical_definition(definition: &CalendarDefinition) -> Result<String, Invalid> {
    let calendar = BusinessCalendar::from_definition(definition).map_err(|e| e.within("definition"))?;
    if !calendar.has_business_hours() {
        return Err(Invalid::field(
            Code::NoBusinessTime,
            "definition.week",
            "Give the calendar business hours on at least one weekday.",
        ));
    }
    Ok(serde_json::to_string(&calendar.definition()).expect("definitions serialise"))
}

impl CalendarRecord {
    pub fn create(draft: CalendarDraft, id: Uuid, key: String, now: Timestamp) -> Result<CalendarRecord, Invalid> {
        Ok(CalendarRecord {
            id,
            key,
            name: text::required_line("name", &draft.name, text::NAME_MAX)?,
            definition: canonical_definition(&draft.definition)?,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }

    pub fn apply_patch(&mut self, patch: CalendarPatch) -> Result<(), Invalid> {
        if let Some(name) = patch.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        if let Some(definition) = patch.definition {
            self.definition = canonical_definition(&definition)?;
        }
        Ok(())
    }

    /// The stored definition; it was checked on the way in.
    pub fn definition(&self) -> Result<CalendarDefinition, Invalid> {
        CalendarDefinition::from_json(&self.definition).map_err(|e| e.within("definition"))
    }

    pub fn business_calendar(&self) -> Result<BusinessCalendar, Invalid> {
        BusinessCalendar::from_json(&self.definition).map_err(|e| e.within("definition"))
    }

    /// Adds holiday dates (from an .ics import, say) to the definition; repeats are kept once.
    pub fn add_holidays(&mut self, dates: &[NaiveDate]) -> Result<usize, Invalid> {
        let mut definition = self.definition()?;
        let before = BusinessCalendar::from_definition(&definition)?.holidays.len();
        definition.holidays.extend(dates.iter().map(|date| date.format("%Y-%m-%d").to_string()));
        let calendar = BusinessCalendar::from_definition(&definition)?;
        let added = calendar.holidays.len() - before;
        self.definition = canonical_definition(&calendar.definition())?;
        Ok(added)
    }
}
