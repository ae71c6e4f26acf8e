//! Reference data for the pickers: people, groups, services, customers.

use super::read;
use crate::error::AppResult;
use smw_core::views::Directory;
use tauri::AppHandle;

#[tauri::command]
pub async fn directory(app: AppHandle) -> AppResult<Directory> {
    read(&app, |ws| ws.directory()).await
}
