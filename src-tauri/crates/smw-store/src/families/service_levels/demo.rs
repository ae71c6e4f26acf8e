//! The demo organisation's service level agreements: an office-hours calendar for Berlin with
//! its public holidays, a 24×7 calendar, a supplier's own support hours, SLAs per customer for
//! the main services, OLAs for two support groups and two underpinning contracts, one of
//! which is deliberately weaker than the SLAs above it so the consistency check has a finding.
//! Two services (provisioning and printing) are left without an SLA for the same reason.

use super::{calendars, slas, underpinning};
use crate::error::StoreResult;
use crate::stored::list_live;
use crate::write::Actor;
use crate::write::WriteTx;
use chrono::{Datelike, Duration, NaiveDate};
use smw_core::agreements::{CalendarDraft, ContractDraft, OlaDraft, PriorityTarget, SlaDraft};
use smw_core::catalogue::{Customer, Service, Supplier};
use smw_core::directory::{Group, Person};
use smw_core::priority::Level;
use smw_core::sla::CalendarDefinition;
use smw_core::ticket::TicketDraft;
use smw_core::Timestamp;

/// (response, resolution) minutes for P1 … P5, in business time of the SLA's calendar.
const OFFICE_TARGETS: [(u32, u32); 5] = [(15, 240), (30, 480), (120, 1_200), (240, 3_000), (480, 6_000)];
const ROUND_THE_CLOCK_TARGETS: [(u32, u32); 5] = [(15, 240), (30, 480), (60, 1_440), (240, 4_320), (480, 10_080)];
const NETWORK_OLA: [(u32, u32); 5] = [(10, 180), (20, 360), (60, 960), (180, 2_400), (240, 4_800)];
const APPLICATIONS_OLA: [(u32, u32); 5] = [(15, 210), (30, 420), (120, 1_080), (240, 2_880), (480, 5_400)];
const NORTHLIGHT: [(u32, u32); 5] = [(10, 120), (15, 240), (60, 720), (120, 1_440), (240, 2_880)];
/// Weaker than the ERP SLAs at P1 and P2, and only within the supplier's own hours.
const LEDGERLINE: [(u32, u32); 5] = [(60, 480), (120, 960), (120, 1_200), (240, 3_000), (480, 6_000)];

/// Services (by index in the demo catalogue) with an office-hours SLA for every customer.
const SERVICES_FOR_EVERYONE: [usize; 6] = [0, 1, 2, 3, 4, 6];
const PAYROLL: usize = 5;
const POINT_OF_SALE: usize = 9;
const NETWORK: usize = 0;
const ERP: usize = 4;

fn targets(table: [(u32, u32); 5]) -> Vec<PriorityTarget> {
    table
        .iter()
        .map(|&(response_minutes, resolution_minutes)| PriorityTarget { response_minutes, resolution_minutes })
        .collect()
}

fn every_weekday(zone: &str, from: &str, to: &str, days: usize) -> CalendarDefinition {
    let mut definition = CalendarDefinition { timezone: zone.into(), ..Default::default() };
    for day in 0..days {
        *definition.week.day_mut(day) = vec![(from.into(), to.into())];
    }
    definition
}

/// Easter Sunday (anonymous Gregorian algorithm): the movable holidays hang off it.
fn easter(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a date")
}

/// Public holidays in Berlin for the given years.
fn berlin_holidays(years: std::ops::RangeInclusive<i32>) -> Vec<String> {
    let mut dates = Vec::new();
    for year in years {
        for (month, day) in [(1, 1), (3, 8), (5, 1), (10, 3), (12, 25), (12, 26)] {
            dates.push(NaiveDate::from_ymd_opt(year, month, day).expect("fixed holiday"));
        }
        let sunday = easter(year);
        for offset in [-2, 1, 39, 50] {
            dates.push(sunday + Duration::days(offset));
        }
    }
    dates.sort();
    dates.iter().map(|date| date.format("%Y-%m-%d").to_string()).collect()
}

pub(crate) fn demo_service_levels(w: &mut WriteTx) -> StoreResult<()> {
    let customers = list_live::<Customer>(w.conn())?;
    let services = list_live::<Service>(w.conn())?;
    let groups = list_live::<Group>(w.conn())?;
    let suppliers = list_live::<Supplier>(w.conn())?;
    let today = w.now().datetime().date_naive();
    let valid_from = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).expect("first of January");
    let review_date = Some(NaiveDate::from_ymd_opt(today.year() + 1, 3, 31).expect("end of March"));

    let mut office = every_weekday("Europe/Berlin", "08:00", "18:00", 5);
    office.holidays = berlin_holidays(today.year() - 1..=today.year() + 1);
    let office = calendars::create(w, CalendarDraft { name: "Office hours Berlin".into(), definition: office })?;
    let round_the_clock = calendars::create(
        w,
        CalendarDraft { name: "24×7".into(), definition: every_weekday("UTC", "00:00", "24:00", 7) },
    )?;
    let supplier_hours = calendars::create(
        w,
        CalendarDraft {
            name: "Ledgerline support hours".into(),
            definition: every_weekday("Europe/London", "09:00", "17:00", 5),
        },
    )?;

    let mut agreements: Vec<(usize, usize, bool)> = Vec::new();
    for customer in 0..customers.len() {
        agreements.extend(SERVICES_FOR_EVERYONE.iter().map(|&service| (customer, service, false)));
    }
    agreements.push((0, PAYROLL, false));
    agreements.push((1, POINT_OF_SALE, true));
    for (customer, service, all_day) in agreements {
        let (Some(customer), Some(service)) = (customers.get(customer), services.get(service)) else { continue };
        let draft = SlaDraft {
            name: format!("{} – {}", customer.name, service.name),
            customer_id: customer.id,
            service_id: service.id,
            calendar_id: if all_day { round_the_clock.id } else { office.id },
            targets: targets(if all_day { ROUND_THE_CLOCK_TARGETS } else { OFFICE_TARGETS }),
            availability_percent: Some(if all_day { 99.9 } else { 99.5 }),
            valid_from,
            valid_to: None,
            review_date,
            pausing_statuses: None,
            warning_thresholds: None,
        };
        slas::create(w, draft)?;
    }

    let olas = [
        ("Network team – network access", 1, NETWORK, NETWORK_OLA),
        ("Business applications – ERP", 3, ERP, APPLICATIONS_OLA),
    ];
    for (name, group, service, table) in olas {
        let (Some(group), Some(service)) = (groups.get(group), services.get(service)) else { continue };
        let draft = OlaDraft {
            name: name.into(),
            group_id: group.id,
            service_id: Some(service.id),
            calendar_id: office.id,
            targets: targets(table),
            valid_from,
            valid_to: None,
        };
        underpinning::create_ola(w, draft)?;
    }

    let contracts = [
        ("Northlight Networks – network hardware support", 0, NETWORK, round_the_clock.id, NORTHLIGHT),
        ("Ledgerline Software – ERP support", 1, ERP, supplier_hours.id, LEDGERLINE),
    ];
    for (name, supplier, service, calendar_id, table) in contracts {
        let (Some(supplier), Some(service)) = (suppliers.get(supplier), services.get(service)) else { continue };
        let draft = ContractDraft {
            name: name.into(),
            supplier_id: supplier.id,
            service_id: service.id,
            calendar_id,
            targets: targets(table),
            valid_from,
            valid_to: None,
        };
        underpinning::create_contract(w, draft)?;
    }
    Ok(())
}

/// Three store tickets under the 24×7 point-of-sale SLA, logged shortly before `now` so that,
/// whatever the weekday and hour of `now`, the dashboard has clocks past their warning
/// threshold (the P1 and P3 resolution clocks) and clocks already breached (their responses).
pub(crate) fn demo_tickets_near_deadline(w: &mut WriteTx, now: Timestamp) -> StoreResult<()> {
    let customers = list_live::<Customer>(w.conn())?;
    let services = list_live::<Service>(w.conn())?;
    let (Some(retail), Some(point_of_sale)) = (customers.get(1), services.get(POINT_OF_SALE)) else {
        return Ok(());
    };
    let people = list_live::<Person>(w.conn())?;
    let caller = people.iter().find(|p| p.customer_id == Some(retail.id)).map(|p| p.id);
    let Some(logger) = people.iter().find(|p| !p.group_ids.is_empty()) else { return Ok(()) };
    let logger = Actor { id: Some(logger.id), name: logger.name.clone() };
    // (title, impact, urgency, minutes before now): 190 of 240 min, 1 200 of 1 440 min used.
    let near = [
        ("Card terminals offline in store 4", Level::High, Level::High, 190),
        ("Receipt printer jams at till 2", Level::Medium, Level::Medium, 1_200),
        ("Price labels print with the wrong currency", Level::Medium, Level::Medium, 1_380),
    ];
    for (title, impact, urgency, minutes) in near {
        w.act_as(&logger, Timestamp::from_millis(now.millis() - minutes * 60_000).expect("in range"));
        let draft = TicketDraft {
            title: title.into(),
            description: "Reported by the store manager by phone.".into(),
            caller_id: caller,
            customer_id: Some(retail.id),
            service_id: Some(point_of_sale.id),
            category: "point of sale".into(),
            impact,
            urgency,
            ..Default::default()
        };
        crate::tickets::create(w, draft)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_and_berlin_holidays() {
        assert_eq!(easter(2026), NaiveDate::from_ymd_opt(2026, 4, 5).unwrap());
        assert_eq!(easter(2027), NaiveDate::from_ymd_opt(2027, 3, 28).unwrap());
        let holidays = berlin_holidays(2026..=2026);
        assert!(holidays.contains(&"2026-04-03".to_string()), "Good Friday");
        assert!(holidays.contains(&"2026-05-25".to_string()), "Whit Monday");
        assert_eq!(holidays.len(), 10);
    }
}
