//! Opening, creating and filling workspaces; choosing who acts; verifying the audit chain.

use super::{read, write_as};
use crate::error::AppResult;
use crate::events::{announce, announce_commits};
use crate::state::AppState;
use smw_core::change::WorkspaceChanged;
use smw_core::views::VerifyReport;
use smw_core::views::WorkspaceInfo;
use smw_store::{Actor, Workspace};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Manager};
use uuid::Uuid;

#[tauri::command]
pub async fn workspace_info(app: AppHandle) -> AppResult<WorkspaceInfo> {
    let workspace = app.state::<AppState>().workspace()?;
    info_of(&app, workspace).await
}

/// Opens an existing file. A file that is not a workspace is refused (`not_a_workspace`) and
/// the workspace that was open stays open.
#[tauri::command]
pub async fn workspace_open(app: AppHandle, path: PathBuf) -> AppResult<WorkspaceInfo> {
    switch_to(&app, path, Intent::Open).await
}

#[tauri::command]
pub async fn workspace_create(app: AppHandle, path: PathBuf) -> AppResult<WorkspaceInfo> {
    switch_to(&app, path, Intent::Create).await
}

/// The native open dialog; `None` when the person cancels.
#[tauri::command]
pub async fn workspace_pick_open(app: AppHandle) -> AppResult<Option<WorkspaceInfo>> {
    let picked = crate::dialogs::pick_workspace_to_open(&app).await;
    match picked {
        Some(path) => switch_to(&app, path, Intent::Open).await.map(Some),
        None => Ok(None),
    }
}

/// The native save dialog for a new workspace; `None` when the person cancels.
#[tauri::command]
pub async fn workspace_pick_create(app: AppHandle) -> AppResult<Option<WorkspaceInfo>> {
    let picked = crate::dialogs::pick_workspace_to_create(&app).await;
    match picked {
        Some(path) => switch_to(&app, path, Intent::Create).await.map(Some),
        None => Ok(None),
    }
}

/// Fills the open workspace with demo data; refused with `not_empty` when it has tickets.
#[tauri::command]
pub async fn workspace_load_demo(app: AppHandle) -> AppResult<WorkspaceInfo> {
    // An empty workspace has no people to choose from yet: the demo writes as its own
    // "demo generator" actor, so the history shows where the data came from.
    write_as(&app, Actor::system("demo generator"), |ws, _actor, now| {
        smw_store::demo::generate(ws, now, smw_store::demo::DEFAULT_TICKETS, &mut |_| {})
    })
    .await?;
    workspace_info(app).await
}

/// Chooses the person the audit history names for this window's writes.
#[tauri::command]
pub async fn actor_set(app: AppHandle, person_id: Uuid) -> AppResult<WorkspaceInfo> {
    let workspace = app.state::<AppState>().workspace()?;
    let person = read(&app, move |ws| ws.person_get(person_id)).await?;
    app.state::<AppState>().set_actor(&workspace, person)?;
    info_of(&app, workspace).await
}

#[tauri::command]
pub async fn workspace_verify(app: AppHandle) -> AppResult<VerifyReport> {
    read(&app, |ws| smw_store::verify(ws.path())).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Open,
    Create,
}

/// Opens or creates `path` off the UI thread, makes it the open workspace and tells every
/// view to reload. On failure nothing changes.
pub async fn switch_to(app: &AppHandle, path: PathBuf, intent: Intent) -> AppResult<WorkspaceInfo> {
    let path = std::path::absolute(&path).unwrap_or(path);
    let opened = tauri::async_runtime::spawn_blocking(move || match intent {
        Intent::Open => Workspace::open(&path),
        Intent::Create => Workspace::create(&path),
    })
    .await??;
    let workspace = app.state::<AppState>().replace_workspace(opened);
    announce_commits(app, &workspace);
    let handle = app.clone();
    let opened = workspace.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<AppState>().restore_actor(&opened)).await?;
    announce(app, &WorkspaceChanged::everything(false));
    info_of(app, workspace).await
}

async fn info_of(app: &AppHandle, workspace: Arc<Workspace>) -> AppResult<WorkspaceInfo> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<AppState>().info(&workspace)).await?
}
