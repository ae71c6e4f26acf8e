//! The CMDB through the store: CIs and relationships on the audited write path, impact with
//! paths down to the customers behind a service, the estate as of a date rebuilt from the
//! audit history, data quality, and verify and export/import covering the new families.

mod common;
use common::*;
use smw_core::catalogue::{PartyDraft, ServiceDraft};
use smw_core::cmdb::views::CiFilter;
use smw_core::cmdb::{AttributeDef, AttributeKind, CiFields, ClassDraft, Direction};
use smw_core::Code;
use smw_store::Workspace;
use std::collections::BTreeMap;

fn ci(name: &str, class: &str) -> CiFields {
    CiFields { name: Some(name.into()), class: Some(class.into()), ..Default::default() }
}

/// Mail (a service, for Finance) needs app01, which runs on vm01, hosted by host01; db01 runs
/// on host01 too and app01 uses it; the catalogue says Mail depends on Network.
fn estate(f: &Fixture) -> (String, String) {
    let t = at("2026-05-02T09:00:00Z");
    let finance =
        f.ws.customer_create(&f.actor, t, PartyDraft { name: "Finance".into(), ..Default::default() }).unwrap();
    let network =
        f.ws.service_create(
            &f.actor,
            t,
            ServiceDraft {
                name: "Network".into(),
                description: String::new(),
                status: None,
                owner_id: None,
                customer_ids: vec![],
                depends_on: vec![],
            },
        )
        .unwrap();
    let mail =
        f.ws.service_create(
            &f.actor,
            t,
            ServiceDraft {
                name: "Mail".into(),
                description: String::new(),
                status: None,
                owner_id: None,
                customer_ids: vec![finance.id],
                depends_on: vec![network.id],
            },
        )
        .unwrap();
    for (name, class) in
        [("app01", "application"), ("vm01", "virtual machine"), ("host01", "server"), ("db01", "database")]
    {
        f.ws.ci_create(&f.actor, t, ci(name, class)).unwrap();
    }
    for (s, r, tgt) in [
        (mail.key.as_str(), "depends on", "CI-000001"),
        ("CI-000001", "runs_on", "CI-000002"),
        ("CI-000002", "hosted by", "CI-000003"),
        ("CI-000004", "runs on", "CI-000003"),
        ("CI-000001", "uses", "CI-000004"),
    ] {
        f.ws.relate(&f.actor, t, s, r, tgt).unwrap();
    }
    (mail.key, network.key)
}

#[test]
fn a_server_failure_reaches_the_service_and_its_customer_with_paths() {
    let f = fixture();
    let (mail, network) = estate(&f);
    let report = f.ws.cmdb_impact("ci-000003", Direction::Down, None).unwrap();
    let hits: BTreeMap<&str, u32> = report.hits.iter().map(|h| (h.node.key.as_str(), h.depth)).collect();
    assert_eq!(hits, BTreeMap::from([("CI-000001", 2), ("CI-000002", 1), ("CI-000004", 1), (mail.as_str(), 3)]));
    let to_mail = report.hits.iter().find(|h| h.node.key == mail).unwrap();
    let steps: Vec<(&str, &str, &str)> =
        to_mail.path.iter().map(|s| (s.from.as_str(), s.relation_name.as_str(), s.to.as_str())).collect();
    assert_eq!(steps.first().unwrap().0, "CI-000003");
    assert_eq!(steps.last().unwrap(), &("CI-000001", "is needed by", mail.as_str()));
    assert_eq!(report.customers.len(), 1);
    assert_eq!(
        (report.customers[0].name.as_str(), report.customers[0].via_services.clone()),
        ("Finance", vec![mail.clone()])
    );
    // The catalogue's depends_on list is an edge too: Network's failure reaches Mail.
    let network_down = f.ws.cmdb_impact(&network, Direction::Down, Some(1)).unwrap();
    assert_eq!(network_down.hits.iter().map(|h| h.node.key.clone()).collect::<Vec<_>>(), vec![mail.clone()]);
    assert!(network_down.hits[0].path[0].relationship_key.is_none());
    let up = f.ws.cmdb_impact("CI-000001", Direction::Up, Some(1)).unwrap();
    let mut up_keys: Vec<_> = up.hits.iter().map(|h| h.node.key.clone()).collect();
    up_keys.sort();
    assert_eq!(up_keys, vec!["CI-000002", "CI-000004"]);
}

#[test]
fn the_graph_follows_writes_and_cycles_are_allowed() {
    let f = fixture();
    estate(&f);
    let before = f.ws.cmdb_impact("CI-000001", Direction::Down, None).unwrap().hits.len();
    // host01 uses app01 closes a cycle host01 → vm01 → app01 → host01: allowed, and walked once.
    let t = at("2026-05-03T09:00:00Z");
    f.ws.relate(&f.actor, t, "CI-000003", "uses", "CI-000001").unwrap();
    let after = f.ws.cmdb_impact("CI-000001", Direction::Down, None).unwrap();
    assert_eq!(after.hits.len(), before + 3, "host01 and what host01 carries (vm01, db01)");
    let duplicate = f.ws.relate(&f.actor, t, "CI-000003", "uses", "CI-000001").unwrap_err();
    assert_eq!(duplicate.code(), Code::DuplicateLink);
    let around = f.ws.cmdb_neighbourhood("CI-000003", 1, 2).unwrap();
    assert_eq!((around.nodes.len(), around.nodes_left_out), (2, 2));
    assert_eq!(around.nodes[0].node.key, "CI-000003");
}

#[test]
fn classes_and_references_are_checked_on_every_write() {
    let f = fixture();
    let t = at("2026-05-02T09:00:00Z");
    let err = f.ws.ci_create(&f.actor, t, ci("x", "toaster")).unwrap_err();
    assert_eq!((err.code(), err.field()), (Code::UnknownClass, Some("class")));
    let units = AttributeDef {
        name: "units".into(),
        label: String::new(),
        kind: AttributeKind::Number,
        required: true,
        choices: vec![],
    };
    let pdu = AttributeDef {
        name: "pdu".into(),
        label: String::new(),
        kind: AttributeKind::Reference,
        required: false,
        choices: vec![],
    };
    f.ws.ci_class_create(
        &f.actor,
        t,
        ClassDraft { name: "Rack".into(), description: String::new(), attributes: vec![units, pdu] },
    )
    .unwrap();
    let err = f.ws.ci_create(&f.actor, t, ci("r1", "rack")).unwrap_err();
    assert_eq!((err.code(), err.field()), (Code::Required, Some("attributes.units")));
    let mut fields = ci("r1", "Rack");
    fields.attributes = Some(BTreeMap::from([("units".into(), "42".into()), ("pdu".into(), "CI-000099".into())]));
    let err = f.ws.ci_create(&f.actor, t, fields.clone()).unwrap_err();
    assert_eq!((err.code(), err.field()), (Code::UnknownReference, Some("attributes.pdu")));
    fields.attributes.as_mut().unwrap().remove("pdu");
    let rack = f.ws.ci_create(&f.actor, t, fields).unwrap();
    assert_eq!(rack.class, "CLS-000001");
    let page = f.ws.cis_list(&CiFilter { class: Some("CLS-000001".into()), ..Default::default() }, 0, 10).unwrap();
    assert_eq!(page.total, 1);
    let mut owner = CiFields::default();
    owner.owner_id = Some(Some(uuid::Uuid::max()));
    let err = f.ws.ci_update(&f.actor, t, &rack.key, owner, None).unwrap_err();
    assert_eq!(err.field(), Some("owner_id"));
}

#[test]
fn the_estate_as_of_a_date_is_rebuilt_from_the_history() {
    let f = fixture();
    let t1 = at("2026-05-02T09:00:00Z");
    let db = f.ws.ci_create(&f.actor, t1, ci("db01", "database")).unwrap();
    f.ws.ci_create(&f.actor, t1, ci("host01", "server")).unwrap();
    let mut rename = CiFields { name: Some("db01-primary".into()), ..Default::default() };
    rename.serial_number = Some("SN-1".into());
    f.ws.ci_update(&f.actor, at("2026-05-10T09:00:00Z"), &db.key, rename, Some(1)).unwrap();
    f.ws.relate(&f.actor, at("2026-05-12T09:00:00Z"), &db.key, "runs on", "CI-000002").unwrap();
    f.ws.ci_retire(&f.actor, at("2026-05-20T09:00:00Z"), &db.key).unwrap();

    let before = f.ws.ci_as_of(&db.key, at("2026-05-01T00:00:00Z")).unwrap();
    assert!(before.ci.is_none());
    let first = f.ws.ci_as_of(&db.key, at("2026-05-05T00:00:00Z")).unwrap();
    assert_eq!((first.ci.as_ref().unwrap().name.as_str(), first.relationships.len()), ("db01", 0));
    let later = f.ws.ci_as_of(&db.key, at("2026-05-15T00:00:00Z")).unwrap();
    let later_ci = later.ci.unwrap();
    assert_eq!(
        (later_ci.name.as_str(), later_ci.serial_number.as_str(), later_ci.version),
        ("db01-primary", "SN-1", 2)
    );
    assert_eq!(later.relationships.len(), 1);
    assert!(f.ws.ci_as_of(&db.key, at("2026-05-21T00:00:00Z")).unwrap().ci.is_none());
    let whole = f.ws.cmdb_as_of(at("2026-05-15T00:00:00Z")).unwrap();
    assert_eq!((whole.cis.len(), whole.relationships.len()), (2, 1));
    assert!(smw_store::verify(&f.path).unwrap().ok);
}

#[test]
fn a_history_edited_behind_the_workbenchs_back_is_refused_by_as_of() {
    let f = fixture();
    let db = f.ws.ci_create(&f.actor, at("2026-05-02T09:00:00Z"), ci("db01", "database")).unwrap();
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    // The log refuses updates; a copy of the file with the trigger dropped shows what as-of does.
    conn.execute_batch("DROP TRIGGER audit_log_no_update").unwrap();
    conn.execute("UPDATE audit_log SET changes = replace(changes, 'db01', 'db02') WHERE record_key = ?1", [&db.key])
        .unwrap();
    drop(conn);
    let ws = Workspace::open(&f.path).unwrap();
    let err = ws.ci_as_of(&db.key, at("2026-06-01T00:00:00Z")).unwrap_err();
    assert!(err.to_string().contains("does not match the digest"), "{err}");
}

#[test]
fn quality_lists_what_to_fix() {
    let f = fixture();
    estate(&f);
    let t = at("2026-05-02T09:00:00Z");
    let mut twin = ci("db01", "database");
    twin.serial_number = Some("SN9".into());
    f.ws.ci_create(&f.actor, t, twin).unwrap();
    let mut licence = ci("Office", "licence");
    licence.asset = Some(smw_core::cmdb::Asset { seats: Some(10), seats_used: Some(12), ..Default::default() });
    f.ws.ci_create(&f.actor, t, licence).unwrap();
    f.ws.ci_retire(&f.actor, t, "CI-000004").unwrap();
    let report = f.ws.cmdb_quality(at("2026-06-01T00:00:00Z"), 30).unwrap();
    assert_eq!(report.orphans, vec!["CI-000005", "CI-000006"]);
    assert_eq!(report.licences_over_used, vec!["CI-000006"]);
    assert_eq!(report.no_owner.len(), 5);
    assert_eq!(report.to_retired.len(), 2, "{:?}", report.to_retired);
    assert!(report.duplicates.is_empty(), "db01 the retired one no longer counts");
}

#[test]
fn export_and_import_carry_the_cmdb() {
    let f = fixture();
    estate(&f);
    let mut out = Vec::new();
    f.ws.export_jsonl(at("2026-06-01T00:00:00Z"), &mut out, &mut |_| {}).unwrap();
    let copy = f.dir.path().join("copy.smw");
    smw_store::transfer::import_new_workspace(&copy, at("2026-06-01T00:00:00Z"), &mut out.as_slice(), &mut |_| {})
        .unwrap();
    let ws = Workspace::open(&copy).unwrap();
    assert_eq!(ws.cmdb_impact("CI-000003", Direction::Down, None).unwrap().hits.len(), 4);
    assert!(smw_store::verify(&copy).unwrap().ok);
}
