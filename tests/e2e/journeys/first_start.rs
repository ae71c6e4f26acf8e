//! A new user starting from nothing: on a workspace made by `smw init` the app asks who they
//! are, then they create a support group, a customer and a service, log the first incident on
//! that service for that group, and see it on the board.

use super::steps::{open_board, wait_for_column};
use crate::harness::{run_journey, ui, Outcome, RunningApp, Seed};
use fantoccini::Locator;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_sets_up_a_workspace_and_logs_the_first_incident() {
    run_journey("first_start", Seed::Init, journey).await;
}

async fn journey(app: &RunningApp) -> Outcome {
    let client = &app.client;

    // Nobody can act yet: the app asks who this is, and then acts as them.
    ui::element(client, "actor-introduce").await?;
    ui::type_into(client, "actor-introduce-name", "Robin Solo").await?;
    ui::type_into(client, "actor-introduce-email", "robin@solo-it.example").await?;
    ui::click(client, "actor-introduce-confirm").await?;
    let picker = ui::element(client, "actor-picker").await?;
    ui::eventually("the top bar acts as the new person", Duration::from_secs(10), || {
        let picker = picker.clone();
        async move {
            let selected = picker.find(Locator::Css("option:checked")).await?.text().await?;
            Ok(selected == "Robin Solo")
        }
    })
    .await?;

    // A support group with Robin in it.
    ui::click(client, "nav-directory").await?;
    ui::click(client, "directory-tab-groups").await?;
    ui::click(client, "groups-list-new").await?;
    ui::type_into(client, "group-name", "Desk and network").await?;
    ui::type_into(client, "group-description", "Everything at the practice: PCs, Wi-Fi, the line.").await?;
    click_first_choice(app, "group-members").await?;
    ui::click(client, "group-save").await?;
    let group_key = saved_key(app, "groups-list", "Desk and network").await?;

    // Directory, People tab, for the README.
    ui::click(client, "directory-tab-people").await?;
    ui::element(client, "person-editor").await?;
    app.screenshot("directory").await?;

    // A customer, then a service it takes.
    ui::click(client, "nav-catalogue").await?;
    ui::click(client, "catalogue-tab-customers").await?;
    ui::click(client, "customers-list-new").await?;
    ui::type_into(client, "customer-name", "Harbour Dental").await?;
    ui::type_into(client, "customer-contacts", "Dr Ana Pereira, practice owner, ana@harbour-dental.example").await?;
    ui::click(client, "customer-save").await?;
    saved_key(app, "customers-list", "Harbour Dental").await?;

    ui::click(client, "catalogue-tab-services").await?;
    ui::click(client, "services-list-new").await?;
    ui::type_into(client, "service-name", "Practice IT").await?;
    ui::element(client, "service-owner").await?.select_by_index(1).await?;
    click_first_choice(app, "service-customers").await?;
    app.screenshot("service-editor").await?;
    ui::click(client, "service-save").await?;
    saved_key(app, "services-list", "Practice IT").await?;

    // The first incident, on that service, for that group.
    ui::click(client, "new-ticket-button").await?;
    ui::type_into(client, "ticket-form-title", "Reception PC cannot reach the booking system").await?;
    choose_by_text(app, "ticket-form-service", "Practice IT").await?;
    choose_by_text(app, "ticket-form-group", "Desk and network").await?;
    ui::click(client, "ticket-form-submit").await?;
    let record = ui::element(client, "record-view").await?;
    let key = record.attr("data-record-key").await?.ok_or("the record view names no key")?;
    open_board(app).await?;
    wait_for_column(app, &key, "new").await?;
    let card = ui::element(client, &format!("ticket-card-{key}")).await?.prop("textContent").await?.unwrap_or_default();
    if !card.contains("Reception PC cannot reach the booking system") || !card.contains("Desk and network") {
        return Err(format!("the card of {key} reads {card:?}").into());
    }
    eprintln!("first incident {key} for group {group_key} is on the board");
    Ok(())
}

/// Ticks the first box of a checklist.
async fn click_first_choice(app: &RunningApp, testid: &str) -> Outcome {
    let list = ui::element(&app.client, testid).await?;
    ui::eventually(&format!("{testid} offers a choice"), Duration::from_secs(10), || {
        let list = list.clone();
        async move { Ok(!list.find_all(Locator::Css("input[type=checkbox]")).await?.is_empty()) }
    })
    .await?;
    list.find(Locator::Css("input[type=checkbox]")).await?.click().await?;
    Ok(())
}

async fn choose_by_text(app: &RunningApp, testid: &str, text: &str) -> Outcome {
    let select = ui::element(&app.client, testid).await?;
    ui::eventually(&format!("{testid} offers {text}"), Duration::from_secs(10), || {
        let select = select.clone();
        async move {
            for option in select.find_all(Locator::Css("option")).await? {
                if option.text().await? == text {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    })
    .await?;
    select.select_by_label(text).await?;
    Ok(())
}

/// Waits until the list shows a record of that name, and returns its key.
async fn saved_key(app: &RunningApp, list: &str, name: &str) -> Outcome<String> {
    let pane = ui::element(&app.client, list).await?;
    ui::eventually_some(&format!("{list} lists {name}"), Duration::from_secs(10), || {
        let pane = pane.clone();
        async move {
            for item in pane.find_all(Locator::Css("button.catalogue-item")).await? {
                if item.text().await?.starts_with(name) {
                    let testid = item.attr("data-testid").await?.unwrap_or_default();
                    return Ok(Some(testid.trim_start_matches(&format!("{list}-")).to_string()));
                }
            }
            Ok(None)
        }
    })
    .await
}
