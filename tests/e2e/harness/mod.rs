//! The end-to-end harness: Xvfb, tauri-driver and the app on a fresh workspace per journey.

pub mod app;
pub mod display;
pub mod driver;
pub mod process;
pub mod ui;

pub use app::{evaluate, smw_binary, Outcome, RunningApp, Seed};

/// Journeys run one at a time: each starts a whole desktop stack, and two at once would only
/// fight over the machine's two cores and make timing-sensitive drags flaky.
pub async fn one_app_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    TURN.lock().await
}
