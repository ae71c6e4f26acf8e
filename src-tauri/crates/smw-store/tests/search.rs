//! Full-text search over titles, descriptions and comments.

mod common;
use common::*;

#[test]
fn finds_titles_descriptions_and_comments() {
    let f = fixture();
    let mail = incident(&f, "Mail server down", "Users see *bounce* messages");
    let vpn = incident(&f, "VPN slow", "");
    comment(&f, &vpn.key, "The firewall appliance is overloaded");
    let keys = |text: &str| f.ws.search(text, 20).unwrap().into_iter().map(|h| h.key).collect::<Vec<_>>();
    assert_eq!(keys("mail"), vec![mail.key.clone()]);
    assert_eq!(keys("bounce"), vec![mail.key.clone()]);
    assert_eq!(keys("FIREWALL"), vec![vpn.key.clone()]);
    assert!(keys("nonexistentword").is_empty());
    // Operators in the input are searched for, not interpreted.
    assert!(keys("mail OR \"vpn").is_empty());
    assert_eq!(f.ws.search("  ", 20).unwrap_err().field(), Some("text"));
}

#[test]
fn common_terms_come_newest_first_and_each_ticket_once() {
    let f = fixture();
    let mut keys = Vec::new();
    for n in 0..260 {
        keys.push(incident(&f, &format!("printer problem {n}"), "printer printer").key);
    }
    comment(&f, &keys[3], "printer still jams");
    let hits = f.ws.search("printer", 20).unwrap();
    assert_eq!(hits.len(), 20);
    // The comment made ticket 3 the most recent document about printers.
    assert_eq!(hits[0].key, keys[3]);
    assert_eq!(hits[1].key, keys[259]);
    let mut unique: Vec<_> = hits.iter().map(|h| &h.key).collect();
    unique.dedup();
    assert_eq!(unique.len(), 20);
}

#[test]
fn edits_and_filters_follow_the_index() {
    let f = fixture();
    let t = incident(&f, "Keyboard broken", "");
    let patch = smw_core::ticket::TicketPatch { title: Some("Mouse broken".into()), ..Default::default() };
    f.ws.ticket_update(&f.actor, at("2026-05-04T12:00:00Z"), &t.key, patch, None).unwrap();
    assert!(f.ws.search("keyboard", 20).unwrap().is_empty());
    assert_eq!(f.ws.search("mouse", 20).unwrap().len(), 1);
    let filter = smw_core::views::TicketFilter { text: Some("mouse".into()), ..Default::default() };
    assert_eq!(f.ws.tickets_list(&filter, 0, 10).unwrap().rows.len(), 1);
}
