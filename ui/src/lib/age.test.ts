import { describe, expect, it } from 'vitest';
import { formatAge } from './age';

const now = new Date('2026-03-10T12:00:00Z');

describe('formatAge', () => {
  it.each([
    ['2026-03-10T11:59:30Z', '0m'],
    ['2026-03-10T11:55:00Z', '5m'],
    ['2026-03-10T11:00:01Z', '59m'],
    ['2026-03-10T11:00:00Z', '1h'],
    ['2026-03-09T12:00:01Z', '23h'],
    ['2026-03-07T12:00:00Z', '3d'],
    ['2025-03-11T12:00:00Z', '364d'],
    ['2024-03-10T12:00:00Z', '2y'],
  ])('%s is %s old', (since, expected) => {
    expect(formatAge(since, now)).toBe(expected);
  });

  it('treats a clock skewed into the future as brand new', () => {
    expect(formatAge('2026-03-10T12:05:00Z', now)).toBe('0m');
  });

  it('shows nothing for an unreadable timestamp', () => {
    expect(formatAge('not a date', now)).toBe('');
  });
});
