import type { TicketFilter } from '../bindings/TicketFilter';
import type { TicketKind } from '../bindings/TicketKind';

/** What the filter bar holds: form values, '' meaning "any". Shared by the board and the list. */
export type FilterState = {
  kind: '' | TicketKind;
  serviceId: string;
  groupId: string;
  assigneeId: string;
  priority: string;
  text: string;
};

export const EMPTY_FILTERS: FilterState = {
  kind: '',
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
  if (state.serviceId) filter.service_id = state.serviceId;
  if (state.groupId) filter.group_id = state.groupId;
  if (state.assigneeId) filter.assignee_id = state.assigneeId;
  const priority = Number.parseInt(state.priority, 10);
  if (priority >= 1 && priority <= 5) filter.priority = priority;
  const text = state.text.trim();
  if (text) filter.text = text;
  return filter;
}

export function activeFilterCount(state: FilterState): number {
  return Object.keys(toTicketFilter(state)).length;
}
