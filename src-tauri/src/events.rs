//! The `workspace-changed` event: after every committed write (ours or another process's)
//! the UI invalidates its query cache, so boards and record views update at once.

use serde::Serialize;
use tauri::{AppHandle, Emitter};

pub const WORKSPACE_CHANGED: &str = "workspace-changed";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WorkspaceChanged {
    /// `RecordKind` names, e.g. `incident`, `comment`.
    pub families: Vec<String>,
    /// Human keys of the records written, e.g. `INC-000042`.
    pub keys: Vec<String>,
    /// True when another process (the CLI, another window) wrote the file.
    pub external: bool,
}

impl WorkspaceChanged {
    pub fn ours(families: &[&str], keys: &[&str]) -> Self {
        WorkspaceChanged {
            families: families.iter().map(|family| family.to_string()).collect(),
            keys: keys.iter().map(|key| key.to_string()).collect(),
            external: false,
        }
    }

    /// Everything may have changed: a different workspace was opened, or another process wrote.
    pub fn everything(external: bool) -> Self {
        WorkspaceChanged { families: Vec::new(), keys: Vec::new(), external }
    }
}

/// Emits to every window. A failed emit means no window is listening, which is harmless.
pub fn announce(app: &AppHandle, change: WorkspaceChanged) {
    if let Err(error) = app.emit(WORKSPACE_CHANGED, change) {
        eprintln!("sms-workbench: could not emit {WORKSPACE_CHANGED}: {error}");
    }
}
