//! A file that is not a workspace is refused with a message, and the app keeps running.

use crate::harness::{one_app_at_a_time, ui, Outcome, RunningApp, Seed};

const NOT_A_DATABASE: &str = "quarterly figures, definitely not SQLite\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_file_given_as_workspace_is_refused_and_left_alone() {
    let _turn = one_app_at_a_time().await;
    let app = RunningApp::start(Seed::File(NOT_A_DATABASE)).await.expect("the app starts even on a bad file");
    let outcome = app.run(journey(&app)).await;
    app.finish("refused_file", outcome).await.expect("refused file journey");
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
