//! Service levels: calendars, SLAs, OLAs, underpinning contracts, the consistency check, the
//! dashboard's report, the at-risk list, a ticket's clock explanation, and saving an export
//! (CSV or chart image) through a native save dialog.

use super::{read, write};
use crate::error::{AppError, AppResult};
use smw_core::agreements::{
    CalendarDraft, CalendarPatch, CalendarRecord, ConsistencyFinding, Contract, ContractDraft, ContractPatch, Ola,
    OlaDraft, OlaPatch, Sla, SlaDraft, SlaPatch,
};
use smw_core::views_sla::{AtRiskClock, ClockExplanation, SlaReport};
use smw_core::Code;
use smw_core::Timestamp;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};

fn now() -> Timestamp {
    Timestamp::from(chrono::Utc::now())
}

// Calendars

#[tauri::command]
pub async fn calendars_list(app: AppHandle) -> AppResult<Vec<CalendarRecord>> {
    read(&app, |ws| ws.calendar_list()).await
}

#[tauri::command]
pub async fn calendar_get(app: AppHandle, key: String) -> AppResult<CalendarRecord> {
    read(&app, move |ws| ws.calendar_get(&key)).await
}

#[tauri::command]
pub async fn calendar_create(app: AppHandle, draft: CalendarDraft) -> AppResult<CalendarRecord> {
    write(&app, move |ws, actor, now| ws.calendar_create(actor, now, draft)).await
}

/// Editing a calendar recomputes the clocks of open tickets measured on it, so tickets refresh too.
#[tauri::command]
pub async fn calendar_update(
    app: AppHandle,
    key: String,
    patch: CalendarPatch,
    expected_version: Option<i64>,
) -> AppResult<CalendarRecord> {
    write(&app, move |ws, actor, now| ws.calendar_update(actor, now, &key, patch, expected_version)).await
}

/// What an .ics import did: the calendar as saved and how many holidays were new.
#[derive(serde::Serialize)]
pub struct HolidayImport {
    pub calendar: CalendarRecord,
    pub added: usize,
}

/// Adds the holidays of an iCalendar file to a calendar. Without `ics`, a native open dialog
/// asks for the file (the window has no file-system permission); null when cancelled.
#[tauri::command]
pub async fn calendar_import_holidays(
    app: AppHandle,
    key: String,
    ics: Option<String>,
    expected_version: Option<i64>,
) -> AppResult<Option<HolidayImport>> {
    let ics = match ics {
        Some(text) => text,
        None => match pick_ics(&app).await {
            Some(path) => std::fs::read_to_string(&path)
                .map_err(|e| AppError::new(Code::Io, format!("Could not read {}: {e}", path.display())))?,
            None => return Ok(None),
        },
    };
    let result =
        write(&app, move |ws, actor, now| ws.calendar_import_holidays(actor, now, &key, &ics, expected_version))
            .await?;
    Ok(Some(HolidayImport { calendar: result.0, added: result.1 }))
}

async fn pick_ics(app: &AppHandle) -> Option<PathBuf> {
    let dialog = rfd::AsyncFileDialog::new().set_title("Import holidays").add_filter("iCalendar", &["ics"]);
    let dialog = match app.get_webview_window("main") {
        Some(window) => dialog.set_parent(&window),
        None => dialog,
    };
    dialog.pick_file().await.map(|file| file.path().to_path_buf())
}

// SLAs, OLAs, contracts

#[tauri::command]
pub async fn slas_list(app: AppHandle) -> AppResult<Vec<Sla>> {
    read(&app, |ws| ws.sla_list()).await
}

#[tauri::command]
pub async fn sla_get(app: AppHandle, key: String) -> AppResult<Sla> {
    read(&app, move |ws| ws.sla_get(&key)).await
}

#[tauri::command]
pub async fn sla_create(app: AppHandle, draft: SlaDraft) -> AppResult<Sla> {
    write(&app, move |ws, actor, now| ws.sla_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn sla_update(app: AppHandle, key: String, patch: SlaPatch, expected_version: Option<i64>) -> AppResult<Sla> {
    write(&app, move |ws, actor, now| ws.sla_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn olas_list(app: AppHandle) -> AppResult<Vec<Ola>> {
    read(&app, |ws| ws.ola_list()).await
}

#[tauri::command]
pub async fn ola_get(app: AppHandle, key: String) -> AppResult<Ola> {
    read(&app, move |ws| ws.ola_get(&key)).await
}

#[tauri::command]
pub async fn ola_create(app: AppHandle, draft: OlaDraft) -> AppResult<Ola> {
    write(&app, move |ws, actor, now| ws.ola_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn ola_update(app: AppHandle, key: String, patch: OlaPatch, expected_version: Option<i64>) -> AppResult<Ola> {
    write(&app, move |ws, actor, now| ws.ola_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn contracts_list(app: AppHandle) -> AppResult<Vec<Contract>> {
    read(&app, |ws| ws.contract_list()).await
}

#[tauri::command]
pub async fn contract_get(app: AppHandle, key: String) -> AppResult<Contract> {
    read(&app, move |ws| ws.contract_get(&key)).await
}

#[tauri::command]
pub async fn contract_create(app: AppHandle, draft: ContractDraft) -> AppResult<Contract> {
    write(&app, move |ws, actor, now| ws.contract_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn contract_update(
    app: AppHandle,
    key: String,
    patch: ContractPatch,
    expected_version: Option<i64>,
) -> AppResult<Contract> {
    write(&app, move |ws, actor, now| ws.contract_update(actor, now, &key, patch, expected_version)).await
}

// Figures

/// Findings as of today (UTC): agreements valid today, services without one.
#[tauri::command]
pub async fn sla_consistency(app: AppHandle) -> AppResult<Vec<ConsistencyFinding>> {
    read(&app, |ws| ws.sla_consistency(chrono::Utc::now().date_naive())).await
}

/// The dashboard's figures for `[from, to)`; the store picks the default period when absent.
#[tauri::command]
pub async fn sla_report(app: AppHandle, from: Option<Timestamp>, to: Option<Timestamp>) -> AppResult<SlaReport> {
    read(&app, move |ws| ws.sla_report(now(), from, to)).await
}

#[tauri::command]
pub async fn sla_at_risk(app: AppHandle) -> AppResult<Vec<AtRiskClock>> {
    read(&app, |ws| ws.sla_at_risk(now())).await
}

/// Null when no SLA applies to the ticket.
#[tauri::command]
pub async fn ticket_clocks(app: AppHandle, key: String) -> AppResult<Option<ClockExplanation>> {
    read(&app, move |ws| ws.ticket_clocks(&key, now())).await
}

// Catalogue

// Exports

/// Saves an export where the person chooses: `contents` as UTF-8 text, or `dataUrl` (a
/// base64 `data:` URL, as a chart's `getDataURL()` gives) as bytes. Downloads do not work in
/// the webview and the window has no file-system permission, so the shell writes the file.
/// Returns the path written, or null when the dialog was cancelled.
#[tauri::command]
pub async fn file_save(
    app: AppHandle,
    suggested_name: String,
    contents: Option<String>,
    data_url: Option<String>,
) -> AppResult<Option<String>> {
    let bytes = match (contents, data_url) {
        (Some(text), None) => text.into_bytes(),
        (None, Some(url)) => decode_data_url(&url)?,
        _ => return Err(AppError::new(Code::InvalidArgument, "Give either contents or dataUrl.")),
    };
    let mut dialog = rfd::AsyncFileDialog::new().set_title("Save export").set_file_name(&suggested_name);
    if let Some(extension) = std::path::Path::new(&suggested_name).extension().and_then(|e| e.to_str()) {
        dialog = dialog.add_filter(extension.to_uppercase(), &[extension]);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let Some(file) = dialog.save_file().await else { return Ok(None) };
    let path = file.path().to_path_buf();
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || std::fs::write(&target, bytes))
        .await?
        .map_err(|e| AppError::new(Code::Io, format!("Could not write {}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

fn decode_data_url(url: &str) -> AppResult<Vec<u8>> {
    use base64::Engine;
    let bad = || AppError::new(Code::InvalidArgument, "The image is not a base64 data URL.");
    let (header, payload) = url.strip_prefix("data:").and_then(|rest| rest.split_once(',')).ok_or_else(bad)?;
    if !header.ends_with(";base64") {
        return Err(bad());
    }
    let payload: String = payload.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(payload).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_decode_to_their_bytes() {
        assert_eq!(decode_data_url("data:image/png;base64,iVBORw0KGgo=").unwrap(), b"\x89PNG\r\n\x1a\n");
        assert_eq!(decode_data_url("data:text/plain;base64,TWE=").unwrap(), b"Ma");
        assert_eq!(decode_data_url("data:text/plain;base64,").unwrap(), b"");
    }

    #[test]
    fn malformed_data_urls_are_refused() {
        assert_eq!(decode_data_url("data:text/plain,hello").unwrap_err().code, Code::InvalidArgument);
        assert_eq!(decode_data_url("iVBORw0KGgo=").unwrap_err().code, Code::InvalidArgument);
        assert_eq!(decode_data_url("data:image/png;base64,TWF").unwrap_err().code, Code::InvalidArgument);
        assert_eq!(decode_data_url("data:image/png;base64,T$Fu").unwrap_err().code, Code::InvalidArgument);
    }
}
