import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../bindings/Ticket';
import { patchFrom } from './ticketEdits';

const ticket: Ticket = {
  id: 't1', key: 'INC-000001', kind: 'incident', title: 'Printer jams', description: '', category: 'Hardware',
  impact: 'low', urgency: 'low', priority: 5, status: 'new', assignee_id: 'p1', created_at: '', updated_at: '', version: 1,
};

describe('patchFrom', () => {
  it('sends only the fields that differ from the stored ticket', () => {
    expect(patchFrom(ticket, { title: 'Printer jams', impact: 'high', category: 'Hardware' })).toEqual({ impact: 'high' });
  });

  it('sends a cleared reference as null and a new one as its id', () => {
    expect(patchFrom(ticket, { assignee_id: '', group_id: 'g1' })).toEqual({ assignee_id: null, group_id: 'g1' });
  });

  it('is empty when nothing was touched', () => {
    expect(patchFrom(ticket, {})).toEqual({});
  });
});
