//! Instants as the workspace stores them: UTC, millisecond precision, one fixed text form.
//!
//! A fixed form matters because the audit chain hashes records as text: a timestamp must
//! read back from SQLite exactly as it was written, whatever produced it.

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, TimeZone, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Length of the canonical text form, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
const TEXT_LEN: usize = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(export, type = "string")]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// Truncates to whole milliseconds, the precision the store keeps.
    pub fn from_datetime(at: DateTime<Utc>) -> Self {
        let millis = at.timestamp_millis();
        Timestamp(Utc.timestamp_millis_opt(millis).single().expect("millis in range"))
    }

    pub fn from_millis(millis: i64) -> Option<Self> {
        Utc.timestamp_millis_opt(millis).single().map(Timestamp)
    }

    pub fn datetime(self) -> DateTime<Utc> {
        self.0
    }

    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// Parses RFC 3339 with any offset; the result is UTC, truncated to milliseconds.
    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        if let Some(at) = Self::parse_canonical(text) {
            return Ok(at);
        }
        DateTime::parse_from_rfc3339(text).map(|at| Self::from_datetime(at.with_timezone(&Utc)))
    }

    /// Reads the canonical form directly. The audit walk and an import read millions of
    /// timestamps, nearly all in this form, and chrono's general parser costs several times more.
    /// Anything else (another offset, other precision, a leap second) returns None and goes
    /// through chrono, so the result never differs from chrono's.
    fn parse_canonical(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'.'), (23, b'Z')];
        if b.len() != TEXT_LEN || separators.iter().any(|&(at, separator)| b[at] != separator) {
            return None;
        }
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
        };
        let date = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?;
        let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
        if second > 59 {
            return None;
        }
        let at = date.and_hms_milli_opt(hour, minute, second, number(20, 23)?)?;
        Some(Timestamp(at.and_utc()))
    }

    /// Writes the canonical form into `out`, for years 0 to 9999 (chrono's own formatter,
    /// which allocates, serves the rest). Byte for byte what chrono writes: the audit chain
    /// hashes it.
    fn write_canonical(self, out: &mut [u8; TEXT_LEN]) -> Option<&str> {
        let year = u32::try_from(self.0.year()).ok().filter(|year| *year <= 9999)?;
        let fields = [
            (0, 4, year),
            (5, 2, self.0.month()),
            (8, 2, self.0.day()),
            (11, 2, self.0.hour()),
            (14, 2, self.0.minute()),
            (17, 2, self.0.second()),
            (20, 3, self.0.timestamp_subsec_millis()),
        ];
        *out = *b"0000-00-00T00:00:00.000Z";
        for (start, width, mut value) in fields {
            for digit in out[start..start + width].iter_mut().rev() {
                *digit = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        std::str::from_utf8(out).ok()
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Self {
        Self::from_datetime(at)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.write_canonical(&mut [0; TEXT_LEN]) {
            Some(text) => f.write_str(text),
            None => f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Millis, true)),
        }
    }
}

impl FromStr for Timestamp {
    type Err = chrono::ParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.write_canonical(&mut [0; TEXT_LEN]) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

/// Reads the text where the deserializer holds it, without copying it into a String first.
struct TimestampVisitor;

impl serde::de::Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 timestamp")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
        Timestamp::parse(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_is_fixed_and_round_trips() {
        let at = Timestamp::parse("2026-03-29T03:30:00.123456+02:00").unwrap();
        assert_eq!(at.to_string(), "2026-03-29T01:30:00.123Z");
        assert_eq!(Timestamp::parse(&at.to_string()).unwrap(), at);
    }

    fn chrono_text(at: Timestamp) -> String {
        at.0.to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    #[test]
    fn years_outside_four_digits_use_chronos_form() {
        for millis in [-62_167_219_200_001, 253_402_300_800_000] {
            let at = Timestamp::from_millis(millis).unwrap();
            assert_eq!(at.to_string(), chrono_text(at));
        }
    }

    #[test]
    fn forms_other_than_the_canonical_one_still_parse_or_fail_as_in_chrono() {
        for text in ["2026-03-29T01:30:00Z", "2026-03-29t01:30:00.123z", "2016-12-31T23:59:60.500Z"] {
            let expected = DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc);
            assert_eq!(Timestamp::parse(text).unwrap(), Timestamp::from_datetime(expected), "{text}");
        }
        for text in ["2026-02-30T01:30:00.000Z", "2026-03-29T24:00:00.000Z", "2026-03-29T01:30:00.-12Z"] {
            assert!(Timestamp::parse(text).is_err(), "{text}");
        }
    }

    proptest::proptest! {
        /// The hand-written form is chrono's, byte for byte, over years 0 to 9999: the audit
        /// chain hashes this text, so one differing byte would break every existing workspace.
        #[test]
        fn canonical_form_matches_chrono(millis in -62_167_219_200_000i64..253_402_300_800_000) {
            let at = Timestamp::from_millis(millis).unwrap();
            let text = at.to_string();
            proptest::prop_assert_eq!(&text, &chrono_text(at));
            proptest::prop_assert_eq!(serde_json::to_string(&at).unwrap(), format!("\"{text}\""));
            proptest::prop_assert_eq!(Timestamp::parse(&text).unwrap(), at);
            proptest::prop_assert_eq!(serde_json::from_str::<Timestamp>(&format!("\"{text}\"")).unwrap(), at);
        }
    }
}
