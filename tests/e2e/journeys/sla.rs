//! The SLA dashboard on the demo organisation shows its figures and the
//! trend chart, and a breached ticket listed there opens its record with the clocks panel
//! that explains the breach.

use crate::harness::{evaluate, run_journey, ui, Outcome, RunningApp, Seed};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_figures_and_a_breach_that_opens_its_ticket() {
    run_journey("sla_dashboard", Seed::Demo, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    ui::click(client, "nav-sla").await?;
    ui::element(client, "sla-dashboard").await?;

    // The report came back: a compliance percentage, not the dash shown when nothing was decided.
    let resolution = ui::element(client, "kpi-resolution").await?;
    ui::eventually("the resolution compliance tile shows a percentage", Duration::from_secs(20), || {
        let resolution = resolution.clone();
        async move { Ok(resolution.text().await?.contains('%')) }
    })
    .await?;
    let service_rows = client.find_all(Locator::Css("[data-testid^='sla-row-']")).await?;
    if service_rows.is_empty() {
        return Err("the compliance table has no service rows for the demo organisation".into());
    }

    // ECharts drew on a canvas: it loaded under the window's frozen prototypes and strict CSP.
    ui::eventually("the trend chart is drawn", Duration::from_secs(10), || async move {
        let drawn = evaluate(
            client,
            "(() => { const c = document.querySelector('[data-testid=\"sla-trend-chart\"] canvas');\
               return Boolean(c && c.width > 0 && c.height > 0); })()",
        )
        .await?;
        Ok(drawn == true)
    })
    .await?;
    let shot = app.screenshot("sla-dashboard").await?;
    eprintln!("SLA dashboard screenshot: {}", shot.display());

    // The most overdue breach opens its ticket.
    let first_breach = first_match(client, "tr[data-testid^='sla-breach-']").await?;
    let testid = first_breach.attr("data-testid").await?.ok_or("a breached row without a data-testid")?;
    let key = testid.trim_start_matches("sla-breach-").to_string();
    let clock = first_breach.attr("data-clock").await?.ok_or("a breached row that names no clock")?;
    first_breach.find(Locator::Css("a")).await?.click().await?;

    let record = ui::element(client, "record-view").await?;
    let shown = record.attr("data-record-key").await?;
    if shown.as_deref() != Some(key.as_str()) {
        return Err(format!("clicking the breach of {key} opened {shown:?}").into());
    }
    let panel_clock = ui::element(client, &format!("clock-{clock}")).await?;
    ui::eventually("the breached clock is marked breached in the record", Duration::from_secs(10), || {
        let panel_clock = panel_clock.clone();
        async move { Ok(panel_clock.attr("data-breached").await?.as_deref() == Some("true")) }
    })
    .await?;
    let spans = client.find_all(Locator::Css(&format!("{} li", ui::css(&format!("clock-spans-{clock}"))))).await?;
    if spans.is_empty() {
        return Err(format!("the clocks panel of {key} lists no counted intervals for its {clock} clock").into());
    }
    app.screenshot("sla-ticket-clocks").await?;
    Ok(())
}

/// Waits up to 10 s for a row whose test id carries a key the journey does not know yet.
async fn first_match(client: &Client, selector: &str) -> Outcome<Element> {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(selector))
        .await
        .map_err(|e| format!("nothing matched {selector} within 10 s: {e}").into())
}
