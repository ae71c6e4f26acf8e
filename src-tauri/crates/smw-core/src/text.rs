//! Checks shared by every free-text field.

use crate::error::Invalid;

/// A required single-line text: trimmed, not empty, at most `max` characters, no control characters.
pub fn required_line(field: &str, value: &str, max: usize) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::field("required", field, "is required"));
    }
    optional_line(field, trimmed, max).map(|line| line.unwrap_or_default())
}

/// An optional single-line text: empty becomes `None`.
pub fn optional_line(field: &str, value: &str, max: usize) -> Result<Option<String>, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > max {
        return Err(Invalid::field("too_long", field, format!("must be at most {max} characters")));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Invalid::field("bad_text", field, "must be a single line without control characters"));
    }
    Ok(Some(trimmed.to_string()))
}

/// Multi-line Markdown: kept as written (rendering is sanitised in the UI), bounded in size.
pub fn markdown(field: &str, value: &str, max: usize) -> Result<String, Invalid> {
    if value.chars().count() > max {
        return Err(Invalid::field("too_long", field, format!("must be at most {max} characters")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(Invalid::field("bad_text", field, "contains control characters"));
    }
    Ok(value.to_string())
}

pub const TITLE_MAX: usize = 200;
pub const NAME_MAX: usize = 120;
pub const MARKDOWN_MAX: usize = 100_000;
