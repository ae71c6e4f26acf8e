//! The one error shape the UI receives: `{code, message, field?}`. The UI branches on `code`
//! (see docs/commands.md), so every store error is mapped here, once.

use serde::Serialize;
use smw_core::Code;
use smw_store::StoreError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppError {
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        AppError { code, message: message.into(), field: None }
    }

    pub fn no_workspace() -> Self {
        AppError::new(Code::NoWorkspace, "No workspace is open. Open or create one first.")
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(Code::Internal, message)
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        // A domain refusal's Display prefixes the field ("assignee_id: …"); the UI shows the
        // message next to that field, so it gets the bare sentence.
        let message = match &error {
            StoreError::Invalid(invalid) => invalid.message.clone(),
            other => other.to_string(),
        };
        AppError { code: error.code(), message, field: error.field().map(str::to_string) }
    }
}

/// A blocking task that panicked or was cancelled: the command fails, the app keeps running.
impl From<tauri::Error> for AppError {
    fn from(error: tauri::Error) -> Self {
        AppError::internal(error.to_string())
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for AppError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_keep_code_and_field_and_omit_absent_fields() {
        let invalid =
            smw_core::Invalid::field(smw_core::error::Code::AssigneeRequired, "assignee_id", "Set an assignee.");
        let error = AppError::from(StoreError::from(invalid));
        assert_eq!(error.code, Code::AssigneeRequired);
        assert_eq!(error.field.as_deref(), Some("assignee_id"));
        assert_eq!(error.message, "Set an assignee.");
        let json = serde_json::to_value(AppError::from(StoreError::not_found("ticket", "INC-000009"))).unwrap();
        assert_eq!(json["code"], "not_found");
        assert!(json.get("field").is_none(), "{json}");
    }
}
