//! What a collision check reads, loaded from the store: the CMDB's impact graph (cached by
//! the CMDB module), the changes booked over the range, the windows expanded over it and the
//! customers' SLAs with their calendars. The rules themselves are the domain's
//! (`smw_core::change_management::collision`).

use super::rfcs::live_changes;
use super::windows::expanded;
use crate::error::StoreResult;
use crate::families::cmdb::graph::CmdbGraph;
use crate::fast_map::FastMap;
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::change_management::collision::{Booked, Exposure, Landscape, Reach, ScheduleIndex, WindowSpans};
use smw_core::change_management::views::CollisionReport;
use smw_core::change_management::{Change, ChangeStatus, Conflict};
use smw_core::cmdb::NodeIndex;
use smw_core::sla::calendar::BusinessCalendar;
use smw_core::{Code, Invalid, Timestamp};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use uuid::Uuid;

/// The CMDB graph with its nodes indexed by id, built once per graph revision: the graph
/// module keys its nodes by key, a change names its CIs by id.
pub(crate) struct NodeIds {
    graph: Arc<CmdbGraph>,
    by_id: FastMap<Uuid, NodeIndex>,
}

fn node_ids(graph: Arc<CmdbGraph>) -> Arc<NodeIds> {
    static LAST: OnceLock<Mutex<Option<Arc<NodeIds>>>> = OnceLock::new();
    let mut last = LAST.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner());
    if let Some(ids) = last.as_ref().filter(|ids| Arc::ptr_eq(&ids.graph, &graph)) {
        return ids.clone();
    }
    let by_id = graph.nodes.iter().enumerate().map(|(i, node)| (node.id, i as NodeIndex)).collect();
    let ids = Arc::new(NodeIds { graph, by_id });
    *last = Some(ids.clone());
    ids
}

/// Changes whose planned window is booked on the calendar: raised and not yet over.
fn on_calendar(change: &Change) -> bool {
    use ChangeStatus::*;
    matches!(change.status, Submitted | Assessed | Approved | Scheduled | Implementing)
}

/// Everything loaded for the range `[from, to)`.
pub(crate) struct Scene {
    ids: Arc<NodeIds>,
    pub(crate) schedule: ScheduleIndex,
    windows: Vec<WindowSpans>,
    exposures: Vec<Exposure>,
    ci_services: HashMap<Uuid, Vec<Uuid>>,
}

impl Scene {
    pub(crate) fn load(conn: &Connection, graph: Arc<CmdbGraph>, from: i64, to: i64) -> StoreResult<Scene> {
        let ids = node_ids(graph);
        let mut scene = Scene {
            ids,
            schedule: ScheduleIndex::default(),
            windows: expanded(conn, from, to)?,
            exposures: exposures(conn)?,
            ci_services: HashMap::new(),
        };
        let booked: Vec<Change> = live_changes(conn, Some((from, to)))?.into_iter().filter(on_calendar).collect();
        scene.load_ci_services(conn, booked.iter().flat_map(|c| c.ci_ids.iter().copied()))?;
        let items = booked.iter().filter_map(|c| scene.booked(c)).collect();
        scene.schedule = ScheduleIndex::new(items);
        Ok(scene)
    }

    /// The services each CI supports, which a change to the CI affects too.
    fn load_ci_services(&mut self, conn: &Connection, cis: impl Iterator<Item = Uuid>) -> StoreResult<()> {
        let mut stmt = conn.prepare_cached("SELECT service_ids FROM cis WHERE id = ?1")?;
        for ci in cis {
            if !self.ci_services.contains_key(&ci) {
                let services = match stmt.query_row([ci.to_string()], |row| crate::columns::get_uuid_list(row, 0)) {
                    Ok(list) => list,
                    Err(rusqlite::Error::QueryReturnedNoRows) => Vec::new(),
                    Err(e) => return Err(e.into()),
                };
                self.ci_services.insert(ci, services);
            }
        }
        Ok(())
    }

    /// The change as the check sees it; none without a planned window.
    pub(crate) fn booked(&self, change: &Change) -> Option<Booked> {
        let (start, end) = change.planned_window()?;
        let nodes = change.ci_ids.iter().filter_map(|id| self.ids.by_id.get(id).copied()).collect();
        let mut service_ids = change.service_ids.clone();
        for ci in &change.ci_ids {
            for service in self.ci_services.get(ci).into_iter().flatten() {
                if !service_ids.contains(service) {
                    service_ids.push(*service);
                }
            }
        }
        Some(Booked {
            id: change.id,
            key: change.key.clone(),
            start: start.millis(),
            end: end.millis(),
            nodes,
            service_ids,
        })
    }

    pub(crate) fn landscape(&self) -> Landscape<'_> {
        Landscape {
            graph: &self.ids.graph.graph,
            node_keys: &self.ids.graph.nodes,
            schedule: &self.schedule,
            windows: &self.windows,
            exposures: &self.exposures,
        }
    }

    pub(crate) fn reach(&self) -> Reach {
        Reach::new(self.ids.graph.graph.node_count())
    }

    /// The conflicts of one change (which need not be booked yet).
    pub(crate) fn conflicts_of(&mut self, conn: &Connection, change: &Change) -> StoreResult<Vec<Conflict>> {
        self.load_ci_services(conn, change.ci_ids.iter().copied())?;
        let Some(booked) = self.booked(change) else { return Ok(Vec::new()) };
        Ok(self.landscape().conflicts_of(&booked, &mut self.reach()))
    }
}

/// Every live SLA with its customer and its calendar, parsed once.
fn exposures(conn: &Connection) -> StoreResult<Vec<Exposure>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.key, s.service_id, c.key, c.name, cal.definition
         FROM slas s JOIN customers c ON c.id = s.customer_id JOIN calendars cal ON cal.id = s.calendar_id
         WHERE s.deleted_at IS NULL ORDER BY s.seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut calendars: HashMap<String, BusinessCalendar> = HashMap::new();
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        let definition: String = row.get(4)?;
        let calendar = match calendars.get(&definition) {
            Some(calendar) => calendar.clone(),
            None => {
                let calendar = BusinessCalendar::from_json(&definition)?;
                calendars.insert(definition, calendar.clone());
                calendar
            }
        };
        found.push(Exposure {
            sla_key: row.get(0)?,
            service_id: crate::columns::get_uuid(row, 1)?,
            customer_key: row.get(2)?,
            customer_name: row.get(3)?,
            calendar,
        });
    }
    Ok(found)
}

/// A change's conflicts now, read through `conn` (a write transaction's, when a move needs them).
pub(crate) fn conflicts_in(conn: &Connection, graph: Arc<CmdbGraph>, change: &Change) -> StoreResult<Vec<Conflict>> {
    let Some((start, end)) = change.planned_window() else { return Ok(Vec::new()) };
    Scene::load(conn, graph, start.millis(), end.millis())?.conflicts_of(conn, change)
}

impl Workspace {
    /// The conflicts of one change over its planned window (none without one).
    pub fn change_conflicts(&self, key: &str) -> StoreResult<Vec<Conflict>> {
        let change = self.change_get(key)?;
        let graph = self.cmdb_graph()?;
        conflicts_in(&self.reader(), graph, &change)
    }

    /// Every conflict among the changes booked over `[from, to)`, and with windows and SLAs.
    pub fn change_collisions(&self, from: Timestamp, to: Timestamp) -> StoreResult<CollisionReport> {
        if to <= from {
            return Err(Invalid::field(Code::EmptyPeriod, "to", "The end of the range must be after its start.").into());
        }
        let graph = self.cmdb_graph()?;
        let scene = Scene::load(&self.reader(), graph, from.millis(), to.millis())?;
        let conflicts = scene.landscape().calendar();
        Ok(CollisionReport { from, to, changes_checked: scene.schedule.items().len() as u32, conflicts })
    }
}
