//! `smw cmdb …` as a script sees it: JSON on stdout; bad flags exit 2 with one line naming
//! the flag; an import with problems exits 1, lists each with its file, line and column, and
//! leaves the workspace as it was; an export imports back unchanged.

mod script;
use script::*;

use serde_json::Value;
use std::path::Path;

/// A new workspace with Ada (who may act) and one service; returns (dir, file).
fn workspace() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ws.smw").to_string_lossy().into_owned();
    assert!(smw(&["init", &file]).status.success());
    ok(&["people", "add", &file, "--name", "Ada Lovelace", "--email", "ada@example.org"]);
    ok(&["services", "add", &file, "--name", "Mail", "--owner", "PER-000001", "--as", "PER-000001"]);
    (dir, file)
}

fn audit_entries(file: &str) -> i64 {
    rusqlite::Connection::open(file).unwrap().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap()
}

#[test]
fn cis_are_added_related_and_their_impact_and_past_shown() {
    let (_dir, file) = workspace();
    let add = |args: &[&str]| ok(&[&["cmdb", "add", &file][..], args, &["--as", "PER-000001"]].concat());
    let server = add(&["--name", "srv01", "--class", "server", "--serial", "SN-1", "--owner", "PER-000001"]);
    assert_eq!((server["key"].as_str(), server["class"].as_str()), (Some("CI-000001"), Some("server")));
    let app = add(&["--name", "Mail server", "--class", "application", "--service", "SVC-000001", "--verified"]);
    assert_eq!(app["service_ids"].as_array().map(Vec::len), Some(1));
    assert!(app["verified_at"].is_string() && app["verified_by"].is_string(), "{app}");
    let before = ok(&["cmdb", "show", &file, "CI-000001", "--json"])["ci"]["updated_at"].as_str().unwrap().to_string();

    let rel = ok(&["cmdb", "relate", &file, "CI-000002", "runs_on", "CI-000001", "--as", "PER-000001"]);
    ok(&["cmdb", "relate", &file, "SVC-000001", "depends on", "CI-000002", "--as", "PER-000001"]);
    assert_eq!(rel["relation"], "runs_on");
    let impact = ok(&["cmdb", "impact", &file, "CI-000001", "--json"]);
    let hits: Vec<(&str, u64)> = impact["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["node"]["key"].as_str().unwrap(), h["depth"].as_u64().unwrap()))
        .collect();
    assert_eq!(hits, [("CI-000002", 1), ("SVC-000001", 2)]);
    assert_eq!(impact["hits"][1]["path"].as_array().unwrap().len(), 2);
    assert_eq!(impact["services"][0]["key"], "SVC-000001");
    let shallow = ok(&["cmdb", "impact", &file, "CI-000001", "--depth", "1", "--json"]);
    assert_eq!(shallow["hits"].as_array().unwrap().len(), 1);
    let up = ok(&["cmdb", "impact", &file, "SVC-000001", "--direction", "up", "--json"]);
    assert_eq!(up["hits"].as_array().unwrap().len(), 2);

    let shown = ok(&["cmdb", "show", &file, "ci-000001", "--json"]);
    assert_eq!(shown["incoming"][0]["source"]["key"], "CI-000002");
    // As of the moment before the relationship, the server stood alone.
    let past = ok(&["cmdb", "show", &file, "CI-000001", "--as-of", &before, "--json"]);
    assert_eq!((past["ci"]["name"].as_str(), past["relationships"].as_array().map(Vec::len)), (Some("srv01"), Some(0)));

    let edited = ok(&["cmdb", "edit", &file, "CI-000001", "--status", "maintenance", "--as", "PER-000001"]);
    assert_eq!((edited["status"].as_str(), edited["serial_number"].as_str()), (Some("maintenance"), Some("SN-1")));
    let listed = ok(&["cmdb", "list", &file, "--json", "--status", "maintenance"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    ok(&["cmdb", "retire", &file, "CI-000002", "--as", "PER-000001"]);
    assert_eq!(ok(&["cmdb", "list", &file, "--json"]).as_array().unwrap().len(), 1);
    let quality = ok(&["cmdb", "quality", &file, "--json"]);
    assert_eq!(quality["to_retired"].as_array().unwrap().len(), 2, "{quality}");
    assert!(smw(&["verify", &file]).status.success());
}

#[test]
fn bad_flags_are_named_and_nothing_is_written() {
    let (_dir, file) = workspace();
    let entries = audit_entries(&file);
    let add = |args: &[&str]| refused(&[&["cmdb", "add", &file][..], args].concat());
    assert!(add(&["--name", "x", "--class", "server"]).starts_with("smw: --as: "));
    let as_ada = ["--as", "PER-000001"];
    assert!(add(&[&["--name", "x", "--class", "toaster"][..], &as_ada].concat()).starts_with("smw: --class: "));
    assert!(add(&[&["--class", "server"][..], &as_ada].concat()).starts_with("smw: --name: "));
    assert!(add(&[&["--name", "x", "--class", "server", "--status", "broken"][..], &as_ada].concat())
        .starts_with("smw: --status: "));
    assert!(add(&[&["--name", "x", "--class", "server", "--owner", "PER-000042"][..], &as_ada].concat())
        .starts_with("smw: --owner: "));
    let stderr = add(&[&["--name", "x", "--class", "server", "--attribute", "rack=R1"][..], &as_ada].concat());
    assert!(stderr.starts_with("smw: --attribute rack: "), "{stderr}");
    assert!(refused(&["cmdb", "impact", &file, "CI-000001", "--direction", "sideways"]).contains("--direction"));
    assert!(refused(&["cmdb", "show", &file, "CI-000001", "--as-of", "yesterday"]).contains("--as-of"));
    assert!(refused(&["cmdb", "relate", &file, "CI-000009", "runs_on", "SVC-000001", "--as", "PER-000001"])
        .contains("source"));
    assert_eq!(audit_entries(&file), entries);
}

/// Imports `cis` (and `relations`) and expects problems: returns them as (file, line, column).
fn problems(file: &str, dir: &Path, cis: &[u8], relations: Option<&str>) -> Vec<(String, u64, Option<String>, String)> {
    let entries = audit_entries(file);
    let cis_path = dir.join("cis.csv");
    std::fs::write(&cis_path, cis).unwrap();
    let mut args = vec!["cmdb", "import", file, "--cis", cis_path.to_str().unwrap(), "--as", "PER-000001"];
    let rel_path = dir.join("rel.csv");
    if let Some(relations) = relations {
        std::fs::write(&rel_path, relations).unwrap();
        args.extend(["--relations", rel_path.to_str().unwrap()]);
    }
    let out = smw(&args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr).lines().count(), 1);
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["written"], false);
    assert_eq!(audit_entries(file), entries, "an import with problems wrote something");
    summary["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let column = p["column"].as_str().map(str::to_string);
            (
                p["file"].as_str().unwrap().into(),
                p["line"].as_u64().unwrap(),
                column,
                p["message"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn every_bad_file_is_named_with_line_and_column_and_the_workspace_stays_as_it_was() {
    let (dir, file) = workspace();
    ok(&["cmdb", "add", &file, "--name", "db01", "--class", "database", "--as", "PER-000001"]);
    let found = problems(&file, dir.path(), b"name;class\nweb01;server\n", None);
    assert_eq!((found[0].1, found[0].3.contains("delimiter")), (1, true), "{found:?}");
    let found = problems(&file, dir.path(), b"name,serial\nweb01,SN1\n", None);
    assert_eq!((found[0].1, found[0].3.contains("class")), (1, true), "{found:?}");
    let found = problems(&file, dir.path(), b"name,class\nweb01,server\nweb02,toaster\n", None);
    assert_eq!(found, [("cis".into(), 3, Some("class".into()), found[0].3.clone())]);
    let found =
        problems(&file, dir.path(), b"name,class\nweb01,server\n", Some("source,type,target\nweb01,runs_on,ghost\n"));
    assert_eq!((found[0].0.as_str(), found[0].1, found[0].2.as_deref()), ("relations", 2, Some("target")), "{found:?}");
    let found = problems(&file, dir.path(), b"name,class,owner\nweb01,server,nobody@example.org\n", None);
    assert_eq!((found[0].1, found[0].2.as_deref()), (2, Some("owner")), "{found:?}");
    let found =
        problems(&file, dir.path(), b"key,name,class\nCI-000001,db01,database\nCI-000001,db02,database\n", None);
    assert_eq!((found[0].1, found[0].2.as_deref()), (3, Some("key")), "{found:?}");
    let found = problems(&file, dir.path(), b"name,class,serial\nweb01,server,S1\nweb02,server,S1\n", None);
    assert_eq!((found[0].1, found[0].2.as_deref()), (3, Some("serial")), "{found:?}");
    let found = problems(&file, dir.path(), b"name,class\nweb01,serv\xe9r\n", None);
    assert_eq!((found[0].1, found[0].3.contains("Character 11")), (2, true), "{found:?}");
    assert_eq!(ok(&["cmdb", "list", &file, "--json"]).as_array().unwrap().len(), 1);

    let mapping = dir.path().join("map.json");
    std::fs::write(&mapping, "{\"cis\": {\"Hostname\": \"name\"}, \"colour\": 1}").unwrap();
    let cis = dir.path().join("cis.csv");
    let stderr = refused(&[
        "cmdb",
        "import",
        &file,
        "--cis",
        cis.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
        "--as",
        "PER-000001",
    ]);
    assert!(stderr.starts_with("smw: --mapping: "), "{stderr}");
}

#[test]
fn a_mapped_file_dry_runs_then_imports_and_an_export_imports_back_unchanged() {
    let (dir, file) = workspace();
    let cis = dir.path().join("inventory.csv");
    std::fs::write(&cis, "Hostname;Kind;S/N\nweb01;Linux Server;SN1\nmail01;application;SN2\n").unwrap();
    let rel = dir.path().join("links.csv");
    std::fs::write(&rel, "From;Kind;To\nmail01;runs on;web01\nSVC-000001;depends on;mail01\n").unwrap();
    let mapping = dir.path().join("map.json");
    let map = r#"{"cis": {"Hostname": "name", "Kind": "class", "S/N": "serial"},
        "relations": {"From": "source", "Kind": "type", "To": "target"},
        "delimiter": ";", "values": {"class": {"Linux Server": "server"}}}"#;
    std::fs::write(&mapping, map).unwrap();
    let paths = [cis.to_str().unwrap(), rel.to_str().unwrap(), mapping.to_str().unwrap()];
    let import = |extra: &[&str]| {
        let args = [
            "cmdb",
            "import",
            &file,
            "--cis",
            paths[0],
            "--relations",
            paths[1],
            "--mapping",
            paths[2],
            "--as",
            "PER-000001",
        ];
        ok(&[&args[..], extra].concat())
    };
    let dry = import(&["--dry-run"]);
    assert_eq!(
        (dry["created"].as_u64(), dry["relationships_created"].as_u64(), dry["written"].as_bool()),
        (Some(2), Some(2), Some(false))
    );
    assert_eq!(ok(&["cmdb", "list", &file, "--json"]).as_array().unwrap().len(), 0);
    let done = import(&[]);
    assert_eq!((done["created"].as_u64(), done["written"].as_bool()), (Some(2), Some(true)));

    let out = dir.path().join("export");
    let exported = ok(&["cmdb", "export", &file, "--csv", out.to_str().unwrap()]);
    assert_eq!((exported["cis"].as_u64(), exported["relationships"].as_u64()), (Some(2), Some(2)));
    let header = std::fs::read_to_string(out.join("cis.csv")).unwrap();
    assert!(header.starts_with("key,name,class,status,criticality,"), "{header}");
    let again = ok(&[
        "cmdb",
        "import",
        &file,
        "--cis",
        out.join("cis.csv").to_str().unwrap(),
        "--relations",
        out.join("relations.csv").to_str().unwrap(),
        "--as",
        "PER-000001",
    ]);
    assert_eq!(
        (again["created"].as_u64(), again["updated"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(0), Some(2))
    );
    assert_eq!(
        (again["relationships_created"].as_u64(), again["relationships_unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    let json = dir.path().join("cmdb.json");
    ok(&["cmdb", "export", &file, "--json", json.to_str().unwrap()]);
    let records: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!((records["cis"].as_array().unwrap().len(), records["relationships"].as_array().unwrap().len()), (2, 2));
}

#[test]
fn the_demo_estate_exports_and_imports_back_unchanged_and_shows_its_findings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.smw").to_string_lossy().into_owned();
    assert!(smw(&["demo", &file, "--tickets", "5"]).status.success());
    let cis = ok(&["cmdb", "list", &file, "--json"]);
    let classes: std::collections::BTreeSet<&str> =
        cis.as_array().unwrap().iter().map(|ci| ci["class"].as_str().unwrap()).collect();
    assert_eq!(classes.len(), 12, "{classes:?}");
    assert!((140..=160).contains(&cis.as_array().unwrap().len()));

    let quality = ok(&["cmdb", "quality", &file, "--json"]);
    assert_eq!(quality["orphans"].as_array().unwrap().len(), 1, "{quality}");
    assert_eq!(quality["duplicates"].as_array().unwrap().len(), 1, "{quality}");
    assert_eq!(quality["licences_over_used"].as_array().unwrap().len(), 1, "{quality}");
    assert!(quality["not_verified"].as_array().unwrap().len() >= 4, "{quality}");
    // A hypervisor host's failure reaches services and the customers behind them.
    let host = cis.as_array().unwrap().iter().find(|ci| ci["name"] == "lon-esx01").unwrap()["key"]
        .as_str()
        .unwrap()
        .to_string();
    let impact = ok(&["cmdb", "impact", &file, &host, "--json"]);
    assert!(impact["services"].as_array().unwrap().len() >= 3, "{impact}");
    assert_eq!(impact["customers"].as_array().unwrap().len(), 3);

    let out = dir.path().join("export");
    let exported = ok(&["cmdb", "export", &file, "--csv", out.to_str().unwrap()]);
    let (cis_csv, rel_csv) = (out.join("cis.csv"), out.join("relations.csv"));
    let again = ok(&[
        "cmdb",
        "import",
        &file,
        "--cis",
        cis_csv.to_str().unwrap(),
        "--relations",
        rel_csv.to_str().unwrap(),
        "--as",
        "PER-000001",
    ]);
    assert_eq!(again["problems"].as_array().unwrap().len(), 0, "{again}");
    assert_eq!((again["created"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)));
    assert_eq!(again["unchanged"], exported["cis"]);
    assert_eq!(
        (again["relationships_created"].as_u64(), again["relationships_unchanged"].clone()),
        (Some(0), exported["relationships"].clone())
    );
    assert!(smw(&["verify", &file]).status.success());
}
