//! Impact analysis over the configuration graph: which nodes a failure reaches (downstream)
//! or which nodes a node relies on (upstream), each with the path that explains it, and the
//! bounded neighbourhood the graph view draws.
//!
//! Nodes and edges are numbered by the caller (`u32`), and adjacency is kept in compressed
//! rows (one offsets vector, one targets vector per direction): a breadth-first walk then
//! touches two flat arrays and no hash map, which is what keeps a hub with tens of thousands
//! of dependents within a few milliseconds (docs/performance.md, CMDB). Cycles are harmless:
//! a node is visited once, by its shortest path.

use super::named_values;
use super::relation::ImpactFlow;
use std::collections::VecDeque;

pub type NodeIndex = u32;

named_values!(
    /// Which way an impact query walks.
    Direction {
        /// What a failure of this node breaks.
        Down = "down" / "Downstream",
        /// What this node relies on.
        Up = "up" / "Upstream",
    }
);

/// One edge `source —→ target` and which way a failure travels along it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub source: NodeIndex,
    pub target: NodeIndex,
    pub flow: ImpactFlow,
}

/// Adjacency in compressed rows: the neighbours of `n` are `items[starts[n]..starts[n + 1]]`,
/// each with the index of the edge that joins them.
#[derive(Clone, Debug, Default)]
struct Rows {
    starts: Vec<u32>,
    items: Vec<(NodeIndex, u32)>,
}

impl Rows {
    fn build(nodes: usize, pairs: &[(NodeIndex, NodeIndex, u32)]) -> Rows {
        let mut starts = vec![0u32; nodes + 1];
        for &(from, _, _) in pairs {
            starts[from as usize + 1] += 1;
        }
        for n in 0..nodes {
            starts[n + 1] += starts[n];
        }
        let mut fill = starts.clone();
        let mut items = vec![(0, 0); pairs.len()];
        for &(from, to, edge) in pairs {
            let at = &mut fill[from as usize];
            items[*at as usize] = (to, edge);
            *at += 1;
        }
        Rows { starts, items }
    }

    fn of(&self, node: NodeIndex) -> &[(NodeIndex, u32)] {
        let n = node as usize;
        &self.items[self.starts[n] as usize..self.starts[n + 1] as usize]
    }
}

/// The graph, built once from every live relationship and kept until the CMDB changes.
#[derive(Clone, Debug, Default)]
pub struct ImpactGraph {
    nodes: usize,
    /// `n` → the nodes a failure of `n` hits.
    down: Rows,
    /// `n` → the nodes whose failure hits `n`.
    up: Rows,
    /// `n` → every node joined to `n` by any edge, either way (for the neighbourhood).
    around: Rows,
}

/// One node an impact walk reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reached {
    pub node: NodeIndex,
    pub depth: u32,
    /// The node it was reached from and the edge walked (for the origin: itself, `u32::MAX`).
    pub parent: NodeIndex,
    pub edge: u32,
}

/// What an impact walk reached, nearest first, and how to explain each hit.
#[derive(Clone, Debug)]
pub struct ImpactSet {
    pub origin: NodeIndex,
    /// Every node reached except the origin, in order of depth.
    pub hits: Vec<Reached>,
    /// For each node, its place in `hits` plus one (0: not reached).
    place: Vec<u32>,
}

impl ImpactSet {
    /// The edges from the origin to `hit`, in walking order.
    pub fn path(&self, hit: &Reached) -> Vec<(NodeIndex, u32, NodeIndex)> {
        let mut steps = Vec::with_capacity(hit.depth as usize);
        let mut at = *hit;
        loop {
            steps.push((at.parent, at.edge, at.node));
            if at.parent == self.origin {
                break;
            }
            at = self.hits[self.place[at.parent as usize] as usize - 1];
        }
        steps.reverse();
        steps
    }
}

/// The nodes within some hops of a centre, bounded for drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbourhood {
    /// The nodes kept, with their distance from the centre (the centre first).
    pub nodes: Vec<(NodeIndex, u32)>,
    /// The edges between kept nodes.
    pub edges: Vec<u32>,
    /// Nodes within the hops that the bound left out.
    pub nodes_left_out: usize,
}

impl ImpactGraph {
    pub fn build(nodes: usize, edges: &[Edge]) -> ImpactGraph {
        let mut down = Vec::with_capacity(edges.len());
        let mut up = Vec::with_capacity(edges.len());
        let mut around = Vec::with_capacity(edges.len() * 2);
        for (i, edge) in edges.iter().enumerate() {
            let i = i as u32;
            let (s, t) = (edge.source, edge.target);
            // `down` holds failure → victim; `up` the same pairs reversed.
            let mut hits = |from: NodeIndex, to: NodeIndex| {
                down.push((from, to, i));
                up.push((to, from, i));
            };
            match edge.flow {
                ImpactFlow::TowardSource => hits(t, s),
                ImpactFlow::TowardTarget => hits(s, t),
                ImpactFlow::Both => {
                    hits(t, s);
                    hits(s, t);
                }
                ImpactFlow::Neither => {}
            }
            around.push((s, t, i));
            around.push((t, s, i));
        }
        ImpactGraph {
            nodes,
            down: Rows::build(nodes, &down),
            up: Rows::build(nodes, &up),
            around: Rows::build(nodes, &around),
        }
    }

    pub fn node_count(&self) -> usize {
        self.nodes
    }

    /// Walks from `origin` breadth first, at most `max_depth` edges deep (`None`: no limit).
    pub fn impact(&self, origin: NodeIndex, direction: Direction, max_depth: Option<u32>) -> ImpactSet {
        let rows = match direction {
            Direction::Down => &self.down,
            Direction::Up => &self.up,
        };
        let mut place = vec![0u32; self.nodes];
        let mut hits: Vec<Reached> = Vec::new();
        let limit = max_depth.unwrap_or(u32::MAX);
        // The origin is marked with a place no hit has, so a cycle back to it stops there.
        place[origin as usize] = u32::MAX;
        let mut next = 0usize;
        if limit > 0 {
            for &(to, edge) in rows.of(origin) {
                if place[to as usize] == 0 {
                    hits.push(Reached { node: to, depth: 1, parent: origin, edge });
                    place[to as usize] = hits.len() as u32;
                }
            }
        }
        while next < hits.len() {
            let at = hits[next];
            next += 1;
            if at.depth >= limit {
                continue;
            }
            for &(to, edge) in rows.of(at.node) {
                if place[to as usize] == 0 {
                    hits.push(Reached { node: to, depth: at.depth + 1, parent: at.node, edge });
                    place[to as usize] = hits.len() as u32;
                }
            }
        }
        place[origin as usize] = 0;
        ImpactSet { origin, hits, place }
    }

    /// The nodes within `hops` of `centre` along any edge, either way, keeping at most
    /// `max_nodes` (nearest first) and counting the rest.
    pub fn neighbourhood(&self, centre: NodeIndex, hops: u32, max_nodes: usize) -> Neighbourhood {
        let mut depth = vec![u32::MAX; self.nodes];
        let mut queue = VecDeque::from([centre]);
        depth[centre as usize] = 0;
        let mut nodes = Vec::new();
        let mut left_out = 0usize;
        while let Some(node) = queue.pop_front() {
            let d = depth[node as usize];
            if nodes.len() < max_nodes.max(1) {
                nodes.push((node, d));
            } else {
                left_out += 1;
            }
            if d >= hops {
                continue;
            }
            for &(to, _) in self.around.of(node) {
                if depth[to as usize] == u32::MAX {
                    depth[to as usize] = d + 1;
                    queue.push_back(to);
                }
            }
        }
        // Reuse `depth` as "kept": only kept nodes' edges are drawn.
        depth.iter_mut().for_each(|d| *d = 0);
        for &(node, _) in &nodes {
            depth[node as usize] = 1;
        }
        let mut edges = Vec::new();
        for &(node, _) in &nodes {
            for &(to, edge) in self.around.of(node) {
                // Each edge appears in both ends' rows: keep it once, from its lower end.
                if depth[to as usize] == 1 && node <= to {
                    edges.push(edge);
                }
            }
        }
        edges.sort_unstable();
        edges.dedup();
        Neighbourhood { nodes, edges, nodes_left_out: left_out }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ImpactFlow::*;

    fn edge(source: u32, target: u32, flow: ImpactFlow) -> Edge {
        Edge { source, target, flow }
    }

    /// 0 app runs on 1 vm, 1 hosted by 2 host, 3 db runs on 2, 0 uses 3; 4 disk part of 5 array;
    /// 2 connected to 6 switch; 7 is alone.
    fn estate() -> ImpactGraph {
        ImpactGraph::build(
            8,
            &[
                edge(0, 1, TowardSource),
                edge(1, 2, TowardSource),
                edge(3, 2, TowardSource),
                edge(0, 3, TowardSource),
                edge(4, 5, TowardTarget),
                edge(2, 6, Both),
            ],
        )
    }

    fn reached(set: &ImpactSet) -> Vec<(u32, u32)> {
        let mut hits: Vec<_> = set.hits.iter().map(|hit| (hit.node, hit.depth)).collect();
        hits.sort_unstable();
        hits
    }

    #[test]
    fn downstream_follows_each_types_flow_and_upstream_reverses_it() {
        let graph = estate();
        assert_eq!(reached(&graph.impact(2, Direction::Down, None)), vec![(0, 2), (1, 1), (3, 1), (6, 1)]);
        assert_eq!(reached(&graph.impact(0, Direction::Up, None)), vec![(1, 1), (2, 2), (3, 1), (6, 3)]);
        assert_eq!(reached(&graph.impact(4, Direction::Down, None)), vec![(5, 1)]);
        assert_eq!(reached(&graph.impact(5, Direction::Down, None)), vec![]);
        assert_eq!(reached(&graph.impact(7, Direction::Down, None)), vec![]);
    }

    #[test]
    fn the_depth_limit_stops_the_walk() {
        let graph = estate();
        assert_eq!(reached(&graph.impact(6, Direction::Down, Some(1))), vec![(2, 1)]);
        assert_eq!(reached(&graph.impact(6, Direction::Down, Some(2))), vec![(1, 2), (2, 1), (3, 2)]);
        assert_eq!(reached(&graph.impact(6, Direction::Down, Some(0))), vec![]);
    }

    #[test]
    fn every_hit_has_the_path_that_explains_it() {
        let graph = estate();
        let set = graph.impact(6, Direction::Down, None);
        let app = set.hits.iter().find(|hit| hit.node == 0).unwrap();
        let path = set.path(app);
        assert_eq!(path.len(), 3);
        assert_eq!(path.first().unwrap().0, 6);
        assert_eq!(path.last().unwrap().2, 0);
        for pair in path.windows(2) {
            assert_eq!(pair[0].2, pair[1].0, "{path:?}");
        }
        // The edge 6—2 is edge 5 (connected to), walked from 6.
        assert_eq!(path[0], (6, 5, 2));
    }

    #[test]
    fn cycles_end_the_walk_instead_of_looping() {
        let ring: Vec<Edge> = (0..5).map(|n| edge(n, (n + 1) % 5, TowardTarget)).collect();
        let graph = ImpactGraph::build(5, &ring);
        let set = graph.impact(0, Direction::Down, None);
        assert_eq!(reached(&set), vec![(1, 1), (2, 2), (3, 3), (4, 4)]);
        assert_eq!(set.path(set.hits.last().unwrap()).len(), 4);
        let both = ImpactGraph::build(2, &[edge(0, 1, Both), edge(1, 0, Both)]);
        assert_eq!(reached(&both.impact(0, Direction::Down, None)), vec![(1, 1)]);
    }

    #[test]
    fn the_neighbourhood_is_bounded_and_counts_what_it_left_out() {
        let graph = estate();
        let around = graph.neighbourhood(2, 1, 100);
        let mut nodes: Vec<_> = around.nodes.iter().map(|(n, _)| *n).collect();
        nodes.sort_unstable();
        assert_eq!(nodes, vec![1, 2, 3, 6]);
        assert_eq!(around.edges, vec![1, 2, 5]);
        assert_eq!(around.nodes_left_out, 0);
        let bounded = graph.neighbourhood(2, 2, 3);
        assert_eq!(bounded.nodes.len(), 3);
        assert_eq!(bounded.nodes[0], (2, 0));
        assert_eq!(bounded.nodes_left_out, 2, "0 and one of 1, 3, 6");
        assert!(bounded.edges.iter().all(|&e| e != 0), "edge 0 joins 0, which was left out");
    }

    #[test]
    fn a_hub_with_many_dependents_is_walked_once_each() {
        let edges: Vec<Edge> = (1..=40_000).map(|n| edge(n, 0, TowardSource)).collect();
        let graph = ImpactGraph::build(40_001, &edges);
        let set = graph.impact(0, Direction::Down, Some(3));
        assert_eq!(set.hits.len(), 40_000);
        assert!(set.hits.iter().all(|hit| hit.depth == 1 && set.path(hit).len() == 1));
    }
}
