//! Steps several journeys share, in the words a person would use.

use crate::harness::{evaluate, smw_binary, ui, Outcome, RunningApp};
use fantoccini::Locator;
use serde_json::Value;
use std::ffi::OsStr;
use std::process::Command;
use std::time::Duration;

/// Chooses the first person in the "Acting as" picker: writes wait until someone acts.
pub async fn act_as_first_person(app: &RunningApp) -> Outcome {
    let picker = ui::element(&app.client, "actor-picker").await?;
    ui::eventually("the people are loaded into the actor picker", Duration::from_secs(10), || {
        let picker = picker.clone();
        async move { Ok(picker.find_all(Locator::Css("option[value]:not([value=''])")).await?.len() > 0) }
    })
    .await?;
    let first = picker.find(Locator::Css("option[value]:not([value=''])")).await?;
    let person_id = first.attr("value").await?.unwrap_or_default();
    picker.select_by_value(&person_id).await?;
    ui::eventually("the chosen person is acting", Duration::from_secs(10), || {
        let (picker, person_id) = (picker.clone(), person_id.clone());
        async move { Ok(picker.prop("value").await?.as_deref() == Some(person_id.as_str())) }
    })
    .await
}

pub struct NewIncident<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Picks the first staff member as assignee, so the ticket may move to Assigned.
    pub assign: bool,
}

/// Logs an incident through the form and returns its key, read from the record view it opens.
pub async fn log_incident(app: &RunningApp, incident: NewIncident<'_>) -> Outcome<String> {
    let client = &app.client;
    ui::click(client, "new-ticket-button").await?;
    ui::element(client, "ticket-form").await?;
    ui::type_into(client, "ticket-form-title", incident.title).await?;
    ui::type_into(client, "ticket-form-description", incident.description).await?;
    ui::element(client, "ticket-form-impact").await?.select_by_value("high").await?;
    ui::element(client, "ticket-form-urgency").await?.select_by_value("high").await?;
    if incident.assign {
        ui::element(client, "ticket-form-assignee").await?.select_by_index(1).await?;
    }
    ui::click(client, "ticket-form-submit").await?;
    let record = ui::element(client, "record-view").await?;
    let key = record.attr("data-record-key").await?.ok_or("the record view names no key")?;
    let shown_title = ui::element(client, "record-title").await?.text().await?;
    if !shown_title.contains(incident.title) {
        return Err(format!("record view of {key} shows title {shown_title:?}, expected {:?}", incident.title).into());
    }
    Ok(key)
}

/// The status column a card is in right now, or `None` when it is on no column.
pub async fn column_of(app: &RunningApp, key: &str) -> Outcome<Option<String>> {
    let script = format!(
        "const card = document.querySelector('[data-testid=\"ticket-card-{key}\"]');\
         const column = card && card.closest('[data-testid^=\"board-column-\"]');\
         return column ? column.getAttribute('data-testid').replace('board-column-', '') : null;"
    );
    Ok(app.client.execute(&script, vec![]).await?.as_str().map(str::to_string))
}

pub async fn wait_for_column(app: &RunningApp, key: &str, status: &str) -> Outcome {
    ui::eventually(&format!("{key} is in the {status} column"), Duration::from_secs(10), || async move {
        Ok(column_of(app, key).await?.as_deref() == Some(status))
    })
    .await
}

pub async fn open_board(app: &RunningApp) -> Outcome {
    ui::click(&app.client, "nav-board").await?;
    ui::element(&app.client, "board").await?;
    Ok(())
}

/// Drags the card of `key` onto the column of `status`.
pub async fn drag_card(app: &RunningApp, key: &str, status: &str) -> Outcome {
    let card = ui::element(&app.client, &format!("ticket-card-{key}")).await?;
    let column = ui::element(&app.client, &format!("board-column-{status}")).await?;
    ui::drag(&app.client, &card, &column).await
}

/// Waits until the open record view shows the ticket in `status`.
pub async fn wait_for_record_status(app: &RunningApp, status: &str) -> Outcome {
    ui::eventually(&format!("the record view shows the ticket {status}"), Duration::from_secs(10), || async move {
        let badge = ui::element(&app.client, "record-status").await?;
        Ok(badge.attr("data-status").await?.as_deref() == Some(status))
    })
    .await
}

/// Waits for a notice in the corner that contains `words`, and returns its message (without
/// the × that dismisses it).
pub async fn notice_saying(app: &RunningApp, words: &str) -> Outcome<String> {
    let texts = "Array.from(document.querySelectorAll('[data-testid=\"toast\"]')).map(toast => toast.firstElementChild.textContent)";
    ui::eventually_some(&format!("a notice says {words:?}"), Duration::from_secs(10), || async move {
        let shown = evaluate(&app.client, texts).await?;
        let found = shown.as_array().into_iter().flatten().filter_map(Value::as_str).find(|text| text.contains(words));
        Ok(found.map(str::to_string))
    })
    .await
}

/// Runs the `smw` CLI (another process writing or reading the same workspace file) and gives
/// what it printed as JSON.
pub fn smw<I, S>(args: I) -> Outcome<Value>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new(smw_binary()?).args(args).output()?;
    if !output.status.success() {
        return Err(format!("smw failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

/// The status the workspace file holds for a ticket, read by another process (`smw incidents`).
pub fn stored_status(app: &RunningApp, key: &str) -> Outcome<String> {
    let page = smw([
        OsStr::new("incidents"),
        app.workspace.as_os_str(),
        OsStr::new("--json"),
        OsStr::new("--limit"),
        OsStr::new("1000"),
    ])?;
    let row = page["rows"].as_array().into_iter().flatten().find(|row| row["key"] == key);
    Ok(row.and_then(|row| row["status"].as_str()).unwrap_or("missing").to_string())
}
