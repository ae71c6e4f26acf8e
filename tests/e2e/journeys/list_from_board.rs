//! A board column shows its first cards; its "more in the list view" link opens the list on the
//! rest of that column: the list filtered to the column's status.

use crate::harness::{evaluate, run_journey, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_columns_more_link_opens_the_list_on_its_status() {
    run_journey("list_from_board", Seed::LargeDemo, journey).await;
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
