import { describe, expect, it } from 'vitest';
import { matchingPlaces, routeForTypedKey } from './paletteEntries';

describe('the command palette', () => {
  it('finds a view by any words of its label or hint', () => {
    expect(matchingPlaces('sla').map((p) => p.id)).toEqual(['sla']);
    expect(matchingPlaces('agreements').map((p) => p.id)).toEqual(['catalogue']);
    expect(matchingPlaces('new prob').map((p) => p.id)).toEqual(['new-problem']);
    expect(matchingPlaces('nothing like this')).toEqual([]);
  });

  it('opens a record from its key however it is typed', () => {
    expect(routeForTypedKey('inc-12')).toEqual({ view: 'ticket', key: 'INC-000012' });
    expect(routeForTypedKey(' CI-000007 ')).toEqual({ view: 'ci', key: 'CI-000007' });
    expect(routeForTypedKey('PRB-3')).toEqual({ view: 'problem', key: 'PRB-000003' });
    expect(routeForTypedKey('SLA-1')).toBeNull();
    expect(routeForTypedKey('printer')).toBeNull();
  });
});
