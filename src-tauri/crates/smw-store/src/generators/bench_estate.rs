//! A large estate for `smw bench cmdb`, as the two CSV files a team would import: CIs, and
//! relationships naming CIs by key. Its shape is a real estate's, scaled: clusters of 100 CIs
//! (a business system: servers, virtual machines, applications, databases, storage, network,
//! licences, documents, containers, cloud resources, devices and its site) joined by the
//! relationships such a system has, so a typical CI's impact stays within its cluster; and a
//! hub, a core switch that tens of thousands of end-user devices depend on.
//!
//! Imported into an empty workspace the CIs get their keys in row order, which is how the
//! relationship file can name them: row `i` (from 0) becomes `CI-{i + 1}`.

use smw_core::cmdb::class::BUILTIN_CLASSES;
use std::fmt::Write;

/// How big an estate to generate.
#[derive(Clone, Copy, Debug)]
pub struct EstateShape {
    pub cis: usize,
    pub relationships: usize,
    /// End-user devices that depend on the hub (row 0).
    pub hub_dependents: usize,
}

/// The hub's key once the CI file is imported into an empty workspace.
pub const HUB_KEY: &str = "CI-000001";

const CLUSTER: usize = 100;
// Where each kind of CI sits inside a cluster.
const SERVERS: usize = 0;
const VMS: usize = 2;
const APPS: usize = 22;
const DATABASES: usize = 42;
const STORAGE: usize = 52;
const NETWORK: usize = 56;
const LICENCES: usize = 60;
const DOCUMENTS: usize = 70;
const CONTAINERS: usize = 80;
const CLOUD: usize = 85;
const DEVICES: usize = 90;
const SITE: usize = 99;

/// The key a CI of row `index` gets.
pub fn key(index: usize) -> String {
    format!("CI-{:06}", index + 1)
}

impl EstateShape {
    fn clusters(&self) -> usize {
        self.cis.saturating_sub(1 + self.hub_dependents) / CLUSTER
    }

    fn cluster_start(&self, cluster: usize) -> usize {
        1 + self.hub_dependents + cluster * CLUSTER
    }

    /// The keys of `count` virtual machines spread over the clusters: typical CIs, neither
    /// leaves nor hubs.
    pub fn typical_keys(&self, count: usize) -> Vec<String> {
        let clusters = self.clusters().max(1);
        (0..count).map(|n| key(self.cluster_start(n * 7919 % clusters) + VMS + n % 20)).collect()
    }

    /// The CI file: name, class, criticality, serial (unique, so a re-import matches).
    pub fn cis_csv(&self) -> String {
        let mut out = String::with_capacity(self.cis * 48);
        out.push_str("name,class,criticality,serial\n");
        let clustered = self.cluster_start(self.clusters());
        for index in 0..self.cis {
            let (name, class) = if index == 0 {
                ("dc-core-sw00".to_string(), "network_device")
            } else if index <= self.hub_dependents {
                (format!("desk-{index:06}"), "end_user_device")
            } else if index < clustered {
                let local = (index - 1 - self.hub_dependents) % CLUSTER;
                let cluster = (index - 1 - self.hub_dependents) / CLUSTER;
                let class = class_at(local);
                (format!("c{cluster:04}-{}-{local:02}", &class[..3]), class)
            } else {
                (format!("doc-{index:06}"), "document")
            };
            let criticality = ["low", "medium", "high", "critical"][index % 4];
            let _ = writeln!(out, "{name},{class},{criticality},SN{index:09}");
        }
        out
    }

    /// The relationship file: the hub's dependents first, then each cluster's relationships
    /// (a prefix of the same template, so the total comes out exact).
    pub fn relations_csv(&self) -> String {
        let mut out = String::with_capacity(self.relationships * 40);
        out.push_str("source,type,target\n");
        let hub = self.hub_dependents.min(self.relationships);
        for index in 1..=hub {
            let _ = writeln!(out, "{},depends_on,{HUB_KEY}", key(index));
        }
        let template = template();
        let clusters = self.clusters();
        let rest = self.relationships - hub;
        for cluster in (0..clusters).filter(|_| rest > 0) {
            let take = (rest / clusters + usize::from(cluster < rest % clusters)).min(template.len());
            let start = self.cluster_start(cluster);
            for (source, relation, target) in &template[..take] {
                let _ = writeln!(out, "{},{relation},{}", key(start + source), key(start + target));
            }
        }
        out
    }

    /// How many relationships the file holds (fewer than asked when the clusters cannot hold them).
    pub fn relationships_generated(&self) -> usize {
        let hub = self.hub_dependents.min(self.relationships);
        let clusters = self.clusters();
        hub + (self.relationships - hub).min(clusters * template().len())
    }
}

fn class_at(local: usize) -> &'static str {
    let slug = match local {
        SERVERS..VMS => "server",
        VMS..APPS => "virtual_machine",
        APPS..DATABASES => "application",
        DATABASES..STORAGE => "database",
        STORAGE..NETWORK => "storage",
        NETWORK..LICENCES => "network_device",
        LICENCES..DOCUMENTS => "licence",
        DOCUMENTS..CONTAINERS => "document",
        CONTAINERS..CLOUD => "container",
        CLOUD..DEVICES => "cloud_resource",
        DEVICES..SITE => "end_user_device",
        _ => "site",
    };
    debug_assert!(BUILTIN_CLASSES.iter().any(|(builtin, _)| *builtin == slug));
    slug
}

/// One cluster's relationships, (source, type, target) by position in the cluster: 435 of
/// them, no two alike, most important first.
fn template() -> Vec<(usize, &'static str, usize)> {
    let mut t = Vec::with_capacity(435);
    for v in 0..20 {
        t.push((VMS + v, "hosted_by", SERVERS + v % 2));
    }
    for a in 0..20 {
        t.push((APPS + a, "runs_on", VMS + a));
        t.push((APPS + a, "depends_on", DATABASES + a % 10));
    }
    for d in 0..10 {
        t.push((DATABASES + d, "runs_on", VMS + 2 * d));
        t.push((DATABASES + d, "backed_up_by", STORAGE + d % 4));
    }
    for v in 0..20 {
        t.push((VMS + v, "depends_on", NETWORK + v % 4));
        t.push((VMS + v, "depends_on", STORAGE + v % 4));
    }
    for s in 0..2 {
        t.push((SERVERS + s, "part_of", SITE));
        for n in 0..4 {
            t.push((SERVERS + s, "depends_on", NETWORK + n));
        }
    }
    for n in 0..4 {
        t.push((NETWORK + n, "part_of", SITE));
        t.push((STORAGE + n, "part_of", SITE));
    }
    for d in 0..10 {
        t.push((DATABASES + d, "runs_on", VMS + 2 * d + 1));
        t.push((DATABASES + d, "backed_up_by", STORAGE + (d + 1) % 4));
    }
    for a in 0..20 {
        t.push((APPS + a, "runs_on", VMS + (a + 1) % 20));
        t.push((APPS + a, "depends_on", DATABASES + (a + 3) % 10));
        t.push((APPS + a, "uses", LICENCES + a % 10));
        t.push((APPS + a, "uses", LICENCES + (a + 5) % 10));
        t.push((APPS + a, "uses", DOCUMENTS + a % 10));
        t.push((APPS + a, "runs_on", CONTAINERS + a % 5));
        t.push((APPS + a, "depends_on", CLOUD + a % 5));
        for b in a.saturating_sub(5)..a {
            t.push((APPS + a, "uses", APPS + b));
        }
    }
    for c in 0..5 {
        for k in 0..4 {
            t.push((CONTAINERS + c, "runs_on", VMS + 4 * c + k));
        }
        t.push((CLOUD + c, "depends_on", NETWORK + c % 4));
    }
    for e in 0..9 {
        t.push((DEVICES + e, "uses", APPS + 2 * e));
        t.push((DEVICES + e, "uses", APPS + 2 * e + 1));
        t.push((DEVICES + e, "depends_on", NETWORK + e % 4));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_template_has_no_repeats_and_the_files_have_the_sizes_asked() {
        let template = template();
        assert_eq!(template.len(), 435);
        assert_eq!(template.iter().collect::<HashSet<_>>().len(), template.len());
        let shape = EstateShape { cis: 1_250, relationships: 3_000, hub_dependents: 400 };
        assert_eq!(shape.cis_csv().lines().count(), 1 + 1_250);
        assert_eq!(shape.relations_csv().lines().count(), 1 + 3_000);
        assert_eq!(shape.relationships_generated(), 3_000);
        let first_cluster = shape.relations_csv().lines().nth(401).unwrap().to_string();
        assert_eq!(first_cluster, format!("{},hosted_by,{}", key(401 + VMS), key(401)));
        // Eight clusters of 100 hold at most 8 × 435 relationships besides the hub's.
        let tight = EstateShape { relationships: 10_000, ..shape };
        assert_eq!(tight.relationships_generated(), 400 + 8 * 435);
    }
}
