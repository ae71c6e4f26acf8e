//! Incidents that name configuration items: the services and customers their items reach,
//! the open tickets a CI lists, refusals of CIs that do not exist, and old digests kept.

mod common;
use common::*;
use smw_core::catalogue::{PartyDraft, ServiceDraft};
use smw_core::cmdb::CiFields;
use smw_core::priority::Level;
use smw_core::ticket::{TicketDraft, Transition};
use smw_core::workflow::Status;
use smw_core::Code;
use smw_store::StoreError;

fn item(name: &str, class: &str) -> CiFields {
    CiFields { name: Some(name.into()), class: Some(class.into()), ..Default::default() }
}

fn incident(title: &str, cis: Vec<uuid::Uuid>) -> TicketDraft {
    TicketDraft {
        title: title.into(),
        impact: Level::High,
        urgency: Level::High,
        affected_ci_ids: cis,
        ..Default::default()
    }
}

#[test]
fn an_incident_on_a_server_names_the_services_and_customers_it_hits() {
    let f = fixture();
    let t = at("2026-05-02T09:00:00Z");
    let finance =
        f.ws.customer_create(&f.actor, t, PartyDraft { name: "Finance".into(), ..Default::default() }).unwrap();
    let draft = ServiceDraft {
        name: "Payroll".into(),
        description: String::new(),
        status: None,
        owner_id: None,
        customer_ids: vec![finance.id],
        depends_on: vec![],
    };
    let payroll = f.ws.service_create(&f.actor, t, draft).unwrap();
    let server = f.ws.ci_create(&f.actor, t, item("host01", "server")).unwrap();
    let app = f.ws.ci_create(&f.actor, t, item("payroll-app", "application")).unwrap();
    f.ws.relate(&f.actor, t, &app.key, "runs_on", &server.key).unwrap();
    f.ws.relate(&f.actor, t, &payroll.key, "depends_on", &app.key).unwrap();

    let ticket = f.ws.ticket_create(&f.actor, t, incident("host01 does not boot", vec![server.id])).unwrap();
    let impact = f.ws.ticket_impact(&ticket.key).unwrap();
    assert_eq!(impact.cis.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), [server.key.as_str()]);
    assert_eq!(impact.services.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), [payroll.key.as_str()]);
    assert_eq!(impact.customers.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), [finance.key.as_str()]);

    let listed = f.ws.ci_get(&server.key).unwrap().open_tickets;
    assert_eq!(listed.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), [ticket.key.as_str()]);
    assert!(f.ws.ci_get(&app.key).unwrap().open_tickets.is_empty(), "only the CI the ticket names lists it");

    let assignee = Some(f.actor.id.unwrap());
    let patch = smw_core::ticket::TicketPatch { assignee_id: Some(assignee), ..Default::default() };
    f.ws.ticket_update(&f.actor, t, &ticket.key, patch, None).unwrap();
    let resolve = Transition {
        to: Status::Resolved,
        pending_reason: None,
        resolution_code: Some("fixed".into()),
        resolution_notes: Some("Replaced the disk".into()),
    };
    f.ws.ticket_transition(&f.actor, t, &ticket.key, resolve, None).unwrap();
    assert!(f.ws.ci_get(&server.key).unwrap().open_tickets.is_empty(), "a resolved ticket is no longer open");
}

#[test]
fn a_ticket_cannot_name_a_ci_that_does_not_exist_or_is_retired() {
    let f = fixture();
    let t = at("2026-05-02T09:00:00Z");
    let server = f.ws.ci_create(&f.actor, t, item("host01", "server")).unwrap();
    f.ws.ci_retire(&f.actor, t, &server.key).unwrap();
    let error = f.ws.ticket_create(&f.actor, t, incident("Down", vec![server.id])).unwrap_err();
    match error {
        StoreError::Invalid(invalid) => {
            assert_eq!(invalid.code, Code::UnknownReference);
            assert_eq!(invalid.field.as_deref(), Some("affected_ci_ids[0]"));
        }
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn a_ticket_without_cis_serialises_as_before() {
    let f = fixture();
    let ticket = f.ws.ticket_create(&f.actor, at("2026-05-02T09:00:00Z"), incident("Printer jam", vec![])).unwrap();
    let json = serde_json::to_string(&ticket).unwrap();
    assert!(!json.contains("affected_ci_ids"), "an empty list is left out, so old digests hold: {json}");
}

#[test]
fn a_ci_that_supports_a_service_reaches_it_downstream() {
    let f = fixture();
    let t = at("2026-05-02T09:00:00Z");
    let draft = ServiceDraft {
        name: "Payroll".into(),
        description: String::new(),
        status: None,
        owner_id: None,
        customer_ids: vec![],
        depends_on: vec![],
    };
    let payroll = f.ws.service_create(&f.actor, t, draft).unwrap();
    let app = CiFields { service_ids: Some(vec![payroll.id]), ..item("payroll-app", "application") };
    let app = f.ws.ci_create(&f.actor, t, app).unwrap();
    let report = f.ws.cmdb_impact(&app.key, smw_core::cmdb::Direction::Down, None).unwrap();
    assert_eq!(report.services.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), [payroll.key.as_str()]);
    let up = f.ws.cmdb_impact(&payroll.key, smw_core::cmdb::Direction::Up, None).unwrap();
    assert!(up.hits.iter().any(|hit| hit.node.key == app.key), "the service relies on the CI that supports it");
}

#[test]
fn a_problem_names_its_cis_and_a_ci_lists_its_open_problems() {
    let f = fixture();
    let t = at("2026-05-02T09:00:00Z");
    let server = f.ws.ci_create(&f.actor, t, item("host01", "server")).unwrap();
    let draft = smw_core::problem::ProblemDraft {
        title: "host01 reboots every night".into(),
        affected_ci_ids: vec![server.id],
        ..Default::default()
    };
    let problem = f.ws.problem_create(&f.actor, t, draft).unwrap();
    let listed = f.ws.ci_get(&server.key).unwrap().open_problems;
    assert_eq!(listed.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), [problem.key.as_str()]);
    assert_eq!(f.ws.ticket_impact(&problem.key).unwrap().cis[0].key, server.key);
}
