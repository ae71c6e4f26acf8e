//! End-to-end journeys through the real app window (WebKitGTK) under Xvfb, driven by
//! tauri-driver. Run with `cargo test -p sms-workbench --test e2e` after building the UI
//! (`ui/dist`) and the app; `scripts/test.sh` does all of it.

mod harness;
mod journeys;
