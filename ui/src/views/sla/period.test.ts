import { describe, expect, it } from 'vitest';
import { periodProblem, periodRange, presetPeriod } from './period';

const now = new Date('2026-05-14T09:30:00Z');

describe('dashboard period', () => {
  it('presets start on the first of a month and end today', () => {
    expect(presetPeriod('this-month', now)).toEqual({ preset: 'this-month', from: '2026-05-01', to: '2026-05-14' });
    expect(presetPeriod('last-3-months', now).from).toBe('2026-03-01');
    expect(presetPeriod('last-12-months', now).from).toBe('2025-06-01');
  });
  it('includes the whole last day', () => {
    expect(periodRange({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
  });
  it('refuses an end before the start and missing dates', () => {
    expect(periodProblem({ preset: 'custom', from: '2026-02-01', to: '2026-01-31' })).toMatch(/before/);
    expect(periodProblem({ preset: 'custom', from: '', to: '2026-01-31' })).toMatch(/both/);
    expect(periodProblem({ preset: 'custom', from: '2026-01-01', to: '2026-01-01' })).toBeNull();
  });
});
