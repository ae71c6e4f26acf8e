//! Starting from an empty workspace: the first person, people, groups and their members,
//! locations, customers, suppliers and services created, edited and retired through the
//! audited write path, with the names a person must be able to tell apart kept unique.

mod common;
use common::*;
use smw_core::catalogue::{PartyDraft, ServiceDraft, ServiceStatus};
use smw_core::catalogue_patch::PartyPatch;
use smw_core::directory::{GroupDraft, GroupPatch, PersonDraft, PersonPatch};
use smw_core::location::{LocationDraft, LocationPatch};
use smw_core::Code;
use smw_store::{Actor, StoreError, Workspace};

fn empty() -> (tempfile::TempDir, std::path::PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.smw");
    let ws = Workspace::create(&path).unwrap();
    (dir, path, ws)
}

fn code(error: StoreError) -> (Code, Option<String>) {
    (error.code(), error.field().map(str::to_string))
}

fn audit_count(path: &std::path::Path) -> i64 {
    rusqlite::Connection::open(path).unwrap().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap()
}

fn person(name: &str, email: &str) -> PersonDraft {
    PersonDraft { name: name.into(), email: email.into(), ..Default::default() }
}

#[test]
fn the_first_person_acts_as_themselves_and_only_the_first() {
    let (_dir, path, ws) = empty();
    // A caller who may not act does not count: the workspace still has nobody to act.
    let caller = PersonDraft { can_act: Some(false), ..person("Carl Caller", "carl@example.com") };
    ws.person_create(&Actor::system("test"), at("2026-05-01T08:00:00Z"), caller).unwrap();
    let ada = ws.person_introduce(at("2026-05-01T09:00:00Z"), person("Ada Admin", "ada@example.org")).unwrap();
    assert!(ada.may_act());
    let (actor_id, actor): (String, String) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT actor_id, actor FROM audit_log WHERE record_id = ?1", [ada.id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((actor_id, actor.as_str()), (ada.id.to_string(), "Ada Admin"));

    let before = audit_count(&path);
    let second = ws.person_introduce(at("2026-05-01T09:05:00Z"), person("Bob", "bob@example.org")).unwrap_err();
    assert_eq!(code(second).0, Code::ActorRequired);
    assert_eq!(audit_count(&path), before, "a refused write leaves no trace");
}

#[test]
fn people_may_share_a_name_but_not_an_email_and_nobody_retires_themselves() {
    let f = fixture();
    let now = at("2026-05-02T08:00:00Z");
    f.ws.person_create(&f.actor, now, person("Sam Lee", "sam.lee@example.org")).unwrap();
    let twin = f.ws.person_create(&f.actor, now, person("Sam Lee", "sam.lee2@example.org")).unwrap();
    let clash = f.ws.person_create(&f.actor, now, person("Samuel Lee", "SAM.LEE@example.org")).unwrap_err();
    assert_eq!(code(clash), (Code::DuplicateEmail, Some("email".into())));

    let patch = PersonPatch { phone: Some("+44 113 496 0000".into()), can_act: Some(false), ..Default::default() };
    let edited = f.ws.person_update(&f.actor, now, &twin.key, patch, Some(twin.version)).unwrap();
    assert_eq!((edited.phone.as_str(), edited.may_act(), edited.version), ("+44 113 496 0000", false, 2));
    let stale = f.ws.person_update(&f.actor, now, &twin.key, PersonPatch::default(), Some(1)).unwrap_err();
    assert_eq!(code(stale).0, Code::Conflict);

    let ada_key = f.ws.directory().unwrap().people[0].key.clone();
    assert_eq!(code(f.ws.person_retire(&f.actor, now, &ada_key).unwrap_err()).0, Code::RetireSelf);
    let retired = f.ws.person_retire(&f.actor, now, &twin.key).unwrap();
    assert!(retired.deleted_at.is_some());
    // The directory still names the retired person, so old records keep their names.
    let directory = f.ws.directory().unwrap();
    assert!(directory.people.iter().any(|p| p.key == twin.key && p.deleted_at.is_some()));
    assert_eq!(code(f.ws.person_retire(&f.actor, now, &twin.key).unwrap_err()).0, Code::NotFound);
}

#[test]
fn a_group_keeps_its_members_on_the_people_and_its_name_unique() {
    let f = fixture();
    let now = at("2026-05-02T08:00:00Z");
    let ben = f.ws.person_create(&f.actor, now, person("Ben", "ben@example.org")).unwrap();
    let cleo = f.ws.person_create(&f.actor, now, person("Cleo", "cleo@example.org")).unwrap();
    let draft = GroupDraft {
        name: "Network".into(),
        lead_id: Some(ben.id),
        member_ids: Some(vec![ben.id, cleo.id]),
        ..Default::default()
    };
    let network = f.ws.group_create(&f.actor, now, draft).unwrap();
    let groups_of = |key: &str| f.ws.directory().unwrap().people.into_iter().find(|p| p.key == key).unwrap().group_ids;
    assert_eq!(groups_of(&cleo.key), vec![network.id]);

    let twin = f.ws.group_create(&f.actor, now, GroupDraft { name: " network ".into(), ..Default::default() });
    assert_eq!(code(twin.unwrap_err()), (Code::DuplicateName, Some("name".into())));
    let nobody = GroupPatch { member_ids: Some(vec![uuid::Uuid::nil()]), ..Default::default() };
    assert_eq!(
        code(f.ws.group_update(&f.actor, now, &network.key, nobody, None).unwrap_err()).1.as_deref(),
        Some("member_ids[0]")
    );

    let only_ben = GroupPatch { member_ids: Some(vec![ben.id]), lead_id: Some(None), ..Default::default() };
    let edited = f.ws.group_update(&f.actor, now, &network.key, only_ben, None).unwrap();
    assert_eq!((edited.lead_id, groups_of(&cleo.key).len(), groups_of(&ben.key).len()), (None, 0, 1));

    // Once retired, the name is free again.
    f.ws.group_retire(&f.actor, now, &network.key).unwrap();
    f.ws.group_create(&f.actor, now, GroupDraft { name: "Network".into(), ..Default::default() }).unwrap();
    assert!(smw_store::verify(&f.path).unwrap().ok);
}

#[test]
fn locations_take_a_real_time_zone() {
    let f = fixture();
    let now = at("2026-05-02T08:00:00Z");
    let before = audit_count(&f.path);
    let draft =
        LocationDraft { name: "Leeds office".into(), address: "1 Park Row".into(), time_zone: "Europe/Leeds".into() };
    assert_eq!(code(f.ws.location_create(&f.actor, now, draft.clone()).unwrap_err()).1.as_deref(), Some("time_zone"));
    assert_eq!(audit_count(&f.path), before);
    let leeds =
        f.ws.location_create(&f.actor, now, LocationDraft { time_zone: "Europe/London".into(), ..draft }).unwrap();
    let patch = LocationPatch { time_zone: Some("".into()), ..Default::default() };
    assert_eq!(f.ws.location_update(&f.actor, now, &leeds.key, patch, None).unwrap().time_zone, "");
    f.ws.location_retire(&f.actor, now, &leeds.key).unwrap();
    assert!(f.ws.directory().unwrap().locations[0].deleted_at.is_some());
}

#[test]
fn customers_take_services_and_retired_services_leave_the_catalogue() {
    let f = fixture();
    let now = at("2026-05-02T08:00:00Z");
    let party = |name: &str| PartyDraft {
        name: name.into(),
        contacts: Some("Jo, jo@acme.example".into()),
        ..Default::default()
    };
    let acme = f.ws.customer_create(&f.actor, now, party("Acme")).unwrap();
    assert_eq!(acme.contacts, "Jo, jo@acme.example");
    assert_eq!(code(f.ws.customer_create(&f.actor, now, party("ACME")).unwrap_err()).0, Code::DuplicateName);
    let supplier = f.ws.supplier_create(&f.actor, now, party("Acme")).unwrap();
    let service = |name: &str| ServiceDraft {
        name: name.into(),
        description: String::new(),
        status: None,
        owner_id: f.actor.id,
        customer_ids: vec![],
        depends_on: vec![],
    };
    let mail = f.ws.service_create(&f.actor, now, service("Mail")).unwrap();
    let web = f.ws.service_create(&f.actor, now, service("Web")).unwrap();
    assert_eq!(code(f.ws.service_create(&f.actor, now, service("mail")).unwrap_err()).0, Code::DuplicateName);

    let renamed = PartyPatch { name: Some("Acme Ltd".into()), ..Default::default() };
    f.ws.customer_update(&f.actor, now, &acme.key, renamed, Some(vec![mail.id, web.id]), None).unwrap();
    f.ws.customer_update(&f.actor, now, &acme.key, PartyPatch::default(), Some(vec![web.id]), None).unwrap();
    let directory = f.ws.directory().unwrap();
    let customers_of = |key: &str| directory.services.iter().find(|s| s.key == key).unwrap().customer_ids.clone();
    assert_eq!((customers_of(&mail.key), customers_of(&web.key)), (vec![], vec![acme.id]));

    let retired = f.ws.service_retire(&f.actor, now, &mail.key).unwrap();
    assert_eq!((retired.status, retired.deleted_at.is_some()), (ServiceStatus::Retired, true));
    f.ws.supplier_retire(&f.actor, now, &supplier.key).unwrap();
    f.ws.customer_retire(&f.actor, now, &acme.key).unwrap();
    assert!(smw_store::verify(&f.path).unwrap().ok);
}

#[test]
fn the_directory_survives_export_and_import() {
    let f = fixture();
    let now = at("2026-05-02T08:00:00Z");
    let draft = LocationDraft { name: "Depot".into(), address: String::new(), time_zone: "Asia/Tokyo".into() };
    f.ws.location_create(&f.actor, now, draft).unwrap();
    let group = GroupDraft {
        name: "Desk".into(),
        lead_id: f.actor.id,
        member_ids: f.actor.id.map(|id| vec![id]),
        ..Default::default()
    };
    f.ws.group_create(&f.actor, now, group).unwrap();
    let mut out = Vec::new();
    f.ws.export_jsonl(now, &mut out, &mut |_| {}).unwrap();
    let copy_path = f.dir.path().join("copy.smw");
    let copy = Workspace::create(&copy_path).unwrap();
    copy.import_jsonl(now, &mut out.as_slice(), &mut |_| {}).unwrap();
    assert_eq!(copy.directory().unwrap(), f.ws.directory().unwrap());
    assert!(smw_store::verify(&copy_path).unwrap().ok);
}
