import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from '../../bindings/CalendarDefinition';
import { calendarProblems, emptyWeek, minutesOf, officeHours, problemAt } from './calendarRules';

const zones = new Set(['Europe/London', 'UTC']);
const withMonday = (segments: [string, string][], holidays: string[] = []): CalendarDefinition => ({
  timezone: 'Europe/London',
  week: { ...emptyWeek(), mon: segments },
  holidays,
});

describe('calendar rules', () => {
  it('reads HH:MM and allows 24:00 only as an end', () => {
    expect(minutesOf('08:30', false)).toBe(510);
    expect(minutesOf('24:00', true)).toBe(1440);
    expect(minutesOf('24:00', false)).toBeNull();
    expect(minutesOf('8:30', false)).toBeNull();
    expect(minutesOf('12:60', true)).toBeNull();
  });

  it('accepts office hours and a round-the-clock day', () => {
    expect(calendarProblems('Office', officeHours('UTC'), zones)).toEqual({});
    expect(calendarProblems('24x7', withMonday([['00:00', '24:00']]), zones)).toEqual({});
  });

  it('names the segment that ends before it starts or overlaps the one before', () => {
    const problems = calendarProblems('Office', withMonday([['08:00', '12:00'], ['11:30', '17:00'], ['18:00', '17:00']]), zones);
    expect(problems['definition.week.mon[1]']).toMatch(/Overlaps/);
    expect(problems['definition.week.mon[2]']).toMatch(/end must come after the start/);
    expect(problems['definition.week.mon[0]']).toBeUndefined();
  });

  it('refuses malformed times, no business hours, bad holidays and an unknown zone', () => {
    expect(calendarProblems('Office', withMonday([['8:00', '17:00']]), zones)['definition.week.mon[0]']).toMatch(/HH:MM/);
    expect(calendarProblems('Office', withMonday([]), zones)['definition.week']).toMatch(/at least one weekday/);
    const holidays = calendarProblems('Office', withMonday([['08:00', '17:00']], ['2026-02-30', '2026-12-25', '2026-12-25']), zones);
    expect(holidays['definition.holidays[0]']).toMatch(/not a date/);
    expect(holidays['definition.holidays[2]']).toMatch(/twice/);
    expect(calendarProblems('', { ...officeHours('Mars/Olympus') }, zones)).toMatchObject({
      name: expect.any(String),
      'definition.timezone': expect.stringMatching(/not an IANA/),
    });
  });

  it('finds a backend error given for a part of a field', () => {
    const problems = { 'definition.week.mon[1][0]': 'bad start' };
    expect(problemAt(problems, 'definition.week.mon[1]')).toBe('bad start');
    expect(problemAt(problems, 'definition.week.mon[0]')).toBeUndefined();
    expect(problemAt({ 'definition.week.mon[10]': 'x' }, 'definition.week.mon[1]')).toBeUndefined();
  });
});
