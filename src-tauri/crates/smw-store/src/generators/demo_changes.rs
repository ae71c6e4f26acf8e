//! The demo's change management: a change policy with boards and standard templates, a nightly
//! maintenance window and a month-end blackout, a release, and a quarter of changes (two
//! months done, one ahead) written through the same audited calls the app makes. Among them:
//! a few collisions (two accepted, one left for the board), a change in the blackout, one
//! failed change that caused an incident, and a CI edited with no change open on it.
//! Uses the demo estate's CIs when it has them, else adds a few of its own.

use crate::error::StoreResult;
use crate::workspace::Workspace;
use crate::write::Actor;
use smw_core::change_management::approval::Verdict;
use smw_core::change_management::policy::StandardTemplate;
use smw_core::change_management::{
    ChangeDraft, ChangeMove, ChangePolicy, ChangeStatus, ChangeType, ReleaseDraft, ReviewOutcome, RiskLevel,
    WindowDraft, WindowKind,
};
use smw_core::cmdb::views::CiFilter;
use smw_core::cmdb::CiFields;
use smw_core::link::LinkKind;
use smw_core::priority::Level;
use smw_core::ticket::TicketDraft;
use smw_core::Timestamp;
use uuid::Uuid;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

/// One demo change: what it touches (indexes into the CIs and services found), when (days
/// from now, hour of day in UTC, hours long) and how far it has come.
struct Spec {
    title: &'static str,
    kind: ChangeType,
    cis: &'static [usize],
    services: &'static [usize],
    day: i64,
    hour: i64,
    hours: i64,
    last: ChangeStatus,
    outcome: ReviewOutcome,
}

const fn spec(
    title: &'static str,
    kind: ChangeType,
    cis: &'static [usize],
    services: &'static [usize],
    day: i64,
    hour: i64,
    hours: i64,
    last: ChangeStatus,
) -> Spec {
    Spec { title, kind, cis, services, day, hour, hours, last, outcome: ReviewOutcome::Successful }
}

use ChangeStatus::*;
use ChangeType::*;

/// CIs: 0 erp-app01, 1 erp-db01, 2 vm-erp01, 3 esx-host01, 4 mail01. Services by catalogue
/// order: 0 network, 1 email, 4 ERP, 5 payroll, 9 point of sale.
const SPECS: [Spec; 16] = [
    spec("Monthly OS patching: ERP servers", Standard, &[2, 3], &[4], -56, 1, 3, Closed),
    spec("Renew the mail TLS certificate", Standard, &[4], &[1], -49, 2, 1, Closed),
    spec("Add memory to esx-host01", Normal, &[3], &[4, 1], -42, 1, 2, Closed),
    spec("Upgrade ERP application to 11.2", Normal, &[0], &[4], -35, 1, 4, Reviewed),
    spec("Patch the ERP database engine", Normal, &[1], &[4], -28, 1, 3, Reviewed),
    spec("Emergency fix: mail relay open to spam", Emergency, &[4], &[1], -24, 14, 1, Closed),
    spec("Monthly OS patching: mail server", Standard, &[4], &[1], -21, 1, 2, Closed),
    spec("Rotate the payroll database keys", Normal, &[1], &[5], -14, 2, 1, Implemented),
    spec("Re-index the ERP database", Normal, &[1], &[4], -7, 1, 2, BackedOut),
    spec("Firmware update on esx-host01", Normal, &[3], &[4, 1], 2, 1, 3, Scheduled),
    spec("ERP 11.3 feature pack", Normal, &[0], &[4], 2, 2, 2, Scheduled),
    spec("Monthly OS patching: ERP servers", Standard, &[2], &[4], 9, 1, 3, Scheduled),
    spec("Point-of-sale price file change", Normal, &[0], &[9], 12, 10, 1, Approved),
    spec("Move mail to the new storage", Normal, &[4], &[1], 16, 1, 4, Assessed),
    spec("ERP ledger close script change", Normal, &[0, 1], &[4, 5], 0, 0, 2, Assessed),
    spec("Replace the core switch", Normal, &[3], &[0], 25, 1, 6, Draft),
];

fn at(millis: i64) -> Timestamp {
    Timestamp::from_millis(millis).expect("demo instants are in range")
}

/// The demo estate's CIs when there are any, else five of our own, related so that the
/// collision check has an impact set to walk.
fn cis(ws: &Workspace, actor: &Actor, when: Timestamp) -> StoreResult<Vec<(Uuid, String)>> {
    let found = ws.cis_list(&CiFilter::default(), 0, 5)?.items;
    if found.len() >= 5 {
        return Ok(found.iter().map(|ci| (ci.id, ci.key.clone())).collect());
    }
    let services = ws.directory()?.services;
    let service = |i: usize| services.get(i).map(|s| vec![s.id]).unwrap_or_default();
    let mut made = Vec::new();
    for (name, class, supports) in [
        ("erp-app01", "application", service(4)),
        ("erp-db01", "database", service(4)),
        ("vm-erp01", "virtual machine", vec![]),
        ("esx-host01", "server", vec![]),
        ("mail01", "application", service(1)),
    ] {
        let fields = CiFields {
            name: Some(name.into()),
            class: Some(class.into()),
            service_ids: Some(supports),
            ..Default::default()
        };
        made.push(ws.ci_create(actor, when, fields)?);
    }
    for (source, relation, target) in
        [(0, "runs_on", 2), (1, "runs_on", 2), (0, "uses", 1), (2, "hosted_by", 3), (4, "runs_on", 3)]
    {
        ws.relate(actor, when, &made[source].key, relation, &made[target].key)?;
    }
    Ok(made.iter().map(|ci| (ci.id, ci.key.clone())).collect())
}

/// Adds the demo's change management to a workspace the demo organisation was written into.
pub fn generate(ws: &Workspace, now: Timestamp) -> StoreResult<()> {
    let directory = ws.directory()?;
    let agents: Vec<Actor> = directory
        .people
        .iter()
        .filter(|p| p.may_act())
        .map(|p| Actor { id: Some(p.id), name: p.name.clone() })
        .collect();
    if agents.len() < 5 || directory.services.len() < 10 {
        return Ok(());
    }
    let services: Vec<Uuid> = directory.services.iter().map(|s| s.id).collect();
    let now_ms = now.millis() - now.millis().rem_euclid(HOUR);
    let setup = at(now_ms - 70 * DAY);
    let admin = &agents[0];
    let cis = cis(ws, admin, setup)?;
    let policy = ChangePolicy {
        controlled_service_ids: vec![services[4], services[5], services[9]],
        default_board: vec![agents[1].id.unwrap_or_default(), agents[2].id.unwrap_or_default()],
        emergency_board: vec![agents[3].id.unwrap_or_default()],
        emergency_criteria: "Restores or protects a service in a major incident or a security breach.".into(),
        design_transition_min_risk: Some(RiskLevel::High),
        standard_templates: vec![
            StandardTemplate {
                slug: "os-patching".into(),
                name: "Monthly OS patching".into(),
                implementation_plan: "Patch, reboot, check services.".into(),
                max_risk: Some(RiskLevel::Medium),
            },
            StandardTemplate {
                slug: "certificate".into(),
                name: "Certificate renewal".into(),
                implementation_plan: "Install the new certificate and reload.".into(),
                max_risk: Some(RiskLevel::Low),
            },
        ],
        ..Default::default()
    };
    ws.set_change_policy(admin, setup, policy)?;
    let window = |name: &str, kind, start: &str, minutes, rrule: &str, services: Vec<Uuid>| WindowDraft {
        name: Some(name.into()),
        kind: Some(kind),
        time_zone: Some("Europe/London".into()),
        starts_local: Some(start.into()),
        duration_minutes: Some(minutes),
        rrule: Some(rrule.into()),
        service_ids: Some(services),
        description: Some(String::new()),
    };
    let midnight = at(setup.millis()).datetime().format("%Y-%m-%dT00:00").to_string();
    ws.change_window_create(
        admin,
        setup,
        window("Nightly maintenance", WindowKind::Maintenance, &midnight, 360, "FREQ=DAILY", vec![]),
    )?;
    let month_end = at(setup.millis()).datetime().format("%Y-%m-01T00:00").to_string();
    ws.change_window_create(
        admin,
        setup,
        window(
            "Month-end close",
            WindowKind::Blackout,
            &month_end,
            48 * 60,
            "FREQ=MONTHLY;BYMONTHDAY=-2",
            vec![services[4], services[5]],
        ),
    )?;
    let release = ws.release_create(
        admin,
        setup,
        ReleaseDraft {
            name: Some("ERP spring release".into()),
            acceptance_criteria: Some("Orders, invoices and the ledger close run end to end in test.".into()),
            ..Default::default()
        },
    )?;

    for (n, spec) in SPECS.iter().enumerate() {
        let requester = &agents[4 + n % (agents.len() - 4)];
        // The ledger change is booked into the month-end blackout on purpose.
        let start = if spec.day == 0 && spec.hour == 0 {
            month_end_blackout(now_ms)
        } else {
            now_ms - now_ms.rem_euclid(DAY) + spec.day * DAY + spec.hour * HOUR
        };
        let end = start + spec.hours * HOUR;
        let raised = at(start - 12 * DAY);
        let draft = ChangeDraft {
            change_type: Some(spec.kind),
            title: spec.title.into(),
            description: format!("{} (demo).", spec.title),
            reason: "Keeps the service supported, secure and fit for the business.".into(),
            owner_id: requester.id,
            ci_ids: spec.cis.iter().filter_map(|&i| cis.get(i).map(|ci| ci.0)).collect(),
            service_ids: spec.services.iter().map(|&i| services[i]).collect(),
            likelihood: Some(if n % 3 == 0 || spec.kind == Standard { RiskLevel::Low } else { RiskLevel::Medium }),
            impact: Some(if spec.services.len() > 1 { RiskLevel::High } else { RiskLevel::Medium }),
            implementation_plan: "1. Announce. 2. Apply. 3. Check the service end to end.".into(),
            backout_plan: "Restore the snapshot taken before the change.".into(),
            test_plan: "Run the service's smoke tests.".into(),
            planned_start: Some(at(start)),
            planned_end: Some(at(end)),
            release_id: (spec.title.starts_with("ERP 11.3") || spec.title.starts_with("Upgrade ERP"))
                .then_some(release.id),
            template: (spec.kind == Standard).then(|| {
                if spec.title.contains("certificate") {
                    "certificate".into()
                } else {
                    "os-patching".into()
                }
            }),
            ..Default::default()
        };
        let key = ws.change_create(requester, raised, draft)?.change.key;
        let moved = |who: &Actor, when: i64, mv: ChangeMove| ws.change_move(who, at(when), &key, mv, None).map(|_| ());
        let to = |status: ChangeStatus| ChangeMove { to: Some(status), accept_conflicts: true, ..Default::default() };
        let mut steps: Vec<ChangeStatus> = vec![Submitted];
        if spec.kind != Standard {
            steps.extend([Assessed, Approved]);
        }
        steps.extend([
            Scheduled,
            Implementing,
            if spec.title.starts_with("Patch the ERP") { Failed } else { Implemented },
            Reviewed,
            Closed,
        ]);
        if spec.title.starts_with("Re-index") {
            let ending = steps.len() - 3;
            steps[ending] = BackedOut;
        }
        let reach = steps.iter().position(|s| *s == spec.last).map_or(0, |last| last + 1);
        for (i, &status) in steps.iter().enumerate().take(reach) {
            let when = match status {
                Implementing => start,
                Implemented | Failed | BackedOut => end,
                Reviewed => end + 2 * DAY,
                Closed => end + 3 * DAY,
                _ => raised.millis() + (i as i64 + 1) * HOUR,
            };
            match status {
                Approved => {
                    let change = ws.change_get(&key)?;
                    for approver in agents.iter().filter(|a| a.id.is_some_and(|id| change.approver_ids.contains(&id))) {
                        ws.change_decide(
                            approver,
                            at(when),
                            &key,
                            Verdict::Approve,
                            "Plans and backout checked.",
                            true,
                            None,
                        )?;
                        if spec.kind == Emergency {
                            break;
                        }
                    }
                }
                Reviewed => {
                    let failed = matches!(steps[i - 1], Failed | BackedOut);
                    let outcome = if failed { ReviewOutcome::Unsuccessful } else { spec.outcome };
                    let lessons = if failed {
                        "Rehearse the change on a copy of production data first."
                    } else {
                        "Went to plan."
                    };
                    moved(
                        requester,
                        when,
                        ChangeMove { review_outcome: Some(outcome), lessons: Some(lessons.into()), ..to(Reviewed) },
                    )?;
                }
                _ => moved(requester, when, to(status))?,
            }
        }
        if spec.title.starts_with("Patch the ERP") {
            let draft = TicketDraft {
                title: "ERP orders fail after the database patch".into(),
                description: "Order entry times out for every store since last night's change.".into(),
                service_id: Some(services[4]),
                impact: Level::High,
                urgency: Level::High,
                ..Default::default()
            };
            let incident = ws.ticket_create(requester, at(end + HOUR), draft)?;
            ws.link_add(requester, at(end + 2 * HOUR), &incident.key, &key, LinkKind::CausedBy)?;
        }
    }
    // Someone tunes the ERP database by hand, with no change open on it.
    if let Some((_, key)) = cis.get(1) {
        let fields = CiFields { description: Some("Buffer pool raised to 24 GB.".into()), ..Default::default() };
        ws.ci_update(&agents[2], at(now_ms - 3 * DAY), key, fields, None)?;
    }
    Ok(())
}

/// The start of the next month-end blackout (the day before the month's last day, 00:00 London
/// time, read here as 01:00 UTC so it also falls inside the blackout in summer).
fn month_end_blackout(now_ms: i64) -> i64 {
    use chrono::Datelike;
    let today = at(now_ms).datetime().date_naive();
    let next_month = if today.month() == 12 { (today.year() + 1, 1) } else { (today.year(), today.month() + 1) };
    let first = chrono::NaiveDate::from_ymd_opt(next_month.0, next_month.1, 1).expect("a date");
    let day_before_last = first - chrono::Duration::days(2);
    day_before_last.and_hms_opt(1, 0, 0).expect("a time").and_utc().timestamp_millis()
}
