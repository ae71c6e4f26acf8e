import type { TicketFilter } from '../bindings/TicketFilter';
import type { ProblemQuery } from '../api/problems';
import type { CiFilter } from '../bindings/CiFilter';
import type { Direction } from '../bindings/Direction';

// Every query the UI caches. A `workspace-changed` event invalidates all of them at once,
// so the keys only need to be distinct, not clever.
export const queryKeys = {
  workspace: ['workspace'] as const,
  directory: ['directory'] as const,
  board: (filter: TicketFilter) => ['board', filter] as const,
  tickets: (filter: TicketFilter, offset: number, limit: number) => ['tickets', filter, offset, limit] as const,
  ticket: (key: string) => ['ticket', key] as const,
  problems: (query: ProblemQuery) => ['problems', query] as const,
  problem: (key: string) => ['problem', key] as const,
  search: (text: string) => ['search', text] as const,
  knownErrors: (text: string) => ['known-errors', text] as const,
  cis: (filter: CiFilter, limit: number) => ['cis', filter, limit] as const,
  ci: (key: string) => ['ci', key] as const,
  ciAsOf: (key: string, at: string) => ['ci-as-of', key, at] as const,
  ciClasses: ['ci-classes'] as const,
  relationTypes: ['relation-types'] as const,
  impact: (key: string, direction: Direction, depth: number | null) => ['cmdb-impact', key, direction, depth] as const,
  neighbourhood: (key: string, hops: number) => ['cmdb-neighbourhood', key, hops] as const,
  quality: (days: number) => ['cmdb-quality', days] as const,
  ticketImpact: (key: string) => ['ticket-impact', key] as const,
};
