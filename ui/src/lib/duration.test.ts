import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from './duration';

describe('formatDuration', () => {
  it('reads minutes, hours and days', () => {
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(5 * 3600)).toBe('5 h');
    expect(formatDuration(52 * 3600)).toBe('2 d 4 h');
  });
  it('marks overdue spans with a minus sign', () => {
    expect(formatDuration(-90 * 60)).toBe('−1 h 30 min');
  });
  it('shows a dash for a percentage nobody could compute', () => {
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(87.25)).toBe('87.3 %');
  });
});
