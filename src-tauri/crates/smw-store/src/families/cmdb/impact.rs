//! Impact and neighbourhood queries over the cached graph (graph.rs), turned into what a
//! person reads: keys, names, the path behind each hit, and the customers and SLAs behind the
//! services hit.

use super::graph::CmdbGraph;
use crate::error::{StoreError, StoreResult};
use crate::stored::list_live;
use crate::workspace::Workspace;
use smw_core::agreements::Sla;
use smw_core::catalogue::{Customer, Service};
use smw_core::cmdb::impact::ImpactSet;
use smw_core::cmdb::views::{
    GraphEdge, GraphNode, ImpactHit, ImpactReport, Neighbourhood, NodeRef, PartyRef, PathStep, SlaRef,
};
use smw_core::cmdb::{Direction, EndKind, NodeIndex};
use std::collections::{BTreeMap, HashSet};

/// The most nodes a neighbourhood keeps when the caller asks for more: past this the graph
/// view stops being readable (and smooth), so it shows this many and counts the rest.
pub const NEIGHBOURHOOD_MAX_NODES: usize = 2_000;

impl Workspace {
    /// What a failure of the CI or service `key` breaks (`Down`), or what it relies on (`Up`),
    /// at most `depth` edges away (`None`: no limit), each hit with its path; then the
    /// services reached, their customers and the SLAs that cover them.
    pub fn cmdb_impact(&self, key: &str, direction: Direction, depth: Option<u32>) -> StoreResult<ImpactReport> {
        let graph = self.cmdb_graph()?;
        let origin = origin(&graph, key)?;
        let set = graph.graph.impact(origin, direction, depth);
        let hits = set
            .hits
            .iter()
            .map(|hit| ImpactHit {
                node: graph.nodes[hit.node as usize].clone(),
                depth: hit.depth,
                path: path(&graph, &set, hit),
            })
            .collect::<Vec<_>>();
        let mut services: Vec<NodeRef> = Vec::new();
        if graph.nodes[origin as usize].kind == EndKind::Service {
            services.push(graph.nodes[origin as usize].clone());
        }
        services.extend(hits.iter().filter(|hit| hit.node.kind == EndKind::Service).map(|hit| hit.node.clone()));
        let (customers, slas) = self.behind(&services)?;
        Ok(ImpactReport {
            origin: graph.nodes[origin as usize].clone(),
            direction,
            depth_limit: depth,
            hits,
            services,
            customers,
            slas,
        })
    }

    /// The CIs and services within `hops` of `key`, either way along any relationship, at
    /// most `max_nodes` of them (nearest first, capped at [`NEIGHBOURHOOD_MAX_NODES`]), the
    /// relationships between them, and how many nodes within reach were left out.
    pub fn cmdb_neighbourhood(&self, key: &str, hops: u32, max_nodes: usize) -> StoreResult<Neighbourhood> {
        let graph = self.cmdb_graph()?;
        let centre = origin(&graph, key)?;
        let around = graph.graph.neighbourhood(centre, hops, max_nodes.min(NEIGHBOURHOOD_MAX_NODES));
        let nodes = around
            .nodes
            .iter()
            .map(|&(node, depth)| GraphNode { node: graph.nodes[node as usize].clone(), depth })
            .collect();
        let edges = around
            .edges
            .iter()
            .map(|&edge| {
                let info = &graph.edges[edge as usize];
                let (source, target) = (&graph.nodes[info.source as usize].key, &graph.nodes[info.target as usize].key);
                let relation = &graph.types[info.relation];
                GraphEdge {
                    id: info.relationship_key.clone().unwrap_or_else(|| format!("{source}>{target}")),
                    source: source.clone(),
                    target: target.clone(),
                    relation: relation.id.clone(),
                    relation_name: relation.name.clone(),
                    flow: relation.flow,
                }
            })
            .collect();
        Ok(Neighbourhood {
            centre: graph.nodes[centre as usize].clone(),
            hops,
            nodes,
            edges,
            nodes_left_out: around.nodes_left_out as u64,
        })
    }

    /// The customers of `services` and the live SLAs that cover them.
    pub(crate) fn behind(&self, services: &[NodeRef]) -> StoreResult<(Vec<PartyRef>, Vec<SlaRef>)> {
        if services.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let conn = self.reader();
        let hit: HashSet<_> = services.iter().map(|s| s.id).collect();
        let all_services = list_live::<Service>(&conn)?;
        let service_key = |id| all_services.iter().find(|s| s.id == id).map(|s| s.key.clone()).unwrap_or_default();
        let customers = list_live::<Customer>(&conn)?;
        let mut parties: BTreeMap<String, PartyRef> = BTreeMap::new();
        for service in all_services.iter().filter(|s| hit.contains(&s.id)) {
            for customer in customers.iter().filter(|c| service.customer_ids.contains(&c.id)) {
                parties
                    .entry(customer.key.clone())
                    .or_insert_with(|| PartyRef {
                        key: customer.key.clone(),
                        name: customer.name.clone(),
                        via_services: vec![],
                    })
                    .via_services
                    .push(service.key.clone());
            }
        }
        let customer_key = |id| customers.iter().find(|c| c.id == id).map(|c| c.key.clone()).unwrap_or_default();
        let slas = list_live::<Sla>(&conn)?
            .into_iter()
            .filter(|sla| hit.contains(&sla.service_id))
            .map(|sla| SlaRef {
                service_key: service_key(sla.service_id),
                customer_key: customer_key(sla.customer_id),
                key: sla.key,
                name: sla.name,
            })
            .collect();
        Ok((parties.into_values().collect(), slas))
    }
}

fn origin(graph: &CmdbGraph, key: &str) -> StoreResult<NodeIndex> {
    graph.node_by_key(key).ok_or_else(|| StoreError::not_found("CI or service", key.trim().to_ascii_uppercase()))
}

/// The steps from the origin to `hit`, each read in the walk's direction.
fn path(graph: &CmdbGraph, set: &ImpactSet, hit: &smw_core::cmdb::impact::Reached) -> Vec<PathStep> {
    set.path(hit)
        .into_iter()
        .map(|(from, edge, to)| {
            let info = &graph.edges[edge as usize];
            let relation = &graph.types[info.relation];
            let forwards = info.source == from;
            PathStep {
                from: graph.nodes[from as usize].key.clone(),
                to: graph.nodes[to as usize].key.clone(),
                relation: relation.id.clone(),
                relation_name: if forwards { relation.name.clone() } else { relation.reverse_name.clone() },
                relationship_key: info.relationship_key.clone(),
            }
        })
        .collect()
}
