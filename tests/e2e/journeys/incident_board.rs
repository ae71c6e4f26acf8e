//! Log an incident through the form, move it across the board by drag and
//! drop, see an invalid drop refused with an explanation, and find the incident by search.

use super::steps::{
    act_as_first_person, column_of, drag_card, log_incident, open_board, stored_status, wait_for_column, NewIncident,
};
use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_move_refuse_and_find_an_incident() {
    run_journey("incident_board", Seed::Demo, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    act_as_first_person(app).await?;

    // A word no demo ticket contains, so search can only find this incident.
    let marker = "Kestrel";
    let title = format!("Badge readers reject every card at {marker} House");
    let key = log_incident(
        app,
        NewIncident { title: &title, description: "Since 08:10 **no badge** opens the east door.", assign: true },
    )
    .await?;

    open_board(app).await?;
    wait_for_column(app, &key, "new").await?;

    // New → Closed skips the workflow: refused, explained, and the card stays where it was.
    drag_card(app, &key, "closed").await?;
    let banner = ui::element(client, "board-error").await?;
    let explanation = banner.text().await?;
    if explanation.trim().is_empty() {
        return Err("the refused drop shows an empty explanation".into());
    }
    eprintln!("refused drop explained as: {explanation}");
    // The board moves a card only once the backend accepts the move, and the explanation is
    // the backend's answer: nothing is left to happen, so the card's column is final now.
    if column_of(app, &key).await?.as_deref() != Some("new") {
        return Err(format!("after a refused drop {key} left the New column").into());
    }
    if stored_status(app, &key)? != "new" {
        return Err(format!("after a refused drop the workspace no longer has {key} new").into());
    }

    // Valid moves along the workflow: New → Assigned → In progress.
    drag_card(app, &key, "assigned").await?;
    wait_for_column(app, &key, "assigned").await?;
    drag_card(app, &key, "in_progress").await?;
    wait_for_column(app, &key, "in_progress").await?;
    let stored = stored_status(app, &key)?;
    if stored != "in_progress" {
        return Err(format!("the board shows {key} in progress but the workspace has it {stored}").into());
    }

    // The README's picture of the board: wait for the confirmation toasts to fade first.
    let _ = ui::eventually("the toasts are gone", Duration::from_secs(10), || async move {
        Ok(!ui::exists(client, "toast").await?)
    })
    .await;
    let shot = app.screenshot("board").await?;
    eprintln!("board screenshot: {}", shot.display());

    // Search finds it by a word of its title.
    ui::type_into(client, "search-input", marker).await?;
    ui::element(client, "search-results").await?;
    ui::element(client, &format!("search-hit-{key}")).await?;
    Ok(())
}
