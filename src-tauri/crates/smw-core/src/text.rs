//! Checks shared by every free-text field, and the words a message uses for a field.

use crate::error::{Code, Invalid};

/// A field's name in a person's words: `title` → "title", `customer_id` → "customer",
/// `member_ids[2]` → "member", `resolution_notes` → "resolution notes". Messages put this
/// after "the".
pub fn label(field: &str) -> String {
    let field = field.split('[').next().unwrap_or(field);
    match field {
        "email" => "e-mail address".into(),
        "phone" => "phone number".into(),
        "body" => "text".into(),
        "sla_id" => "SLA".into(),
        "depends_on" => "dependency".into(),
        _ => field.strip_suffix("_ids").or_else(|| field.strip_suffix("_id")).unwrap_or(field).replace('_', " "),
    }
}

/// A required single-line text: trimmed, not empty, at most `max` characters, no control characters.
pub fn required_line(field: &str, value: &str, max: usize) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::field(Code::Required, field, format!("Fill in the {}.", label(field))));
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
        return Err(too_long(field, max));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Invalid::field(
            Code::BadText,
            field,
            format!("Keep the {} to one line, without tabs or other control characters.", label(field)),
        ));
    }
    Ok(Some(trimmed.to_string()))
}

/// Multi-line Markdown: kept as written (rendering is sanitised in the UI), bounded in size.
pub fn markdown(field: &str, value: &str, max: usize) -> Result<String, Invalid> {
    if value.chars().count() > max {
        return Err(too_long(field, max));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(Invalid::field(
            Code::BadText,
            field,
            format!("The {} holds control characters; remove them and try again.", label(field)),
        ));
    }
    Ok(value.to_string())
}

fn too_long(field: &str, max: usize) -> Invalid {
    Invalid::field(Code::TooLong, field, format!("The {} can be at most {max} characters.", label(field)))
}

pub const TITLE_MAX: usize = 200;
pub const NAME_MAX: usize = 120;
pub const MARKDOWN_MAX: usize = 100_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_named_in_words() {
        assert_eq!(label("title"), "title");
        assert_eq!(label("customer_id"), "customer");
        assert_eq!(label("member_ids[2]"), "member");
        assert_eq!(label("depends_on[0]"), "dependency");
        assert_eq!(label("resolution_notes"), "resolution notes");
        assert_eq!(label("email"), "e-mail address");
    }

    #[test]
    fn messages_are_sentences_that_name_the_field() {
        let empty = required_line("title", "  ", TITLE_MAX).unwrap_err();
        assert_eq!((empty.code, empty.field.as_deref()), (Code::Required, Some("title")));
        assert_eq!(empty.message, "Fill in the title.");
        let long = required_line("title", &"x".repeat(TITLE_MAX + 1), TITLE_MAX).unwrap_err();
        assert_eq!((long.code, long.message.as_str()), (Code::TooLong, "The title can be at most 200 characters."));
        let tab = optional_line("pending_reason", "waiting\tfor parts", 200).unwrap_err();
        assert_eq!(tab.code, Code::BadText);
        assert_eq!(tab.message, "Keep the pending reason to one line, without tabs or other control characters.");
        let bell = markdown("description", "ring \u{7}", MARKDOWN_MAX).unwrap_err();
        assert_eq!(bell.message, "The description holds control characters; remove them and try again.");
    }
}
