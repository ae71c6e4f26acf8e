//! Incidents and service requests: the board, the list, the record view and every write.

use super::{read, write};
use crate::error::AppResult;
use smw_core::comment::{Comment, CommentDraft};
use smw_core::link::{Link, LinkKind};
use smw_core::ticket::{Ticket, TicketDraft, TicketPatch, Transition};
use smw_core::views::{Board, TicketDetail, TicketFilter, TicketPage};
use tauri::AppHandle;
use uuid::Uuid;

const DEFAULT_PER_COLUMN: usize = 50;

#[tauri::command]
pub async fn board(app: AppHandle, filter: TicketFilter, per_column: Option<usize>) -> AppResult<Board> {
    read(&app, move |ws| ws.board(&filter, per_column.unwrap_or(DEFAULT_PER_COLUMN))).await
}

#[tauri::command]
pub async fn tickets_list(app: AppHandle, filter: TicketFilter, offset: usize, limit: usize) -> AppResult<TicketPage> {
    read(&app, move |ws| ws.tickets_list(&filter, offset, limit)).await
}

#[tauri::command]
pub async fn ticket_get(app: AppHandle, key: String) -> AppResult<TicketDetail> {
    read(&app, move |ws| ws.ticket_detail(&key)).await
}

#[tauri::command]
pub async fn ticket_create(app: AppHandle, draft: TicketDraft) -> AppResult<Ticket> {
    write(&app, move |ws, actor, now| ws.ticket_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn ticket_update(
    app: AppHandle,
    key: String,
    patch: TicketPatch,
    expected_version: Option<i64>,
) -> AppResult<Ticket> {
    write(&app, move |ws, actor, now| ws.ticket_update(actor, now, &key, patch, expected_version)).await
}

/// A refused move comes back as an error whose message says why; nothing is written.
#[tauri::command]
pub async fn ticket_transition(
    app: AppHandle,
    key: String,
    transition: Transition,
    expected_version: Option<i64>,
) -> AppResult<Ticket> {
    write(&app, move |ws, actor, now| ws.ticket_transition(actor, now, &key, transition, expected_version)).await
}

#[tauri::command]
pub async fn comment_add(app: AppHandle, parent_key: String, draft: CommentDraft) -> AppResult<Comment> {
    write(&app, move |ws, actor, now| ws.comment_add(actor, now, &parent_key, draft)).await
}

#[tauri::command]
pub async fn link_add(app: AppHandle, from_key: String, to_key: String, kind: LinkKind) -> AppResult<Link> {
    write(&app, move |ws, actor, now| ws.link_add(actor, now, &from_key, &to_key, kind)).await
}

#[tauri::command]
pub async fn link_remove(app: AppHandle, link_id: Uuid) -> AppResult<()> {
    write(&app, move |ws, actor, now| ws.link_remove(actor, now, link_id)).await
}
