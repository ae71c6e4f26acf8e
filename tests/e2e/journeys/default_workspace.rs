//! Started with no `--workspace` (and no `SMW_WORKSPACE`), the app creates the default
//! workspace in the user's data folder and remembers it in the recent list in its config folder.

use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_creates_the_default_workspace_and_remembers_it() {
    run_journey("default_workspace", Seed::DefaultWorkspace, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    ui::element(&app.client, "empty-workspace").await?;
    if !app.workspace.exists() {
        return Err(format!("no default workspace at {}", app.workspace.display()).into());
    }
    let recent_file = app.scratch_dir().join("config/sms-workbench/recent.json");
    let recent: serde_json::Value = serde_json::from_slice(&std::fs::read(&recent_file)?)?;
    let remembered = recent["paths"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect::<Vec<_>>();
    let expected = std::fs::canonicalize(&app.workspace)?;
    if remembered.first().map(std::path::Path::new) != Some(expected.as_path()) {
        return Err(format!("recent.json lists {remembered:?}, expected {} first", expected.display()).into());
    }
    Ok(())
}
