import type { Query } from '@tanstack/react-query';
import type { RecordKind } from '../bindings/RecordKind';
import type { WorkspaceChanged } from '../bindings/WorkspaceChanged';

type QueryRoot = string;

// A CI's record lists its open tickets, and a ticket's panel what its items reach.
const TICKET_VIEWS: QueryRoot[] = ['workspace', 'board', 'tickets', 'ticket', 'search', 'problem', 'problems', 'sla-report', 'ticket-clocks', 'ci', 'ticket-impact'];
const CMDB_VIEWS: QueryRoot[] = ['cis', 'ci', 'ci-as-of', 'cmdb-impact', 'cmdb-neighbourhood', 'cmdb-quality', 'ticket-impact'];
const NAMES: QueryRoot[] = ['directory', 'workspace', 'board', 'tickets', 'ticket', 'problem', 'problems', 'sla-report', 'sla-consistency', 'slas', 'olas', 'contracts', ...CMDB_VIEWS];
// Agreements and calendars decide every ticket's clocks, and the store recomputes them on a change.
const SERVICE_LEVELS: QueryRoot[] = ['calendars', 'slas', 'olas', 'contracts', 'sla-consistency', 'sla-report', 'ticket-clocks', 'board', 'tickets', 'ticket'];

/**
 * The cached queries (by the first part of their key) that show records of each family, so a
 * write refreshes only the views that can show what it changed. When in doubt a family lists
 * a view: a needless refetch costs a few milliseconds, a stale view misleads.
 */
const SHOWN_IN: Record<RecordKind, QueryRoot[] | 'all'> = {
  incident: TICKET_VIEWS,
  request: TICKET_VIEWS,
  problem: ['problems', 'problem', 'ticket', 'search', 'known-errors', 'ci', 'ticket-impact'],
  // A public reply stops a ticket's response clock.
  comment: ['ticket', 'problem', 'search', 'ticket-clocks', 'sla-report'],
  link: ['ticket', 'problem'],
  person: NAMES,
  group: NAMES,
  location: NAMES,
  service: NAMES,
  customer: NAMES,
  supplier: NAMES,
  calendar: SERVICE_LEVELS,
  sla: SERVICE_LEVELS,
  ola: SERVICE_LEVELS,
  contract: SERVICE_LEVELS,
  ci: CMDB_VIEWS,
  relationship: CMDB_VIEWS,
  // Classes and relationship types name what the CMDB views show, and types set impact's direction.
  ci_class: [...CMDB_VIEWS, 'ci-classes'],
  relation_type: [...CMDB_VIEWS, 'relation-types'],
  change: ['changes', 'change', 'change-calendar', 'change-collisions', 'change-dashboard', 'ci', 'ticket'],
  release: ['releases', 'release', 'changes', 'change'],
  change_window: ['change-windows', 'change-calendar', 'change-collisions'],
  // The priority matrix and other settings can change what any view shows.
  setting: 'all',
};

/** Whether `query` may show something `change` wrote. */
export function isAffected(change: WorkspaceChanged, query: Pick<Query, 'queryKey'>): boolean {
  if (change.everything) return true;
  const root = String(query.queryKey[0]);
  return change.changes.some((record) => {
    const shown = SHOWN_IN[record.family];
    return shown === 'all' || shown.includes(root);
  });
}
