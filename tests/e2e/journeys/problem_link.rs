//! Linking an incident to a problem from the incident's record view: the record then shows
//! the problem, and the problem's record lists the incident among its linked incidents.

use super::steps::{act_as_first_person, log_incident, notice_saying, NewIncident};
use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};
use fantoccini::Locator;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_incident_linked_to_a_problem_shows_on_the_problem() {
    run_journey("problem_link", Seed::Demo, journey).await;
}

const TITLE: &str = "VPN drops every twenty minutes for remote staff";

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    act_as_first_person(app).await?;
    let incident =
        log_incident(app, NewIncident { title: TITLE, description: "Seen by three people today.", assign: false })
            .await?;

    let problem = link_to_the_first_problem(app).await?;
    let problem = problem.as_str();
    notice_saying(app, &format!("{incident} linked to {problem}")).await?;
    ui::eventually(
        &format!("the record view shows {problem} as its problem"),
        Duration::from_secs(10),
        || async move {
            Ok(ui::exists(client, "linked-problem-key").await?
                && ui::element(client, "linked-problem-key").await?.text().await? == problem)
        },
    )
    .await?;

    // Follow the link to the problem: the incident is listed there.
    ui::click(client, "linked-problem-key").await?;
    let record = ui::element(client, "problem-record-view").await?;
    let shown = record.attr("data-record-key").await?;
    if shown.as_deref() != Some(problem) {
        return Err(format!("following the link to {problem} opened {shown:?}").into());
    }
    // The title may be cut short with an ellipsis in the narrow side panel: read all of it.
    let row = ui::element(client, &format!("problem-incident-{incident}")).await?;
    let listed = row.prop("textContent").await?.unwrap_or_default();
    if !listed.contains(TITLE) {
        return Err(format!("{problem} lists {incident} as {listed:?}, without its title").into());
    }
    app.screenshot("problem-linked-incidents").await?;
    Ok(())
}

/// Chooses the first problem in the record view's "Linked problem" picker; gives its key.
async fn link_to_the_first_problem(app: &RunningApp) -> Outcome<String> {
    let picker = ui::element(&app.client, "record-problem").await?;
    let first = ui::eventually_some("the problem picker offers a problem", Duration::from_secs(10), || {
        let picker = picker.clone();
        async move { Ok(picker.find_all(Locator::Css("option:not([value=''])")).await?.into_iter().next()) }
    })
    .await?;
    // Options read "PRB-000001 · title".
    let label = first.text().await?;
    let key = label.split(" · ").next().unwrap_or_default().trim().to_string();
    if !key.starts_with("PRB-") {
        return Err(format!("the problem picker offers {label:?}, which names no problem key").into());
    }
    let id = first.attr("value").await?.ok_or("a problem option without a value")?;
    picker.select_by_value(&id).await?;
    Ok(key)
}
