import type { Level } from '../bindings/Level';
import type { LinkKind } from '../bindings/LinkKind';
import type { ProblemStatus } from '../bindings/ProblemStatus';
import type { Status } from '../bindings/Status';
import type { TicketKind } from '../bindings/TicketKind';

/** Workflow order, as the board shows its columns. */
export const STATUSES: Status[] = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'];

export const STATUS_LABEL: Record<Status, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const LEVELS: Level[] = ['high', 'medium', 'low'];
export const LEVEL_LABEL: Record<Level, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const KIND_LABEL: Record<TicketKind, string> = { incident: 'Incident', request: 'Service request' };

export const PRIORITIES = [1, 2, 3, 4, 5] as const;
export const PRIORITY_LABEL: Record<number, string> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Planning',
};

export const PROBLEM_STATUSES: ProblemStatus[] = ['new', 'investigating', 'resolved', 'closed'];
export const PROBLEM_STATUS_LABEL: Record<ProblemStatus, string> = {
  new: 'New',
  investigating: 'Investigating',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const LINK_KINDS: LinkKind[] = ['related', 'caused_by', 'duplicate_of'];
export const LINK_KIND_LABEL: Record<LinkKind, string> = {
  related: 'Related to',
  caused_by: 'Caused by',
  duplicate_of: 'Duplicate of',
};
/** How a link reads from its `to` end. */
export const LINK_KIND_INBOUND_LABEL: Record<LinkKind, string> = {
  related: 'Related to',
  caused_by: 'Causes',
  duplicate_of: 'Duplicated by',
};

/** The standard codes the domain offers first (smw-core workflow::RESOLUTION_CODES). */
export const RESOLUTION_CODES: { code: string; label: string }[] = [
  { code: 'fixed', label: 'Fixed' },
  { code: 'workaround', label: 'Workaround applied' },
  { code: 'no_fault_found', label: 'No fault found' },
  { code: 'duplicate', label: 'Duplicate' },
  { code: 'user_error', label: 'User error' },
  { code: 'cancelled', label: 'Cancelled' },
];

/** Human names for record fields, used by field errors and the timeline. */
export const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  kind: 'Type',
  caller_id: 'Caller',
  customer_id: 'Customer',
  service_id: 'Service',
  category: 'Category',
  impact: 'Impact',
  urgency: 'Urgency',
  priority: 'Priority',
  status: 'Status',
  assignee_id: 'Assignee',
  group_id: 'Group',
  pending_reason: 'Pending reason',
  resolution_code: 'Resolution code',
  resolution_notes: 'Resolution notes',
  problem_id: 'Problem',
  sla_id: 'SLA',
  responded_at: 'First response',
  resolved_at: 'Resolved',
  closed_at: 'Closed',
  root_cause: 'Root cause',
  workaround: 'Workaround',
  known_error: 'Known error',
  body: 'Text',
};
