use super::*;
use crate::catalogue::{Service, ServiceDraft};
use crate::error::Code;
use crate::sla::{BusinessCalendar, CalendarDefinition};
use crate::time::Timestamp;
use crate::workflow::Status;
use chrono::NaiveDate;
use std::collections::HashMap;
use uuid::Uuid;

fn now() -> Timestamp {
    Timestamp::parse("2026-05-04T09:00:00Z").unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn targets(resolution_hours: [u32; 5]) -> Vec<PriorityTarget> {
    resolution_hours
        .iter()
        .map(|h| PriorityTarget { response_minutes: 15 * (h / 4).max(1), resolution_minutes: h * 60 })
        .collect()
}

fn sla_draft() -> SlaDraft {
    SlaDraft {
        name: "Mail for Finance".into(),
        customer_id: Uuid::from_u128(1),
        service_id: Uuid::from_u128(2),
        calendar_id: Uuid::from_u128(3),
        targets: targets([4, 8, 16, 40, 80]),
        availability_percent: Some(99.5),
        valid_from: date("2026-01-01"),
        valid_to: None,
        review_date: Some(date("2026-12-01")),
        pausing_statuses: None,
        warning_thresholds: Some(vec![100, 75, 75]),
    }
}

fn office_hours(zone: &str, from: &str, to: &str, weekend: bool) -> CalendarDefinition {
    let mut definition = CalendarDefinition { timezone: zone.into(), ..Default::default() };
    for day in 0..if weekend { 7 } else { 5 } {
        *definition.week.day_mut(day) = vec![(from.into(), to.into())];
    }
    definition
}

#[test]
fn sla_defaults_and_normalises_lists() {
    let sla = Sla::create(sla_draft(), Uuid::nil(), "SLA-000001".into(), now()).unwrap();
    assert_eq!(sla.pausing_statuses, vec![Status::Pending]);
    assert_eq!(sla.warning_thresholds, vec![75, 100]);
    let json = serde_json::to_string(&sla).unwrap();
    assert!(!json.contains("valid_to"), "empty optionals stay out of the canonical form: {json}");
    assert!(json.contains(r#""valid_from":"2026-01-01""#));
}

#[test]
fn a_ticket_gets_the_sla_in_force_on_its_day_and_the_newer_one_on_overlap() {
    let sla = |n: u128, from: &str, to: Option<&str>| {
        let draft = SlaDraft { valid_from: date(from), valid_to: to.map(date), review_date: None, ..sla_draft() };
        Sla::create(draft, Uuid::from_u128(n), format!("SLA-{n}"), now()).unwrap()
    };
    let slas = [sla(1, "2025-01-01", Some("2025-12-31")), sla(2, "2026-01-01", None), sla(3, "2026-03-01", None)];
    let ticket = |day: &str| crate::ticket::Ticket {
        customer_id: Some(Uuid::from_u128(1)),
        service_id: Some(Uuid::from_u128(2)),
        created_at: Timestamp::parse(&format!("{day}T10:00:00Z")).unwrap(),
        ..serde_json::from_value(serde_json::json!({
            "id": Uuid::nil(), "key": "INC-000001", "kind": "incident", "title": "t", "description": "",
            "category": "", "status": "new", "impact": "medium", "urgency": "medium", "priority": 3,
            "created_at": "2026-01-01T00:00:00.000Z", "updated_at": "2026-01-01T00:00:00.000Z", "version": 1
        }))
        .unwrap()
    };
    let chosen = |day: &str| sla_for_ticket(&ticket(day), &slas).map(|sla| sla.key.clone());
    assert_eq!(chosen("2025-06-01").as_deref(), Some("SLA-1"));
    assert_eq!(chosen("2026-02-01").as_deref(), Some("SLA-2"));
    assert_eq!(chosen("2026-04-01").as_deref(), Some("SLA-3"), "the newer of two overlapping agreements");
    assert_eq!(chosen("2024-06-01"), None);
    assert_eq!(sla_for_ticket(&crate::ticket::Ticket { service_id: None, ..ticket("2026-04-01") }, &slas), None);
}

#[test]
fn sla_errors_name_the_field() {
    let mut draft = sla_draft();
    draft.targets[2].resolution_minutes = 0;
    let err = Sla::create(draft, Uuid::nil(), "SLA-1".into(), now()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("targets[2].resolution_minutes"));
    assert_eq!(err.message, "The resolution target for P3 can be from 1 to 525600 minutes (a year), not 0.");

    let mut draft = sla_draft();
    draft.targets[0].response_minutes = 10_000;
    let err = Sla::create(draft, Uuid::nil(), "SLA-1".into(), now()).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (Code::ResponseAfterResolution, Some("targets[0].response_minutes")));

    let mut draft = sla_draft();
    draft.targets.pop();
    assert_eq!(Sla::create(draft, Uuid::nil(), "SLA-1".into(), now()).unwrap_err().field.as_deref(), Some("targets"));

    let mut draft = sla_draft();
    draft.valid_to = Some(date("2025-12-31"));
    assert_eq!(Sla::create(draft, Uuid::nil(), "SLA-1".into(), now()).unwrap_err().field.as_deref(), Some("valid_to"));

    let mut draft = sla_draft();
    draft.pausing_statuses = Some(vec![Status::Pending, Status::Resolved]);
    let err = Sla::create(draft, Uuid::nil(), "SLA-1".into(), now()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("pausing_statuses[1]"));

    let mut draft = sla_draft();
    draft.availability_percent = Some(100.5);
    let err = Sla::create(draft, Uuid::nil(), "SLA-1".into(), now()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("availability_percent"));
}

#[test]
fn sla_patch_clears_nullable_fields_and_revalidates() {
    let mut sla = Sla::create(sla_draft(), Uuid::nil(), "SLA-000001".into(), now()).unwrap();
    let patch: SlaPatch = serde_json::from_str(r#"{"review_date":null,"availability_percent":null}"#).unwrap();
    sla.apply_patch(patch).unwrap();
    assert_eq!((sla.review_date, sla.availability_percent), (None, None));
    let bad: SlaPatch = serde_json::from_str(r#"{"warning_thresholds":[0]}"#).unwrap();
    assert_eq!(sla.apply_patch(bad).unwrap_err().field.as_deref(), Some("warning_thresholds[0]"));
}

#[test]
fn calendar_definition_is_stored_canonically() {
    let mut definition = office_hours("Europe/Berlin", "08:00", "18:00", false);
    definition.holidays = vec!["2026-12-25".into(), "2026-01-01".into(), "2026-12-25".into()];
    let draft = CalendarDraft { name: "Office".into(), definition: definition.clone() };
    let record = CalendarRecord::create(draft, Uuid::nil(), "CAL-000001".into(), now()).unwrap();
    assert!(record.definition.contains(r#""holidays":["2026-01-01","2026-12-25"]"#), "{}", record.definition);
    let mut copy = record.clone();
    assert_eq!(copy.add_holidays(&[date("2026-12-25"), date("2026-12-26")]).unwrap(), 1);
    assert_eq!(copy.business_calendar().unwrap().holidays.len(), 3);

    let mut broken = definition;
    broken.week.tue = vec![("18:00".into(), "08:00".into())];
    let err =
        CalendarRecord::create(CalendarDraft { name: "x".into(), definition: broken }, Uuid::nil(), "C".into(), now())
            .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("definition.week.tue[0]"));
}

fn service(n: u128) -> Service {
    let draft = ServiceDraft {
        name: format!("Service {n}"),
        description: String::new(),
        status: None,
        owner_id: None,
        customer_ids: vec![],
        depends_on: vec![],
    };
    Service::create(draft, Uuid::from_u128(n), format!("SVC-{n:06}"), now()).unwrap()
}

#[test]
fn consistency_flags_short_underpinning_and_services_without_sla() {
    let office = Uuid::from_u128(3);
    let around_the_clock = Uuid::from_u128(4);
    let mornings = Uuid::from_u128(5);
    let calendars: HashMap<Uuid, BusinessCalendar> = [
        (office, office_hours("Europe/Berlin", "08:00", "18:00", false)),
        (around_the_clock, office_hours("UTC", "00:00", "24:00", true)),
        (mornings, office_hours("Europe/Berlin", "08:00", "12:00", false)),
    ]
    .into_iter()
    .map(|(id, definition)| (id, BusinessCalendar::from_definition(&definition).unwrap()))
    .collect();
    let services = vec![service(2), service(9)];
    let sla = Sla::create(sla_draft(), Uuid::from_u128(10), "SLA-000001".into(), now()).unwrap();
    let ola = Ola::create(
        OlaDraft {
            name: "Network team".into(),
            group_id: Uuid::from_u128(20),
            service_id: Some(Uuid::from_u128(2)),
            calendar_id: around_the_clock,
            targets: targets([2, 6, 16, 40, 80]),
            valid_from: date("2026-01-01"),
            valid_to: None,
        },
        Uuid::from_u128(11),
        "OLA-000001".into(),
        now(),
    )
    .unwrap();
    let contract = Contract::create(
        ContractDraft {
            name: "Mail hosting".into(),
            supplier_id: Uuid::from_u128(21),
            service_id: Uuid::from_u128(2),
            calendar_id: mornings,
            targets: targets([4, 12, 16, 40, 80]),
            valid_from: date("2026-01-01"),
            valid_to: None,
        },
        Uuid::from_u128(12),
        "UC-000001".into(),
        now(),
    )
    .unwrap();
    let input = ConsistencyInput {
        services: &services,
        slas: std::slice::from_ref(&sla),
        olas: std::slice::from_ref(&ola),
        contracts: std::slice::from_ref(&contract),
        calendars: &calendars,
        today: date("2026-05-04"),
    };
    let findings = check_consistency(&input);
    let summary: Vec<(&str, Option<&str>, Option<&str>)> =
        findings.iter().map(|f| (f.code.as_str(), f.underpinning_key.as_deref(), f.field.as_deref())).collect();
    assert_eq!(
        summary,
        vec![
            ("service_without_sla", None, None),
            ("underpinning_resolution_longer", Some("UC-000001"), Some("targets[1].resolution_minutes")),
            ("underpinning_response_longer", Some("UC-000001"), Some("targets[1].response_minutes")),
            ("underpinning_coverage_short", Some("UC-000001"), Some("calendar_id")),
        ],
        "{findings:#?}"
    );
    assert_eq!(findings[0].service_key, "SVC-000009");
    // Mornings only: 6 of the SLA's 10 hours uncovered on each of 5 days.
    assert!(findings[3].message.contains("30.0 h"), "{}", findings[3].message);
}
