//! Load two items and their relationship from CSV through the mapping dialog, see the
//! server's downstream impact reach a service and its customers, open the graph around it,
//! and log an incident on the server that names the services it hits.

use crate::harness::{evaluate, run_journey, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

const CIS: &str =
    "Host name,class,serial,services\nkestrel-host-01,server,KH-0001,\nkestrel-payroll,application,KP-0001,Payroll\n";
const RELATIONS: &str = "source,type,target\nkestrel-payroll,runs on,kestrel-host-01\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csv_import_shows_a_servers_impact_and_an_incident_names_it() {
    run_journey("cmdb_impact", Seed::Demo, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    super::steps::act_as_first_person(app).await?;
    let folder = app.workspace.parent().ok_or("the workspace has no folder")?;
    let cis = folder.join("estate.csv");
    let relations = folder.join("relations.csv");
    std::fs::write(&cis, CIS)?;
    std::fs::write(&relations, RELATIONS)?;

    // Import: the "Host name" column is mapped to the name by hand; the rest map by name.
    ui::click(client, "nav-cmdb").await?;
    ui::click(client, "cmdb-tab-import").await?;
    ui::element(client, "import-cis-file").await?.send_keys(&cis.to_string_lossy()).await?;
    ui::element(client, "import-relations-file").await?.send_keys(&relations.to_string_lossy()).await?;
    ui::element(client, "import-map-Host name").await?.select_by_value("name").await?;
    ui::click(client, "import-check").await?;
    let summary = ui::element(client, "import-summary").await?;
    let ready = summary.text().await?;
    if !ready.contains("2 to create") {
        return Err(format!("the dry run should plan two new items, it says {ready:?}").into());
    }
    ui::click(client, "import-run").await?;
    ui::eventually("the import reports what it wrote", Duration::from_secs(10), || async {
        Ok(ui::element(client, "import-summary").await?.text().await?.starts_with("Imported"))
    })
    .await?;

    // A team defines its own class; the class list and the item editor offer it at once.
    ui::click(client, "cmdb-tab-classes").await?;
    ui::type_into(client, "new-class-name", "Badge reader").await?;
    ui::click(client, "new-class-save").await?;
    const LISTED: &str =
        "document.querySelector('[data-testid=\"cmdb-classes\"]').textContent.includes('Badge reader')";
    ui::eventually("the new class is listed", Duration::from_secs(10), || async {
        Ok(evaluate(client, LISTED).await?.as_bool() == Some(true))
    })
    .await?;

    // The server's record: its downstream impact reaches Payroll and the customers behind it.
    ui::click(client, "cmdb-tab-items").await?;
    ui::type_into(client, "ci-filter-text", "kestrel-host").await?;
    let row = ui::eventually_some("the imported server is listed", Duration::from_secs(10), || async {
        let rows = client.find_all(fantoccini::Locator::Css("[data-testid^=\"ci-row-\"]")).await?;
        Ok(if rows.len() == 1 { Some(rows[0].clone()) } else { None })
    })
    .await?;
    let server_key = row.attr("data-testid").await?.unwrap_or_default().replace("ci-row-", "");
    ui::element(client, &format!("ci-row-{server_key}"))
        .await?
        .find(fantoccini::Locator::Css("td"))
        .await?
        .click()
        .await?;
    ui::element(client, "ci-record-view").await?;
    let services = ui::element(client, "impact-services").await?;
    ui::eventually("the impact reaches Payroll", Duration::from_secs(10), || {
        let services = services.clone();
        async move { Ok(services.text().await?.contains("Payroll")) }
    })
    .await?;
    let customers = ui::element(client, "impact-customers").await?.text().await?;
    if !customers.contains("Finance department") {
        return Err(format!("Payroll's customers should be hit, the panel says {customers:?}").into());
    }

    app.screenshot("cmdb-record").await?;

    // The graph around the server draws it, the app and the service, with the impact lit.
    ui::click(client, "ci-open-graph").await?;
    let canvas = ui::element(client, "graph-canvas").await?;
    ui::eventually("the graph draws the neighbourhood and lights the impact", Duration::from_secs(15), || {
        let canvas = canvas.clone();
        async move {
            let nodes: u32 = canvas.attr("data-node-count").await?.unwrap_or_default().parse().unwrap_or(0);
            let hits: u32 = canvas.attr("data-hit-count").await?.unwrap_or_default().parse().unwrap_or(0);
            Ok(nodes >= 3 && hits >= 2)
        }
    })
    .await?;
    app.screenshot("cmdb-graph").await?;

    // An incident on the server names the service it hits.
    ui::click(client, "new-ticket-button").await?;
    ui::type_into(client, "ticket-form-title", "kestrel-host-01 does not answer").await?;
    ui::type_into(client, "ticket-form-cis-input", &server_key).await?;
    ui::click(client, &format!("ticket-form-cis-offer-{server_key}")).await?;
    ui::element(client, &format!("ticket-form-cis-chosen-{server_key}")).await?;
    ui::gone(client, &format!("ticket-form-cis-offer-{server_key}")).await?;
    ui::click(client, "ticket-form-submit").await?;
    if let Err(missing) = ui::element(client, "record-view").await {
        let refusal = match ui::exists(client, "ticket-form-error").await? {
            true => ui::element(client, "ticket-form-error").await?.text().await?,
            false => "no refusal shown".into(),
        };
        return Err(format!("the incident was not logged ({refusal}): {missing}").into());
    }
    let hit = ui::element(client, "ticket-hit-services").await?;
    ui::eventually("the incident shows the services its item hits", Duration::from_secs(10), || {
        let hit = hit.clone();
        async move { Ok(hit.text().await?.contains("Payroll")) }
    })
    .await
}
