//! From the flags of `smw change add|edit` to a change draft or patch: keys to ids (a key that
//! names nothing is bad input naming its flag), instants and dates to timestamps, and the
//! closed lists (type, risk, status) by their names.

use crate::error::{CliError, CliResult};
use crate::references::{Session, NONE};
use clap::Args;
use smw_core::catalogue::Service;
use smw_core::change_management::{ChangeDraft, ChangePatch, ChangeStatus, ChangeType, RiskLevel};
use smw_core::directory::{Group, Person};
use smw_core::Timestamp;
use uuid::Uuid;

/// The fields of a change as flags: all optional (an edit changes only those given).
#[derive(Args, Default, PartialEq)]
pub struct ChangeFields {
    /// A short summary of the change
    #[arg(long)]
    pub title: Option<String>,
    /// The details (Markdown)
    #[arg(long)]
    pub description: Option<String>,
    /// Why the change is needed
    #[arg(long)]
    pub reason: Option<String>,
    /// standard, normal (the default) or emergency
    #[arg(long = "type", value_parser = parse_type)]
    pub change_type: Option<ChangeType>,
    /// Who asked for it (default: the person acting)
    #[arg(long, value_name = "PERSON-KEY")]
    pub requester: Option<String>,
    /// Who is responsible for carrying it out
    #[arg(long, value_name = "PERSON-KEY")]
    pub owner: Option<String>,
    /// The group that implements it
    #[arg(long, value_name = "GROUP-KEY")]
    pub group: Option<String>,
    /// A CI it changes (repeat for several; `none` empties the list)
    #[arg(long, value_name = "CI-KEY")]
    pub ci: Vec<String>,
    /// A service it affects (repeat for several; `none` empties the list)
    #[arg(long, value_name = "SERVICE-KEY")]
    pub service: Vec<String>,
    /// low, medium or high
    #[arg(long, value_parser = parse_risk)]
    pub likelihood: Option<RiskLevel>,
    /// low, medium or high
    #[arg(long, value_parser = parse_risk)]
    pub impact: Option<RiskLevel>,
    #[arg(long)]
    pub implementation_plan: Option<String>,
    #[arg(long)]
    pub backout_plan: Option<String>,
    #[arg(long)]
    pub test_plan: Option<String>,
    /// Planned start, RFC 3339 (2026-05-10T22:00:00Z)
    #[arg(long, value_name = "INSTANT")]
    pub start: Option<String>,
    /// Planned end, RFC 3339
    #[arg(long, value_name = "INSTANT")]
    pub end: Option<String>,
    /// The release it belongs to
    #[arg(long, value_name = "RLS-KEY")]
    pub release: Option<String>,
    /// The standard template it follows (a slug of the change policy)
    #[arg(long)]
    pub template: Option<String>,
    /// An approver (repeat for several; before assessment the policy's board is used when none is named)
    #[arg(long, value_name = "PERSON-KEY")]
    pub approver: Vec<String>,
}

fn parse_type(text: &str) -> Result<ChangeType, String> {
    ChangeType::parse(text).ok_or_else(|| format!("expected one of {}", ChangeType::choices()))
}

fn parse_risk(text: &str) -> Result<RiskLevel, String> {
    RiskLevel::parse(text).ok_or_else(|| format!("expected one of {}", RiskLevel::choices()))
}

pub fn parse_status(text: &str) -> Result<ChangeStatus, String> {
    ChangeStatus::parse(text).ok_or_else(|| format!("expected one of {}", ChangeStatus::choices()))
}

/// An instant (RFC 3339) or a date (`2026-05-01`, its midnight UTC); `flag` names the input.
pub fn instant(flag: &str, text: &str) -> CliResult<Timestamp> {
    if let Ok(at) = Timestamp::parse(text.trim()) {
        return Ok(at);
    }
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(|date| Timestamp::from(date.and_hms_opt(0, 0, 0).expect("midnight").and_utc()))
        .map_err(|_| {
            CliError::bad_input(format!(
                "{flag}: “{text}” is not an instant (2026-05-10T22:00:00Z) or a date (2026-05-10)"
            ))
        })
}

fn ci_id(session: &Session, key: &str) -> CliResult<Uuid> {
    match session.ws.ci_get(key) {
        Ok(detail) if detail.ci.deleted_at.is_none() => Ok(detail.ci.id),
        _ => Err(CliError::bad_input(format!("--ci: no live CI has the key {}", key.trim()))),
    }
}

fn ci_ids(session: &Session, keys: &[String]) -> CliResult<Option<Vec<Uuid>>> {
    match keys {
        [] => Ok(None),
        [only] if only.trim().eq_ignore_ascii_case(NONE) => Ok(Some(Vec::new())),
        keys => keys.iter().map(|key| ci_id(session, key)).collect::<CliResult<_>>().map(Some),
    }
}

fn release_id(session: &Session, key: &str) -> CliResult<Uuid> {
    session
        .ws
        .release_get(key)
        .map(|detail| detail.release.id)
        .map_err(|_| CliError::bad_input(format!("--release: no live release has the key {}", key.trim())))
}

fn when(flag: &str, text: Option<&str>) -> CliResult<Option<Timestamp>> {
    text.map(|text| instant(flag, text)).transpose()
}

impl ChangeFields {
    pub fn draft(self, session: &Session) -> CliResult<ChangeDraft> {
        Ok(ChangeDraft {
            change_type: self.change_type,
            requester_id: session.id_if_given::<Person>("--requester", self.requester.as_deref())?,
            owner_id: session.id_if_given::<Person>("--owner", self.owner.as_deref())?,
            group_id: session.id_if_given::<Group>("--group", self.group.as_deref())?,
            ci_ids: ci_ids(session, &self.ci)?.unwrap_or_default(),
            service_ids: session.ids::<Service>("--service", &self.service)?.unwrap_or_default(),
            likelihood: self.likelihood,
            impact: self.impact,
            planned_start: when("--start", self.start.as_deref())?,
            planned_end: when("--end", self.end.as_deref())?,
            release_id: self.release.as_deref().map(|key| release_id(session, key)).transpose()?,
            template: self.template,
            approver_ids: session.ids::<Person>("--approver", &self.approver)?.unwrap_or_default(),
            title: self.title.unwrap_or_default(),
            description: self.description.unwrap_or_default(),
            reason: self.reason.unwrap_or_default(),
            implementation_plan: self.implementation_plan.unwrap_or_default(),
            backout_plan: self.backout_plan.unwrap_or_default(),
            test_plan: self.test_plan.unwrap_or_default(),
        })
    }

    /// The patch of an edit; `none` clears an optional reference.
    pub fn patch(self, session: &Session) -> CliResult<ChangePatch> {
        let cleared = |text: &Option<String>| text.as_deref().is_some_and(|t| t.trim().eq_ignore_ascii_case(NONE));
        Ok(ChangePatch {
            change_type: self.change_type,
            requester_id: session.optional_id::<Person>("--requester", self.requester.as_deref())?,
            owner_id: session.optional_id::<Person>("--owner", self.owner.as_deref())?,
            group_id: session.optional_id::<Group>("--group", self.group.as_deref())?,
            ci_ids: ci_ids(session, &self.ci)?,
            service_ids: session.ids::<Service>("--service", &self.service)?,
            approver_ids: session.ids::<Person>("--approver", &self.approver)?,
            likelihood: self.likelihood,
            impact: self.impact,
            planned_start: if cleared(&self.start) {
                Some(None)
            } else {
                when("--start", self.start.as_deref())?.map(Some)
            },
            planned_end: if cleared(&self.end) { Some(None) } else { when("--end", self.end.as_deref())?.map(Some) },
            release_id: match self.release.as_deref() {
                None => None,
                Some(key) if key.trim().eq_ignore_ascii_case(NONE) => Some(None),
                Some(key) => Some(Some(release_id(session, key)?)),
            },
            template: if cleared(&self.template) { Some(None) } else { self.template.map(Some) },
            title: self.title,
            description: self.description,
            reason: self.reason,
            implementation_plan: self.implementation_plan,
            backout_plan: self.backout_plan,
            test_plan: self.test_plan,
        })
    }
}
