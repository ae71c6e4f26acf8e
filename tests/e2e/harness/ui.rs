//! Ways to reach and work the UI, always by `data-testid`.

use super::app::Outcome;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::future::Future;
use std::time::{Duration, Instant};

pub fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// Waits up to 10 s for the element to exist.
pub async fn element(client: &Client, testid: &str) -> Outcome<Element> {
    let selector = css(testid);
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(&selector))
        .await
        .map_err(|e| format!("no [data-testid={testid}] within 10 s: {e}").into())
}

pub async fn exists(client: &Client, testid: &str) -> Outcome<bool> {
    Ok(!client.find_all(Locator::Css(&css(testid))).await?.is_empty())
}

pub async fn click(client: &Client, testid: &str) -> Outcome {
    element(client, testid).await?.click().await?;
    Ok(())
}

pub async fn type_into(client: &Client, testid: &str, text: &str) -> Outcome {
    let field = element(client, testid).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

/// Polls `check` every 200 ms until it gives true or `limit` passes; `what` names the wait.
pub async fn eventually<F, Fut>(what: &str, limit: Duration, mut check: F) -> Outcome
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Outcome<bool>>,
{
    eventually_some(what, limit, || {
        let checked = check();
        async move { Ok(checked.await?.then_some(())) }
    })
    .await
}

/// Polls `find` every 200 ms until it gives a value or `limit` passes, and returns the value;
/// `what` names the wait.
pub async fn eventually_some<T, F, Fut>(what: &str, limit: Duration, mut find: F) -> Outcome<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Outcome<Option<T>>>,
{
    let started = Instant::now();
    let mut last_error = None;
    while started.elapsed() < limit {
        match find().await {
            Ok(Some(found)) => return Ok(found),
            Ok(None) => {}
            Err(e) => last_error = Some(e.to_string()),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(format!(
        "timed out after {limit:?} waiting until {what}{}",
        last_error.map(|e| format!(" (last error: {e})")).unwrap_or_default()
    )
    .into())
}

/// Waits up to 10 s for the element to be gone (a dialog closed, a notice dismissed).
pub async fn gone(client: &Client, testid: &str) -> Outcome {
    eventually(&format!("[data-testid={testid}] is gone"), Duration::from_secs(10), || async move {
        Ok(!exists(client, testid).await?)
    })
    .await
}

/// The `value` of a form field right now.
pub async fn value_of(client: &Client, testid: &str) -> Outcome<String> {
    Ok(element(client, testid).await?.prop("value").await?.unwrap_or_default())
}

/// Drags `from` onto `to` the way a person does: press on the card, move in small steps
/// (the board starts a drag only past a few pixels), hover the target, release. The UI
/// implements drag and drop with pointer events, which WebKit derives from these mouse actions.
pub async fn drag(client: &Client, from: &Element, to: &Element) -> Outcome {
    let step = Some(Duration::from_millis(100));
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement { element: from.clone(), duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: step, x: 6.0, y: 6.0 })
        .then(PointerAction::MoveBy { duration: step, x: 12.0, y: 6.0 })
        .then(PointerAction::MoveToElement {
            element: to.clone(),
            duration: Some(Duration::from_millis(300)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::MoveToElement { element: to.clone(), duration: step, x: 2.0, y: 2.0 })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    client.perform_actions(mouse).await?;
    client.release_actions().await?;
    Ok(())
}
