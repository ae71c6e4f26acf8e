//! Problems and known errors (ISO/IEC 20000-1 8.6.3).

use super::{read, write};
use crate::error::AppResult;
use smw_core::problem::{Problem, ProblemDraft, ProblemPatch};
use smw_core::views::ProblemDetail;
use tauri::AppHandle;

#[tauri::command]
pub async fn problems_list(
    app: AppHandle,
    text: Option<String>,
    known_errors_only: Option<bool>,
) -> AppResult<Vec<Problem>> {
    read(&app, move |ws| ws.problems_list(text.as_deref(), known_errors_only.unwrap_or(false))).await
}

#[tauri::command]
pub async fn problem_get(app: AppHandle, key: String) -> AppResult<ProblemDetail> {
    read(&app, move |ws| ws.problem_detail(&key)).await
}

#[tauri::command]
pub async fn problem_create(app: AppHandle, draft: ProblemDraft) -> AppResult<Problem> {
    write(&app, move |ws, actor, now| ws.problem_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn problem_update(
    app: AppHandle,
    key: String,
    patch: ProblemPatch,
    expected_version: Option<i64>,
) -> AppResult<Problem> {
    write(&app, move |ws, actor, now| ws.problem_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn known_errors_search(app: AppHandle, text: String) -> AppResult<Vec<Problem>> {
    read(&app, move |ws| ws.known_errors_search(&text)).await
}
