//! Text a person types is shown, never run: HTML in a description must not execute.

use super::steps::{act_as_first_person, log_incident, NewIncident};
use crate::harness::{evaluate, run_journey, ui, Outcome, RunningApp, Seed};
use std::time::Duration;

const HOSTILE_DESCRIPTION: &str = "Pasted from an e-mail:\n\n\
<img src=x onerror=\"document.title='pwned'\">\n\n\
<script>document.title='pwned'</script>\n\n\
[a link](javascript:document.title='pwned')";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_a_description_does_not_run() {
    run_journey("markup_is_inert", Seed::Demo, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;
    act_as_first_person(app).await?;
    let title_before = evaluate(client, "document.title").await?;
    let key = log_incident(
        app,
        NewIncident { title: "Odd characters in the mail gateway", description: HOSTILE_DESCRIPTION, assign: false },
    )
    .await?;

    let description = ui::element(client, "record-description").await?;
    // Give an injected image time to fail loading and fire its handler, were it ever created.
    // A fixed sleep on purpose: the check is that something never happens, so there is no
    // condition to wait for.
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let title_after = evaluate(client, "document.title").await?;
    if title_after.as_str() == Some("pwned") || title_after != title_before {
        return Err(format!("document.title changed from {title_before} to {title_after}: markup ran").into());
    }
    let inner = description.html(true).await?;
    let live = evaluate(
        client,
        "(() => { const d = document.querySelector('[data-testid=\"record-description\"]');\
           return { handlers: d.querySelectorAll('[onerror], [onload], [onclick]').length,\
                    scripts: d.querySelectorAll('script').length,\
                    jsLinks: d.querySelectorAll('a[href^=\"javascript:\"]').length,\
                    text: d.textContent }; })()",
    )
    .await?;
    if live["handlers"] != 0 || live["scripts"] != 0 || live["jsLinks"] != 0 || inner.contains("onerror") {
        return Err(format!("record-description of {key} kept active markup: {live} / {inner}").into());
    }
    if !live["text"].as_str().unwrap_or_default().contains("Pasted from an e-mail") {
        return Err(format!("record-description of {key} lost the harmless text: {live}").into());
    }
    content_security_policy_is_in_force(app).await?;
    a_frameset_does_not_take_the_window_down(app).await
}

/// A description that begins with `<frameset>` cannot become a body fragment; the record view
/// must still show, with the text, and so must the app around it.
async fn a_frameset_does_not_take_the_window_down(app: &RunningApp) -> Outcome {
    let client = &app.client;
    let key = log_incident(
        app,
        NewIncident {
            title: "Frames in a pasted page",
            description: "<frameset><frame src=x></frameset>",
            assign: false,
        },
    )
    .await?;
    ui::element(client, "record-description").await?;
    ui::element(client, "nav-board").await?;
    if ui::exists(client, "view-error").await? {
        return Err(format!("the record view of {key} failed on a frameset").into());
    }
    Ok(())
}

/// The second line of defence, should the sanitiser ever miss something: the window's CSP
/// (tauri.conf.json) refuses inline scripts and `eval`, and no Tauri global is exposed.
async fn content_security_policy_is_in_force(app: &RunningApp) -> Outcome {
    let probe = evaluate(
        &app.client,
        "(() => { const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true';\
           document.head.appendChild(s);\
           let evalRan = false; try { evalRan = eval('true'); } catch (e) {}\
           return { eval: evalRan, tauriGlobal: typeof window.__TAURI__ }; })()",
    )
    .await?;
    // A fixed sleep on purpose: the check is that the inline script never runs, so there is no
    // condition to wait for. Were inline scripts allowed, it would have run on insertion
    // already; the pause is only a margin.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let inline_ran = evaluate(&app.client, "window.__inlineRan === true").await?;
    if probe["eval"] != false || inline_ran != false {
        return Err(format!("the CSP let script through: {probe}, inline ran: {inline_ran}").into());
    }
    if probe["tauriGlobal"] != "undefined" {
        return Err(format!("window.__TAURI__ is exposed ({probe}); withGlobalTauri must stay off").into());
    }
    Ok(())
}
