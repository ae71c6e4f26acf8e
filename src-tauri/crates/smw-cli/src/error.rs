//! How `smw` fails: one line on stderr, and an exit status that says whose fault it was.

use std::fmt;

/// Exit status 2: the input was wrong (a bad argument, file or value); 1: anything else.
#[derive(Debug)]
pub struct CliError {
    pub status: u8,
    pub message: String,
}

impl CliError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        CliError { status: 2, message: message.into() }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        CliError { status: 1, message: message.into() }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<smw_core::Invalid> for CliError {
    fn from(invalid: smw_core::Invalid) -> Self {
        CliError::bad_input(invalid.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        CliError::failed(error.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
