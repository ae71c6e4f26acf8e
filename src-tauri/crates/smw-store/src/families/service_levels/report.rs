//! The SLA report behind the dashboard and `smw sla report`: compliance per service, customer
//! and priority per month, the breached and at-risk lists, mean times and backlog age.
//!
//! A clock counts in the period when it was decided in it (see `SlaReport`): stopped met or
//! late at its stop, or breached while open at its due instant. Open clocks still within
//! target are undecided and count nowhere yet.

use super::at_risk::{state_from, LiveElapsed};
use crate::columns::{get_enum, get_opt_ts, get_opt_uuid, get_ts, get_uuid};
use crate::error::StoreResult;
use crate::stored::{list_live, Stored};
use crate::workspace::Workspace;
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use smw_core::catalogue::{Customer, Service};
use smw_core::sla::ClockState;
use smw_core::views_sla::{
    AgeBucket, BacklogAge, ClockKind, ComplianceFigure, ComplianceRow, MonthCompliance, SlaReport,
};
use smw_core::workflow::Status;
use smw_core::{Code, Invalid, Timestamp};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Months of figures shown when no period is given: the current one and the five before.
const DEFAULT_MONTHS: u32 = 6;
const DAY: i64 = 86_400;

impl Workspace {
    /// Figures for `[from, to)`; `to` defaults to `now`, `from` to the start of the UTC month
    /// five months before `to`. The breached, at-risk and backlog figures are as of `now`.
    pub fn sla_report(&self, now: Timestamp, from: Option<Timestamp>, to: Option<Timestamp>) -> StoreResult<SlaReport> {
        let to = to.unwrap_or(now);
        let from = match from {
            Some(from) => from,
            None => default_from(to)?,
        };
        if from >= to {
            return Err(Invalid::field(Code::EmptyPeriod, "from", "The period must start before it ends.").into());
        }
        report(&self.reader(), now, from, to)
    }
}

fn default_from(to: Timestamp) -> StoreResult<Timestamp> {
    let day = to.datetime().date_naive();
    let first = NaiveDate::from_ymd_opt(day.year(), day.month(), 1)
        .and_then(|d| d.checked_sub_months(Months::new(DEFAULT_MONTHS - 1)));
    let at = first.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|d| Timestamp::from_datetime(d.and_utc()));
    at.ok_or_else(|| {
        Invalid::field(Code::OutOfRange, "to", "The end of the period is too early to count months back from.").into()
    })
}

/// Met and breached counts of both clocks, in total and per month.
#[derive(Default)]
struct Tally {
    response: ComplianceFigure,
    resolution: ComplianceFigure,
    months: BTreeMap<String, (ComplianceFigure, ComplianceFigure)>,
}

impl Tally {
    fn add(&mut self, clock: ClockKind, month: &str, breached: bool) {
        let (total, monthly) = match clock {
            ClockKind::Response => (&mut self.response, &mut self.months.entry(month.to_string()).or_default().0),
            ClockKind::Resolution => (&mut self.resolution, &mut self.months.entry(month.to_string()).or_default().1),
        };
        for figure in [total, monthly] {
            if breached {
                figure.breached += 1;
            } else {
                figure.met += 1;
            }
        }
    }

    fn into_row(self, key: String, name: String) -> ComplianceRow {
        let months: Vec<MonthCompliance> = self
            .months
            .into_iter()
            .map(|(month, (response, resolution))| MonthCompliance {
                month,
                response: with_percent(response),
                resolution: with_percent(resolution),
            })
            .collect();
        let percents: Vec<f64> = months.iter().filter_map(|m| m.resolution.percent).collect();
        let trend_points = match percents.as_slice() {
            [.., before, last] => Some(((last - before) * 100.0).round() / 100.0),
            _ => None,
        };
        ComplianceRow {
            key,
            name,
            response: with_percent(self.response),
            resolution: with_percent(self.resolution),
            months,
            trend_points,
        }
    }
}

fn with_percent(mut figure: ComplianceFigure) -> ComplianceFigure {
    let decided = figure.met + figure.breached;
    figure.percent = (decided > 0).then(|| (figure.met as f64 * 10_000.0 / decided as f64).round() / 100.0);
    figure
}

fn month_of(at: Timestamp) -> String {
    at.datetime().format("%Y-%m").to_string()
}

fn report(conn: &Connection, now: Timestamp, from: Timestamp, to: Timestamp) -> StoreResult<SlaReport> {
    let mut overall = Tally::default();
    let mut by_service: HashMap<Uuid, Tally> = HashMap::new();
    let mut by_customer: HashMap<Uuid, Tally> = HashMap::new();
    let mut by_priority: BTreeMap<u8, Tally> = BTreeMap::new();
    let mut live = LiveElapsed::new(conn);
    {
        let mut stmt = conn.prepare_cached(
            "SELECT c.clock, c.state, c.target_seconds, c.elapsed_seconds, c.due_at, c.stopped_at, c.breached,
                    c.computed_at, t.service_id, t.customer_id, t.priority, s.calendar_id
             FROM ticket_clocks c
             JOIN tickets t ON t.id = c.ticket_id
             JOIN slas s ON s.id = c.sla_id
             WHERE t.deleted_at IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let clock = get_enum(row, 0, ClockKind::parse)?;
            let state = get_enum(row, 1, state_from)?;
            let target: i64 = row.get(2)?;
            let decision = if state == ClockState::Stopped {
                get_opt_ts(row, 5)?.map(|at| (at, row.get::<_, bool>(6)))
            } else {
                let elapsed = live.at(get_uuid(row, 11)?, state, row.get(3)?, get_ts(row, 7)?, now)?;
                let due = get_opt_ts(row, 4)?;
                due.filter(|_| elapsed > target).map(|at| (at, Ok(true)))
            };
            let Some((decided_at, breached)) = decision else { continue };
            if decided_at < from || decided_at >= to {
                continue;
            }
            let (breached, month) = (breached?, month_of(decided_at));
            overall.add(clock, &month, breached);
            if let Some(service) = get_opt_uuid(row, 8)? {
                by_service.entry(service).or_default().add(clock, &month, breached);
            }
            if let Some(customer) = get_opt_uuid(row, 9)? {
                by_customer.entry(customer).or_default().add(clock, &month, breached);
            }
            by_priority.entry(row.get(10)?).or_default().add(clock, &month, breached);
        }
    }
    let service_rows = rows_by_record::<Service>(conn, by_service, |s| (s.key, s.name))?;
    let customer_rows = rows_by_record::<Customer>(conn, by_customer, |c| (c.key, c.name))?;
    let priority_rows =
        by_priority.into_iter().map(|(p, tally)| tally.into_row(format!("P{p}"), format!("Priority {p}"))).collect();

    let (breached, at_risk): (Vec<_>, Vec<_>) =
        super::at_risk::at_risk(conn, now)?.into_iter().partition(|c| c.breached);
    let tickets = ticket_figures(conn, now, from, to)?;
    Ok(SlaReport {
        from,
        to,
        generated_at: now,
        overall: overall.into_row("all".into(), "All tickets".into()),
        by_service: service_rows,
        by_customer: customer_rows,
        by_priority: priority_rows,
        breached,
        at_risk,
        mean_time_to_resolve_seconds: tickets.mean_resolve,
        mean_resolution_business_seconds: tickets.mean_business,
        resolved: tickets.resolved,
        mean_first_response_seconds: tickets.mean_response,
        responded: tickets.responded,
        backlog: tickets.backlog,
    })
}

/// A row per record tallied, named by its key and name (by its id alone when it has been
/// retired since), in key order.
fn rows_by_record<R: Stored>(
    conn: &Connection,
    tallies: HashMap<Uuid, Tally>,
    names: fn(R) -> (String, String),
) -> StoreResult<Vec<ComplianceRow>> {
    let named: HashMap<Uuid, (String, String)> =
        list_live::<R>(conn)?.into_iter().map(|record| (record.id(), names(record))).collect();
    let mut rows: Vec<ComplianceRow> = tallies
        .into_iter()
        .map(|(id, tally)| {
            let (key, name) = named.get(&id).cloned().unwrap_or_else(|| (id.to_string(), String::new()));
            tally.into_row(key, name)
        })
        .collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(rows)
}

fn mean(sum: i64, count: i64) -> Option<i64> {
    (count > 0).then(|| sum / count)
}

fn seconds_between(from: Timestamp, to: Timestamp) -> i64 {
    (to.millis() - from.millis()).div_euclid(1000)
}

/// The figures read from the tickets themselves: mean times to resolve and to respond in the
/// period, and the backlog as of `now`.
struct TicketFigures {
    mean_resolve: Option<i64>,
    mean_business: Option<i64>,
    resolved: i64,
    mean_response: Option<i64>,
    responded: i64,
    backlog: BacklogAge,
}

/// Reads every live ticket once. Each pass over the table costs about a second at 1M tickets,
/// and a query per figure took three.
fn ticket_figures(conn: &Connection, now: Timestamp, from: Timestamp, to: Timestamp) -> StoreResult<TicketFigures> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, created_at, resolved_at, responded_at, status FROM tickets WHERE deleted_at IS NULL",
    )?;
    let mut counted =
        conn.prepare_cached("SELECT elapsed_seconds FROM ticket_clocks WHERE ticket_id = ?1 AND clock = 'resolution'")?;
    let in_period = |at: Option<Timestamp>| at.filter(|at| *at >= from && *at < to);
    let (mut wall, mut resolved, mut business, mut measured) = (0, 0, 0, 0);
    let (mut response, mut responded) = (0, 0);
    let mut backlog = Backlog::default();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let created = get_ts(row, 1)?;
        if let Some(at) = in_period(get_opt_ts(row, 2)?) {
            wall += seconds_between(created, at);
            resolved += 1;
            let id: String = row.get(0)?;
            if let Some(elapsed) = counted.query_row([id], |clock| clock.get::<_, i64>(0)).optional()? {
                business += elapsed;
                measured += 1;
            }
        }
        if let Some(at) = in_period(get_opt_ts(row, 3)?) {
            response += seconds_between(created, at);
            responded += 1;
        }
        if !matches!(get_enum(row, 4, Status::parse)?, Status::Resolved | Status::Closed) {
            backlog.add(seconds_between(created, now).max(0));
        }
    }
    Ok(TicketFigures {
        mean_resolve: mean(wall, resolved),
        mean_business: mean(business, measured),
        resolved,
        mean_response: mean(response, responded),
        responded,
        backlog: backlog.into_age(),
    })
}

const BACKLOG_BUCKETS: [(&str, i64); 5] = [
    ("under 1 day", DAY),
    ("1–3 days", 3 * DAY),
    ("3–7 days", 7 * DAY),
    ("7–30 days", 30 * DAY),
    ("30 days or more", i64::MAX),
];

/// Open tickets by age.
#[derive(Default)]
struct Backlog {
    counts: [i64; BACKLOG_BUCKETS.len()],
    total_age: i64,
    open: i64,
    oldest: Option<i64>,
}

impl Backlog {
    fn add(&mut self, age: i64) {
        self.total_age += age;
        self.open += 1;
        self.oldest = Some(self.oldest.map_or(age, |o| o.max(age)));
        let bucket = BACKLOG_BUCKETS.iter().position(|&(_, limit)| age < limit).unwrap_or(BACKLOG_BUCKETS.len() - 1);
        self.counts[bucket] += 1;
    }

    fn into_age(self) -> BacklogAge {
        BacklogAge {
            open: self.open,
            mean_age_seconds: mean(self.total_age, self.open),
            oldest_age_seconds: self.oldest,
            buckets: BACKLOG_BUCKETS
                .iter()
                .zip(self.counts)
                .map(|(&(label, _), count)| AgeBucket { label: label.into(), count })
                .collect(),
        }
    }
}
