//! Which breach warnings are news. A clock is announced once for each warning threshold it
//! reaches (75 %, 100 % …), a higher one still follows, and a clock that left the at-risk list
//! (resolved, re-targeted) and comes back is announced again. What was already at risk when
//! someone started watching is not news: the at-risk list shows it.

use crate::time::Timestamp;
use crate::views_sla::{AtRiskClock, ClockKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// One clock that reached `threshold` percent of its target: the `sla-warning` event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct SlaWarning {
    pub ticket_key: String,
    pub title: String,
    pub clock: ClockKind,
    pub threshold: u32,
    pub breached: bool,
    pub due_at: Option<Timestamp>,
}

/// The threshold each open clock was last announced at.
#[derive(Clone, Debug, Default)]
pub struct WarningLedger {
    levels: HashMap<(Uuid, ClockKind), u32>,
}

impl WarningLedger {
    /// Starts watching with `clocks` already at risk: none of them is news.
    pub fn quietly_from(clocks: &[AtRiskClock]) -> Self {
        WarningLedger { levels: clocks.iter().map(|c| ((c.ticket_id, c.clock), c.threshold_reached)).collect() }
    }

    /// The warnings to announce for the at-risk list `clocks`; clocks no longer on it are forgotten.
    pub fn news(&mut self, clocks: &[AtRiskClock]) -> Vec<SlaWarning> {
        let mut kept = HashMap::with_capacity(clocks.len());
        let mut news = Vec::new();
        for clock in clocks {
            let id = (clock.ticket_id, clock.clock);
            let before = self.levels.get(&id).copied().unwrap_or(0);
            if clock.threshold_reached > before {
                news.push(SlaWarning {
                    ticket_key: clock.ticket_key.clone(),
                    title: clock.title.clone(),
                    clock: clock.clock,
                    threshold: clock.threshold_reached,
                    breached: clock.breached,
                    due_at: clock.due_at,
                });
            }
            kept.insert(id, clock.threshold_reached.max(before));
        }
        self.levels = kept;
        news
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(ticket: u128, threshold: u32) -> AtRiskClock {
        serde_json::from_value(serde_json::json!({
            "ticket_id": Uuid::from_u128(ticket), "ticket_key": format!("INC-{ticket}"), "title": "t",
            "clock": "resolution", "sla_key": "SLA-000001", "priority": 2, "status": "in_progress",
            "state": "running", "business_seconds_left": 60, "percent_used": threshold as f64,
            "breached": threshold >= 100, "threshold_reached": threshold
        }))
        .unwrap()
    }

    #[test]
    fn each_threshold_is_news_once_and_what_was_at_risk_at_the_start_never() {
        let mut ledger = WarningLedger::quietly_from(&[clock(1, 75)]);
        let news = ledger.news(&[clock(1, 75), clock(2, 75)]);
        assert_eq!(news.iter().map(|w| w.ticket_key.as_str()).collect::<Vec<_>>(), ["INC-2"]);
        assert!(ledger.news(&[clock(1, 75), clock(2, 75)]).is_empty());
        let news = ledger.news(&[clock(1, 100), clock(2, 75)]);
        assert_eq!((news.len(), news[0].threshold, news[0].breached), (1, 100, true));
        // INC-2 left the list (resolved) and came back at risk: news again.
        ledger.news(&[clock(1, 100)]);
        assert_eq!(ledger.news(&[clock(1, 100), clock(2, 75)]).len(), 1);
    }
}
