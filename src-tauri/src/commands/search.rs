//! Full-text search over titles, descriptions and comments.

use super::read;
use crate::error::AppResult;
use smw_core::views::SearchHit;
use tauri::AppHandle;

const DEFAULT_LIMIT: usize = 20;

#[tauri::command]
pub async fn search(app: AppHandle, text: String, limit: Option<usize>) -> AppResult<Vec<SearchHit>> {
    read(&app, move |ws| ws.search(&text, limit.unwrap_or(DEFAULT_LIMIT))).await
}
