//! The conversation on a ticket: a public comment and an internal work note, both added from
//! the record view, both in its timeline, and only the work note marked as internal.

use super::steps::{act_as_first_person, log_incident, NewIncident};
use crate::harness::{evaluate, run_journey, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_and_a_work_note_appear_in_the_timeline() {
    run_journey("ticket_conversation", Seed::Demo, journey).await;
}

const COMMENT: &str = "We have ordered a new toner cartridge; it should arrive on Thursday.";
const WORK_NOTE: &str = "Supplier case 4471 opened; they suspect the fuser, not the toner.";

async fn journey(app: &RunningApp) -> Outcome {
    act_as_first_person(app).await?;
    log_incident(
        app,
        NewIncident { title: "Finance printer prints faint pages", description: "Since Monday.", assign: false },
    )
    .await?;

    write(app, "public", COMMENT).await?;
    let label = timeline_label(app, COMMENT).await?;
    if label != "Comment" {
        return Err(format!("the public comment is labelled {label:?}, expected \"Comment\"").into());
    }

    write(app, "internal", WORK_NOTE).await?;
    let label = timeline_label(app, WORK_NOTE).await?;
    if label != "Work note" {
        return Err(format!("the work note is labelled {label:?}, expected \"Work note\"").into());
    }
    // Both still there, the comment still public.
    if timeline_label(app, COMMENT).await? != "Comment" {
        return Err("after the work note, the public comment is no longer labelled as a comment".into());
    }
    app.screenshot("ticket-conversation").await?;
    Ok(())
}

/// Chooses Comment or Work note, types the text and adds it; the box empties once it is saved.
async fn write(app: &RunningApp, visibility: &str, text: &str) -> Outcome {
    let client = &app.client;
    ui::click(client, &format!("comment-visibility-{visibility}")).await?;
    let chosen = ui::element(client, &format!("comment-{visibility}")).await?;
    ui::eventually(&format!("{visibility} is chosen"), Duration::from_secs(10), || {
        let chosen = chosen.clone();
        async move { Ok(chosen.prop("checked").await?.as_deref() == Some("true")) }
    })
    .await?;
    ui::type_into(client, "comment-input", text).await?;
    ui::click(client, "comment-submit").await?;
    ui::eventually("the comment box is empty again", Duration::from_secs(10), || async move {
        Ok(ui::value_of(client, "comment-input").await?.is_empty())
    })
    .await
}

/// Waits for the timeline entry that contains `text`, and gives what it says it is: "Comment"
/// or "Work note".
async fn timeline_label(app: &RunningApp, text: &str) -> Outcome<String> {
    let entries = "Array.from(document.querySelectorAll('[data-testid^=\"timeline-comment-\"]')).map(entry => ({\
         text: entry.textContent,\
         label: entry.querySelector('[data-testid=\"timeline-visibility\"]').textContent.trim() }))";
    ui::eventually_some(&format!("the timeline shows {text:?}"), Duration::from_secs(10), || async move {
        let shown = evaluate(&app.client, entries).await?;
        let entry = shown
            .as_array()
            .into_iter()
            .flatten()
            .find(|entry| entry["text"].as_str().is_some_and(|t| t.contains(text)));
        Ok(entry.map(|entry| entry["label"].as_str().unwrap_or_default().to_string()))
    })
    .await
}
