//! The one error the domain gives: this value is not acceptable, and here is which field.
//! And the one list of codes every refusal carries, the domain's and the store's.

use serde::Serialize;
use std::fmt;

/// Writes the `Code` enum from one list, so a variant, its wire string (what the UI branches
/// on and exported files carry) and `as_str` cannot drift apart.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $wire:tt,)*) => {
        /// Why something was refused. Stable: the UI branches on it and exported files carry
        /// it, so a variant's string never changes; add a variant only when some code emits it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
        #[ts(export)]
        pub enum Code {
            $($(#[doc = $doc])* #[serde(rename = $wire)] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The wire string, as serialised: `required`, `sla.malformed_pauses`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $wire,)*
                }
            }
        }
    };
}

codes! {
    // Text and values
    /// A field that must be filled in is empty.
    Required = "required",
    /// A text is longer than its field allows.
    TooLong = "too_long",
    /// A text holds control characters, or line breaks where one line is expected.
    BadText = "bad_text",
    /// A number or a period lies outside what the field allows.
    OutOfRange = "out_of_range",
    /// An id or key names no record.
    UnknownReference = "unknown_reference",
    /// A stored setting cannot be read.
    BadSetting = "bad_setting",
    /// A report period ends before it starts.
    EmptyPeriod = "empty_period",

    // Tickets and their workflow
    /// A closed ticket cannot be edited.
    Closed = "closed",
    /// A move to the status the ticket already has.
    SameStatus = "same_status",
    /// The workflow does not allow this move.
    InvalidTransition = "invalid_transition",
    AssigneeRequired = "assignee_required",
    PendingReasonRequired = "pending_reason_required",
    ResolutionRequired = "resolution_required",
    /// A priority matrix where a lower impact or urgency gives a higher priority.
    NotMonotonic = "not_monotonic",

    // Problems and links
    WorkaroundRequired = "workaround_required",
    RootCauseRequired = "root_cause_required",
    SelfLink = "self_link",
    DuplicateLink = "duplicate_link",

    // Directory and catalogue
    DuplicateName = "duplicate_name",
    DuplicateEmail = "duplicate_email",
    BadEmail = "bad_email",
    BadPhone = "bad_phone",
    BadTimeZone = "bad_time_zone",
    /// The acting person tried to retire themselves.
    RetireSelf = "retire_self",
    /// Someone must be chosen to act first.
    ActorRequired = "actor_required",
    SelfDependency = "self_dependency",
    DependencyCycle = "dependency_cycle",

    // Configuration management
    /// A CI names a class that no shipped or defined class has.
    UnknownClass = "unknown_class",
    /// A CI attribute the class does not define, or a value that does not fit its kind.
    BadAttribute = "bad_attribute",

    // Change management
    /// Nobody decides on a change they requested or own.
    SelfApproval = "self_approval",
    /// Only a change's named approvers decide on it.
    NotAnApprover = "not_an_approver",
    AlreadyDecided = "already_decided",
    /// The decisions so far do not approve (or reject) the change.
    ApprovalsPending = "approvals_pending",
    /// The move would go ahead despite conflicts nobody has accepted.
    ConflictsNotAccepted = "conflicts_not_accepted",
    /// A window's recurrence rule cannot be expanded.
    BadRecurrence = "bad_recurrence",

    // Agreements
    /// An agreement needs exactly one target per priority.
    TargetsPerPriority = "targets_per_priority",
    ResponseAfterResolution = "response_after_resolution",
    EndsBeforeStart = "ends_before_start",
    ReviewBeforeStart = "review_before_start",
    NotAPausingStatus = "not_a_pausing_status",

    // SLA arithmetic: calendars, pauses, clocks
    MalformedJson = "sla.malformed_json",
    MalformedCalendar = "sla.malformed_calendar",
    UnknownTimezone = "sla.unknown_timezone",
    MalformedTime = "sla.malformed_time",
    MalformedDate = "sla.malformed_date",
    MalformedInstant = "sla.malformed_instant",
    MalformedPauses = "sla.malformed_pauses",
    SegmentEndBeforeStart = "sla.segment_end_before_start",
    SegmentsOverlapOrUnordered = "sla.segments_overlap_or_unordered",
    NoBusinessTime = "sla.no_business_time",
    PauseEndBeforeStart = "sla.pause_end_before_start",
    ToBeforeFrom = "sla.to_before_from",
    NegativeAmount = "sla.negative_amount",
    InstantOutOfRange = "sla.instant_out_of_range",
    NoTargets = "sla.no_targets",
    /// A ticket's audit history cannot be replayed into its clocks.
    BadHistory = "sla.bad_history",
    IcsMalformed = "sla.ics_malformed",
    IcsRecurrenceUnsupported = "sla.ics_recurrence_unsupported",

    // The store's own
    NotFound = "not_found",
    /// The record changed since it was read.
    Conflict = "conflict",
    NotAWorkspace = "not_a_workspace",
    /// The file was written by a newer SMS Workbench.
    NewerVersion = "newer_version",
    NotEmpty = "not_empty",
    /// A line of an imported file cannot be read.
    BadFile = "bad_file",
    Io = "io",
    /// Another process holds the workspace; try again.
    Busy = "busy",
    Internal = "internal",

    // The desktop shell's own
    /// No workspace is open.
    NoWorkspace = "no_workspace",
    /// A write before anyone was chosen to act.
    NoActor = "no_actor",
    /// The person chosen to act may not act in the workbench.
    CannotAct = "cannot_act",
    /// A command was called with arguments it cannot take.
    InvalidArgument = "invalid_argument",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule was broken. `code` is stable (the UI branches on it); `field` names the input
/// field at fault when there is one; `message` is a sentence for people that names the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Invalid {
    pub code: Code,
    pub field: Option<String>,
    pub message: String,
}

pub type InvalidResult<T> = Result<T, Invalid>;

impl Invalid {
    pub fn field(code: Code, field: impl Into<String>, message: impl Into<String>) -> Self {
        Invalid { code, field: Some(field.into()), message: message.into() }
    }

    pub fn rule(code: Code, message: impl Into<String>) -> Self {
        Invalid { code, field: None, message: message.into() }
    }

    /// Prefixes the field path, so a nested value reports `targets[2].minutes`.
    pub fn within(mut self, parent: &str) -> Self {
        self.field = Some(match self.field {
            Some(inner) if inner.starts_with('[') => format!("{parent}{inner}"),
            Some(inner) => format!("{parent}.{inner}"),
            None => parent.to_string(),
        });
        self
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Invalid {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_travels_as_its_string() {
        for code in Code::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str(), "{code:?}");
            assert_eq!(code.to_string(), code.as_str());
        }
        assert_eq!(Code::MalformedPauses.as_str(), "sla.malformed_pauses");
        assert_eq!(Code::NotAWorkspace.as_str(), "not_a_workspace");
    }

    #[test]
    fn codes_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
        }
    }

    #[test]
    fn an_invalid_serialises_its_code_as_the_string() {
        let json = serde_json::to_value(Invalid::field(Code::Required, "title", "Give the ticket a title.")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "required", "field": "title", "message": "Give the ticket a title."})
        );
    }
}
