import type { Code } from '../bindings/Code';
// Service-level answers for the mocked backend: two calendars, two SLAs, an OLA, a contract,
// a report whose figures follow the period asked for, at-risk clocks and clock explanations.
// Dev-only, like the rest of src/preview/.
import type { AppError } from '../api/types';
import type { AtRiskClock } from '../bindings/AtRiskClock';
import type { CalendarDefinition } from '../bindings/CalendarDefinition';
import type { CalendarRecord } from '../bindings/CalendarRecord';
import type { ClockExplanation } from '../bindings/ClockExplanation';
import type { ComplianceRow } from '../bindings/ComplianceRow';
import type { Contract } from '../bindings/Contract';
import type { Directory } from '../bindings/Directory';
import type { Ola } from '../bindings/Ola';
import type { PriorityTarget } from '../bindings/PriorityTarget';
import type { Sla } from '../bindings/Sla';
import type { SlaClock } from '../bindings/SlaClock';
import type { SlaReport } from '../bindings/SlaReport';
import type { Ticket } from '../bindings/Ticket';
import { fakeId, hoursAgo } from './demoData';

type Args = Record<string, unknown>;
const fail = (code: Code, message: string, field?: string): AppError => ({ code, message, ...(field ? { field } : {}) });
const HOUR = 3600;

export const DEMO_TARGETS: PriorityTarget[] = [
  { response_minutes: 15, resolution_minutes: 240 },
  { response_minutes: 30, resolution_minutes: 480 },
  { response_minutes: 120, resolution_minutes: 1440 },
  { response_minutes: 240, resolution_minutes: 2880 },
  { response_minutes: 480, resolution_minutes: 7200 },
];

const OFFICE: CalendarDefinition = {
  timezone: 'Europe/London',
  week: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '12:30'], ['13:00', '17:00']], sat: [], sun: [] },
  holidays: ['2026-12-25', '2026-12-28'],
};
const ROUND_THE_CLOCK: CalendarDefinition = {
  timezone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]])) as CalendarDefinition['week'],
  holidays: [],
};

/** The service-level records of the demo workspace and the commands over them. */
export class MockServiceLevels {
  calendars: CalendarRecord[];
  slas: Sla[];
  olas: Ola[];
  contracts: Contract[];

  constructor(private now: Date, private directory: Directory, private tickets: () => Ticket[], private changed: (keys: string[]) => void) {
    const at = hoursAgo(now, 24 * 120);
    const stamp = { created_at: at, updated_at: at, version: 1 };
    this.calendars = [
      { id: fakeId('ca'), key: 'CAL-000001', name: 'UK office hours', definition: JSON.stringify(OFFICE), ...stamp },
      { id: fakeId('ca'), key: 'CAL-000002', name: 'Around the clock', definition: JSON.stringify(ROUND_THE_CLOCK), ...stamp },
    ];
    const [finance, sales] = directory.customers;
    const services = directory.services;
    const validFrom = at.slice(0, 10);
    this.slas = [
      { id: fakeId('sl'), key: 'SLA-000001', name: 'Finance back office', customer_id: finance.id, service_id: services[2].id, calendar_id: this.calendars[0].id, targets: DEMO_TARGETS, valid_from: validFrom, review_date: hoursAgo(now, -24 * 60).slice(0, 10), pausing_statuses: ['pending'], warning_thresholds: [75, 100], ...stamp },
      { id: fakeId('sl'), key: 'SLA-000002', name: 'Sales online', customer_id: sales.id, service_id: services[4].id, calendar_id: this.calendars[1].id, targets: DEMO_TARGETS, valid_from: validFrom, pausing_statuses: ['pending'], warning_thresholds: [50, 75, 100], ...stamp },
    ];
    this.olas = [
      { id: fakeId('ol'), key: 'OLA-000001', name: 'Network team support', group_id: directory.groups[1].id, service_id: services[1].id, calendar_id: this.calendars[0].id, targets: DEMO_TARGETS, valid_from: validFrom, ...stamp },
    ];
    this.contracts = [
      { id: fakeId('uc'), key: 'UC-000001', name: 'Hosting provider', supplier_id: directory.suppliers[0].id, service_id: services[4].id, calendar_id: this.calendars[1].id, targets: DEMO_TARGETS.map((t) => ({ ...t, resolution_minutes: t.resolution_minutes * 2 })), valid_from: validFrom, ...stamp },
    ];
  }

  commands(): Record<string, (args: Args) => unknown> {
    const list = <T extends { key: string }>(items: T[]) => () => items;
    return {
      calendars_list: list(this.calendars),
      slas_list: list(this.slas),
      olas_list: list(this.olas),
      contracts_list: list(this.contracts),
      calendar_create: (args) => this.create(this.calendars, 'CAL', this.calendarFrom(args.draft as Args)),
      calendar_update: (args) => this.update(this.calendars, args, (patch) => (patch.definition ? { ...patch, definition: JSON.stringify(this.checkCalendar(patch.definition as CalendarDefinition)) } : patch)),
      calendar_import_holidays: (args) => this.importHolidays(args),
      sla_create: (args) => this.create(this.slas, 'SLA', this.checkAgreement(args.draft as Args)),
      sla_update: (args) => this.update(this.slas, args, (patch) => this.checkAgreement(patch, true)),
      ola_create: (args) => this.create(this.olas, 'OLA', this.checkAgreement(args.draft as Args)),
      ola_update: (args) => this.update(this.olas, args, (patch) => this.checkAgreement(patch, true)),
      contract_create: (args) => this.create(this.contracts, 'UC', this.checkAgreement(args.draft as Args)),
      contract_update: (args) => this.update(this.contracts, args, (patch) => this.checkAgreement(patch, true)),
      sla_consistency: () => this.consistency(),
      sla_report: (args) => this.report(args.from as string | undefined, args.to as string | undefined),
      sla_at_risk: () => [...this.breached(), ...this.atRisk()],
      ticket_clocks: (args) => this.explain(String(args.key)),
      service_update: (args) => this.update(this.directory.services, args, (patch) => patch),
      customer_update: (args) => this.update(this.directory.customers, args, (patch) => patch),
      file_save: (args) => `/home/amara/Documents/${String(args.suggestedName)}`,
    };
  }

  private create<T extends { key: string }>(items: T[], prefix: string, fields: Args): T {
    if (!String(fields.name ?? '').trim()) throw fail('required', 'Fill in the name.', 'name');
    const at = new Date().toISOString();
    const record = { ...fields, id: fakeId('nw'), key: `${prefix}-${String(items.length + 1).padStart(6, '0')}`, created_at: at, updated_at: at, version: 1 } as unknown as T;
    items.push(record);
    this.changed([record.key]);
    return record;
  }

  private update<T extends { key: string; version: number }>(items: T[], args: Args, check: (patch: Args) => Args): T {
    const record = items.find((item) => item.key === args.key);
    if (!record) throw fail('not_found', `There is no record ${String(args.key)}.`);
    if (Number(record.version) !== Number(args.expectedVersion)) throw fail('conflict', 'The record changed since it was read.');
    const patch = check(args.patch as Args);
    if ('name' in patch && !String(patch.name).trim()) throw fail('required', 'Fill in the name.', 'name');
    const fields = record as unknown as Args;
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete fields[field];
      else fields[field] = value;
    }
    record.version = record.version + 1;
    this.changed([record.key]);
    return record;
  }

  private calendarFrom(draft: Args): Args {
    return { name: draft.name, definition: JSON.stringify(this.checkCalendar(draft.definition as CalendarDefinition)) };
  }

  /** The backend's rule the editor mirrors, so a save the editor let through can still be refused. */
  private checkCalendar(definition: CalendarDefinition): CalendarDefinition {
    if (!definition.timezone) throw fail('required', 'Fill in the time zone.', 'timezone');
    for (const [day, segments] of Object.entries(definition.week)) {
      segments.forEach(([start, end], i) => {
        if (end <= start) throw fail('sla.segments_overlap_or_unordered', `ends before it starts (${start}–${end})`, `week.${day}[${i}]`);
      });
    }
    return definition;
  }

  private checkAgreement(fields: Args, partial = false): Args {
    const targets = fields.targets as PriorityTarget[] | undefined;
    if (!partial && (!targets || targets.length !== 5)) throw fail('targets_per_priority', 'needs one target per priority 1–5', 'targets');
    targets?.forEach((target, i) => {
      if (target.resolution_minutes < target.response_minutes) {
        throw fail('response_after_resolution', 'must not be shorter than the response target', `targets[${i}].resolution_minutes`);
      }
    });
    if (fields.valid_to && fields.valid_from && String(fields.valid_to) < String(fields.valid_from)) {
      throw fail('ends_before_start', 'must not be before the start', 'valid_to');
    }
    return fields;
  }

  private importHolidays(args: Args) {
    const calendar = this.calendars.find((c) => c.key === args.key);
    if (!calendar) throw fail('not_found', `There is no calendar ${String(args.key)}.`);
    const text = typeof args.ics === 'string' ? args.ics : 'DTSTART;VALUE=DATE:20270101\nDTSTART;VALUE=DATE:20270402';
    const definition = JSON.parse(calendar.definition) as CalendarDefinition;
    const dates = [...text.matchAll(/DTSTART[^:]*:(\d{4})(\d{2})(\d{2})/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
    if (dates.length === 0) throw fail('sla.ics_malformed', 'line 1: no VEVENT with a DTSTART date found');
    const added = dates.filter((date) => !definition.holidays.includes(date));
    definition.holidays = [...definition.holidays, ...added].sort();
    const saved = this.update(this.calendars, { key: args.key, expectedVersion: args.expectedVersion, patch: { definition: JSON.stringify(definition) } }, (p) => p);
    return { calendar: saved, added: added.length };
  }

  private consistency() {
    const covered = new Set(this.slas.map((sla) => sla.service_id));
    return [
      ...this.directory.services
        .filter((service) => !covered.has(service.id))
        .map((service) => ({ code: 'service_without_sla', message: `${service.name} has no SLA in force.`, service_key: service.key })),
      { code: 'underpinning_resolution_longer', message: 'UC-000001 allows 960 min to resolve P2, the SLA promises 480 min.', service_key: this.directory.services[4].key, sla_key: 'SLA-000002', underpinning_key: 'UC-000001', priority: 2, field: 'targets[1].resolution_minutes' },
    ];
  }

  private clockFor(ticket: Ticket, kind: 'response' | 'resolution', used: number): AtRiskClock {
    const target = (kind === 'response' ? DEMO_TARGETS[ticket.priority - 1].response_minutes : DEMO_TARGETS[ticket.priority - 1].resolution_minutes) * 60;
    const left = Math.round(target * (1 - used / 100));
    return {
      ticket_id: ticket.id, ticket_key: ticket.key, title: ticket.title, clock: kind, sla_key: 'SLA-000001', priority: ticket.priority,
      status: ticket.status, state: ticket.status === 'pending' ? 'paused' : 'running',
      due_at: new Date(this.now.getTime() + left * 1000).toISOString(), business_seconds_left: left, seconds_left: left,
      percent_used: used, breached: used >= 100, threshold_reached: used >= 100 ? 100 : 75,
    };
  }

  private open(): Ticket[] {
    return this.tickets().filter((t) => t.status !== 'resolved' && t.status !== 'closed');
  }

  breached(): AtRiskClock[] {
    const open = this.open();
    const picks: [string, 'response' | 'resolution', number][] = [['INC-000005', 'resolution', 164], ['INC-000002', 'resolution', 131], ['INC-000006', 'response', 104]];
    return picks.flatMap(([key, kind, used]) => open.filter((t) => t.key === key).map((t) => this.clockFor(t, kind, used)));
  }

  atRisk(): AtRiskClock[] {
    const open = this.open();
    const picks: [string, 'response' | 'resolution', number][] = [['INC-000015', 'response', 93], ['INC-000001', 'resolution', 81]];
    return picks.flatMap(([key, kind, used]) => open.filter((t) => t.key === key).map((t) => this.clockFor(t, kind, used)));
  }

  report(from?: string, to?: string): SlaReport {
    const end = to ? new Date(to) : this.now;
    const start = from ? new Date(from) : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 1));
    const months: string[] = [];
    for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d < end && months.length < 24; d.setUTCMonth(d.getUTCMonth() + 1)) {
      months.push(d.toISOString().slice(0, 7));
    }
    // Deterministic figures that differ by row and month, so charts and tables have shape.
    const figure = (seed: number, month: number) => {
      const decided = 8 + ((seed * 7 + month * 5) % 13);
      const breached = (seed + month * 3) % 4;
      return { met: decided - breached, breached, percent: Math.round(((decided - breached) / decided) * 1000) / 10 };
    };
    const row = (key: string, name: string, seed: number): ComplianceRow => {
      const monthly = months.map((month, i) => ({ month, response: figure(seed + 1, i), resolution: figure(seed, i) }));
      const sum = (pick: 'response' | 'resolution') => {
        const met = monthly.reduce((s, m) => s + m[pick].met, 0);
        const breached = monthly.reduce((s, m) => s + m[pick].breached, 0);
        return met + breached ? { met, breached, percent: Math.round((met / (met + breached)) * 1000) / 10 } : { met, breached };
      };
      const last = monthly.at(-1)?.resolution.percent;
      const before = monthly.at(-2)?.resolution.percent;
      return { key, name, response: sum('response'), resolution: sum('resolution'), months: monthly, ...(last !== undefined && before !== undefined ? { trend_points: Math.round((last - before) * 10) / 10 } : {}) };
    };
    const slaServices = this.slas.map((sla) => this.directory.services.find((s) => s.id === sla.service_id)!);
    const slaCustomers = this.slas.map((sla) => this.directory.customers.find((c) => c.id === sla.customer_id)!);
    return {
      from: start.toISOString(), to: end.toISOString(), generated_at: this.now.toISOString(),
      overall: row('all', 'All tickets', 3),
      by_service: slaServices.map((s, i) => row(s.key, s.name, i + 1)),
      by_customer: slaCustomers.map((c, i) => row(c.key, c.name, i + 5)),
      by_priority: [1, 2, 3, 4, 5].map((p) => row(`P${p}`, `Priority ${p}`, p + 8)),
      breached: this.breached(), at_risk: this.atRisk(),
      mean_time_to_resolve_seconds: 19.5 * HOUR, mean_resolution_business_seconds: 7.25 * HOUR, resolved: 41,
      mean_first_response_seconds: 0.4 * HOUR, responded: 57,
      backlog: { open: this.open().length, mean_age_seconds: 31 * HOUR, oldest_age_seconds: 80 * HOUR, buckets: [
        { label: 'under 1 day', count: 6 }, { label: '1–3 days', count: 4 }, { label: '3–7 days', count: 2 }, { label: '7–30 days', count: 1 }, { label: '30 days or more', count: 0 },
      ] },
    };
  }

  explain(key: string): ClockExplanation | null {
    const ticket = this.tickets().find((t) => t.key === key);
    if (!ticket) throw fail('not_found', `There is no ticket ${key}.`);
    if (!ticket.service_id) return null;
    const created = new Date(ticket.created_at).getTime();
    const target = DEMO_TARGETS[ticket.priority - 1];
    const iso = (ms: number) => new Date(ms).toISOString();
    const nowMs = this.now.getTime();
    const respondedAt = created + 0.5 * HOUR * 1000;
    const response: SlaClock = {
      state: 'stopped', elapsed_seconds: 0.5 * HOUR, target_seconds: target.response_minutes * 60, breached: 0.5 * HOUR > target.response_minutes * 60,
      percent_used: Math.round(((0.5 * HOUR) / (target.response_minutes * 60)) * 1000) / 10, warnings_reached: [],
      spans: [
        { state: 'running', from: iso(created), to: iso(respondedAt), status: 'new', business_seconds: 0.5 * HOUR },
        { state: 'stopped', from: iso(respondedAt), to: iso(nowMs), status: 'assigned', business_seconds: 0 },
      ],
    };
    const pausedFrom = created + (nowMs - created) * 0.45;
    const pausedTo = created + (nowMs - created) * 0.6;
    const counted = Math.round(((pausedFrom - created) + (nowMs - pausedTo)) / 1000 * 0.4);
    const targetSeconds = target.resolution_minutes * 60;
    const used = Math.round((counted / targetSeconds) * 1000) / 10;
    const resolution: SlaClock = {
      state: ticket.status === 'pending' ? 'paused' : ticket.status === 'resolved' || ticket.status === 'closed' ? 'stopped' : 'running',
      elapsed_seconds: counted, target_seconds: targetSeconds, breached: counted > targetSeconds, percent_used: used,
      warnings_reached: [75, 100].filter((w) => used >= w), due: iso(nowMs + (targetSeconds - counted) * 1000),
      spans: [
        { state: 'running', from: iso(created), to: iso(pausedFrom), status: 'assigned', business_seconds: Math.round((pausedFrom - created) / 1000 * 0.4) },
        { state: 'paused', from: iso(pausedFrom), to: iso(pausedTo), status: 'pending', business_seconds: Math.round((pausedTo - pausedFrom) / 1000 * 0.4) },
        { state: 'running', from: iso(pausedTo), to: iso(nowMs), status: 'in_progress', business_seconds: Math.round((nowMs - pausedTo) / 1000 * 0.4) },
      ],
    };
    return {
      ticket_key: ticket.key, sla_key: 'SLA-000001', sla_name: this.slas[0].name, calendar_key: 'CAL-000001', calendar_name: 'UK office hours',
      priority: ticket.priority, status: ticket.status, pausing_statuses: ['pending'],
      targets: [{ at: ticket.created_at, response_minutes: target.response_minutes, resolution_minutes: target.resolution_minutes }],
      computed_at: iso(nowMs), response, resolution,
    };
  }
}
