//! The commands the UI invokes (docs/commands.md), one file per area. Each is thin: take the
//! arguments, run the store call on a blocking thread (SQLite must never stall the UI
//! thread or the async workers), announce what a write changed, return.

pub mod catalogue;
pub mod directory;
pub mod problems;
pub mod search;
pub mod service_levels;
pub mod tickets;
pub mod workspace;

use crate::error::{AppError, AppResult};
use crate::events::{announce, WorkspaceChanged};
use crate::state::AppState;
use smw_core::Timestamp;
use smw_store::{Actor, StoreError, Workspace};
use std::sync::Arc;
use tauri::{AppHandle, Manager};

/// Runs a read on a blocking thread.
pub async fn read<T, F>(app: &AppHandle, work: F) -> AppResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Workspace) -> Result<T, StoreError> + Send + 'static,
{
    let workspace = app.state::<AppState>().workspace()?;
    tauri::async_runtime::spawn_blocking(move || work(&workspace)).await?.map_err(AppError::from)
}

/// Runs a write on a blocking thread as the person chosen in the app, with the clock (the
/// shell is where the time is read), then announces the change `changed` describes.
pub async fn write<T, F, C>(app: &AppHandle, work: F, changed: C) -> AppResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Workspace, &Actor, Timestamp) -> Result<T, StoreError> + Send + 'static,
    C: FnOnce(&T) -> WorkspaceChanged,
{
    let actor = app.state::<AppState>().actor()?;
    write_as(app, actor, work, changed).await
}

/// [`write`] on behalf of a named actor rather than the chosen person (the demo generator).
pub async fn write_as<T, F, C>(app: &AppHandle, actor: Actor, work: F, changed: C) -> AppResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Workspace, &Actor, Timestamp) -> Result<T, StoreError> + Send + 'static,
    C: FnOnce(&T) -> WorkspaceChanged,
{
    let state = app.state::<AppState>();
    let workspace = state.workspace()?;
    let handle = app.clone();
    let result = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let _gate = state.write_gate();
        let now = Timestamp::from(chrono::Utc::now());
        let result = work(&workspace, &actor, now);
        mark_seen(&state, &workspace);
        result
    })
    .await?
    .map_err(AppError::from)?;
    announce(app, changed(&result));
    Ok(result)
}

/// Records our own write's data version so the watcher does not report it as external.
fn mark_seen(state: &AppState, workspace: &Arc<Workspace>) {
    let still_open = state.workspace_if_open().is_some_and(|open| Arc::ptr_eq(&open, workspace));
    if let (true, Ok(version)) = (still_open, workspace.data_version()) {
        state.swap_seen_data_version(version);
    }
}
