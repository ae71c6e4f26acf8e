//! A write by another process (the `smw` CLI) reaches the open window without a reload:
//! the shell's `PRAGMA data_version` watcher emits `workspace-changed` with `external: true`.

use crate::harness::{run_journey, smw_binary, ui, Outcome, RunningApp, Seed};
use std::process::Command;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_written_by_the_cli_appears_on_the_board() {
    run_journey("outside_changes", Seed::Empty, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    ui::element(&app.client, "empty-workspace").await?;
    let output = Command::new(smw_binary()?).arg("demo").arg(&app.workspace).args(["--tickets", "12"]).output()?;
    if !output.status.success() {
        return Err(
            format!("smw demo on the open workspace failed: {}", String::from_utf8_lossy(&output.stderr)).into()
        );
    }
    // The watcher polls once a second; allow a few polls and a refetch.
    ui::eventually("the board replaces the empty-workspace screen", Duration::from_secs(10), || async move {
        Ok(ui::exists(&app.client, "board").await? && ui::exists(&app.client, "board-column-new").await?)
    })
    .await
}
