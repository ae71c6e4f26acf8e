// The fixtures generated from the Rust side (src-tauri/crates/smw-store/tests/ui_fixtures.rs):
// the demo workspace at a fixed clock, what the store answers over it, and the domain's rules.
// Typed here against the generated bindings; regenerate with `cargo test -p smw-store --test ui_fixtures`.
import type { AppError } from '../api/types';
import type { AtRiskClock } from '../bindings/AtRiskClock';
import type { Board } from '../bindings/Board';
import type { CalendarRecord } from '../bindings/CalendarRecord';
import type { ClockExplanation } from '../bindings/ClockExplanation';
import type { ConsistencyFinding } from '../bindings/ConsistencyFinding';
import type { Contract } from '../bindings/Contract';
import type { Directory } from '../bindings/Directory';
import type { Level } from '../bindings/Level';
import type { Ola } from '../bindings/Ola';
import type { Problem } from '../bindings/Problem';
import type { ProblemDetail } from '../bindings/ProblemDetail';
import type { SearchHit } from '../bindings/SearchHit';
import type { Sla } from '../bindings/Sla';
import type { SlaReport } from '../bindings/SlaReport';
import type { Status } from '../bindings/Status';
import type { TicketDetail } from '../bindings/TicketDetail';
import type { TicketFilter } from '../bindings/TicketFilter';
import type { TicketPage } from '../bindings/TicketPage';
import problemsJson from '../test/fixtures/problems.json';
import recordedJson from '../test/fixtures/recorded_reads.json';
import rulesJson from '../test/fixtures/rules.json';
import serviceLevelsJson from '../test/fixtures/service_levels.json';
import ticketsJson from '../test/fixtures/tickets.json';
import workspaceJson from '../test/fixtures/workspace.json';

export type WorkspaceFixture = { now: string; directory: Directory };

export type ServiceLevelsFixture = {
  calendars: CalendarRecord[];
  slas: Sla[];
  olas: Ola[];
  contracts: Contract[];
  consistency: ConsistencyFinding[];
  at_risk: AtRiskClock[];
  reports: { from: string; to: string; report: SlaReport }[];
  clocks: Record<string, ClockExplanation | null>;
};

export type RecordedReads = {
  boards: { filter: TicketFilter; board: Board }[];
  lists: { filter: TicketFilter; offset: number; limit: number; page: TicketPage }[];
  searches: { text: string; limit: number; hits: SearchHit[] }[];
  known_errors: { text: string; problems: Problem[] }[];
  problem_lists: { text: string | null; knownErrorsOnly: boolean; problems: Problem[] }[];
};

/** A refusal as the store gave it for exactly these command arguments. */
export type RecordedRefusal = { command: string; args: Record<string, unknown>; error: AppError };

export type RulesFixture = {
  workflow: {
    statuses: Status[];
    /** Bit i of a move's index is fact i being present. */
    facts: ('has_assignee' | 'has_group' | 'pending_reason' | 'resolution_code' | 'resolution_notes')[];
    successors: Record<Status, Status[]>;
    /** from → to → for each combination of facts, an index into `outcomes` (null: allowed). */
    moves: Record<Status, Record<Status, number[]>>;
    outcomes: (AppError | null)[];
  };
  priority: { levels: Level[]; cells: number[][] };
  refusals: RecordedRefusal[];
  /** Store messages with `{key}`, `{expected}`, `{actual}` where the subject goes. */
  messages: Record<'ticket_not_found' | 'problem_not_found' | 'link_target_not_found' | 'comment_parent_not_found' | 'conflict', AppError>;
};

// Fresh copies for every caller: the mock mutates its state, and tests each start clean.
const copy = <T>(value: unknown): T => structuredClone(value) as T;

export const fixtures = {
  workspace: () => copy<WorkspaceFixture>(workspaceJson),
  tickets: () => copy<TicketDetail[]>(ticketsJson),
  problems: () => copy<ProblemDetail[]>(problemsJson),
  serviceLevels: () => copy<ServiceLevelsFixture>(serviceLevelsJson),
  recorded: () => copy<RecordedReads>(recordedJson),
  rules: rulesJson as RulesFixture,
};

/** The instant the fixtures were taken at: tests pass it to the mock and to views as `now`. */
export const FIXTURE_NOW = new Date((workspaceJson as WorkspaceFixture).now);
