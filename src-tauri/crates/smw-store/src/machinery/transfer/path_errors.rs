//! Parse errors that name the field: serde_json names a field only when it is missing, so a
//! value of the wrong type anywhere in a record would otherwise be reported by column alone.

use serde::Deserialize;

/// Parses `text`, naming the path of the field where parsing failed (`data.priority`,
/// `targets[2].minutes`) in the error.
pub(super) fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if path.is_empty() || path == "." || path == "?" {
            inner.to_string()
        } else {
            format!("{path}: {inner}")
        }
    })?;
    deserializer.end().map_err(|e| e.to_string())?;
    Ok(value)
}
