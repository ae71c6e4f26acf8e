//! The `workspace-changed` event: after every committed write, ours or another process's, the
//! UI hears which records changed (`smw_core::change::WorkspaceChanged`) and refreshes the
//! views that show them. Our writes are announced by the store's write path the moment they
//! commit; other processes' writes are read from the audit log by the watcher (watch.rs).

use smw_core::change::WorkspaceChanged;
use smw_store::Workspace;
use std::sync::Arc;
use tauri::{AppHandle, Emitter};

pub const WORKSPACE_CHANGED: &str = "workspace-changed";

/// Emits to every window. A failed emit means no window is listening, which is harmless.
pub fn announce(app: &AppHandle, change: &WorkspaceChanged) {
    if let Err(error) = app.emit(WORKSPACE_CHANGED, change) {
        eprintln!("sms-workbench: could not emit {WORKSPACE_CHANGED}: {error}");
    }
}

/// Forwards every write `workspace` commits, unchanged, as a `workspace-changed` event.
pub fn announce_commits(app: &AppHandle, workspace: &Workspace) {
    let app = app.clone();
    workspace.on_commit(Arc::new(move |changed| announce(&app, changed)));
}
