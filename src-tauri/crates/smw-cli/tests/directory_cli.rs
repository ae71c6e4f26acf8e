//! `smw people|groups|locations|customers|suppliers|services` and `smw incidents add` as a
//! script sees them: JSON on stdout, exit status 2 and one line naming the flag on bad input,
//! and an audit chain that still verifies after every write.

mod script;
use script::*;

use serde_json::Value;

fn keys(list: &Value) -> Vec<String> {
    list.as_array().expect("a JSON array").iter().map(key).collect()
}

fn verified(file: &str) {
    let out = smw(&["verify", file]);
    assert!(out.status.success(), "verify: {}", text(&out.stderr));
}

/// A new workspace whose first person, Ada, introduced herself; returns her key.
fn workspace() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ws.smw").to_string_lossy().into_owned();
    assert!(smw(&["init", &file]).status.success());
    let ada = ok(&["people", "add", &file, "--name", "Ada Lovelace", "--email", "ada@example.org"]);
    (dir, file, key(&ada))
}

#[test]
fn the_first_person_acts_as_themselves_and_after_that_someone_must_act() {
    let (_dir, file, ada) = workspace();
    assert_eq!(ada, "PER-000001");
    let people = ok(&["people", "list", &file, "--json"]);
    assert_eq!(people[0]["name"], "Ada Lovelace");

    let stderr = refused(&["people", "add", &file, "--name", "Bob", "--email", "bob@example.org"]);
    assert!(stderr.contains("--as"), "{stderr}");

    let bob =
        ok(&["people", "add", &file, "--name", "Bob", "--email", "bob@example.org", "--cannot-act", "--as", &ada]);
    assert_eq!(bob["can_act"], false);
    let stderr = refused(&["groups", "add", &file, "--name", "Desk", "--as", &key(&bob)]);
    assert!(stderr.starts_with("smw: --as: ") && stderr.contains("may not act"), "{stderr}");
    let stderr = refused(&["groups", "add", &file, "--name", "Desk", "--as", "PER-000099"]);
    assert!(stderr.starts_with("smw: --as: ") && stderr.contains("PER-000099"), "{stderr}");
    let stderr = refused(&["groups", "add", &file, "--name", "Desk"]);
    assert!(stderr.starts_with("smw: --as: "), "{stderr}");
    // Keys are matched whatever their case.
    ok(&["groups", "add", &file, "--name", "Desk", "--as", &ada.to_lowercase()]);
    verified(&file);
}

#[test]
fn people_are_added_edited_listed_and_retired() {
    let (_dir, file, ada) = workspace();
    let group = key(&ok(&["groups", "add", &file, "--name", "Network", "--as", &ada]));
    let customer = key(&ok(&["customers", "add", &file, "--name", "Acme", "--as", &ada]));
    let bob = ok(&[
        "people",
        "add",
        &file,
        "--name",
        "Bob",
        "--email",
        "bob@example.org",
        "--phone",
        "+44 1234",
        "--group",
        &group,
        "--customer",
        &customer,
        "--as",
        &ada,
    ]);
    let bob_key = key(&bob);
    assert_eq!(bob["group_ids"].as_array().unwrap().len(), 1);
    assert!(bob["customer_id"].is_string());

    let edited = ok(&["people", "edit", &file, &bob_key, "--name", "Robert", "--customer", "none", "--as", &ada]);
    assert_eq!((edited["name"].as_str(), edited["phone"].as_str()), (Some("Robert"), Some("+44 1234")));
    assert!(edited.get("customer_id").is_none(), "{edited}");
    let edited = ok(&["people", "edit", &file, &bob_key, "--group", "none", "--as", &ada]);
    assert!(edited.get("group_ids").is_none(), "{edited}");

    let stderr = refused(&["people", "retire", &file, &ada, "--as", &ada]);
    assert!(stderr.contains("yourself"), "{stderr}");
    let retired = ok(&["people", "retire", &file, &bob_key.to_lowercase(), "--as", &ada]);
    assert!(retired["deleted_at"].is_string());
    assert_eq!(keys(&ok(&["people", "list", &file, "--json"])), [ada.as_str()]);
    let all = ok(&["people", "list", &file, "--json", "--all"]);
    assert_eq!(keys(&all), [ada.clone(), bob_key.clone()]);
    let stderr = refused(&["people", "edit", &file, &bob_key, "--name", "Bobby", "--as", &ada]);
    assert!(stderr.contains(&bob_key), "{stderr}");
    verified(&file);
}

#[test]
fn groups_take_a_lead_and_members_and_refuse_a_duplicate_name() {
    let (_dir, file, ada) = workspace();
    let bob = key(&ok(&["people", "add", &file, "--name", "Bob", "--email", "bob@example.org", "--as", &ada]));
    let network = ok(&[
        "groups",
        "add",
        &file,
        "--name",
        "Network",
        "--description",
        "Routers",
        "--lead",
        &ada,
        "--member",
        &ada,
        "--member",
        &bob,
        "--as",
        &ada,
    ]);
    let network_key = key(&network);
    assert!(network["lead_id"].is_string());
    let members = |file: &str| {
        ok(&["people", "list", file, "--json"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["group_ids"].as_array().is_some_and(|g| g.len() == 1))
            .map(key)
            .collect::<Vec<_>>()
    };
    assert_eq!(members(&file), [ada.clone(), bob.clone()]);

    let stderr = refused(&["groups", "add", &file, "--name", "network", "--as", &ada]);
    assert!(stderr.starts_with("smw: name: "), "{stderr}");
    let stderr = refused(&[
        "people",
        "add",
        &file,
        "--name",
        "Cy",
        "--email",
        "cy@example.org",
        "--group",
        "GRP-000009",
        "--as",
        &ada,
    ]);
    assert!(stderr.starts_with("smw: --group: ") && stderr.contains("GRP-000009"), "{stderr}");
    let stderr = refused(&["groups", "edit", &file, &network_key, "--as", &ada]);
    assert!(stderr.contains("at least one"), "{stderr}");

    let edited = ok(&["groups", "edit", &file, &network_key, "--lead", "none", "--member", &bob, "--as", &ada]);
    assert!(edited.get("lead_id").is_none(), "{edited}");
    assert_eq!(edited["description"], "Routers");
    assert_eq!(members(&file), [bob.as_str()]);

    let desk = key(&ok(&["groups", "add", &file, "--name", "Desk", "--as", &ada]));
    ok(&["groups", "retire", &file, &desk, "--as", &ada]);
    assert_eq!(keys(&ok(&["groups", "list", &file, "--json"])), [network_key.as_str()]);
    assert_eq!(keys(&ok(&["groups", "list", &file, "--json", "--all"])), [network_key, desk.clone()]);
    let stderr = refused(&["people", "edit", &file, &bob, "--group", &desk, "--as", &ada]);
    assert!(stderr.starts_with("smw: --group: "), "{stderr}");
    verified(&file);
}

#[test]
fn locations_keep_a_time_zone_and_refuse_a_bad_one() {
    let (_dir, file, ada) = workspace();
    let stderr = refused(&["locations", "add", &file, "--name", "HQ", "--zone", "Mars/Olympus", "--as", &ada]);
    assert!(stderr.starts_with("smw: time_zone: "), "{stderr}");
    let hq = ok(&[
        "locations",
        "add",
        &file,
        "--name",
        "HQ",
        "--address",
        "1 High Street",
        "--zone",
        "Europe/Berlin",
        "--as",
        &ada,
    ]);
    let hq_key = key(&hq);
    assert_eq!(hq["time_zone"], "Europe/Berlin");
    let edited = ok(&["locations", "edit", &file, &hq_key, "--zone", "Europe/London", "--as", &ada]);
    assert_eq!(
        (edited["time_zone"].as_str(), edited["address"].as_str()),
        (Some("Europe/London"), Some("1 High Street"))
    );
    let stderr = refused(&["locations", "edit", &file, &hq_key, "--zone", "Nowhere", "--as", &ada]);
    assert!(stderr.starts_with("smw: time_zone: "), "{stderr}");
    ok(&["locations", "retire", &file, &hq_key, "--as", &ada]);
    assert_eq!(keys(&ok(&["locations", "list", &file, "--json"])), Vec::<String>::new());
    assert_eq!(keys(&ok(&["locations", "list", &file, "--json", "--all"])), [hq_key]);
    verified(&file);
}

#[test]
fn customers_and_suppliers_are_added_edited_listed_and_retired() {
    let (_dir, file, ada) = workspace();
    for noun in ["customers", "suppliers"] {
        let first = ok(&[
            noun,
            "add",
            &file,
            "--name",
            "Acme",
            "--description",
            "Widgets",
            "--contacts",
            "Jo, 0123",
            "--as",
            &ada,
        ]);
        let first_key = key(&first);
        assert_eq!(first["contacts"], "Jo, 0123");
        let second = key(&ok(&[noun, "add", &file, "--name", "Globex", "--as", &ada]));
        let stderr = refused(&[noun, "add", &file, "--name", "ACME", "--as", &ada]);
        assert!(stderr.starts_with("smw: name: "), "{noun}: {stderr}");
        let edited = ok(&[noun, "edit", &file, &first_key, "--name", "Acme Ltd", "--as", &ada]);
        assert_eq!((edited["name"].as_str(), edited["description"].as_str()), (Some("Acme Ltd"), Some("Widgets")));
        let retired = ok(&[noun, "retire", &file, &second, "--as", &ada]);
        assert!(retired["deleted_at"].is_string());
        assert_eq!(keys(&ok(&[noun, "list", &file, "--json"])), [first_key.as_str()]);
        assert_eq!(keys(&ok(&[noun, "list", &file, "--json", "--all"])), [first_key, second.clone()]);
        let stderr = refused(&[noun, "retire", &file, &second, "--as", &ada]);
        assert!(stderr.starts_with("smw: KEY: ") && stderr.contains(&second), "{noun}: {stderr}");
    }
    verified(&file);
}

#[test]
fn services_name_their_owner_customers_and_dependencies() {
    let (_dir, file, ada) = workspace();
    let acme = key(&ok(&["customers", "add", &file, "--name", "Acme", "--as", &ada]));
    let network = key(&ok(&["services", "add", &file, "--name", "Network", "--owner", &ada, "--as", &ada]));
    let mail = ok(&[
        "services",
        "add",
        &file,
        "--name",
        "Mail",
        "--owner",
        &ada,
        "--customer",
        &acme,
        "--depends-on",
        &network,
        "--status",
        "pipeline",
        "--as",
        &ada,
    ]);
    let mail_key = key(&mail);
    assert_eq!(mail["status"], "pipeline");
    assert_eq!(mail["depends_on"].as_array().unwrap().len(), 1);
    assert_eq!(mail["customer_ids"].as_array().unwrap().len(), 1);

    let stderr = refused(&["services", "add", &file, "--name", "Web", "--owner", "PER-000042", "--as", &ada]);
    assert!(stderr.starts_with("smw: --owner: "), "{stderr}");
    let stderr = refused(&["services", "edit", &file, &network, "--depends-on", &mail_key, "--as", &ada]);
    assert!(stderr.starts_with("smw: depends_on"), "{stderr}");

    let edited = ok(&[
        "services",
        "edit",
        &file,
        &mail_key,
        "--status",
        "live",
        "--customer",
        "none",
        "--depends-on",
        "none",
        "--as",
        &ada,
    ]);
    assert_eq!(edited["status"], "live");
    assert!(edited.get("customer_ids").is_none() && edited.get("depends_on").is_none(), "{edited}");

    let retired = ok(&["services", "retire", &file, &network, "--as", &ada]);
    assert_eq!(retired["status"], "retired");
    assert_eq!(keys(&ok(&["services", "list", &file, "--json"])), [mail_key.as_str()]);
    assert_eq!(keys(&ok(&["services", "list", &file, "--json", "--all"])), [network, mail_key]);
    verified(&file);
}

#[test]
fn an_incident_is_logged_with_its_service_group_and_caller_and_listed() {
    let (_dir, file, ada) = workspace();
    let acme = key(&ok(&["customers", "add", &file, "--name", "Acme", "--as", &ada]));
    let caller = key(&ok(&[
        "people",
        "add",
        &file,
        "--name",
        "Cy",
        "--email",
        "cy@acme.example",
        "--customer",
        &acme,
        "--cannot-act",
        "--as",
        &ada,
    ]));
    let group = key(&ok(&["groups", "add", &file, "--name", "Service desk", "--member", &ada, "--as", &ada]));
    let service = key(&ok(&["services", "add", &file, "--name", "Mail", "--owner", &ada, "--as", &ada]));

    let incident = ok(&[
        "incidents",
        "add",
        &file,
        "--title",
        "Mail is down",
        "--description",
        "Nobody can send.",
        "--impact",
        "1",
        "--urgency",
        "1",
        "--service",
        &service,
        "--group",
        &group,
        "--caller",
        &caller,
        "--assignee",
        &ada,
        "--as",
        &ada,
    ]);
    let incident_key = key(&incident);
    assert!(incident_key.starts_with("INC-"), "{incident}");
    assert_eq!((incident["impact"].as_str(), incident["urgency"].as_str()), (Some("high"), Some("high")));
    assert!(incident["customer_id"].is_string(), "the caller's customer becomes the ticket's: {incident}");
    let request = ok(&["incidents", "add", &file, "--title", "New laptop", "--kind", "request", "--as", &ada]);
    assert_eq!((request["impact"].as_str(), request["urgency"].as_str()), (Some("medium"), Some("medium")));
    assert!(key(&request).starts_with("REQ-") && request["kind"] == "request", "{request}");

    let page = ok(&["incidents", &file, "--json"]);
    let listed: Vec<&str> = page["rows"].as_array().unwrap().iter().filter_map(|r| r["key"].as_str()).collect();
    assert!(listed.contains(&incident_key.as_str()), "{page}");
    let page = ok(&["incidents", &file, "--json", "--kind", "incident"]);
    assert_eq!(page["rows"].as_array().unwrap().len(), 1);

    let stderr = refused(&["incidents", "add", &file, "--title", "x", "--service", "SVC-000099", "--as", &ada]);
    assert!(stderr.starts_with("smw: --service: "), "{stderr}");
    let stderr = refused(&["incidents", "add", &file, "--title", "x", "--caller", &group, "--as", &ada]);
    assert!(stderr.starts_with("smw: --caller: "), "{stderr}");
    let stderr = refused(&["incidents", "add", &file, "--title", "x"]);
    assert!(stderr.starts_with("smw: --as: "), "{stderr}");
    assert_eq!(smw(&["incidents", "add", &file, "--title", "x", "--impact", "4", "--as", &ada]).status.code(), Some(2));
    verified(&file);
}

#[test]
fn a_missing_file_or_no_file_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.smw").to_string_lossy().into_owned();
    for args in [
        vec!["groups", "list", &missing, "--json"],
        vec!["people", "add", &missing, "--name", "Ada", "--email", "ada@example.org"],
        vec!["incidents", "add", &missing, "--title", "x", "--as", "PER-000001"],
    ] {
        let stderr = refused(&args);
        assert!(stderr.contains("missing.smw"), "{stderr}");
    }
    assert!(!std::path::Path::new(&missing).exists(), "nothing may create the missing file");
    let stderr = refused(&["incidents"]);
    assert!(stderr.contains("FILE"), "{stderr}");
}
