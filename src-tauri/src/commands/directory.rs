//! The directory: people, support groups and locations, the reference data the pickers show,
//! and the first person of a workspace saying who they are.

use super::{read, write, write_as};
use crate::error::AppResult;
use crate::state::AppState;
use smw_core::directory::{Group, GroupDraft, GroupPatch, Person, PersonDraft, PersonPatch};
use smw_core::location::{Location, LocationDraft, LocationPatch};
use smw_core::views::Directory;
use smw_store::Actor;
use tauri::{AppHandle, Manager};

#[tauri::command]
pub async fn directory(app: AppHandle) -> AppResult<Directory> {
    read(&app, |ws| ws.directory()).await
}

/// "Who are you?" on a workspace where nobody can act yet: creates that person, written as
/// themselves, and makes them the one acting (remembered for this workspace).
#[tauri::command]
pub async fn actor_introduce(app: AppHandle, draft: PersonDraft) -> AppResult<Person> {
    let person =
        write_as(&app, Actor::system("new workspace"), move |ws, _actor, now| ws.person_introduce(now, draft)).await?;
    let state = app.state::<AppState>();
    state.set_actor(&state.workspace()?, person.clone())?;
    Ok(person)
}

#[tauri::command]
pub async fn person_create(app: AppHandle, draft: PersonDraft) -> AppResult<Person> {
    write(&app, move |ws, actor, now| ws.person_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn person_update(
    app: AppHandle,
    key: String,
    patch: PersonPatch,
    expected_version: Option<i64>,
) -> AppResult<Person> {
    let person = write(&app, move |ws, actor, now| ws.person_update(actor, now, &key, patch, expected_version)).await?;
    let state = app.state::<AppState>();
    state.actor_edited(&state.workspace()?, &person);
    Ok(person)
}

#[tauri::command]
pub async fn person_retire(app: AppHandle, key: String) -> AppResult<Person> {
    write(&app, move |ws, actor, now| ws.person_retire(actor, now, &key)).await
}

#[tauri::command]
pub async fn group_create(app: AppHandle, draft: GroupDraft) -> AppResult<Group> {
    write(&app, move |ws, actor, now| ws.group_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn group_update(
    app: AppHandle,
    key: String,
    patch: GroupPatch,
    expected_version: Option<i64>,
) -> AppResult<Group> {
    write(&app, move |ws, actor, now| ws.group_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn group_retire(app: AppHandle, key: String) -> AppResult<Group> {
    write(&app, move |ws, actor, now| ws.group_retire(actor, now, &key)).await
}

#[tauri::command]
pub async fn location_create(app: AppHandle, draft: LocationDraft) -> AppResult<Location> {
    write(&app, move |ws, actor, now| ws.location_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn location_update(
    app: AppHandle,
    key: String,
    patch: LocationPatch,
    expected_version: Option<i64>,
) -> AppResult<Location> {
    write(&app, move |ws, actor, now| ws.location_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn location_retire(app: AppHandle, key: String) -> AppResult<Location> {
    write(&app, move |ws, actor, now| ws.location_retire(actor, now, &key)).await
}
