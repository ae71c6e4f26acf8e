// Service-level answers for the mocked backend, from the generated fixtures (fixtures.ts):
// calendars, agreements, the consistency findings, at-risk clocks, clock explanations and the
// SLA report for the periods the dashboard's presets ask for at the fixtures' clock.
// Dev-only, like the rest of src/preview/.
import type { AppError } from '../api/types';
import type { CalendarRecord } from '../bindings/CalendarRecord';
import type { Contract } from '../bindings/Contract';
import type { Directory } from '../bindings/Directory';
import type { Ola } from '../bindings/Ola';
import type { Sla } from '../bindings/Sla';
import type { SlaReport } from '../bindings/SlaReport';
import { fixtures, type ServiceLevelsFixture } from './fixtures';
import { storeMessage } from './rules';

type Args = Record<string, unknown>;
type Keyed = { id: string; key: string; version: number; updated_at: string };

/** Only for questions the fixtures hold no answer to: never a rule's refusal. */
const unanswerable = (message: string): AppError => ({ code: 'internal', message });

let minted = 0;
const newId = () => `00000000-0000-7000-a000-${(++minted).toString(16).padStart(12, '0')}`;

/** The service-level records of the demo workspace and the commands over them. */
export class MockServiceLevels {
  calendars: CalendarRecord[] = [];
  slas: Sla[] = [];
  olas: Ola[] = [];
  contracts: Contract[] = [];
  private recorded: ServiceLevelsFixture | null = null;

  constructor(private directory: Directory, private changed: (keys: string[]) => void) {}

  /** Loads the demo's records (an empty workspace has none until the demo is loaded). */
  load() {
    this.recorded = fixtures.serviceLevels();
    ({ calendars: this.calendars, slas: this.slas, olas: this.olas, contracts: this.contracts } = this.recorded);
  }

  commands(): Record<string, (args: Args) => unknown> {
    return {
      calendars_list: () => this.calendars,
      slas_list: () => this.slas,
      olas_list: () => this.olas,
      contracts_list: () => this.contracts,
      calendar_create: (args) => this.create(this.calendars, 'CAL', { ...(args.draft as Args), definition: JSON.stringify((args.draft as Args).definition) }),
      calendar_update: (args) => {
        const patch = args.patch as Args;
        return this.update(this.calendars, { ...args, patch: patch.definition ? { ...patch, definition: JSON.stringify(patch.definition) } : patch });
      },
      calendar_import_holidays: () => {
        throw unanswerable('The preview cannot import holiday files: that needs the real store.');
      },
      sla_create: (args) => this.create(this.slas, 'SLA', args.draft as Args),
      sla_update: (args) => this.update(this.slas, args),
      ola_create: (args) => this.create(this.olas, 'OLA', args.draft as Args),
      ola_update: (args) => this.update(this.olas, args),
      contract_create: (args) => this.create(this.contracts, 'UC', args.draft as Args),
      contract_update: (args) => this.update(this.contracts, args),
      sla_consistency: () => this.recorded?.consistency ?? [],
      sla_report: (args) => this.report(args.from as string | undefined, args.to as string | undefined),
      sla_at_risk: () => this.recorded?.at_risk ?? [],
      ticket_clocks: (args) => this.explain(String(args.key)),
      service_update: (args) => this.update(this.directory.services, args),
      customer_update: (args) => this.update(this.directory.customers, args),
      file_save: (args) => `/home/alex/Documents/${String(args.suggestedName)}`,
    };
  }

  /** The store's report for a period the fixtures recorded (the dashboard's presets). */
  report(from?: string, to?: string): SlaReport {
    const same = (a: string, b?: string) => b !== undefined && new Date(a).getTime() === new Date(b).getTime();
    const found = this.recorded?.reports.find((r) => same(r.from, from) && same(r.to, to));
    if (!found) throw unanswerable(`The preview has no recorded SLA report for ${from ?? '…'} to ${to ?? '…'}; the presets have one.`);
    return found.report;
  }

  /** The recorded explanation; none for a ticket logged in the mock (it has no SLA clock data). */
  explain(key: string) {
    return this.recorded?.clocks[key] ?? null;
  }

  private create<T extends Keyed>(items: T[], prefix: string, fields: Args): T {
    const used = items.map((item) => Number(item.key.slice(prefix.length + 1)));
    const at = new Date().toISOString();
    const key = `${prefix}-${String(Math.max(0, ...used) + 1).padStart(6, '0')}`;
    const record = { ...fields, id: newId(), key, created_at: at, updated_at: at, version: 1 } as unknown as T;
    items.push(record);
    this.changed([record.key]);
    return record;
  }

  private update<T extends Keyed>(items: T[], args: Args): T {
    const record = items.find((item) => item.key === args.key);
    if (!record) throw unanswerable(`The preview has no record ${String(args.key)}.`);
    if (args.expectedVersion != null && Number(record.version) !== Number(args.expectedVersion)) {
      throw storeMessage('conflict', { key: record.key, expected: Number(args.expectedVersion), actual: record.version });
    }
    const fields = record as unknown as Args;
    for (const [field, value] of Object.entries(args.patch as Args)) {
      if (value === null) delete fields[field];
      else fields[field] = value;
    }
    record.version += 1;
    record.updated_at = new Date().toISOString();
    this.changed([record.key]);
    return record;
  }
}
