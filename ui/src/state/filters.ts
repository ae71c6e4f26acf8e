import type { Status } from '../bindings/Status';
import type { TicketFilter } from '../bindings/TicketFilter';
import type { TicketKind } from '../bindings/TicketKind';

/**
 * What the filter bar holds: form values, '' meaning "any". Shared by the board and the list;
 * the status narrows the list only, since the board shows every status as a column.
 */
export type FilterState = {
  kind: '' | TicketKind;
  status: '' | Status;
  serviceId: string;
  groupId: string;
  assigneeId: string;
  priority: string;
  text: string;
};

export const EMPTY_FILTERS: FilterState = {
  kind: '',
  status: '',
  serviceId: '',
  groupId: '',
  assigneeId: '',
  priority: '',
  text: '',
};

/** Only the chosen filters go to the backend; empty ones are left out so they mean "any". */
export function toTicketFilter(state: FilterState): TicketFilter {
  const filter: TicketFilter = {};
  if (state.kind) filter.kind = state.kind;
  if (state.status) filter.status = state.status;
  if (state.serviceId) filter.service_id = state.serviceId;
  if (state.groupId) filter.group_id = state.groupId;
  if (state.assigneeId) filter.assignee_id = state.assigneeId;
  const priority = Number.parseInt(state.priority, 10);
  if (priority >= 1 && priority <= 5) filter.priority = priority;
  const text = state.text.trim();
  if (text) filter.text = text;
  return filter;
}

/** The board's filter: everything but the status, which its columns already split by. */
export function toBoardFilter(state: FilterState): TicketFilter {
  return toTicketFilter({ ...state, status: '' });
}

export function activeFilterCount(filter: TicketFilter): number {
  return Object.keys(filter).length;
}
