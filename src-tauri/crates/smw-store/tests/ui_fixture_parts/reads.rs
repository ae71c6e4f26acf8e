//! What the shell's read commands answer over the demo workspace: the state the UI's mock
//! backend starts from, and recorded answers the mock's own read models are checked against.

use serde_json::{json, Value};
use smw_core::views::TicketFilter;
use smw_core::workflow::Status;
use smw_core::Timestamp;
use smw_store::Workspace;

/// The board's default page size (`DEFAULT_PER_COLUMN` in src-tauri/src/commands/tickets.rs).
const PER_COLUMN: usize = 50;

fn value<T: serde::Serialize>(answer: smw_store::StoreResult<T>) -> Value {
    serde_json::to_value(answer.expect("the demo workspace answers")).expect("answers serialise")
}

/// Every ticket's record view (`ticket_get`), oldest first: the order the store created them in,
/// which the board and list sort by.
pub fn tickets(ws: &Workspace) -> Value {
    let page = ws.tickets_list(&TicketFilter::default(), 0, 10_000).expect("the list");
    let details: Vec<Value> = page.rows.iter().rev().map(|card| value(ws.ticket_detail(&card.key))).collect();
    json!(details)
}

/// Every problem's record view (`problem_get`), by key.
pub fn problems(ws: &Workspace) -> Value {
    let mut keys: Vec<String> = ws.problems_list(None, false).expect("problems").into_iter().map(|p| p.key).collect();
    keys.sort();
    json!(keys.iter().map(|key| value(ws.problem_detail(key))).collect::<Vec<_>>())
}

pub fn service_levels(ws: &Workspace, now: Timestamp, ticket_keys: &[String]) -> Value {
    // The periods the dashboard's presets ask for at `now` (ui/src/views/sla/period.ts).
    let periods = [
        ("2026-05-01T00:00:00Z", "2026-05-15T00:00:00Z"),
        ("2026-03-01T00:00:00Z", "2026-05-15T00:00:00Z"),
        ("2025-06-01T00:00:00Z", "2026-05-15T00:00:00Z"),
    ];
    let reports: Vec<Value> = periods
        .iter()
        .map(|(from, to)| {
            let (from, to) = (Timestamp::parse(from).unwrap(), Timestamp::parse(to).unwrap());
            json!({ "from": from, "to": to, "report": value(ws.sla_report(now, Some(from), Some(to))) })
        })
        .collect();
    let clocks: serde_json::Map<String, Value> =
        ticket_keys.iter().map(|key| (key.clone(), value(ws.ticket_clocks(key, now)))).collect();
    json!({
        "calendars": value(ws.calendar_list()),
        "slas": value(ws.sla_list()),
        "olas": value(ws.ola_list()),
        "contracts": value(ws.contract_list()),
        "consistency": value(ws.sla_consistency(now.datetime().date_naive())),
        "at_risk": value(ws.sla_at_risk(now)),
        "reports": reports,
        "clocks": clocks,
    })
}

/// Answers to filtered and text queries, recorded so the mock's own filtering, ordering and
/// matching can be compared with the store's (ui/src/preview/mockBackend.test.ts).
pub fn recorded(ws: &Workspace) -> Value {
    let directory = ws.directory().expect("directory");
    let network = directory.groups.iter().find(|g| g.name == "Network").expect("a Network group").id;
    let filters = [
        TicketFilter::default(),
        TicketFilter { priority: Some(1), ..Default::default() },
        TicketFilter { group_id: Some(network), ..Default::default() },
        TicketFilter { status: Some(Status::InProgress), ..Default::default() },
        TicketFilter { kind: Some(smw_core::ticket::TicketKind::Request), ..Default::default() },
        TicketFilter { text: Some("vpn".into()), ..Default::default() },
        TicketFilter { text: Some(" printer ".into()), group_id: Some(network), ..Default::default() },
    ];
    let boards: Vec<Value> =
        filters.iter().map(|f| json!({ "filter": f, "board": value(ws.board(f, PER_COLUMN)) })).collect();
    let lists: Vec<Value> = filters
        .iter()
        .map(|f| json!({ "filter": f, "offset": 0, "limit": 100, "page": value(ws.tickets_list(f, 0, 100)) }))
        .collect();
    let searches: Vec<Value> = ["payroll", "vpn", "printer"]
        .iter()
        .map(|text| json!({ "text": text, "limit": 20, "hits": value(ws.search(text, 20)) }))
        .collect();
    let known_errors: Vec<Value> = ["VPN disconnects", "printer", "payroll"]
        .iter()
        .map(|text| json!({ "text": text, "problems": value(ws.known_errors_search(text)) }))
        .collect();
    let problem_lists: Vec<Value> = [(None, false), (None, true), (Some("vpn"), false)]
        .iter()
        .map(|(text, known)| {
            json!({ "text": text, "knownErrorsOnly": known, "problems": value(ws.problems_list(*text, *known)) })
        })
        .collect();
    json!({
        "boards": boards,
        "lists": lists,
        "searches": searches,
        "known_errors": known_errors,
        "problem_lists": problem_lists,
    })
}
