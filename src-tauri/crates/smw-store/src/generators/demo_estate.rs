//! The demo organisation's estate: about 150 configuration items across the twelve classes,
//! owned by the demo's people and groups, tied to its catalogue by relationships (services
//! depend on applications, which run on virtual machines hosted by servers, and so on), with
//! a little history for the as-of view and a few findings for the data-quality view: CIs not
//! verified for over a year, an orphan, a likely duplicate, an over-used licence and a CI
//! without an owner. Written in the demo's own transaction, through the audited write path.

use super::demo::Dice;
use crate::error::{StoreError, StoreResult};
use crate::families::cmdb::{cis, classes, relationships};
use crate::stored::list_live;
use crate::write::{Actor, WriteTx};
use chrono::{Days, NaiveDate};
use smw_core::catalogue::{Service, Supplier};
use smw_core::cmdb::{Asset, CiFields, CiStatus, Criticality, EndKind, ImpactFlow};
use smw_core::cmdb::{RelationTypeDraft, Relationship, RelationshipDraft};
use smw_core::directory::{Group, Person};
use smw_core::Timestamp;
use std::collections::HashMap;
use uuid::Uuid;

const DAY: i64 = 86_400_000;

/// Who looks after each kind of CI: (group, first owner, second owner), by the demo's names.
const TEAMS: [(&str, &str, &str); 4] = [
    ("Network", "Jun Watanabe", "Fatima Haddad"),
    ("Servers and storage", "Lena Fischer", "Samuel Okafor"),
    ("Business applications", "Chloé Martin", "Daniel Kowalski"),
    ("Workplace", "Aisha Bello", "Mikko Virtanen"),
];

/// The sites, which are CIs of their own: the demo's directory has no locations.
const SITES: [&str; 4] = ["London HQ", "Bristol warehouse", "Slough data centre", "Store 12 Leeds"];

/// One line per group of CIs (the first five are the ones the change demo works on: an
/// application, its database, the VM it runs on, that VM's host, another application): class | criticality (l, m, h, c) | site (index into SITES,
/// where it stands, said in its description) | names, separated by commas.
const CIS: &str = "
application|c|2|Ledgerline ERP
database|c|2|ERP database
virtual_machine|c|2|erp-app01
server|c|2|lon-esx01
application|h|2|Mail server
site|h|0|London HQ
site|m|1|Bristol warehouse
site|c|2|Slough data centre
site|h|3|Store 12 Leeds
network_device|c|2|dc-core-sw01, dc-core-sw02, dc-fw01, wan-router01
network_device|h|2|vpn-gw01
network_device|h|0|hq-fw01, hq-core-sw01
network_device|m|0|hq-access-sw-f1, hq-access-sw-f2, hq-wifi-ctl01
network_device|m|1|whs-sw01
network_device|h|3|store12-router01
server|c|2|lon-esx02, lon-esx03, dc-sql01
server|h|2|lon-bkp01, lon-esx04
server|m|1|whs-srv01
server|h|3|store12-srv01
storage|c|2|dc-san01
storage|h|2|dc-nas01
storage|m|2|dc-tape01
storage|l|1|whs-nas01
virtual_machine|c|2|erp-app02, erp-db-vm01, payroll-app01, payroll-db-vm01, pos-backend01, pos-backend02, dc-vm01, dc-vm02
virtual_machine|h|2|mail-vm01, mail-vm02, fs-vm01, fs-vm02, erp-batch01, crm-app01, crm-app02, crm-db-vm01, dns-vm01, dns-vm02, vpn-radius01
virtual_machine|m|2|print-vm01, mdm-vm01, monitor-vm01, backup-proxy01, web-proxy01, intranet-vm01, jump-vm01
virtual_machine|l|2|build-vm01, test-erp01, old-ftp-vm01
virtual_machine|m|1|whs-vm01
virtual_machine|h|3|store12-pos-vm01
container|h|2|k8s-prod cluster, k8s-prod: pos-api
container|m|2|k8s-prod: crm-integrations
cloud_resource|h|2|Off-site backup bucket, Email filtering service, Cloud DNS zone example.org
database|c|2|Payroll database, POS database
database|h|2|CRM database, Mail archive database
database|m|2|Intranet database, Monitoring database, MDM database
application|c|2|Ledgerline Payroll, POS backend, Active Directory
application|h|2|ERP batch jobs, SalesDesk CRM, VPN service, RADIUS authentication, File shares
application|m|2|Webmail, Print server, Device management (MDM), Monitoring, Backup software, Intranet
licence|h|2|Ledgerline ERP licence (50 users), Ledgerline Payroll licence, SalesDesk CRM subscription (25 seats)
licence|m|2|Office suite (120 seats), Hypervisor licence (6 sockets), Backup software licence, MDM licence (100 devices), Monitoring licence (200 hosts)
document|m|2|ERP runbook, Payroll runbook, Backup and restore procedure, Network diagram, Disaster recovery plan
document|l|2|POS support guide, Firewall rule base, Mail continuity plan, CMDB policy, Northlight support contract
end_user_device|h|3|Store 12 till 1, Store 12 till 2, Store 12 till 3, Store 12 till 4, Store 12 card terminal 1, Store 12 card terminal 2
end_user_device|m|0|HQ printer floor 1, HQ printer floor 2, HQ printer floor 3
end_user_device|m|0|Laptop LT-0101, Laptop LT-0102, Laptop LT-0103, Laptop LT-0104, Laptop LT-0105, Laptop LT-0106, Laptop LT-0107, Laptop LT-0108, Laptop LT-0109, Laptop LT-0110, Laptop LT-0111, Laptop LT-0112, Laptop LT-0113, Laptop LT-0114, Laptop LT-0115, Laptop LT-0116, Laptop LT-0117, Laptop LT-0118, Laptop LT-0119, Laptop LT-0120
end_user_device|m|0|Phone PH-0201, Phone PH-0202, Phone PH-0203, Phone PH-0204, Phone PH-0205, Phone PH-0206
end_user_device|m|1|Warehouse scanner 1, Warehouse scanner 2, Warehouse scanner 3, Warehouse scanner 2
";

/// source(s) | type | target(s): every source related to every target. Ends are CI names or
/// the catalogue's service names.
const RELATIONS: &str = "
dc-fw01|depends_on|dc-core-sw01, dc-core-sw02
wan-router01, vpn-gw01|depends_on|dc-fw01
hq-fw01, store12-router01, whs-sw01|connected_to|wan-router01
hq-core-sw01|depends_on|hq-fw01
hq-access-sw-f1, hq-access-sw-f2, hq-wifi-ctl01|depends_on|hq-core-sw01
dc-core-sw01, dc-core-sw02, dc-fw01, wan-router01, vpn-gw01, lon-esx01, lon-esx02, lon-esx03, lon-esx04, dc-sql01, lon-bkp01, dc-san01, dc-nas01, dc-tape01|part_of|Slough data centre
hq-fw01, hq-core-sw01, hq-access-sw-f1, hq-access-sw-f2, hq-wifi-ctl01|part_of|London HQ
whs-sw01, whs-srv01, whs-nas01|part_of|Bristol warehouse
store12-router01, store12-srv01|part_of|Store 12 Leeds
lon-esx01, lon-esx02, lon-esx03, lon-bkp01, dc-sql01|depends_on|dc-core-sw01, dc-core-sw02
lon-esx01, lon-esx02, lon-esx03, dc-sql01|uses|dc-san01
lon-esx01, lon-esx02, lon-esx03|uses|Hypervisor licence (6 sockets)
lon-bkp01|uses|dc-tape01, dc-nas01
whs-srv01, whs-nas01|depends_on|whs-sw01
store12-srv01|depends_on|store12-router01
mail-vm01, fs-vm01, erp-app01, payroll-app01, crm-app01, pos-backend01, dc-vm01, dns-vm01, monitor-vm01, intranet-vm01|hosted_by|lon-esx01
mail-vm02, fs-vm02, erp-app02, erp-batch01, crm-app02, pos-backend02, dc-vm02, dns-vm02, print-vm01, mdm-vm01|hosted_by|lon-esx02
vpn-radius01, backup-proxy01, web-proxy01, erp-db-vm01, payroll-db-vm01, crm-db-vm01, jump-vm01, build-vm01, test-erp01|hosted_by|lon-esx03
whs-vm01|hosted_by|whs-srv01
store12-pos-vm01|hosted_by|store12-srv01
mail-vm01, mail-vm02, fs-vm01, fs-vm02, erp-app01, erp-db-vm01, payroll-db-vm01, crm-db-vm01|backed_up_by|lon-bkp01
ERP database|runs_on|erp-db-vm01
Payroll database|runs_on|payroll-db-vm01
POS database|runs_on|dc-sql01
CRM database|runs_on|crm-db-vm01
Mail archive database|runs_on|mail-vm02
Intranet database|runs_on|intranet-vm01
Monitoring database|runs_on|monitor-vm01
MDM database|runs_on|mdm-vm01
ERP database, Payroll database, POS database, CRM database|backed_up_by|dc-tape01
ERP database, Payroll database|backed_up_by|Off-site backup bucket
Mail archive database, Intranet database, Monitoring database, MDM database|backed_up_by|dc-nas01
Active Directory|runs_on|dc-vm01, dc-vm02
Active Directory|depends_on|dns-vm01, dns-vm02
Ledgerline ERP|runs_on|erp-app01, erp-app02
Ledgerline ERP, ERP batch jobs|depends_on|ERP database
ERP batch jobs|runs_on|erp-batch01
Ledgerline Payroll|runs_on|payroll-app01
Ledgerline Payroll|depends_on|Payroll database, Ledgerline ERP
SalesDesk CRM|runs_on|crm-app01, crm-app02
SalesDesk CRM|depends_on|CRM database
SalesDesk CRM|uses|k8s-prod: crm-integrations
Ledgerline ERP, SalesDesk CRM, File shares, Intranet, RADIUS authentication, Mail server|depends_on|Active Directory
Mail server|runs_on|mail-vm01, mail-vm02
Mail server|depends_on|Mail archive database, Email filtering service, Cloud DNS zone example.org
Webmail|depends_on|Mail server
Webmail|runs_on|web-proxy01
VPN service|runs_on|vpn-gw01
VPN service|depends_on|RADIUS authentication
RADIUS authentication|runs_on|vpn-radius01
File shares|runs_on|fs-vm01, fs-vm02
File shares|uses|dc-nas01
Print server|runs_on|print-vm01
k8s-prod cluster|runs_on|pos-backend01, pos-backend02
k8s-prod: pos-api, k8s-prod: crm-integrations|runs_on|k8s-prod cluster
POS backend|runs_on|k8s-prod: pos-api
POS backend|depends_on|POS database
store12-pos-vm01|uses|POS backend
Device management (MDM)|runs_on|mdm-vm01
Device management (MDM)|depends_on|MDM database
Monitoring|runs_on|monitor-vm01
Monitoring|depends_on|Monitoring database
Backup software|runs_on|lon-bkp01, backup-proxy01
Intranet|runs_on|intranet-vm01
Intranet|depends_on|Intranet database
whs-vm01|uses|Ledgerline ERP
Ledgerline ERP, ERP batch jobs|uses|Ledgerline ERP licence (50 users)
Ledgerline Payroll|uses|Ledgerline Payroll licence
SalesDesk CRM|uses|SalesDesk CRM subscription (25 seats)
Backup software|uses|Backup software licence
Device management (MDM)|uses|MDM licence (100 devices)
Monitoring|uses|Monitoring licence (200 hosts)
Ledgerline ERP, ERP batch jobs|documented by|ERP runbook
Ledgerline Payroll|documented by|Payroll runbook
Backup software|documented by|Backup and restore procedure
dc-core-sw01, hq-core-sw01|documented by|Network diagram
Slough data centre|documented by|Disaster recovery plan
POS backend|documented by|POS support guide
dc-fw01, hq-fw01|documented by|Firewall rule base
Mail server|documented by|Mail continuity plan
Monitoring|documented by|CMDB policy
wan-router01|documented by|Northlight support contract
Store 12 till 1, Store 12 till 2, Store 12 till 3, Store 12 till 4|depends_on|store12-pos-vm01, store12-router01
Store 12 card terminal 1, Store 12 card terminal 2|depends_on|store12-router01
HQ printer floor 1, HQ printer floor 2, HQ printer floor 3|depends_on|Print server, hq-access-sw-f1
Warehouse scanner 1, Warehouse scanner 2, Warehouse scanner 3|depends_on|whs-vm01, whs-sw01
Warehouse scanner 2 (again)|depends_on|whs-sw01
Laptop LT-0101, Laptop LT-0102, Laptop LT-0103, Laptop LT-0104, Laptop LT-0105, Laptop LT-0106, Laptop LT-0107, Laptop LT-0108, Laptop LT-0109, Laptop LT-0110, Laptop LT-0111, Laptop LT-0112, Laptop LT-0113, Laptop LT-0114, Laptop LT-0115, Laptop LT-0116, Laptop LT-0117, Laptop LT-0118, Laptop LT-0119, Laptop LT-0120|depends_on|hq-wifi-ctl01
Laptop LT-0101, Laptop LT-0102, Laptop LT-0103, Laptop LT-0104, Laptop LT-0105, Laptop LT-0106, Laptop LT-0107, Laptop LT-0108, Laptop LT-0109, Laptop LT-0110, Laptop LT-0111, Laptop LT-0112, Laptop LT-0113, Laptop LT-0114, Laptop LT-0115, Laptop LT-0116, Laptop LT-0117, Laptop LT-0118, Laptop LT-0119, Laptop LT-0120|uses|Office suite (120 seats), Device management (MDM)
Phone PH-0201, Phone PH-0202, Phone PH-0203, Phone PH-0204, Phone PH-0205, Phone PH-0206|uses|Device management (MDM), Mail server
Network access|depends_on|hq-core-sw01, hq-wifi-ctl01, wan-router01, whs-sw01, store12-router01
Email and calendar|depends_on|Mail server, Webmail
Remote access (VPN)|depends_on|VPN service
File storage|depends_on|File shares, Backup software
ERP|depends_on|Ledgerline ERP, ERP batch jobs
Payroll|depends_on|Ledgerline Payroll
CRM|depends_on|SalesDesk CRM
Laptop and phone provisioning|depends_on|Device management (MDM)
Printing|depends_on|Print server
Point of sale|depends_on|POS backend, store12-pos-vm01
";

/// service | the CIs that support it (their `service_ids`; relationships carry the rest).
const SUPPORTS: &str = "
ERP|Ledgerline ERP, ERP database, erp-app01, erp-app02, erp-db-vm01, ERP batch jobs, erp-batch01
Payroll|Ledgerline Payroll, Payroll database, payroll-app01, payroll-db-vm01
CRM|SalesDesk CRM, CRM database, crm-app01, crm-app02, crm-db-vm01
Email and calendar|Mail server, Webmail, mail-vm01, mail-vm02, Mail archive database
Remote access (VPN)|VPN service, RADIUS authentication, vpn-gw01
File storage|File shares, fs-vm01, fs-vm02, dc-nas01
Printing|Print server, print-vm01
Point of sale|POS backend, POS database, store12-pos-vm01, store12-router01
Laptop and phone provisioning|Device management (MDM), mdm-vm01
Network access|hq-core-sw01, hq-wifi-ctl01, wan-router01, whs-sw01
";

/// Not verified for over a year: the data-quality view's first finding.
const STALE: [&str; 4] = ["dc-tape01", "whs-srv01", "HQ printer floor 3", "Store 12 card terminal 2"];

/// Licences: name, seats bought, seats in use (the office suite is over-used).
const SEATS: [(&str, i64, i64); 8] = [
    ("Ledgerline ERP licence (50 users)", 50, 48),
    ("Ledgerline Payroll licence", 1, 1),
    ("SalesDesk CRM subscription (25 seats)", 25, 22),
    ("Office suite (120 seats)", 120, 131),
    ("Hypervisor licence (6 sockets)", 6, 6),
    ("Backup software licence", 8, 7),
    ("MDM licence (100 devices)", 100, 87),
    ("Monitoring licence (200 hosts)", 200, 64),
];

/// Writes the estate. The directory and catalogue are read back by name, so this depends
/// on the demo's names, not on its private structures.
pub(crate) fn write(w: &mut WriteTx, now: Timestamp) -> StoreResult<()> {
    // Written after the tickets (so their history keeps its numbering) but dated before them.
    let created = Timestamp::from_millis(now.millis() - 91 * DAY).expect("in range");
    w.act_as(&Actor::system("demo generator"), created);
    let people: HashMap<String, Uuid> = list_live::<Person>(w.conn())?.into_iter().map(|p| (p.name, p.id)).collect();
    let groups: HashMap<String, Uuid> = list_live::<Group>(w.conn())?.into_iter().map(|g| (g.name, g.id)).collect();
    let suppliers: HashMap<String, Uuid> =
        list_live::<Supplier>(w.conn())?.into_iter().map(|s| (s.name, s.id)).collect();
    let person = |name: &str| people.get(name).copied().ok_or_else(|| missing("person", name));
    let services: HashMap<String, Uuid> = list_live::<Service>(w.conn())?.into_iter().map(|s| (s.name, s.id)).collect();
    let mut supports: HashMap<&str, Vec<Uuid>> = HashMap::new();
    for line in SUPPORTS.lines().filter(|line| !line.trim().is_empty()) {
        let (service, names) = line.split_once('|').ok_or_else(|| missing("well-formed demo estate line", line))?;
        let id = *services.get(service).ok_or_else(|| missing("service", service))?;
        names.split(", ").for_each(|name| supports.entry(name).or_default().push(id));
    }
    let mut dice = Dice::new(0xC0DE_2026);
    let mut ends: HashMap<String, (EndKind, Uuid, String)> = HashMap::new();
    let mut n = 0usize;
    for line in CIS.lines().filter(|line| !line.trim().is_empty()) {
        let [class, level, site, names] = fields(line)?;
        let site = site.parse::<usize>().ok().and_then(|i| SITES.get(i)).ok_or_else(|| missing("site", site))?;
        for name in names.split(", ") {
            n += 1;
            let team = team_of(class, name);
            let owner = person(if n % 2 == 0 { TEAMS[team].1 } else { TEAMS[team].2 })?;
            let mut fields = CiFields {
                name: Some(name.into()),
                class: Some(class.into()),
                criticality: Some(criticality(level)),
                description: Some(format!("At {site}.")),
                owner_id: Some((name != "Cloud DNS zone example.org" && name != "old-ftp-vm01").then_some(owner)),
                group_id: Some(groups.get(TEAMS[team].0).copied()),
                verified_at: Some(Some(created)),
                verified_by: Some(Some(owner)),
                service_ids: supports.get(name).cloned(),
                ..Default::default()
            };
            if let Some(at) = STALE.iter().position(|stale| *stale == name) {
                fields.verified_at = Some(Timestamp::from_millis(now.millis() - (400 + 45 * at as i64) * DAY));
            }
            if name == "old-ftp-vm01" {
                (fields.verified_at, fields.verified_by) = (Some(None), Some(None));
            }
            if name == "lon-esx04" {
                fields.status = Some(CiStatus::InBuild);
            }
            let supplier = match (class, name.starts_with("Ledgerline")) {
                ("network_device", _) => Some("Northlight Networks"),
                (_, true) => Some("Ledgerline Software"),
                _ => None,
            };
            fields.supplier_id = Some(supplier.and_then(|s| suppliers.get(s).copied()));
            hardware(&mut dice, &mut fields, class, n, now);
            if let Some((_, seats, used)) = SEATS.iter().find(|(licence, ..)| *licence == name) {
                fields.asset = Some(Asset { seats: Some(*seats), seats_used: Some(*used), ..Default::default() });
            }
            let ci = cis::create(w, fields)?;
            // The second "Warehouse scanner 2" is the likely duplicate; RELATIONS calls it "(again)".
            let name = if ends.contains_key(name) { format!("{name} (again)") } else { name.to_string() };
            ends.insert(name, (EndKind::Ci, ci.id, ci.key));
        }
    }
    for service in list_live::<Service>(w.conn())? {
        ends.insert(service.name, (EndKind::Service, service.id, service.key));
    }
    let documented =
        RelationTypeDraft { name: "documented by".into(), reverse_name: "documents".into(), flow: ImpactFlow::Neither };
    classes::create_relation_type(w, documented)?;
    let types = classes::relation_types(w.conn())?;
    let mut made: HashMap<(String, String), Relationship> = HashMap::new();
    for line in RELATIONS.lines().filter(|line| !line.trim().is_empty()) {
        let line = format!("{line}|");
        let [sources, relation, targets, _] = fields(&line)?;
        for source in sources.split(", ") {
            for target in targets.split(", ") {
                let (s, t) = (end(&ends, source)?, end(&ends, target)?);
                let draft = RelationshipDraft {
                    source_kind: s.0,
                    source_id: s.1,
                    relation: relation.into(),
                    target_kind: t.0,
                    target_id: t.1,
                    note: String::new(),
                };
                made.insert((source.into(), target.into()), relationships::create(w, draft, &types)?);
            }
        }
    }
    history(w, &ends, &made, now, &person)
}

/// Later moments for the as-of view: a host in maintenance for a day, a VM moved to another
/// host, a switch verified again.
fn history(
    w: &mut WriteTx,
    ends: &HashMap<String, (EndKind, Uuid, String)>,
    made: &HashMap<(String, String), Relationship>,
    now: Timestamp,
    person: &dyn Fn(&str) -> StoreResult<Uuid>,
) -> StoreResult<()> {
    let acting = |name: &str| -> StoreResult<Actor> { Ok(Actor { id: Some(person(name)?), name: name.into() }) };
    let key = |name: &str| end(ends, name).map(|e| e.2.clone());
    let at = |days: i64| Timestamp::from_millis(now.millis() - days * DAY).expect("in range");
    w.act_as(&acting("Lena Fischer")?, at(45));
    let maintenance = CiFields { status: Some(CiStatus::Maintenance), ..Default::default() };
    cis::update(w, &key("lon-esx03")?, maintenance, None)?;
    w.act_as(&acting("Lena Fischer")?, at(44));
    cis::update(w, &key("lon-esx03")?, CiFields { status: Some(CiStatus::Live), ..Default::default() }, None)?;
    w.act_as(&acting("Samuel Okafor")?, at(20));
    let old = &made[&("crm-app01".to_string(), "lon-esx01".to_string())];
    w.retire(old, |_| {})?;
    let types = classes::relation_types(w.conn())?;
    let (vm, host) = (end(ends, "crm-app01")?, end(ends, "lon-esx02")?);
    let draft = RelationshipDraft {
        source_kind: vm.0,
        source_id: vm.1,
        relation: "hosted_by".into(),
        target_kind: host.0,
        target_id: host.1,
        note: "Moved off lon-esx01 to balance memory.".into(),
    };
    relationships::create(w, draft, &types)?;
    w.act_as(&acting("Jun Watanabe")?, at(7));
    let verified = CiFields {
        verified_at: Some(Some(at(7))),
        verified_by: Some(Some(person("Jun Watanabe")?)),
        ..Default::default()
    };
    cis::update(w, &key("hq-access-sw-f2")?, verified, None)?;
    Ok(())
}

/// Serial number, asset tag, cost and dates for the classes that are bought as hardware.
fn hardware(dice: &mut Dice, fields: &mut CiFields, class: &str, n: usize, now: Timestamp) {
    let (prefix, cost) = match class {
        "server" => ("CZJ", 9_800.0),
        "network_device" => ("FOC", 3_400.0),
        "storage" => ("SGH", 14_500.0),
        "end_user_device" => ("PF", 650.0),
        _ => return,
    };
    fields.serial_number = Some(format!("{prefix}{:07}", 1_000_000 + dice.below(9_000_000)));
    fields.asset_tag = Some(format!("AT-{:05}", 10_000 + n));
    let today = now.datetime().date_naive();
    let purchased = today.checked_sub_days(Days::new(200 + dice.below(1_200) as u64)).unwrap_or(today);
    let warranty: Option<NaiveDate> = purchased.checked_add_days(Days::new(3 * 365));
    fields.asset =
        Some(Asset { cost: Some(cost), purchased_on: Some(purchased), warranty_until: warranty, ..Default::default() });
}

/// Which team looks after a CI: by class, and for virtual machines by what runs on them.
fn team_of(class: &str, name: &str) -> usize {
    match class {
        "network_device" => 0,
        "server" | "storage" | "virtual_machine" | "container" | "cloud_resource" | "site" => 1,
        "end_user_device" => 3,
        "licence" if name.starts_with("Office") || name.starts_with("MDM") => 3,
        "document" if name.contains("Network") || name.contains("Firewall") || name.contains("Northlight") => 0,
        _ => 2,
    }
}

fn criticality(level: &str) -> Criticality {
    match level {
        "c" => Criticality::Critical,
        "h" => Criticality::High,
        "l" => Criticality::Low,
        _ => Criticality::Medium,
    }
}

fn fields(line: &str) -> StoreResult<[&str; 4]> {
    let parts: Vec<&str> = line.trim().splitn(4, '|').collect();
    parts.try_into().map_err(|_| StoreError::not_found("well-formed demo estate line", line))
}

fn end<'a>(ends: &'a HashMap<String, (EndKind, Uuid, String)>, name: &str) -> StoreResult<&'a (EndKind, Uuid, String)> {
    ends.get(name).ok_or_else(|| missing("CI or service", name))
}

/// The demo's directory or catalogue lost a name the estate relies on: a generator bug
/// that the demo tests catch.
fn missing(what: &'static str, name: &str) -> StoreError {
    StoreError::not_found(what, name)
}
