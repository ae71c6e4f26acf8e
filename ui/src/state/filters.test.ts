import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, toBoardFilter, toTicketFilter } from './filters';

describe('toTicketFilter', () => {
  it('sends nothing when no filter is chosen', () => {
    expect(toTicketFilter(EMPTY_FILTERS)).toEqual({});
    expect(activeFilterCount(toTicketFilter(EMPTY_FILTERS))).toBe(0);
  });

  it('maps every chosen filter to the backend field names', () => {
    const filter = toTicketFilter({
      kind: 'request',
      status: 'pending',
      serviceId: 'svc-1',
      groupId: 'grp-1',
      assigneeId: 'per-1',
      priority: '2',
      text: '  vpn drops ',
    });
    expect(filter).toEqual({
      kind: 'request',
      status: 'pending',
      service_id: 'svc-1',
      group_id: 'grp-1',
      assignee_id: 'per-1',
      priority: 2,
      text: 'vpn drops',
    });
  });

  it('leaves out blank text and out-of-range priorities', () => {
    expect(toTicketFilter({ ...EMPTY_FILTERS, text: '   ', priority: '9' })).toEqual({});
    expect(toTicketFilter({ ...EMPTY_FILTERS, priority: 'abc' })).toEqual({});
  });

  it('leaves the status out of the board, whose columns are the statuses', () => {
    const state = { ...EMPTY_FILTERS, status: 'closed' as const, groupId: 'grp-1' };
    expect(toTicketFilter(state)).toEqual({ status: 'closed', group_id: 'grp-1' });
    expect(toBoardFilter(state)).toEqual({ group_id: 'grp-1' });
  });
});
