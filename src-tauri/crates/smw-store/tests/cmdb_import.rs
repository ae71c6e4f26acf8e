//! CSV import of CIs and relationships: a dry run names every problem with its line and
//! column and writes nothing; a clean file is written whole; re-importing it updates by key
//! or serial number instead of duplicating.

mod common;
use common::*;
use smw_core::catalogue::ServiceDraft;
use smw_core::cmdb::views::CiFilter;
use smw_store::CsvMapping;

fn audit_count(f: &Fixture) -> i64 {
    rusqlite::Connection::open(&f.path).unwrap().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_bad_file_names_every_problem_and_changes_nothing() {
    let f = fixture();
    let before = audit_count(&f);
    let cis = b"name,class,status,serial,owner\ndb01,database,live,SN1,Ada Admin\nweb01,toaster,live,SN2,\nweb02,server,broken,SN1,nobody@example.org\n";
    let rel = b"source,type,target\ndb01,runs on,ghost\n";
    let summary =
        f.ws.cmdb_import_csv(&f.actor, at("2026-05-02T09:00:00Z"), cis, Some(rel), &CsvMapping::default(), false)
            .unwrap();
    assert!(!summary.written);
    let found: Vec<(String, u64, Option<String>)> =
        summary.problems.iter().map(|p| (p.file.clone(), p.line, p.column.clone())).collect();
    assert!(found.contains(&("cis".into(), 3, Some("class".into()))), "{found:?}");
    assert!(found.contains(&("cis".into(), 4, Some("status".into()))), "{found:?}");
    assert!(found.contains(&("cis".into(), 4, Some("serial".into()))), "duplicate serial: {found:?}");
    assert!(found.contains(&("cis".into(), 4, Some("owner".into()))), "{found:?}");
    assert!(found.contains(&("relations".into(), 2, Some("target".into()))), "{found:?}");
    assert_eq!(audit_count(&f), before);
    assert_eq!(f.ws.cis_list(&CiFilter::default(), 0, 10).unwrap().total, 0);
}

#[test]
fn a_clean_file_is_written_whole_and_a_reimport_updates_instead_of_duplicating() {
    let f = fixture();
    let t = at("2026-05-02T09:00:00Z");
    f.ws.service_create(
        &f.actor,
        t,
        ServiceDraft {
            name: "Mail".into(),
            description: String::new(),
            status: None,
            owner_id: None,
            customer_ids: vec![],
            depends_on: vec![],
        },
    )
    .unwrap();
    let cis = "\u{feff}Hostname;Kind;S/N;Services;Notes\ndb01;Database server;SN1;Mail;x\nhost01;server;SN2;;y\n";
    let rel = "From;Kind;To\ndb01;runs on;host01\nSVC-000001;depends on;db01\n";
    let mapping: CsvMapping = serde_json::from_value(serde_json::json!({
        "cis": {"Hostname": "name", "Kind": "class", "S/N": "serial", "Notes": "ignore"},
        "relations": {"From": "source", "Kind": "type", "To": "target"},
        "delimiter": ";",
        "values": {"class": {"Database server": "database"}}
    }))
    .unwrap();
    let dry = f.ws.cmdb_import_csv(&f.actor, t, cis.as_bytes(), Some(rel.as_bytes()), &mapping, true).unwrap();
    assert_eq!((dry.created, dry.relationships_created, dry.written), (2, 2, false), "{:?}", dry.problems);
    let done = f.ws.cmdb_import_csv(&f.actor, t, cis.as_bytes(), Some(rel.as_bytes()), &mapping, false).unwrap();
    assert_eq!((done.created, done.written), (2, true));
    let hits = f.ws.cmdb_impact("CI-000002", smw_core::cmdb::Direction::Down, None).unwrap();
    assert_eq!(hits.hits.len(), 2, "host01 → db01 → Mail");
    // The same file again changes nothing; a changed name updates the CI its serial matches.
    let again = f.ws.cmdb_import_csv(&f.actor, t, cis.as_bytes(), Some(rel.as_bytes()), &mapping, false).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged, again.relationships_unchanged), (0, 0, 2, 2));
    let renamed = cis.replace("host01;server", "host01-new;server");
    let rel = "From;Kind;To\n";
    let update = f.ws.cmdb_import_csv(&f.actor, t, renamed.as_bytes(), Some(rel.as_bytes()), &mapping, false).unwrap();
    assert_eq!((update.created, update.updated, update.unchanged), (0, 1, 1));
    assert_eq!(f.ws.ci_get("CI-000002").unwrap().ci.name, "host01-new");
    assert!(smw_store::verify(&f.path).unwrap().ok);
}
