//! The transition dialog on a ticket's record view: Pending asks what the ticket waits for
//! (an empty answer is refused with a message, a given one accepted), Resolved asks a
//! resolution code and notes; the record view and the workspace file agree on the status.

use super::steps::{act_as_first_person, log_incident, stored_status, wait_for_record_status, NewIncident};
use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_asks_a_reason_and_resolved_a_resolution() {
    run_journey("transition_dialog", Seed::Demo, journey).await;
}

const REASON: &str = "Waiting for the caller to try a new roll of labels";
const NOTES: &str = "Replaced the worn platen roller; ten labels printed without a jam.";

async fn journey(app: &RunningApp) -> Outcome {
    act_as_first_person(app).await?;
    let key = log_incident(
        app,
        NewIncident {
            title: "Label printer in Dispatch jams on every third label",
            description: "Started after the weekend.",
            assign: true,
        },
    )
    .await?;
    move_to(app, &key, "in_progress").await?;

    the_empty_pending_reason_is_refused(app, &key).await?;
    ui::type_into(&app.client, "transition-reason", REASON).await?;
    ui::click(&app.client, "transition-confirm").await?;
    ui::gone(&app.client, "transition-dialog").await?;
    wait_for_record_status(app, "pending").await?;
    shows(app, "record-pending-reason", REASON).await?;
    is_stored(app, &key, "pending")?;

    ui::click(&app.client, "transition-resolved").await?;
    ui::element(&app.client, "transition-dialog").await?;
    ui::element(&app.client, "transition-resolution-code").await?.select_by_value("fixed").await?;
    ui::type_into(&app.client, "transition-resolution-notes", NOTES).await?;
    ui::click(&app.client, "transition-confirm").await?;
    ui::gone(&app.client, "transition-dialog").await?;
    wait_for_record_status(app, "resolved").await?;
    shows(app, "record-resolution", "Fixed").await?;
    shows(app, "record-resolution", NOTES).await?;
    is_stored(app, &key, "resolved")?;
    app.screenshot("ticket-resolved").await?;
    Ok(())
}

/// Moves the ticket with its workflow button, for a move that needs nothing more.
async fn move_to(app: &RunningApp, key: &str, status: &str) -> Outcome {
    ui::click(&app.client, &format!("transition-{status}")).await?;
    wait_for_record_status(app, status).await?;
    is_stored(app, key, status)
}

/// Set pending, then confirm without saying why: the dialog stays, names what is missing,
/// and the ticket has not moved.
async fn the_empty_pending_reason_is_refused(app: &RunningApp, key: &str) -> Outcome {
    ui::click(&app.client, "transition-pending").await?;
    ui::element(&app.client, "transition-dialog").await?;
    ui::click(&app.client, "transition-confirm").await?;
    let refusal = ui::element(&app.client, "field-error-pending_reason").await?.text().await?;
    if refusal.trim().is_empty() {
        return Err("an empty pending reason is refused without a message".into());
    }
    eprintln!("an empty pending reason is refused with: {refusal}");
    if !ui::exists(&app.client, "transition-dialog").await? {
        return Err("the dialog closed although the pending reason was refused".into());
    }
    wait_for_record_status(app, "in_progress").await?;
    is_stored(app, key, "in_progress")
}

async fn shows(app: &RunningApp, testid: &str, text: &str) -> Outcome {
    let shown = ui::element(&app.client, testid).await?.text().await?;
    if !shown.contains(text) {
        return Err(format!("{testid} reads {shown:?}, expected it to contain {text:?}").into());
    }
    Ok(())
}

fn is_stored(app: &RunningApp, key: &str, status: &str) -> Outcome {
    let stored = stored_status(app, key)?;
    if stored != status {
        return Err(format!("the record view shows {key} {status} but the workspace has it {stored}").into());
    }
    Ok(())
}
