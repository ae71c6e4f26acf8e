//! The end-to-end harness: Xvfb, tauri-driver and the app on a fresh workspace per journey.

pub mod app;
pub mod display;
pub mod driver;
pub mod process;
pub mod ui;

pub use app::{evaluate, smw_binary, Outcome, RunningApp, Seed};

/// Journeys run one at a time: each starts a whole desktop stack, and two at once would only
/// fight over the machine's two cores and make timing-sensitive drags flaky.
async fn one_app_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    TURN.lock().await
}

/// One journey, start to finish: its own app on `seed` (one app at a time), the journey under
/// a time limit, and a screenshot named after `name` when it fails.
pub async fn run_journey(name: &str, seed: Seed, journey: impl AsyncFnOnce(&RunningApp) -> Outcome) {
    let _turn = one_app_at_a_time().await;
    let app = RunningApp::start(seed).await.unwrap_or_else(|e| panic!("{name}: the app did not start: {e}"));
    let outcome = app.run(journey(&app)).await;
    app.finish(name, outcome).await.unwrap_or_else(|e| panic!("{name}: {e}"));
}
