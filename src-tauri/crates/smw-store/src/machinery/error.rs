//! Store errors, each with a stable code the UI and the CLI branch on.

use smw_core::{Code, Invalid};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("There is no {what} {key}.")]
    NotFound { what: &'static str, key: String },
    #[error(
        "{key} was changed by someone else (version {actual}; you edited version {expected}). Reload it and try again."
    )]
    Conflict { key: String, expected: i64, actual: i64 },
    #[error("{path} is not an SMS Workbench workspace: {reason}.")]
    NotAWorkspace { path: PathBuf, reason: String },
    #[error("{path} was written by a newer SMS Workbench (schema {found}, this version knows up to {known}); it was left untouched.")]
    NewerVersion { path: PathBuf, found: i64, known: i64 },
    #[error("The workspace is not empty: {0}.")]
    NotEmpty(String),
    #[error("line {line}: {message}")]
    BadFile { line: u64, message: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// The stable code for this error (see docs/commands.md); `code().as_str()` or
    /// `code().to_string()` gives its wire string.
    pub fn code(&self) -> Code {
        match self {
            StoreError::Invalid(invalid) => invalid.code,
            StoreError::NotFound { .. } => Code::NotFound,
            StoreError::Conflict { .. } => Code::Conflict,
            StoreError::NotAWorkspace { .. } => Code::NotAWorkspace,
            StoreError::NewerVersion { .. } => Code::NewerVersion,
            StoreError::NotEmpty(_) => Code::NotEmpty,
            StoreError::BadFile { .. } => Code::BadFile,
            StoreError::Io(_) => Code::Io,
            StoreError::Sqlite(error) if is_busy(error) => Code::Busy,
            StoreError::Sqlite(_) => Code::Internal,
        }
    }

    /// The input field at fault, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            StoreError::Invalid(invalid) => invalid.field.as_deref(),
            _ => None,
        }
    }

    /// True when the caller's input was at fault (the CLI exits 2 for these).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::Invalid(_)
                | StoreError::NotFound { .. }
                | StoreError::Conflict { .. }
                | StoreError::NotAWorkspace { .. }
                | StoreError::NewerVersion { .. }
                | StoreError::NotEmpty(_)
                | StoreError::BadFile { .. }
        )
    }

    pub fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        StoreError::NotFound { what, key: key.into() }
    }
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

pub type StoreResult<T> = Result<T, StoreError>;
