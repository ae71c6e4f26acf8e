//! Two writers, one record. A person's name is being edited in the Directory while someone
//! renames the same person with the `smw` CLI. Saving the stale form is refused as a version
//! conflict: the app says the record changed and reloads it, and the other writer's name stays.
//!
//! The CLI cannot edit an existing ticket, so the record is a person; tickets and problems
//! take the same path (a save carries the version the form was loaded from).

use super::steps::{act_as_first_person, notice_saying, smw};
use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_save_is_refused_and_the_other_writer_wins() {
    run_journey("version_conflict", Seed::Demo, journey).await;
}

/// How often to try to save before the app hears of the other write (see `save_if_still_mine`).
const ATTEMPTS: usize = 5;

async fn journey(app: &RunningApp) -> Outcome {
    act_as_first_person(app).await?;
    let everyone = people(app)?;
    let writer = everyone.iter().find(|p| p["can_act"] != false).ok_or("nobody in the demo may act")?;
    let writer = writer["key"].as_str().unwrap_or_default().to_string();
    let person = everyone.iter().find(|p| p["key"] != writer.as_str()).ok_or("the demo has one person only")?;
    let key = person["key"].as_str().unwrap_or_default().to_string();
    let name = person["name"].as_str().unwrap_or_default().to_string();
    open_person(app, &key, &name).await?;

    let mut theirs = None;
    for attempt in 1..=ATTEMPTS {
        let mine = format!("{name} (renamed in the window, try {attempt})");
        let other = format!("{name} (renamed in the terminal, try {attempt})");
        ui::type_into(&app.client, "person-name", &mine).await?;
        let written = rename_in_the_terminal(app, &key, &other, &writer)?;
        if save_if_still_mine(app, &mine).await? {
            theirs = Some((other, written["version"].clone()));
            break;
        }
        // The app heard of the other write first and reloaded the form: try again.
        eprintln!("try {attempt}: the form reloaded before it was saved");
        shows_name(app, &other).await?;
    }
    let (theirs, their_version) = theirs.ok_or(format!("the app reloaded the form before each of {ATTEMPTS} saves"))?;

    let notice = notice_saying(app, "changed").await?;
    eprintln!("the stale save was refused with: {notice}");
    shows_name(app, &theirs).await?;
    app.screenshot("version-conflict").await?;

    // Nothing overwritten: the workspace holds the other writer's name, at its version.
    let stored = people(app)?.into_iter().find(|p| p["key"] == key.as_str()).ok_or("the person is gone")?;
    if stored["name"] != theirs.as_str() || stored["version"] != their_version {
        return Err(format!(
            "after the refused save the workspace has {key} as {} (version {}), expected {theirs:?} (version {their_version})",
            stored["name"], stored["version"]
        )
        .into());
    }
    Ok(())
}

/// Directory → People → the person, with the editor showing their stored name.
async fn open_person(app: &RunningApp, key: &str, name: &str) -> Outcome {
    ui::click(&app.client, "nav-directory").await?;
    ui::click(&app.client, "directory-tab-people").await?;
    ui::click(&app.client, &format!("people-list-{key}")).await?;
    shows_name(app, name).await
}

async fn shows_name(app: &RunningApp, name: &str) -> Outcome {
    ui::eventually(&format!("the person editor shows {name:?}"), Duration::from_secs(10), || async move {
        Ok(ui::value_of(&app.client, "person-name").await? == name)
    })
    .await
}

/// Presses Save if the form still holds the person's edit, and says whether it did. The app
/// learns of another process's write within about a second and then reloads the form (the
/// edit is dropped), so a stale form exists only until then. Looking and pressing in one
/// script makes sure the press is made on the form that was looked at.
async fn save_if_still_mine(app: &RunningApp, mine: &str) -> Outcome<bool> {
    let pressed = app
        .client
        .execute(
            "const name = document.querySelector('[data-testid=\"person-name\"]');\
             if (!name || name.value !== arguments[0]) return false;\
             document.querySelector('[data-testid=\"person-save\"]').click();\
             return true;",
            vec![json!(mine)],
        )
        .await?;
    Ok(pressed == true)
}

/// `smw people edit`: another process renames the person, as `writer`; gives the saved record.
fn rename_in_the_terminal(app: &RunningApp, key: &str, name: &str, writer: &str) -> Outcome<Value> {
    let workspace = app.workspace.as_os_str();
    smw([
        OsStr::new("people"),
        "edit".as_ref(),
        workspace,
        key.as_ref(),
        "--name".as_ref(),
        name.as_ref(),
        "--as".as_ref(),
        writer.as_ref(),
    ])
}

fn people(app: &RunningApp) -> Outcome<Vec<Value>> {
    let listed = smw([OsStr::new("people"), "list".as_ref(), app.workspace.as_os_str()])?;
    Ok(listed.as_array().cloned().unwrap_or_default())
}
