//! A small service level world for the SLA tests: one customer, one service, an office-hours
//! calendar in UTC (Mon–Fri 09:00–17:00, so business time is easy to count by hand), an SLA
//! and a support agent who responds and works tickets.
#![allow(dead_code)]

use crate::common::*;
use chrono::NaiveDate;
use smw_core::agreements::{CalendarDraft, CalendarRecord, PriorityTarget, Sla, SlaDraft};
use smw_core::catalogue::{Customer, PartyDraft, Service, ServiceDraft};
use smw_core::comment::CommentDraft;
use smw_core::directory::{GroupDraft, PersonDraft};
use smw_core::priority::Level;
use smw_core::sla::CalendarDefinition;
use smw_core::ticket::{Ticket, TicketDraft, TicketPatch, Transition};
use smw_core::workflow::Status;
use smw_store::Actor;
use uuid::Uuid;

pub struct SlaWorld {
    pub f: Fixture,
    pub customer: Customer,
    pub service: Service,
    pub calendar: CalendarRecord,
    pub sla: Sla,
    pub agent: Actor,
    pub group: Uuid,
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn office_hours_utc() -> CalendarDefinition {
    let mut definition = CalendarDefinition { timezone: "UTC".into(), ..Default::default() };
    for day in 0..5 {
        *definition.week.day_mut(day) = vec![("09:00".into(), "17:00".into())];
    }
    definition
}

/// P1 15 min / 2 h, P2 30 min / 4 h, P3 1 h / 8 h, P4 4 h / 16 h, P5 8 h / 40 h.
pub fn targets() -> Vec<PriorityTarget> {
    [(15, 120), (30, 240), (60, 480), (240, 960), (480, 2_400)]
        .iter()
        .map(|&(response_minutes, resolution_minutes)| PriorityTarget { response_minutes, resolution_minutes })
        .collect()
}

pub fn sla_draft(customer: Uuid, service: Uuid, calendar: Uuid) -> SlaDraft {
    SlaDraft {
        name: "Mail for Finance".into(),
        customer_id: customer,
        service_id: service,
        calendar_id: calendar,
        targets: targets(),
        availability_percent: Some(99.5),
        valid_from: date("2026-01-01"),
        valid_to: None,
        review_date: Some(date("2026-12-01")),
        pausing_statuses: None,
        warning_thresholds: None,
    }
}

pub fn world() -> SlaWorld {
    let f = fixture();
    let setup = at("2026-05-01T08:00:00Z");
    let customer =
        f.ws.customer_create(&f.actor, setup, PartyDraft { name: "Finance".into(), ..Default::default() }).unwrap();
    let service =
        f.ws.service_create(
            &f.actor,
            setup,
            ServiceDraft {
                name: "Email".into(),
                description: String::new(),
                status: None,
                owner_id: None,
                customer_ids: vec![customer.id],
                depends_on: vec![],
            },
        )
        .unwrap();
    let calendar =
        f.ws.calendar_create(&f.actor, setup, CalendarDraft { name: "Office".into(), definition: office_hours_utc() })
            .unwrap();
    let sla = f.ws.sla_create(&f.actor, setup, sla_draft(customer.id, service.id, calendar.id)).unwrap();
    let group =
        f.ws.group_create(&f.actor, setup, GroupDraft { name: "Desk".into(), ..Default::default() }).unwrap().id;
    let agent =
        f.ws.person_create(
            &f.actor,
            setup,
            PersonDraft { name: "Sam Agent".into(), group_ids: vec![group], ..Default::default() },
        )
        .unwrap();
    let agent = Actor { id: Some(agent.id), name: agent.name };
    SlaWorld { f, customer, service, calendar, sla, agent, group }
}

impl SlaWorld {
    /// A ticket for the world's customer and service; Medium/Medium is P3, Medium/High P2.
    pub fn ticket(&self, when: &str, urgency: Level) -> Ticket {
        let draft = TicketDraft {
            title: "Mailbox unreachable".into(),
            customer_id: Some(self.customer.id),
            service_id: Some(self.service.id),
            impact: Level::Medium,
            urgency,
            ..Default::default()
        };
        self.f.ws.ticket_create(&self.agent, at(when), draft).unwrap()
    }

    pub fn respond(&self, key: &str, when: &str) {
        self.f
            .ws
            .comment_add(&self.agent, at(when), key, CommentDraft { body: "Looking into it.".into(), internal: false })
            .unwrap();
    }

    pub fn assign(&self, key: &str, when: &str) {
        let patch =
            TicketPatch { assignee_id: Some(self.agent.id), group_id: Some(Some(self.group)), ..Default::default() };
        self.f.ws.ticket_update(&self.agent, at(when), key, patch, None).unwrap();
    }

    pub fn move_to(&self, key: &str, when: &str, to: Status) -> Ticket {
        let transition = Transition {
            to,
            pending_reason: (to == Status::Pending).then(|| "Waiting for the caller".into()),
            resolution_code: (to == Status::Resolved).then(|| "fixed".into()),
            resolution_notes: (to == Status::Resolved).then(|| "Restarted the mail server.".into()),
        };
        self.f.ws.ticket_transition(&self.agent, at(when), key, transition, None).unwrap()
    }

    pub fn set_urgency(&self, key: &str, when: &str, urgency: Level) -> Ticket {
        let patch = TicketPatch { urgency: Some(urgency), ..Default::default() };
        self.f.ws.ticket_update(&self.agent, at(when), key, patch, None).unwrap()
    }

    /// The stored (derived) row of one clock: state, elapsed seconds, target seconds, breached.
    pub fn stored_clock(&self, ticket: &Ticket, clock: &str) -> Option<(String, i64, i64, bool)> {
        let conn = rusqlite::Connection::open(&self.f.path).unwrap();
        conn.query_row(
            "SELECT state, elapsed_seconds, target_seconds, breached FROM ticket_clocks WHERE ticket_id = ?1 AND clock = ?2",
            [ticket.id.to_string(), clock.to_string()],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .ok()
    }
}
