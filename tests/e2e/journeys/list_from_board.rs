//! A board column shows its first cards; its "more in the list view" link opens the list on the
//! rest of that column: the list filtered to the column's status.

use crate::harness::{evaluate, one_app_at_a_time, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_columns_more_link_opens_the_list_on_its_status() {
    let _turn = one_app_at_a_time().await;
    let app = RunningApp::start(Seed::LargeDemo).await.expect("the app starts on a demo workspace");
    let outcome = app.run(journey(&app)).await;
    app.finish("list_from_board", outcome).await.expect("list from board journey");
}

const STATUS_CELLS: &str =
    "Array.from(document.querySelectorAll('[data-testid=\"ticket-table\"] tbody td.col-status')).map(td => td.textContent.trim())";

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    // The large demo organisation has closed more tickets than a column shows.
    ui::click(client, "board-column-more-closed").await?;
    ui::element(client, "ticket-table").await?;
    let chosen = evaluate(client, "document.querySelector('[data-testid=\"filter-status\"]').value").await?;
    if chosen.as_str() != Some("closed") {
        return Err(format!("the list's status filter shows {chosen}, expected closed").into());
    }
    ui::eventually("the list shows only closed tickets", Duration::from_secs(10), || async move {
        let statuses = evaluate(client, STATUS_CELLS).await?;
        let statuses: Vec<&str> =
            statuses.as_array().map(|cells| cells.iter().filter_map(|c| c.as_str()).collect()).unwrap_or_default();
        Ok(!statuses.is_empty() && statuses.iter().all(|status| *status == "Closed"))
    })
    .await?;
    app.screenshot("list-from-board").await?;
    Ok(())
}
