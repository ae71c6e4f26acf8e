//! The one error the domain gives: this value is not acceptable, and here is which field.

use serde::Serialize;
use std::fmt;

/// A rule was broken. `code` is stable (the UI branches on it); `field` names the input
/// field at fault when there is one; `message` is for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Invalid {
    pub code: &'static str,
    pub field: Option<String>,
    pub message: String,
}

pub type InvalidResult<T> = Result<T, Invalid>;

impl Invalid {
    pub fn field(code: &'static str, field: impl Into<String>, message: impl Into<String>) -> Self {
        Invalid { code, field: Some(field.into()), message: message.into() }
    }

    pub fn rule(code: &'static str, message: impl Into<String>) -> Self {
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
