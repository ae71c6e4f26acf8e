import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../bindings/RecordChange';
import { isAffected } from './invalidation';

const change = (family: RecordChange['family']): RecordChange => ({ family, id: '0', key: 'X-1', action: 'update', seq: 1 });
const query = (...key: string[]) => ({ queryKey: key });

describe('isAffected', () => {
  it('refreshes the views that show the families written, and only those', () => {
    const ticketWrite = { changes: [change('incident')], everything: false, external: false };
    expect(isAffected(ticketWrite, query('board'))).toBe(true);
    expect(isAffected(ticketWrite, query('ticket', 'INC-1'))).toBe(true);
    expect(isAffected(ticketWrite, query('directory'))).toBe(false);
    const personWrite = { changes: [change('person')], everything: false, external: true };
    expect(isAffected(personWrite, query('directory'))).toBe(true);
    expect(isAffected(personWrite, query('calendars'))).toBe(false);
  });

  it('refreshes everything when told so, or when a setting changed', () => {
    expect(isAffected({ changes: [], everything: true, external: false }, query('calendars'))).toBe(true);
    expect(isAffected({ changes: [change('setting')], everything: false, external: false }, query('anything'))).toBe(true);
  });
});
