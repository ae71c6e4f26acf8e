//! Notices writes from other processes (the `smw` CLI, a second app window) by polling
//! SQLite's `PRAGMA data_version` once a second, and tells the UI with `external: true`.
//!
//! `data_version` on the reader connection changes whenever any *other* connection commits,
//! and that includes this app's own writer connection. So after each of our writes the
//! commands record the new version as seen (`AppState::swap_seen_data_version`), and only a
//! change the watcher did not expect is reported as external.

use crate::events::{announce, WorkspaceChanged};
use crate::state::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager};

const POLL_EVERY: Duration = Duration::from_secs(1);

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut ticker = tokio::time::interval(POLL_EVERY);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let app = app.clone();
            // A busy database can make the read wait; keep that off the async workers.
            let changed = tauri::async_runtime::spawn_blocking(move || changed_elsewhere(&app)).await;
            if let Ok(Some(app)) = changed {
                announce(&app, WorkspaceChanged::everything(true));
            }
        }
    });
}

/// `Some(app)` when the open workspace's data version moved without us writing.
fn changed_elsewhere(app: &AppHandle) -> Option<AppHandle> {
    let state = app.state::<AppState>();
    let _no_write_under_way = state.try_write_gate()?;
    let workspace = state.workspace_if_open()?;
    let version = workspace.data_version().ok()?;
    let before = state.swap_seen_data_version(version);
    (before != version && before != i64::MIN).then(|| app.clone())
}
