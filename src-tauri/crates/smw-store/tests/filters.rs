//! The board and the list show exactly the tickets a filter asks for, in their order (the board
//! by priority then newest first, the list newest first), whichever way their queries reach
//! them: a table walk, index walks merged per status and priority, or search hits read by id.

mod common;
use common::*;
use smw_core::directory::GroupDraft;
use smw_core::priority::Level;
use smw_core::ticket::{Ticket, TicketDraft, TicketKind, Transition};
use smw_core::views::TicketFilter;
use smw_core::workflow::Status;

/// Sixty tickets spread over kinds, priorities, two groups, an assignee and three statuses,
/// in creation order.
fn varied_tickets(f: &Fixture) -> Vec<Ticket> {
    let group = |name: &str| {
        let draft = GroupDraft { name: name.into(), ..Default::default() };
        f.ws.group_create(&f.actor, at("2026-05-01T09:00:00Z"), draft).unwrap()
    };
    let groups = [group("Service desk"), group("Network")];
    (0..60)
        .map(|i| {
            let draft = TicketDraft {
                kind: Some(if i % 7 == 0 { TicketKind::Request } else { TicketKind::Incident }),
                title: if i % 4 == 0 { format!("printer jam {i}") } else { format!("ticket {i}") },
                impact: Level::ALL[i % 3],
                urgency: Level::ALL[(i / 3) % 3],
                group_id: Some(groups[i % 2].id),
                // Work in progress needs an owner.
                assignee_id: (i % 3 == 2 || i % 5 == 0).then_some(f.actor.id).flatten(),
                ..Default::default()
            };
            let ticket = f.ws.ticket_create(&f.actor, at("2026-05-04T09:00:00Z"), draft).unwrap();
            let to = match i % 3 {
                0 => return ticket,
                1 => Status::Assigned,
                _ => Status::InProgress,
            };
            let transition = Transition { to, pending_reason: None, resolution_code: None, resolution_notes: None };
            f.ws.ticket_transition(&f.actor, at("2026-05-04T10:00:00Z"), &ticket.key, transition, None).unwrap()
        })
        .collect()
}

fn matches(ticket: &Ticket, filter: &TicketFilter) -> bool {
    filter.text.as_deref().is_none_or(|word| ticket.title.contains(word))
        && filter.kind.is_none_or(|kind| ticket.kind == kind)
        && filter.status.is_none_or(|status| ticket.status == status)
        && filter.priority.is_none_or(|priority| ticket.priority == priority)
        && filter.group_id.is_none_or(|id| ticket.group_id == Some(id))
        && filter.assignee_id.is_none_or(|id| ticket.assignee_id == Some(id))
}

#[test]
fn every_filter_lists_its_tickets_newest_first_page_by_page() {
    let f = fixture();
    let tickets = varied_tickets(&f);
    let statuses: std::collections::BTreeSet<_> = tickets.iter().map(|t| t.status.as_str()).collect();
    let priorities: std::collections::BTreeSet<_> = tickets.iter().map(|t| t.priority).collect();
    assert!(statuses.len() == 3 && priorities.len() >= 4, "too little variety: {statuses:?} {priorities:?}");
    let network = tickets[1].group_id;
    let filters = [
        TicketFilter::default(),
        TicketFilter { status: Some(Status::Assigned), ..Default::default() },
        TicketFilter { status: Some(Status::New), kind: Some(TicketKind::Incident), ..Default::default() },
        TicketFilter { group_id: network, ..Default::default() },
        TicketFilter { group_id: network, status: Some(Status::InProgress), ..Default::default() },
        TicketFilter { group_id: network, priority: Some(tickets[1].priority), ..Default::default() },
        TicketFilter { assignee_id: f.actor.id, ..Default::default() },
        TicketFilter { status: Some(Status::Closed), ..Default::default() },
        TicketFilter { text: Some("printer".into()), group_id: network, ..Default::default() },
    ];
    for filter in filters {
        let newest_first: Vec<&str> =
            tickets.iter().rev().filter(|t| matches(t, &filter)).map(|t| t.key.as_str()).collect();
        for (offset, limit) in [(0, 100), (0, 5), (7, 5), (newest_first.len().saturating_sub(2), 5)] {
            let page = f.ws.tickets_list(&filter, offset, limit).unwrap();
            let keys: Vec<&str> = page.rows.iter().map(|card| card.key.as_str()).collect();
            let expected: Vec<&str> = newest_first.iter().skip(offset).take(limit).copied().collect();
            assert_eq!(keys, expected, "{filter:?} offset {offset} limit {limit}");
            assert_eq!(page.total as usize, newest_first.len(), "{filter:?}");
        }
    }
}

#[test]
fn every_board_column_shows_its_tickets_by_priority_then_newest_first() {
    let f = fixture();
    let tickets = varied_tickets(&f);
    let network = tickets[1].group_id;
    let filters = [
        TicketFilter::default(),
        TicketFilter { group_id: network, ..Default::default() },
        TicketFilter { text: Some("printer".into()), ..Default::default() },
        TicketFilter { text: Some("printer".into()), group_id: network, ..Default::default() },
        TicketFilter { text: Some("printer".into()), status: Some(Status::Assigned), ..Default::default() },
    ];
    for filter in filters {
        let board = f.ws.board(&filter, 4).unwrap();
        for column in &board.columns {
            let mut expected: Vec<&Ticket> =
                tickets.iter().filter(|t| t.status == column.status && matches(t, &filter)).collect();
            // Creation order is the tie-break: newest first within a priority.
            expected.reverse();
            expected.sort_by_key(|t| t.priority);
            let expected: Vec<&str> = expected.iter().take(4).map(|t| t.key.as_str()).collect();
            let shown: Vec<&str> = column.cards.iter().map(|card| card.key.as_str()).collect();
            assert_eq!(shown, expected, "{filter:?} {:?}", column.status);
            let all = tickets.iter().filter(|t| t.status == column.status && matches(t, &filter)).count();
            assert_eq!(column.total as usize, all, "{filter:?} {:?}", column.status);
        }
    }
}
