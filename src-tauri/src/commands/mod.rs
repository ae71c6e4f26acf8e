//! The commands the UI invokes (docs/commands.md), one file per area. Each is thin: take the
//! arguments, run the store call on a blocking thread (SQLite must never stall the UI
//! thread or the async workers), return. What a write changed is announced by the write
//! path itself (events.rs).

pub mod catalogue;
pub mod cmdb;
pub mod directory;
pub mod problems;
pub mod search;
pub mod service_levels;
pub mod tickets;
pub mod workspace;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use smw_core::Timestamp;
use smw_store::{Actor, StoreError, Workspace};
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
/// shell is where the time is read). The write path announces what it changed.
pub async fn write<T, F>(app: &AppHandle, work: F) -> AppResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Workspace, &Actor, Timestamp) -> Result<T, StoreError> + Send + 'static,
{
    let actor = app.state::<AppState>().actor()?;
    write_as(app, actor, work).await
}

/// [`write`] on behalf of a named actor rather than the chosen person (the demo generator).
pub async fn write_as<T, F>(app: &AppHandle, actor: Actor, work: F) -> AppResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Workspace, &Actor, Timestamp) -> Result<T, StoreError> + Send + 'static,
{
    let workspace = app.state::<AppState>().workspace()?;
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        // Held until this write's entries count as announced, so the watcher never reports
        // them a second time as another process's.
        let _gate = state.write_gate();
        let now = Timestamp::from(chrono::Utc::now());
        let result = work(&workspace, &actor, now);
        state.announced_up_to_head(&workspace);
        result
    })
    .await?
    .map_err(AppError::from)
}
