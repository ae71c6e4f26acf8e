//! Collision detection: for one change, or for the whole calendar, every conflict with its
//! reason. Two changes collide when their windows overlap and one touches a CI the other
//! touches, or one in the other's impact set (either way along the CMDB's impact graph). A
//! change also collides with a blackout window of its services, with the lack of a
//! maintenance window around it when its services have some, and with the SLA coverage hours
//! of a customer of its services.
//!
//! The booked changes are kept sorted by start with a running maximum of their ends, so the
//! changes overlapping a window are found by a binary search and a short walk back, whatever
//! the size of the calendar (docs/performance.md, Changes).

use super::recurrence::Span;
use super::window::WindowKind;
use crate::cmdb::{named_values, Direction, ImpactGraph, NodeIndex};
use crate::sla::calendar::BusinessCalendar;
use crate::sla::timeline::business_intervals;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    ConflictKind {
        SameCi = "same_ci" / "Same CI",
        Impact = "impact" / "Impact set",
        Blackout = "blackout" / "Blackout window",
        OutsideMaintenance = "outside_maintenance" / "Outside maintenance windows",
        SlaHours = "sla_hours" / "SLA coverage hours",
    }
);

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Conflict {
    /// Stable while the cause stays: what an acceptance names (`same_ci:CHG-000002`).
    pub id: String,
    pub kind: ConflictKind,
    pub change_key: String,
    /// The other change, the window or the SLA.
    pub other_key: Option<String>,
    pub ci_keys: Vec<String>,
    pub customer_key: Option<String>,
    /// When the conflict holds: the overlap of the two spans.
    pub start: Timestamp,
    pub end: Timestamp,
    pub reason: String,
}

/// A change as the collision check sees it: its planned (or actual) span, its CIs as graph
/// nodes and its services.
#[derive(Clone, Debug)]
pub struct Booked {
    pub id: Uuid,
    pub key: String,
    pub start: i64,
    pub end: i64,
    pub nodes: Vec<NodeIndex>,
    pub service_ids: Vec<Uuid>,
}

/// The booked changes, sorted by start, with the running maximum of their ends.
#[derive(Clone, Debug, Default)]
pub struct ScheduleIndex {
    items: Vec<Booked>,
    max_end: Vec<i64>,
}

impl ScheduleIndex {
    pub fn new(mut items: Vec<Booked>) -> ScheduleIndex {
        items.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
        let mut max_end = Vec::with_capacity(items.len());
        let mut running = i64::MIN;
        for item in &items {
            running = running.max(item.end);
            max_end.push(running);
        }
        ScheduleIndex { items, max_end }
    }

    pub fn items(&self) -> &[Booked] {
        &self.items
    }

    /// The places of the changes overlapping `[start, end)`: those starting before `end`,
    /// walked back until no earlier change can still be running at `start`.
    pub fn overlapping(&self, start: i64, end: i64) -> impl Iterator<Item = usize> + '_ {
        let upper = self.items.partition_point(|item| item.start < end);
        (0..upper).rev().take_while(move |&i| self.max_end[i] > start).filter(move |&i| self.items[i].end > start)
    }
}

/// A window's occurrences over the range being checked, sorted.
#[derive(Clone, Debug)]
pub struct WindowSpans {
    pub key: String,
    pub name: String,
    pub kind: WindowKind,
    pub service_ids: Vec<Uuid>,
    pub spans: Vec<Span>,
}

/// A customer's SLA on a service, with its coverage calendar.
#[derive(Clone, Debug)]
pub struct Exposure {
    pub customer_key: String,
    pub customer_name: String,
    pub sla_key: String,
    pub service_id: Uuid,
    pub calendar: BusinessCalendar,
}

/// The key a person reads for a graph node (`CI-000042`).
pub trait NodeKeys {
    fn node_key(&self, node: NodeIndex) -> Option<&str>;
}

impl NodeKeys for Vec<String> {
    fn node_key(&self, node: NodeIndex) -> Option<&str> {
        self.get(node as usize).map(String::as_str)
    }
}

impl NodeKeys for Vec<crate::cmdb::views::NodeRef> {
    fn node_key(&self, node: NodeIndex) -> Option<&str> {
        self.get(node as usize).map(|n| n.key.as_str())
    }
}

/// Everything a check reads: the CMDB graph with a key per node, the booked changes, the
/// windows expanded over the range, and the SLAs.
pub struct Landscape<'a> {
    pub graph: &'a ImpactGraph,
    pub node_keys: &'a dyn NodeKeys,
    pub schedule: &'a ScheduleIndex,
    pub windows: &'a [WindowSpans],
    pub exposures: &'a [Exposure],
}

/// How a node relates to the change being checked.
const OWN: u8 = 1;
/// A failure of the change's CIs reaches it.
const DOWN: u8 = 2;
/// Its failure reaches the change's CIs.
const UP: u8 = 3;

/// Reusable marks over the graph's nodes, cleared by walking what was marked.
pub struct Reach {
    marks: Vec<u8>,
    /// For each marked node, the change's CI the walk started from.
    via: Vec<NodeIndex>,
    marked: Vec<NodeIndex>,
}

impl Reach {
    pub fn new(nodes: usize) -> Reach {
        Reach { marks: vec![0; nodes], via: vec![0; nodes], marked: Vec::new() }
    }

    fn fill(&mut self, graph: &ImpactGraph, nodes: &[NodeIndex]) {
        for &node in &self.marked {
            self.marks[node as usize] = 0;
        }
        self.marked.clear();
        for &node in nodes {
            self.mark(node, OWN, node);
        }
        for &node in nodes {
            for (direction, mark) in [(Direction::Down, DOWN), (Direction::Up, UP)] {
                for hit in graph.impact(node, direction, None).hits {
                    self.mark(hit.node, mark, node);
                }
            }
        }
    }

    fn mark(&mut self, node: NodeIndex, mark: u8, via: NodeIndex) {
        let slot = &mut self.marks[node as usize];
        if *slot == 0 {
            self.marked.push(node);
        }
        if *slot == 0 || mark < *slot {
            *slot = mark;
            self.via[node as usize] = via;
        }
    }
}

fn at(millis: i64) -> Timestamp {
    Timestamp::from_millis(millis).unwrap_or(Timestamp::from_millis(0).expect("epoch"))
}

impl Landscape<'_> {
    /// Every conflict of `change`: with the other booked changes, windows and SLAs.
    pub fn conflicts_of(&self, change: &Booked, reach: &mut Reach) -> Vec<Conflict> {
        let mut found = Vec::new();
        let others: Vec<usize> = self
            .schedule
            .overlapping(change.start, change.end)
            .filter(|&i| self.schedule.items[i].id != change.id)
            .collect();
        if !others.is_empty() {
            reach.fill(self.graph, &change.nodes);
            for i in others {
                found.extend(self.pair(change, &self.schedule.items[i], reach));
            }
        }
        found.extend(self.window_conflicts(change));
        found.extend(self.sla_conflicts(change));
        found.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        found
    }

    /// The whole calendar: each pair of changes once (from the earlier one), and each
    /// change's window and SLA conflicts.
    pub fn calendar(&self) -> Vec<Conflict> {
        let mut reach = Reach::new(self.graph.node_count());
        let items = &self.schedule.items;
        let mut found = Vec::new();
        for (place, change) in items.iter().enumerate() {
            // A pair is reported from its earlier change: the later one starts inside it.
            let later: Vec<usize> =
                self.schedule.overlapping(change.start, change.end).filter(|&i| i > place).collect();
            if !later.is_empty() {
                reach.fill(self.graph, &change.nodes);
                for i in later {
                    found.extend(self.pair(change, &items[i], &reach));
                }
            }
            found.extend(self.window_conflicts(change));
            found.extend(self.sla_conflicts(change));
        }
        found
    }

    fn pair(&self, change: &Booked, other: &Booked, reach: &Reach) -> Option<Conflict> {
        let key =
            |node: NodeIndex| self.node_keys.node_key(node).map_or_else(|| format!("node {node}"), str::to_string);
        let (mut best, mut hit) = (0u8, 0);
        for &node in &other.nodes {
            let mark = reach.marks[node as usize];
            if mark != 0 && (best == 0 || mark < best) {
                (best, hit) = (mark, node);
            }
        }
        if best == 0 {
            return None;
        }
        let (start, end) = (change.start.max(other.start), change.end.min(other.end));
        let via = reach.via[hit as usize];
        let (kind, reason) = match best {
            OWN => (
                ConflictKind::SameCi,
                format!("{} also works on {} from {} to {}.", other.key, key(hit), at(start), at(end)),
            ),
            DOWN => (
                ConflictKind::Impact,
                format!(
                    "{} works at the same time on {}, which depends on {} that {} changes.",
                    other.key,
                    key(hit),
                    key(via),
                    change.key
                ),
            ),
            _ => (
                ConflictKind::Impact,
                format!(
                    "{} works at the same time on {}, which {} (changed by {}) depends on.",
                    other.key,
                    key(hit),
                    key(via),
                    change.key
                ),
            ),
        };
        let mut ci_keys = vec![key(via)];
        if hit != via {
            ci_keys.push(key(hit));
        }
        Some(Conflict {
            id: format!("{}:{}", kind.as_str(), other.key),
            kind,
            change_key: change.key.clone(),
            other_key: Some(other.key.clone()),
            ci_keys,
            customer_key: None,
            start: at(start),
            end: at(end),
            reason,
        })
    }

    fn window_conflicts(&self, change: &Booked) -> Vec<Conflict> {
        let mut found = Vec::new();
        let mut maintenance: Vec<&WindowSpans> = Vec::new();
        let mut inside_one = false;
        for window in self
            .windows
            .iter()
            .filter(|w| w.service_ids.is_empty() || w.service_ids.iter().any(|s| change.service_ids.contains(s)))
        {
            let from = window.spans.partition_point(|span| span.1 <= change.start);
            let touching = window.spans[from..].iter().take_while(|span| span.0 < change.end);
            match window.kind {
                WindowKind::Blackout => {
                    for span in touching {
                        let (start, end) = (change.start.max(span.0), change.end.min(span.1));
                        found.push(Conflict {
                            id: format!("blackout:{}@{}", window.key, at(span.0)),
                            kind: ConflictKind::Blackout,
                            change_key: change.key.clone(),
                            other_key: Some(window.key.clone()),
                            ci_keys: Vec::new(),
                            customer_key: None,
                            start: at(start),
                            end: at(end),
                            reason: format!(
                                "{} runs inside the blackout window “{}” ({}) from {} to {}.",
                                change.key,
                                window.name,
                                window.key,
                                at(start),
                                at(end)
                            ),
                        });
                    }
                }
                WindowKind::Maintenance => {
                    maintenance.push(window);
                    inside_one |=
                        window.spans[from..].iter().any(|span| span.0 <= change.start && change.end <= span.1);
                }
            }
        }
        if !maintenance.is_empty() && !inside_one {
            let names: Vec<String> = maintenance.iter().map(|w| format!("“{}” ({})", w.name, w.key)).collect();
            found.push(Conflict {
                id: "outside_maintenance".into(),
                kind: ConflictKind::OutsideMaintenance,
                change_key: change.key.clone(),
                other_key: None,
                ci_keys: Vec::new(),
                customer_key: None,
                start: at(change.start),
                end: at(change.end),
                reason: format!(
                    "{} is not inside any maintenance window of its services: {}.",
                    change.key,
                    names.join(", ")
                ),
            });
        }
        found
    }

    fn sla_conflicts(&self, change: &Booked) -> Vec<Conflict> {
        let mut found = Vec::new();
        for exposure in self.exposures.iter().filter(|e| change.service_ids.contains(&e.service_id)) {
            let hours = business_intervals(
                &exposure.calendar,
                change.start.div_euclid(1000),
                (change.end + 999).div_euclid(1000),
            );
            let (Some(first), Some(last)) = (hours.first(), hours.last()) else { continue };
            let minutes: i64 = hours.iter().map(|(s, e)| (e - s) / 60_000).sum();
            found.push(Conflict {
                id: format!("sla_hours:{}", exposure.sla_key),
                kind: ConflictKind::SlaHours,
                change_key: change.key.clone(),
                other_key: Some(exposure.sla_key.clone()),
                ci_keys: Vec::new(),
                customer_key: Some(exposure.customer_key.clone()),
                start: at(first.0.max(change.start)),
                end: at(last.1.min(change.end)),
                reason: format!(
                    "{} runs for {minutes} minutes inside the coverage hours ({}) of {} ({}) under {}.",
                    change.key,
                    exposure.calendar.zone.name(),
                    exposure.customer_name,
                    exposure.customer_key,
                    exposure.sla_key
                ),
            });
        }
        found
    }
}
