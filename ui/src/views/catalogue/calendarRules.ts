// The calendar rules of smw-core (sla/calendar.rs), mirrored so the editor can point at a
// mistake while it is typed. The backend stays the judge: its `Invalid.field` on save uses the
// same field names (`definition.week.mon[1]`, `definition.holidays[0]`) and lands on the same spot.
import type { CalendarDefinition } from '../../bindings/CalendarDefinition';
import type { WeekDefinition } from '../../bindings/WeekDefinition';

export const WEEKDAYS: { key: keyof WeekDefinition; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

export type Problems = Record<string, string>;

/** Minutes since midnight, or null when the text is not HH:MM. "24:00" only as an end. */
export function minutesOf(text: string, isEnd: boolean): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 24 && minutes === 0) return isEnd ? 1440 : null;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Every problem in a calendar, keyed by the field the backend would name. */
export function calendarProblems(name: string, definition: CalendarDefinition, knownZones?: ReadonlySet<string>): Problems {
  const problems: Problems = {};
  if (!name.trim()) problems.name = 'Give the calendar a name.';
  if (!definition.timezone) problems['definition.timezone'] = 'Choose a time zone.';
  else if (knownZones && knownZones.size > 0 && !knownZones.has(definition.timezone)) {
    problems['definition.timezone'] = `${definition.timezone} is not an IANA time zone.`;
  }
  let anyHours = false;
  for (const { key } of WEEKDAYS) {
    let previousEnd: number | null = null;
    definition.week[key].forEach(([startText, endText], index) => {
      const field = `definition.week.${key}[${index}]`;
      const start = minutesOf(startText, false);
      const end = minutesOf(endText, true);
      if (start === null) problems[field] = `Start ${startText || '(empty)'} is not a time HH:MM (00:00–23:59).`;
      else if (end === null) problems[field] = `End ${endText || '(empty)'} is not a time HH:MM (up to 24:00).`;
      else if (end <= start) problems[field] = `Ends at ${endText} but starts at ${startText}: the end must come after the start.`;
      else if (previousEnd !== null && start < previousEnd) problems[field] = 'Overlaps the segment before it; list segments in order without overlap.';
      if (start !== null && end !== null && end > start) {
        anyHours = true;
        previousEnd = end;
      }
    });
  }
  if (!anyHours && !Object.keys(problems).some((field) => field.startsWith('definition.week.'))) {
    problems['definition.week'] = 'Add business hours on at least one weekday.';
  }
  const seen = new Set<string>();
  definition.holidays.forEach((holiday, index) => {
    const field = `definition.holidays[${index}]`;
    if (!isDate(holiday)) problems[field] = `${holiday || '(empty)'} is not a date YYYY-MM-DD.`;
    else if (seen.has(holiday)) problems[field] = `${holiday} is listed twice.`;
    seen.add(holiday);
  });
  return problems;
}

/** The problem for `field`, or for anything inside it (`…mon[1][0]` belongs to `…mon[1]`). */
export function problemAt(problems: Problems, field: string): string | undefined {
  if (problems[field]) return problems[field];
  const inside = Object.keys(problems).find((key) => key.startsWith(`${field}[`) || key.startsWith(`${field}.`));
  return inside ? problems[inside] : undefined;
}

export const emptyWeek = (): WeekDefinition => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

export function officeHours(timezone: string): CalendarDefinition {
  const day = (): [string, string][] => [['09:00', '17:00']];
  return { timezone, week: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] }, holidays: [] };
}
