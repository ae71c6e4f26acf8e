//! Notices writes from other processes (the `smw` CLI, a second app window) by looking at the
//! audit log once a second, and announces the records they wrote with `external: true`.
//!
//! Every write appends to the audit log, so the entries past the newest one announced are
//! exactly what changed. Our own writes are announced by the write path and counted as
//! announced before the write gate opens (`commands::write_as`), so they are never reported
//! twice.

use crate::events::announce;
use crate::state::AppState;
use smw_core::change::WorkspaceChanged;
use std::time::Duration;
use tauri::{AppHandle, Manager};

const POLL_EVERY: Duration = Duration::from_secs(1);

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut ticker = tokio::time::interval(POLL_EVERY);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let handle = app.clone();
            // A busy database can make the read wait; keep that off the async workers.
            let changed = tauri::async_runtime::spawn_blocking(move || written_elsewhere(&handle)).await;
            if let Ok(Some(changed)) = changed {
                announce(&app, &changed);
            }
        }
    });
}

/// What other processes wrote since the last announcement, if anything.
fn written_elsewhere(app: &AppHandle) -> Option<WorkspaceChanged> {
    let state = app.state::<AppState>();
    let _no_write_under_way = state.try_write_gate()?;
    let workspace = state.workspace_if_open()?;
    let since = workspace.changes_since(state.announced()).ok()?;
    state.set_announced(since.head);
    since.changed
}
