//! A file that is not a workspace is refused with a message, and the app keeps running.

use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};

const NOT_A_DATABASE: &str = "quarterly figures, definitely not SQLite\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_file_given_as_workspace_is_refused_and_left_alone() {
    run_journey("refused_file", Seed::File(NOT_A_DATABASE), journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let welcome = ui::element(&app.client, "welcome").await?;
    let text = welcome.text().await?;
    if !text.contains("not an SMS Workbench workspace") {
        return Err(format!("the welcome screen does not explain the refusal: {text:?}").into());
    }
    // Still alive and usable: it offers to open another file, and the refused one is untouched.
    ui::element(&app.client, "workspace-open").await?;
    let contents = std::fs::read_to_string(&app.workspace)?;
    if contents != NOT_A_DATABASE {
        return Err("the refused file was modified".into());
    }
    Ok(())
}
