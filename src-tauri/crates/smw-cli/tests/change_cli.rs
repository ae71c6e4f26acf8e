//! `smw change …` and `smw window …` as a script sees them: JSON on stdout, exit status 2 and
//! one line naming the flag or field on bad input, the workflow's refusals explained, and the
//! forward schedule written as an iCalendar file.

mod script;
use script::*;

#[test]
fn a_change_moves_through_the_workflow_and_its_requester_cannot_approve_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ws.smw").to_string_lossy().into_owned();
    assert!(smw(&["init", &file]).status.success());
    let ada = key(&ok(&["people", "add", &file, "--name", "Ada Lovelace", "--email", "ada@example.org"]));
    let bob = key(&ok(&["people", "add", &file, "--name", "Bob Board", "--email", "bob@example.org", "--as", &ada]));
    let mail = key(&ok(&["services", "add", &file, "--name", "Mail", "--owner", &ada, "--as", &ada]));
    let window = ["--start", "2026-05-10T22:00:00Z", "--end", "2026-05-10T23:00:00Z"];
    let mut add = vec![
        "change",
        "add",
        &file,
        "--title",
        "Patch mail",
        "--reason",
        "Security fix",
        "--service",
        &mail,
        "--as",
        &ada,
    ];
    add.extend(window);
    let saved = ok(&add);
    let change = saved["change"]["key"].as_str().unwrap().to_string();
    assert_eq!(change, "CHG-000001");
    assert_eq!(saved["conflicts"], serde_json::json!([]));

    ok(&["change", "move", &file, &change, "--to", "submitted", "--as", &ada]);
    let stderr = refused(&["change", "move", &file, &change, "--to", "assessed", "--as", &ada]);
    assert!(stderr.contains("implementation_plan"), "{stderr}");
    ok(&[
        "change",
        "edit",
        &file,
        &change,
        "--implementation-plan",
        "Apply",
        "--backout-plan",
        "Revert",
        "--approver",
        &ada,
        "--approver",
        &bob,
        "--as",
        &ada,
    ]);
    ok(&["change", "move", &file, &change, "--to", "assessed", "--as", &ada]);
    let stderr = refused(&["change", "approve", &file, &change, "--as", &ada]);
    assert!(stderr.contains("approver_id") && stderr.contains("requested or own"), "{stderr}");
    let approved = ok(&["change", "approve", &file, &change, "--comment", "Fine", "--as", &bob]);
    // Ada is named but may not decide, so Bob's approval is not yet all of them.
    assert_eq!(approved["change"]["status"], "assessed");
    let shown = ok(&["change", "show", &file, "change-000001".replace("change", "chg").as_str()]);
    assert_eq!(shown["change"]["decisions"][0]["comment"], "Fine");

    let stderr = refused(&["change", "move", &file, &change, "--to", "sometime", "--as", &ada]);
    assert!(stderr.contains("--to"), "{stderr}");
    let stderr = refused(&["change", "edit", &file, &change, "--start", "next tuesday", "--as", &ada]);
    assert!(stderr.contains("--start"), "{stderr}");
    let stderr = refused(&["change", "show", &file, "CHG-000042"]);
    assert!(stderr.contains("CHG-000042"), "{stderr}");
    let stderr = refused(&["change", "add", &file, "--title", "x", "--service", "SVC-000099", "--as", &ada]);
    assert!(stderr.contains("--service"), "{stderr}");
    let stderr = refused(&[
        "window",
        "add",
        &file,
        "--name",
        "Nights",
        "--kind",
        "maintenance",
        "--zone",
        "Europe/London",
        "--start",
        "2026-05-01T01:00",
        "--minutes",
        "60",
        "--rrule",
        "FREQ=SOMETIMES",
        "--as",
        &ada,
    ]);
    assert!(stderr.contains("rrule"), "{stderr}");
    let listed = ok(&["change", "list", &file, "--json", "--status", "assessed"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert!(smw(&["verify", &file]).status.success());
}

#[test]
fn the_demo_shows_collisions_unauthorised_edits_and_a_schedule_that_calendars_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.smw").to_string_lossy().into_owned();
    let out = smw(&["demo", &file, "--tickets", "30"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let report = ok(&["change", "collisions", &file, "--json"]);
    let mut kinds: Vec<&str> =
        report["conflicts"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds, ["blackout", "impact", "outside_maintenance", "sla_hours"], "{report}");
    let blackout = report["conflicts"].as_array().unwrap().iter().find(|c| c["kind"] == "blackout").unwrap();
    let one = ok(&["change", "collisions", &file, "--change", blackout["change_key"].as_str().unwrap(), "--json"]);
    assert!(one["conflicts"].as_array().unwrap().iter().any(|c| c["kind"] == "blackout"));

    let unauthorised = ok(&["change", "unauthorised", &file, "--json"]);
    assert_eq!(unauthorised.as_array().unwrap().len(), 1, "{unauthorised}");
    let dashboard = ok(&["change", "dashboard", &file, "--json"]);
    assert_eq!(dashboard["overall"]["caused_incidents"], 1);

    let windows = ok(&["window", "list", &file, "--json"]);
    assert_eq!(windows.as_array().unwrap().len(), 2);

    let ics = dir.path().join("schedule.ics");
    let ics_path = ics.to_string_lossy().into_owned();
    let from = report["from"].as_str().unwrap();
    let written = ok(&["change", "schedule", &file, "--ics", &ics_path, "--from", from, "--to", "2099-01-01"]);
    assert!(written["events"].as_u64().unwrap() >= 5, "{written}");
    let body = std::fs::read_to_string(&ics).unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));
    assert!(body.split("\r\n").all(|line| line.len() <= 75));
    let customer = ok(&[
        "change",
        "schedule",
        &file,
        "--ics",
        &ics_path,
        "--from",
        from,
        "--to",
        "2099-01-01",
        "--customer",
        "CUS-000002",
    ]);
    // Every demo service serves every customer, so the customer sees the same changes, without
    // the internal detail.
    assert_eq!(customer["events"], written["events"]);
    let told = std::fs::read_to_string(&ics).unwrap().replace("\r\n ", "");
    assert!(told.contains("X-WR-CALNAME:Planned changes for ") && !told.contains("Risk:"), "{told}");
    assert!(body.contains("Risk:"));
    let stderr = refused(&["change", "schedule", &file, "--ics", &ics_path, "--customer", "CUS-000099"]);
    assert!(stderr.contains("--customer"), "{stderr}");
    assert!(smw(&["verify", &file]).status.success());
}
