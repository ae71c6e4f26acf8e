//! The configuration graph in memory: every live CI and service a node, every live
//! relationship (and every catalogue `depends_on` entry) an edge, numbered for
//! `smw_core::cmdb::ImpactGraph`. Built once and kept per workspace file until the CMDB's
//! generation moves (triggers of migration 8 bump it on every CI, relationship, type or
//! service write, by any process), so an impact query costs a walk, not a load.

use super::classes::relation_types;
use crate::error::StoreResult;
use crate::fast_map::FastMap;
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::cmdb::impact::Edge;
use smw_core::cmdb::views::NodeRef;
use smw_core::cmdb::{EndKind, ImpactGraph, NodeIndex, TypeDef};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// One edge as a person reads it: its relationship (none for a catalogue dependency) and type.
pub(crate) struct EdgeInfo {
    pub relationship_key: Option<String>,
    pub source: NodeIndex,
    pub target: NodeIndex,
    /// Index into `CmdbGraph::types`.
    pub relation: usize,
}

pub(crate) struct CmdbGraph {
    generation: i64,
    pub nodes: Vec<NodeRef>,
    pub by_key: FastMap<String, NodeIndex>,
    pub edges: Vec<EdgeInfo>,
    pub types: Vec<TypeDef>,
    pub graph: ImpactGraph,
}

impl CmdbGraph {
    pub(crate) fn node_by_key(&self, key: &str) -> Option<NodeIndex> {
        self.by_key.get(&key.trim().to_ascii_uppercase()).copied()
    }
}

type Cache = Mutex<HashMap<PathBuf, Arc<CmdbGraph>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

impl Workspace {
    /// The graph as the tables hold it now, from the cache when nothing moved.
    pub(crate) fn cmdb_graph(&self) -> StoreResult<Arc<CmdbGraph>> {
        let conn = self.reader();
        let generation = generation(&conn)?;
        if let Some(graph) = cache().lock().unwrap_or_else(|p| p.into_inner()).get(self.path()) {
            if graph.generation == generation {
                return Ok(graph.clone());
            }
        }
        let graph = Arc::new(load(&conn, generation)?);
        drop(conn);
        cache().lock().unwrap_or_else(|p| p.into_inner()).insert(self.path().to_path_buf(), graph.clone());
        Ok(graph)
    }
}

fn generation(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.prepare_cached("SELECT generation FROM cmdb_state")?.query_row([], |row| row.get(0))?)
}

fn load(conn: &Connection, generation: i64) -> StoreResult<CmdbGraph> {
    // One read transaction, so the nodes and edges are of the same moment.
    let tx = conn.unchecked_transaction()?;
    let mut nodes = Vec::new();
    let mut by_id = FastMap::default();
    let mut by_key = FastMap::default();
    let mut add = |node: NodeRef| {
        let index = nodes.len() as NodeIndex;
        by_id.insert(node.id, index);
        by_key.insert(node.key.clone(), index);
        nodes.push(node);
    };
    let mut dependencies = Vec::new();
    // (service, CI) for each service a CI says it supports.
    let mut supported = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT id, key, name, status, depends_on FROM services WHERE deleted_at IS NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id = crate::columns::get_uuid(row, 0)?;
            dependencies.push((id, crate::columns::get_uuid_list(row, 4)?));
            add(NodeRef {
                kind: EndKind::Service,
                id,
                key: row.get(1)?,
                name: row.get(2)?,
                class: "service".into(),
                status: row.get(3)?,
                retired: false,
            });
        }
        let mut stmt = tx.prepare(
            "SELECT id, key, name, class, status, service_ids FROM cis WHERE deleted_at IS NULL ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id = crate::columns::get_uuid(row, 0)?;
            for service in crate::columns::get_uuid_list(row, 5)? {
                supported.push((service, id));
            }
            add(NodeRef {
                kind: EndKind::Ci,
                id,
                key: row.get(1)?,
                name: row.get(2)?,
                class: row.get(3)?,
                status: row.get(4)?,
                retired: false,
            });
        }
    }
    let types = relation_types(&tx)?;
    let type_index: HashMap<&str, usize> = types.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let depends_on = type_index["depends_on"];
    let mut edges = Vec::new();
    // The catalogue's own dependency lists are `depends_on` relationships between services.
    for (service, needs) in dependencies {
        for needed in needs {
            if let (Some(&source), Some(&target)) = (by_id.get(&service), by_id.get(&needed)) {
                edges.push(EdgeInfo { relationship_key: None, source, target, relation: depends_on });
            }
        }
    }
    // A CI that supports a service is one the service depends on: its failure reaches it.
    for (service, ci) in supported {
        if let (Some(&source), Some(&target)) = (by_id.get(&service), by_id.get(&ci)) {
            edges.push(EdgeInfo { relationship_key: None, source, target, relation: depends_on });
        }
    }
    {
        let mut stmt = tx.prepare(
            "SELECT key, source_id, relation, target_id FROM relationships WHERE deleted_at IS NULL ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let ends = (by_id.get(&crate::columns::get_uuid(row, 1)?), by_id.get(&crate::columns::get_uuid(row, 3)?));
            let relation = row.get_ref(2)?.as_str().map(|r| type_index.get(r).copied()).unwrap_or(None);
            // An edge to a retired node, or of a retired type, carries no impact.
            if let ((Some(&source), Some(&target)), Some(relation)) = (ends, relation) {
                edges.push(EdgeInfo { relationship_key: Some(row.get(0)?), source, target, relation });
            }
        }
    }
    tx.finish()?;
    let plain: Vec<Edge> =
        edges.iter().map(|e| Edge { source: e.source, target: e.target, flow: types[e.relation].flow }).collect();
    let graph = ImpactGraph::build(nodes.len(), &plain);
    Ok(CmdbGraph { generation, nodes, by_key, edges, types, graph })
}
