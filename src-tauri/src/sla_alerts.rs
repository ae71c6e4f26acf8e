//! Breach warnings: every 30 s, when a warning instant has passed since the last look, reads the
//! at-risk list and emits `sla-warning` for each clock that reached a threshold (75 %, 100 % …)
//! not yet announced (the domain's `WarningLedger` decides what is news). The check is cheap: the at-risk list is read only when the instant
//! `sla_next_warning` gave has passed or the file changed (a write can move any clock).

use crate::state::AppState;
use smw_core::sla::warnings::{SlaWarning, WarningLedger};
use smw_core::views_sla::AtRiskClock;
use smw_core::Timestamp;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

pub const SLA_WARNING: &str = "sla-warning";
const CHECK_EVERY: Duration = Duration::from_secs(30);

/// What was announced for which workspace, and when the at-risk list was last read.
#[derive(Default)]
struct Announced {
    workspace: Option<String>,
    ledger: WarningLedger,
    /// The newest audit entry and the next warning instant at the last full look.
    looked_at: Option<(i64, Option<Timestamp>)>,
}

impl Announced {
    /// Nothing can have crossed a threshold when nothing was written and no warning instant passed.
    fn may_skip(&self, workspace: &str, audit_head: i64, now: Timestamp) -> bool {
        self.workspace.as_deref() == Some(workspace)
            && matches!(self.looked_at, Some((head, next)) if head == audit_head && next.is_none_or(|at| now < at))
    }

    /// The warnings to announce; a different file starts over without announcing what was
    /// already at risk when it was opened.
    fn news(&mut self, workspace: &str, clocks: &[AtRiskClock]) -> Vec<SlaWarning> {
        if self.workspace.as_deref() != Some(workspace) {
            self.workspace = Some(workspace.to_string());
            self.looked_at = None;
            self.ledger = WarningLedger::quietly_from(clocks);
            return Vec::new();
        }
        self.ledger.news(clocks)
    }
}

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut ticker = tokio::time::interval(CHECK_EVERY);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut announced = Announced::default();
        loop {
            ticker.tick().await;
            let handle = app.clone();
            // SQLite reads stay off the async workers.
            let checked = tauri::async_runtime::spawn_blocking(move || {
                let news = check(&handle, &mut announced);
                (announced, news)
            })
            .await;
            let Ok((kept, news)) = checked else { return };
            announced = kept;
            for warning in news {
                if let Err(error) = app.emit(SLA_WARNING, warning) {
                    eprintln!("sms-workbench: could not emit {SLA_WARNING}: {error}");
                }
            }
        }
    });
}

fn check(app: &AppHandle, announced: &mut Announced) -> Vec<SlaWarning> {
    let Some(workspace) = app.state::<AppState>().workspace_if_open() else { return Vec::new() };
    let path = workspace.path().display().to_string();
    let now = Timestamp::from(chrono::Utc::now());
    // Every write appends to the audit log, so its newest entry tells whether anything changed.
    let Ok(version) = workspace.audit_head() else { return Vec::new() };
    if announced.may_skip(&path, version, now) {
        return Vec::new();
    }
    let (Ok(clocks), Ok(next)) = (workspace.sla_at_risk(now), workspace.sla_next_warning(now)) else {
        return Vec::new();
    };
    announced.looked_at = Some((version, next));
    announced.news(&path, &clocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(threshold: u32) -> AtRiskClock {
        serde_json::from_value(serde_json::json!({
            "ticket_id": "01900000-0000-7000-8000-000000000001", "ticket_key": "INC-1", "title": "t",
            "clock": "resolution", "sla_key": "SLA-000001", "priority": 2, "status": "in_progress",
            "state": "running", "business_seconds_left": 60, "percent_used": threshold as f64,
            "breached": threshold >= 100, "threshold_reached": threshold
        }))
        .unwrap()
    }

    #[test]
    fn a_newly_opened_workspace_starts_quietly() {
        let mut announced = Announced::default();
        assert!(announced.news("a.smw", &[clock(75)]).is_empty(), "already at risk on opening");
        assert_eq!(announced.news("a.smw", &[clock(100)]).len(), 1);
        assert!(announced.news("b.smw", &[clock(100)]).is_empty());
    }

    #[test]
    fn the_list_is_read_again_after_a_write_or_once_the_next_warning_is_due() {
        let now = Timestamp::parse("2026-05-04T10:00:00Z").unwrap();
        let later = Timestamp::parse("2026-05-04T11:00:00Z").unwrap();
        let mut announced = Announced::default();
        announced.news("a.smw", &[]);
        assert!(!announced.may_skip("a.smw", 7, now), "never looked yet");
        announced.looked_at = Some((7, Some(later)));
        assert!(announced.may_skip("a.smw", 7, now));
        assert!(!announced.may_skip("a.smw", 8, now), "written since");
        assert!(!announced.may_skip("a.smw", 7, later), "warning due");
        assert!(!announced.may_skip("b.smw", 7, now), "another file");
    }
}
