//! A realistic demo organisation: customers, support groups, people, a service catalogue,
//! problems and known errors, and incidents and requests over the last 90 days with their
//! comments and status history. Everything goes through the audited write path, each step
//! at its own moment, so the demo's history is as real as a team's would be.
//! Deterministic for a given seed and `now`.

use crate::error::{StoreError, StoreResult};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use crate::{catalogue, comments, directory, problems, tickets};
use smw_core::catalogue::{PartyDraft, ServiceDraft};
use smw_core::comment::CommentDraft;
use smw_core::directory::{GroupDraft, PersonDraft};
use smw_core::priority::Level;
use smw_core::problem::{ProblemDraft, ProblemPatch, ProblemStatus};
use smw_core::ticket::{TicketDraft, TicketKind, TicketPatch, Transition};
use smw_core::workflow::Status;
use smw_core::Timestamp;
use uuid::Uuid;

/// A small, fast pseudo-random generator (xorshift64*): the demo needs variety, not secrecy.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const CUSTOMERS: [(&str, &str); 3] = [
    ("Finance department", "Internal customer: accounting, payroll and treasury."),
    ("Retail operations", "Internal customer: the stores and the warehouse."),
    ("Harbour Freight Ltd", "External client served under contract."),
];

const GROUPS: [(&str, &str); 5] = [
    ("Service desk", "First line: takes every call and resolves what it can."),
    ("Network", "LAN, Wi-Fi, VPN and firewalls."),
    ("Servers and storage", "Virtual machines, backups and file storage."),
    ("Business applications", "ERP, payroll and CRM support."),
    ("Workplace", "Laptops, phones, printers and accounts."),
];

const AGENTS: [(&str, usize); 12] = [
    ("Alex Morgan", 0),
    ("Priya Raman", 0),
    ("Tomás Ortega", 0),
    ("Jun Watanabe", 1),
    ("Fatima Haddad", 1),
    ("Lena Fischer", 2),
    ("Samuel Okafor", 2),
    ("Chloé Martin", 3),
    ("Daniel Kowalski", 3),
    ("Aisha Bello", 4),
    ("Mikko Virtanen", 4),
    ("Grace Liu", 0),
];

const CALLERS: [&str; 24] = [
    "Olivia Brown",
    "Noah Schmidt",
    "Emma Rossi",
    "Liam Dubois",
    "Sofia García",
    "Lucas Novak",
    "Mia Jensen",
    "Ethan Costa",
    "Ava Nguyen",
    "Mateo Silva",
    "Isla Murphy",
    "Leo Becker",
    "Zara Ahmed",
    "Hugo Laurent",
    "Nora Lindqvist",
    "Omar Farouk",
    "Ella Kim",
    "Felix Wagner",
    "Ines Moreau",
    "Ravi Patel",
    "Hannah Cohen",
    "Kai Yamamoto",
    "Lucia Ferrari",
    "Theo Janssen",
];

/// Services: name, description, owning group, indices of services it depends on.
const SERVICES: [(&str, &str, &[usize]); 10] = [
    ("Network access", "Wired and wireless network in every office and store.", &[]),
    ("Email and calendar", "Mailboxes, shared calendars and mailing lists.", &[0]),
    ("Remote access (VPN)", "Secure access to internal systems from outside the office.", &[0]),
    ("File storage", "Shared drives and personal folders with nightly backup.", &[0]),
    ("ERP", "Orders, stock, purchasing and the general ledger.", &[0, 3]),
    ("Payroll", "Monthly payroll runs, payslips and tax filings.", &[4]),
    ("CRM", "Customer contacts, quotes and the sales pipeline.", &[0]),
    ("Laptop and phone provisioning", "New devices set up, replaced and retired.", &[]),
    ("Printing", "Office printers, scanners and print queues.", &[0]),
    ("Point of sale", "Tills, card terminals and receipt printers in the stores.", &[0, 4]),
];

/// Incident templates per service: (title, description).
const INCIDENTS: [(usize, &str, &str); 20] = [
    (
        0,
        "Wi-Fi drops every few minutes on floor 2",
        "Laptops lose the **office** network and reconnect after a minute.",
    ),
    (0, "No network in meeting room B", "The wall port gives no link light. Other rooms work."),
    (1, "Outlook cannot connect to the mailbox", "Shows *Disconnected* since this morning; webmail works."),
    (1, "Shared calendar not updating", "Bookings made by others do not appear for several hours."),
    (1, "Emails to a partner bounce", "Messages to the partner domain return a delivery failure."),
    (2, "VPN disconnects after login", "The VPN client connects, then drops after about 30 seconds."),
    (2, "VPN very slow from home", "File copies over VPN crawl at a few KB/s."),
    (3, "Cannot open the finance share", "Access denied on the monthly reporting folder."),
    (3, "File restore needed from last week", "A spreadsheet was overwritten; need Tuesday's version."),
    (4, "ERP order entry screen freezes", "The order screen hangs when adding more than 20 lines."),
    (4, "ERP month-end report shows wrong totals", "The stock valuation report totals do not match the ledger."),
    (5, "Payslips not generated for two employees", "The payroll run skipped two new starters."),
    (6, "CRM search returns no results", "Searching for any customer name returns an empty list."),
    (7, "Laptop will not boot after update", "Stuck on the spinning logo after last night's update."),
    (7, "Phone cannot sync company email", "The mail app asks for the password again and again."),
    (8, "Printer on floor 3 jams constantly", "Paper jams on every second page, tray 2."),
    (8, "Print jobs stuck in the queue", "Jobs stay *pending* and never print."),
    (9, "Card terminal offline in store 12", "Card payments fail; the terminal shows no connection."),
    (9, "Till receipts print blank", "Receipts come out empty at till 3."),
    (4, "ERP login fails with expired session", "Users are logged out every few minutes."),
];

const REQUESTS: [(usize, &str, &str); 8] = [
    (7, "New laptop for a new starter", "Standard laptop with office software, start date next Monday."),
    (1, "Create a shared mailbox for the project team", "Mailbox for the warehouse project, five members."),
    (3, "Access to the HR shared folder", "Read access needed for the new HR assistant."),
    (2, "VPN access for a contractor", "Access for four weeks for the auditing contractor."),
    (6, "Add a user to the CRM", "New sales representative needs a CRM account."),
    (8, "Install a printer in the new office", "A colour printer for the second-floor office."),
    (4, "ERP report for quarterly stock", "A saved report of stock by warehouse each quarter."),
    (7, "Replace a cracked phone screen", "Company phone screen cracked; phone otherwise fine."),
];

const PUBLIC_REPLIES: [&str; 6] = [
    "Thanks for reporting this. We are looking into it now.",
    "Could you tell us when this started and whether colleagues see it too?",
    "We have applied a fix. Please check and let us know if it works for you.",
    "A technician will come to your desk this afternoon.",
    "We are waiting for the supplier to confirm a replacement part.",
    "This is now working again; thank you for your patience.",
];

const WORK_NOTES: [&str; 6] = [
    "Checked the logs: errors started after last night's change window.",
    "Same symptom as the known error on the access switch; applying the workaround.",
    "Escalated to the supplier, reference in the vendor portal.",
    "Restarted the service on the second node; monitoring for an hour.",
    "Could not reproduce; asked the caller for a screenshot.",
    "Root cause looks like a full disk on the application server.",
];

const PROBLEMS: [(usize, &str, &str, &str, bool); 6] = [
    (
        0,
        "Access switch on floor 2 reboots under load",
        "Firmware bug in the switch triggers reboots at high traffic.",
        "Move heavy users to the floor-1 switch until the firmware update.",
        true,
    ),
    (
        2,
        "VPN gateway drops idle tunnels too early",
        "The idle timeout on the gateway is set to 30 seconds.",
        "Reconnect with the 'keep alive' option enabled in the client.",
        true,
    ),
    (4, "ERP order screen slow with many lines", "", "Split large orders into batches of 20 lines.", true),
    (
        8,
        "Print server spooler crashes",
        "A faulty driver for the floor-3 printer crashes the spooler.",
        "Restart the print spooler service.",
        true,
    ),
    (1, "Mail sync failures on mobile devices", "", "", false),
    (9, "Card terminals lose connection after store router restart", "", "", false),
];

const RESOLUTION_CODES: [&str; 4] = ["fixed", "workaround", "fixed", "user_error"];
const PENDING_REASONS: [&str; 3] = ["Waiting for the caller", "Waiting for the supplier", "Waiting for a part"];

/// How many incidents and requests the demo creates unless told otherwise.
pub const DEFAULT_TICKETS: usize = 300;

struct Org {
    agents: Vec<(Uuid, Actor, usize)>,
    callers: Vec<Uuid>,
    groups: Vec<Uuid>,
    services: Vec<Uuid>,
    problems: Vec<(Uuid, String, usize)>,
}

/// Fills an empty workspace with the demo organisation. `progress` is told each ticket done.
pub fn generate(ws: &Workspace, now: Timestamp, tickets: usize, progress: &mut dyn FnMut(usize)) -> StoreResult<()> {
    if ws.ticket_count()? > 0 {
        return Err(StoreError::NotEmpty("it already has tickets; the demo goes into an empty workspace".into()));
    }
    let setup = Actor::system("demo generator");
    let start = now.millis() - 90 * DAY;
    ws.write(&setup, at(start - DAY), |w| {
        let org = organisation(w)?;
        let mut dice = Dice::new(0x5EED_2026);
        for n in 0..tickets {
            // Spread creation over 90 days, denser in office hours; older tickets are further along.
            let created = start + (n as i64 * 90 * DAY) / tickets.max(1) as i64 + dice.below(6 * HOUR as usize) as i64;
            ticket_life(w, &org, &mut dice, created, now.millis())?;
            progress(n + 1);
        }
        crate::service_levels::demo::demo_tickets_near_deadline(w, now)?;
        super::demo_estate::write(w, now)?;
        Ok(())
    })?;
    super::demo_changes::generate(ws, now)
}

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

fn at(millis: i64) -> Timestamp {
    Timestamp::from_millis(millis).expect("demo instants are in range")
}

fn organisation(w: &mut WriteTx) -> StoreResult<Org> {
    let mut customers = Vec::new();
    for (name, description) in CUSTOMERS {
        customers.push(
            catalogue::create_customer(
                w,
                PartyDraft { name: name.into(), description: description.into(), ..Default::default() },
            )?
            .id,
        );
    }
    catalogue::create_supplier(
        w,
        PartyDraft {
            name: "Northlight Networks".into(),
            description: "Network hardware and support.".into(),
            contacts: Some("Service desk: support@northlight.example, +44 20 7946 0100".into()),
        },
    )?;
    catalogue::create_supplier(
        w,
        PartyDraft {
            name: "Ledgerline Software".into(),
            description: "ERP and payroll vendor.".into(),
            ..Default::default()
        },
    )?;
    let mut groups = Vec::new();
    for (name, description) in GROUPS {
        groups.push(
            directory::create_group(
                w,
                GroupDraft { name: name.into(), description: description.into(), ..Default::default() },
            )?
            .id,
        );
    }
    let mut agents = Vec::new();
    for (name, group) in AGENTS {
        let email = format!("{}@example.org", name.to_lowercase().replace(' ', ".").replace(['é', 'á'], "e"));
        let draft = PersonDraft { name: name.into(), email, group_ids: vec![groups[group]], ..Default::default() };
        let person = directory::create_person(w, draft)?;
        agents.push((person.id, Actor { id: Some(person.id), name: person.name }, group));
    }
    let mut callers = Vec::new();
    for (i, name) in CALLERS.iter().enumerate() {
        let email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
        let draft = PersonDraft {
            name: (*name).into(),
            email,
            group_ids: vec![],
            customer_id: Some(customers[i % customers.len()]),
            can_act: Some(false),
            ..Default::default()
        };
        callers.push(directory::create_person(w, draft)?.id);
    }
    let mut services: Vec<Uuid> = Vec::new();
    for (i, (name, description, depends)) in SERVICES.iter().enumerate() {
        let draft = ServiceDraft {
            name: (*name).into(),
            description: (*description).into(),
            status: None,
            owner_id: Some(agents[i % agents.len()].0),
            customer_ids: customers.clone(),
            depends_on: depends.iter().map(|&d| services[d]).collect(),
        };
        services.push(catalogue::create_service(w, draft)?.id);
    }
    crate::service_levels::demo::demo_service_levels(w)?;
    let mut problem_ids = Vec::new();
    for (service, title, root_cause, workaround, known) in PROBLEMS {
        let draft = ProblemDraft {
            title: title.into(),
            description: format!("Recurring incidents on {}.", SERVICES[service].0),
            priority: Some(3),
            service_id: Some(services[service]),
            assignee_id: Some(agents[5].0),
            group_id: None,
            affected_ci_ids: Vec::new(),
        };
        let problem = problems::create(w, draft)?;
        let patch = ProblemPatch {
            status: Some(ProblemStatus::Investigating),
            root_cause: Some(root_cause.into()),
            workaround: Some(workaround.into()),
            known_error: Some(known),
            ..Default::default()
        };
        problems::update(w, &problem.key, patch, None)?;
        problem_ids.push((problem.id, problem.key, service));
    }
    Ok(Org { agents, callers, groups, services, problems: problem_ids })
}

/// One ticket from logging to wherever its age has brought it, each step at its own time.
fn ticket_life(w: &mut WriteTx, org: &Org, dice: &mut Dice, created: i64, now: i64) -> StoreResult<()> {
    let is_request = dice.chance(25);
    let (service, title, description) = if is_request {
        let (s, t, d) = *dice.pick(&REQUESTS);
        (s, t, d)
    } else {
        let (s, t, d) = *dice.pick(&INCIDENTS);
        (s, t, d)
    };
    let levels = [Level::High, Level::Medium, Level::Medium, Level::Low, Level::Low];
    let caller = *dice.pick(&org.callers);
    let desk = org.agents.iter().filter(|a| a.2 == 0).collect::<Vec<_>>();
    let logger = dice.pick(&desk).1.clone();
    w.act_as(&logger, at(created));
    let draft = TicketDraft {
        kind: Some(if is_request { TicketKind::Request } else { TicketKind::Incident }),
        title: title.into(),
        description: description.into(),
        caller_id: Some(caller),
        customer_id: None,
        service_id: Some(org.services[service]),
        category: if is_request { "request".into() } else { SERVICES[service].0.to_lowercase() },
        impact: *dice.pick(&levels),
        urgency: *dice.pick(&levels),
        assignee_id: None,
        group_id: None,
        affected_ci_ids: Vec::new(),
    };
    let ticket = tickets::create(w, draft)?;
    let key = ticket.key.clone();
    let age_days = (now - created) / DAY;
    // How far this ticket has come: old tickets are mostly closed, new ones still open.
    let stage = match age_days {
        0..=1 => dice.below(3),
        2..=6 => 1 + dice.below(4),
        7..=20 => 3 + dice.below(3),
        _ => 4 + dice.below(2),
    };
    let mut t = created + 5 * MINUTE + dice.below(40) as i64 * MINUTE;
    let step = |t: &mut i64, dice: &mut Dice| {
        *t += 20 * MINUTE + dice.below(8 * HOUR as usize) as i64;
        (*t).min(now - MINUTE)
    };
    if stage == 0 {
        return Ok(());
    }
    // Triage: the service desk routes it to a group and a person.
    let group = GROUPS_FOR_SERVICE[service];
    let team: Vec<_> = org.agents.iter().filter(|a| a.2 == group).collect();
    let assignee = dice.pick(&team);
    w.act_as(&logger, at(step(&mut t, dice)));
    let route = TicketPatch {
        group_id: Some(Some(org.groups[group])),
        assignee_id: Some(Some(assignee.0)),
        ..Default::default()
    };
    tickets::update(w, &key, route, None)?;
    tickets::move_status(w, &key, to(Status::Assigned), None)?;
    if stage >= 2 {
        w.act_as(&assignee.1, at(step(&mut t, dice)));
        tickets::move_status(w, &key, to(Status::InProgress), None)?;
        comments::add(w, &key, CommentDraft { body: (*dice.pick(&PUBLIC_REPLIES)).into(), internal: false })?;
        if dice.chance(60) {
            w.act_as(&assignee.1, at(step(&mut t, dice)));
            comments::add(w, &key, CommentDraft { body: (*dice.pick(&WORK_NOTES)).into(), internal: true })?;
        }
        if let Some(problem) = org.problems.iter().find(|p| p.2 == service).filter(|_| !is_request && dice.chance(40)) {
            let link = TicketPatch { problem_id: Some(Some(problem.0)), ..Default::default() };
            tickets::update(w, &key, link, None)?;
        }
    }
    if stage >= 3 && dice.chance(50) {
        w.act_as(&assignee.1, at(step(&mut t, dice)));
        let reason = (*dice.pick(&PENDING_REASONS)).to_string();
        tickets::move_status(w, &key, Transition { pending_reason: Some(reason), ..to(Status::Pending) }, None)?;
        w.act_as(&assignee.1, at(step(&mut t, dice)));
        tickets::move_status(w, &key, to(Status::InProgress), None)?;
    } else if stage == 3 {
        w.act_as(&assignee.1, at(step(&mut t, dice)));
        let reason = (*dice.pick(&PENDING_REASONS)).to_string();
        tickets::move_status(w, &key, Transition { pending_reason: Some(reason), ..to(Status::Pending) }, None)?;
    }
    if stage >= 4 {
        w.act_as(&assignee.1, at(step(&mut t, dice)));
        let resolve = Transition {
            resolution_code: Some((*dice.pick(&RESOLUTION_CODES)).into()),
            resolution_notes: Some("Fixed and confirmed with the caller.".into()),
            ..to(Status::Resolved)
        };
        tickets::move_status(w, &key, resolve, None)?;
    }
    if stage >= 5 {
        t += 2 * DAY;
        w.act_as(&logger, at(t.min(now - MINUTE)));
        tickets::move_status(w, &key, to(Status::Closed), None)?;
    }
    Ok(())
}

/// Which support group handles each service (index into GROUPS).
const GROUPS_FOR_SERVICE: [usize; 10] = [1, 4, 1, 2, 3, 3, 3, 4, 4, 1];

fn to(status: Status) -> Transition {
    Transition { to: status, pending_reason: None, resolution_code: None, resolution_notes: None }
}
