//! Building a workspace for `smw bench-changes --file`: an estate of CIs with their
//! relationships and a quarter of scheduled changes, through the real audited write path (many
//! records to a transaction), so the collision figures include reading the store.

use crate::demo::Dice;
use crate::error::StoreResult;
use crate::families::cmdb::{cis, classes, relationships};
use crate::workspace::Workspace;
use crate::write::Actor;
use smw_core::change_management::{Change, ChangeDraft, ChangeStatus};
use smw_core::cmdb::{CiFields, EndKind, RelationshipDraft};
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

const CHUNK: usize = 20_000;
const HOUR: i64 = 3_600_000;

/// The layers of the estate as shares of `total`: storage, hosts, machines, databases, apps.
fn layers(total: usize) -> [(usize, &'static str); 5] {
    [
        (total / 50, "server"),
        (total / 50, "server"),
        (total / 10, "virtual machine"),
        (total / 5, "database"),
        (0, "application"),
    ]
}

/// Adds `total` CIs (about two relationships each) and `changes` scheduled changes over the
/// quarter from `start`; returns the changes' keys.
pub fn build(
    ws: &Workspace,
    start: Timestamp,
    total: usize,
    changes: usize,
    progress: &mut dyn FnMut(usize),
) -> StoreResult<Vec<String>> {
    let system = Actor::system("smw bench-changes");
    let mut dice = Dice::new(2026);
    let mut ids: Vec<Uuid> = Vec::with_capacity(total);
    let mut kinds: Vec<usize> = Vec::with_capacity(total);
    let shares = layers(total);
    for (layer, (count, _)) in shares.iter().enumerate() {
        let count = if layer == 4 { total - shares[..4].iter().map(|s| s.0).sum::<usize>() } else { *count };
        kinds.extend(std::iter::repeat_n(layer, count));
    }
    let first: Vec<usize> = (0..5).map(|layer| kinds.iter().position(|k| *k == layer).unwrap_or(0)).collect();
    let count = |layer: usize| kinds.iter().filter(|k| **k == layer).count().max(1);
    for chunk in kinds.chunks(CHUNK) {
        let made = ws.write(&system, start, |w| {
            let mut made = Vec::with_capacity(chunk.len());
            for &layer in chunk {
                let n = ids.len() + made.len();
                let fields = CiFields {
                    name: Some(format!("ci{n:06}")),
                    class: Some(shares[layer].1.into()),
                    ..Default::default()
                };
                made.push(cis::create(w, fields)?.id);
            }
            Ok(made)
        })?;
        ids.extend(made);
        progress(ids.len());
    }
    // "runs on" towards the layer below; applications also use a database.
    let mut pairs = Vec::with_capacity(total * 2);
    for (n, &layer) in kinds.iter().enumerate() {
        let below = match layer {
            0 => continue,
            1 => 0,
            2 => 1,
            _ => 2,
        };
        pairs.push((n, "runs_on", first[below] + dice.below(count(below))));
        if layer == 4 {
            pairs.push((n, "uses", first[3] + dice.below(count(3))));
        }
    }
    let types = classes::relation_types(&ws.reader())?;
    for chunk in pairs.chunks(CHUNK) {
        ws.write(&system, start, |w| {
            for &(source, relation, target) in chunk {
                let draft = RelationshipDraft {
                    source_kind: EndKind::Ci,
                    source_id: ids[source],
                    relation: relation.into(),
                    target_kind: EndKind::Ci,
                    target_id: ids[target],
                    note: String::new(),
                };
                relationships::create(w, draft, &types)?;
            }
            Ok(())
        })?;
    }
    let quarter_quarters = 91 * 24 * 4;
    let mut keys = Vec::with_capacity(changes);
    for chunk in (0..changes).collect::<Vec<_>>().chunks(CHUNK) {
        let made = ws.write(&system, start, |w| {
            let mut made = Vec::with_capacity(chunk.len());
            for _ in chunk {
                let begin = start.millis() + dice.below(quarter_quarters) as i64 * HOUR / 4;
                let end = begin + (1 + dice.below(8) as i64) * HOUR / 2;
                let draft = ChangeDraft {
                    title: "Routine change".into(),
                    reason: "Benchmark".into(),
                    ci_ids: (0..1 + dice.below(3)).map(|_| ids[dice.below(ids.len())]).collect(),
                    planned_start: Timestamp::from_millis(begin),
                    planned_end: Timestamp::from_millis(end),
                    ..Default::default()
                };
                let change = w.create(
                    RecordKind::Change,
                    |id, key, now| {
                        let mut change = Change::create(draft, id, key, now)?;
                        change.status = ChangeStatus::Scheduled;
                        change.approved_at = Some(now);
                        Ok(change)
                    },
                    |_, _| Ok(()),
                )?;
                made.push(change.key);
            }
            Ok(made)
        })?;
        keys.extend(made);
    }
    Ok(keys)
}
