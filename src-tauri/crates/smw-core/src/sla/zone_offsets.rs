//! The stretches of UTC time during which a zone's offset from UTC stays the same.
//!
//! chrono-tz does not publish its transition table, so transitions are found by probing the
//! offset at a fixed step and bisecting to the second wherever it changes. The step is far
//! shorter than the time between any two transitions of the tz database in the years a
//! service desk works with, so no change is stepped over.

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

/// Six hours: well under the gap between real transitions, and cheap (four probes a day).
const PROBE_STEP_SECONDS: i64 = 6 * 3600;

/// `[start, end)` in UTC seconds, during which local time = UTC + `offset` seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OffsetPeriod {
    pub start: i64,
    pub end: i64,
    pub offset: i64,
}

pub fn offset_at(zone: &Tz, utc_seconds: i64) -> i64 {
    let at = DateTime::from_timestamp(utc_seconds, 0).expect("instant within chrono's range").naive_utc();
    i64::from(zone.offset_from_utc_datetime(&at).fix().local_minus_utc())
}

/// The offset periods that cover `[from, to)`, in order, clipped to it.
pub fn offset_periods(zone: &Tz, from: i64, to: i64) -> Vec<OffsetPeriod> {
    let mut periods = Vec::new();
    let mut period_start = from;
    let mut offset = offset_at(zone, from);
    let mut cursor = from;
    while cursor < to {
        let probe = (cursor + PROBE_STEP_SECONDS).min(to);
        if probe == to || offset_at(zone, probe) == offset {
            cursor = probe;
            continue;
        }
        // The offset differs at `probe`: bisect for the first second where it changes.
        let (mut same, mut changed) = (cursor, probe);
        while changed - same > 1 {
            let middle = same + (changed - same) / 2;
            if offset_at(zone, middle) == offset {
                same = middle;
            } else {
                changed = middle;
            }
        }
        periods.push(OffsetPeriod { start: period_start, end: changed, offset });
        period_start = changed;
        offset = offset_at(zone, changed);
        cursor = changed;
    }
    if period_start < to {
        periods.push(OffsetPeriod { start: period_start, end: to, offset });
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> i64 {
        DateTime::parse_from_rfc3339(text).unwrap().timestamp()
    }

    #[test]
    fn finds_berlin_transitions_of_2026_to_the_second() {
        let periods =
            offset_periods(&chrono_tz::Europe::Berlin, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
        assert_eq!(
            periods,
            vec![
                OffsetPeriod { start: utc("2026-01-01T00:00:00Z"), end: utc("2026-03-29T01:00:00Z"), offset: 3600 },
                OffsetPeriod { start: utc("2026-03-29T01:00:00Z"), end: utc("2026-10-25T01:00:00Z"), offset: 7200 },
                OffsetPeriod { start: utc("2026-10-25T01:00:00Z"), end: utc("2027-01-01T00:00:00Z"), offset: 3600 },
            ]
        );
    }

    #[test]
    fn a_zone_without_transitions_is_one_period() {
        // Kathmandu has kept +05:45 since 1986.
        let (from, to) = (utc("2026-01-01T00:00:00Z"), utc("2027-02-01T00:00:00Z"));
        let periods = offset_periods(&chrono_tz::Asia::Kathmandu, from, to);
        assert_eq!(periods, vec![OffsetPeriod { start: from, end: to, offset: 5 * 3600 + 45 * 60 }]);
    }
}
