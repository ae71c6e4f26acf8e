//! Reading a calendar definition from JSON by hand, so a shape error names its field
//! (`week.tue[0]`) instead of a line and column.

use super::calendar::{CalendarDefinition, WeekDefinition, WEEKDAY_KEYS};
use crate::error::{Code, Invalid};
use serde_json::Value;

impl CalendarDefinition {
    pub fn from_json(text: &str) -> Result<Self, Invalid> {
        let value: Value = serde_json::from_str(text).map_err(|error| {
            Invalid::rule(Code::MalformedJson, format!("The calendar is not valid JSON ({error})."))
        })?;
        let Value::Object(fields) = value else {
            return Err(Invalid::rule(
                Code::MalformedCalendar,
                "A calendar is a JSON object with a timezone, a week and holidays.",
            ));
        };
        for key in fields.keys() {
            if !["timezone", "week", "holidays"].contains(&key.as_str()) {
                return Err(shape(key, format!("“{key}” is not a calendar field; use timezone, week and holidays.")));
            }
        }
        let timezone = match fields.get("timezone") {
            Some(Value::String(zone)) => zone.clone(),
            Some(_) => return Err(shape("timezone", "The time zone is a name in quotes, such as \"Europe/Berlin\".")),
            None => return Err(shape("timezone", "Give the calendar a time zone, such as \"Europe/Berlin\".")),
        };
        let week = match fields.get("week") {
            Some(Value::Object(days)) => read_week(days)?,
            Some(_) => return Err(shape("week", "The week is an object with the keys mon to sun.")),
            None => return Err(shape("week", "Give the calendar its week of business hours.")),
        };
        let holidays = match fields.get("holidays") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(index, item)| match item {
                    Value::String(date) => Ok(date.clone()),
                    _ => Err(shape(
                        &format!("holidays[{index}]"),
                        "Each holiday is a date in quotes, written \"YYYY-MM-DD\".",
                    )),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(shape("holidays", "The holidays are a list of dates.")),
        };
        Ok(CalendarDefinition { timezone, week, holidays })
    }
}

fn read_week(days: &serde_json::Map<String, Value>) -> Result<WeekDefinition, Invalid> {
    let mut week = WeekDefinition::default();
    for (key, value) in days {
        let Some(index) = WEEKDAY_KEYS.iter().position(|day| day == key) else {
            return Err(shape(
                &format!("week.{key}"),
                format!("“{key}” is not a weekday; use mon, tue, wed, thu, fri, sat or sun."),
            ));
        };
        let field = format!("week.{key}");
        let Value::Array(segments) = value else {
            return Err(shape(
                &field,
                format!("The business hours of {key} are a list of [\"HH:MM\", \"HH:MM\"] pairs."),
            ));
        };
        for (position, segment) in segments.iter().enumerate() {
            let pair = match segment {
                Value::Array(pair) if pair.len() == 2 => match (&pair[0], &pair[1]) {
                    (Value::String(start), Value::String(end)) => Some((start.clone(), end.clone())),
                    _ => None,
                },
                _ => None,
            };
            let pair = pair.ok_or_else(|| {
                shape(
                    &format!("{field}[{position}]"),
                    "Each stretch of business hours is a pair of times [\"HH:MM\", \"HH:MM\"].",
                )
            })?;
            week.day_mut(index).push(pair);
        }
    }
    Ok(week)
}

fn shape(field: &str, message: impl Into<String>) -> Invalid {
    Invalid::field(Code::MalformedCalendar, field, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(text: &str) -> Option<String> {
        CalendarDefinition::from_json(text).unwrap_err().field
    }

    #[test]
    fn reads_the_documented_shape() {
        let definition = CalendarDefinition::from_json(
            r#"{"timezone":"Europe/Berlin","week":{"mon":[["08:00","17:00"]],"sat":[],"sun":[]},"holidays":["2026-04-03"]}"#,
        )
        .unwrap();
        assert_eq!(definition.timezone, "Europe/Berlin");
        assert_eq!(definition.week.mon, vec![("08:00".to_string(), "17:00".to_string())]);
        assert!(definition.week.tue.is_empty());
        assert_eq!(definition.holidays, vec!["2026-04-03"]);
    }

    #[test]
    fn shape_errors_name_the_field() {
        assert_eq!(field_of(r#"{"week":{}}"#).as_deref(), Some("timezone"));
        assert_eq!(field_of(r#"{"timezone":"UTC","week":{"monday":[]}}"#).as_deref(), Some("week.monday"));
        assert_eq!(field_of(r#"{"timezone":"UTC","week":{"tue":[["08:00"]]}}"#).as_deref(), Some("week.tue[0]"));
        assert_eq!(field_of(r#"{"timezone":"UTC","week":{},"holidays":[1]}"#).as_deref(), Some("holidays[0]"));
        assert_eq!(field_of(r#"{"timezone":"UTC","week":{},"extra":1}"#).as_deref(), Some("extra"));
    }
}
