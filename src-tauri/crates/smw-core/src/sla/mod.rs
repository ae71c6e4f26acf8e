//! Service level arithmetic: business-hours calendars, exact business time across daylight
//! saving changes, deadlines with pauses, and ticket clocks derived from status history.
//!
//! Pure like the rest of the crate: no database and no clock; `now` is always passed in.

pub mod calendar;
mod calendar_json;
pub mod clock;
pub mod engine;
pub mod ics;
pub mod timeline;
pub mod warnings;
pub mod zone_offsets;

pub use calendar::{BusinessCalendar, CalendarDefinition, Segment, WeekDefinition};
pub use clock::{
    ticket_clocks, ClockHistory, ClockSpan, ClockState, SlaClock, StatusChange, TargetChange, TicketClocks,
};
pub use engine::{due, elapsed, PauseSet};
pub use ics::holidays_from_ics;
pub use timeline::{BusinessInterval, BusinessTimeline};

#[cfg(test)]
mod clock_tests;
#[cfg(test)]
mod dst_cases;
#[cfg(test)]
mod reference_tests;
