//! First start: the app creates the workspace given with `--workspace`, asks who is there
//! (nobody can act in it yet) and offers the demo data instead, because it is empty, and
//! shows the board once the demo organisation is loaded.

use crate::harness::{evaluate, run_journey, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn window_opens_on_the_given_workspace() {
    run_journey("window_opens", Seed::Empty, check).await;
}

async fn check(app: &RunningApp) -> Outcome {
    let title = evaluate(&app.client, "document.title").await?;
    if title.as_str() != Some("SMS Workbench") {
        return Err(format!("the window is titled {title}, expected \"SMS Workbench\"").into());
    }
    // A new workspace has no tickets, so the UI offers demo data instead of an empty board.
    if !ui::exists(&app.client, "empty-workspace").await? {
        return Err("the empty-workspace screen is not shown on a new workspace".into());
    }
    if !app.workspace.exists() {
        return Err(format!("the app did not create the workspace file {}", app.workspace.display()).into());
    }
    app.screenshot("window-opens").await?;

    ui::element(&app.client, "actor-introduce").await?;
    ui::click(&app.client, "actor-introduce-demo").await?;
    ui::eventually("the demo data fills the board", Duration::from_secs(60), || async move {
        Ok(ui::exists(&app.client, "board").await? && ui::exists(&app.client, "board-column-closed").await?)
    })
    .await?;
    let name = evaluate(&app.client, "document.querySelector('[data-testid=\"workspace-name\"]').textContent").await?;
    if name.as_str().map(str::trim) != Some("e2e") {
        return Err(format!("the top bar names the workspace {name:?}, expected \"e2e\"").into());
    }
    Ok(())
}
