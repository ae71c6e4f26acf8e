//! Editing the catalogue on the demo organisation: a service's customers changed and saved,
//! the change read back with `smw`, and the editor's choice lists laid out readably at the
//! window's default size and at 1024 px wide (screenshots kept for the README).

use super::steps::act_as_first_person;
use crate::harness::{evaluate, run_journey, smw_binary, ui, Outcome, RunningApp, Seed};
use fantoccini::Locator;
use std::process::Command;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_service_edit_is_saved_and_its_choices_stay_readable() {
    run_journey("catalogue_edit", Seed::Demo, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    act_as_first_person(app).await?;
    ui::click(client, "nav-catalogue").await?;
    ui::click(client, "services-list-SVC-000002").await?;
    let customers = ui::element(client, "service-customers").await?;
    let boxes = customers.find_all(Locator::Css("input[type=checkbox]")).await?;
    if boxes.len() < 2 {
        return Err(format!("the demo's service offers {} customers", boxes.len()).into());
    }
    let before = service_customers(app, "SVC-000002")?.len();
    boxes[0].click().await?;
    labels_do_not_overlap(app, "service-customers").await?;
    app.screenshot("service-editor-demo").await?;
    ui::click(client, "service-save").await?;
    ui::eventually("the new customers are saved", Duration::from_secs(10), || async move {
        Ok(service_customers(app, "SVC-000002")?.len() != before)
    })
    .await?;

    // Narrow window: every choice still reads on its own.
    client.set_window_rect(0, 0, 1024, 768).await?;
    ui::eventually("the page is laid out at 1024 px", Duration::from_secs(10), || async move {
        Ok(evaluate(client, "window.innerWidth").await?.as_u64().is_some_and(|width| width <= 1024))
    })
    .await?;
    labels_do_not_overlap(app, "service-customers").await?;
    labels_do_not_overlap(app, "service-depends-on").await?;
    app.screenshot("service-editor-1024").await?;

    ui::click(client, "nav-directory").await?;
    ui::element(client, "person-editor").await?;
    labels_do_not_overlap(app, "person-groups").await?;
    app.screenshot("directory-demo").await?;
    Ok(())
}

/// Fails when a checkbox or a label of the list overlaps another's box.
async fn labels_do_not_overlap(app: &RunningApp, testid: &str) -> Outcome {
    let script = format!(
        "const list = document.querySelector('[data-testid=\"{testid}\"]');\
         const boxes = [...list.querySelectorAll('input, .checkbox-label')].map(e => e.getBoundingClientRect());\
         for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {{\
           const a = boxes[i], b = boxes[j];\
           if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) return i + ' overlaps ' + j;\
         }}\
         return null;"
    );
    match app.client.execute(&script, vec![]).await?.as_str() {
        Some(overlap) => Err(format!("in {testid}, {overlap}").into()),
        None => Ok(()),
    }
}

fn service_customers(app: &RunningApp, key: &str) -> Outcome<Vec<serde_json::Value>> {
    let output = Command::new(smw_binary()?).args(["services", "list"]).arg(&app.workspace).arg("--json").output()?;
    let services: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout)?;
    let service = services.into_iter().find(|s| s["key"] == key).ok_or("no such service")?;
    Ok(service["customer_ids"].as_array().cloned().unwrap_or_default())
}
