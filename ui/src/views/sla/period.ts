// The dashboard's period: a preset or two dates, turned into the half-open UTC range
// `[from, to)` that `sla_report` takes. Months are calendar months in UTC, as the report's
// monthly figures are.

export type PeriodPreset = 'this-month' | 'last-3-months' | 'last-12-months' | 'custom';

export const PRESET_LABEL: Record<Exclude<PeriodPreset, 'custom'>, string> = {
  'this-month': 'This month',
  'last-3-months': 'Last 3 months',
  'last-12-months': '12 months',
};

export type Period = { preset: PeriodPreset; from: string; to: string };

const monthStart = (now: Date, monthsBack: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Dates are `YYYY-MM-DD`; `to` is the last day included. The current month counts as one. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: Date): Period {
  const back = { 'this-month': 0, 'last-3-months': 2, 'last-12-months': 11 }[preset];
  return { preset, from: day(monthStart(now, back)), to: day(now) };
}

/** An error for people, or null when the dates make a period. */
export function periodProblem(period: Period): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to)) return 'Choose both dates.';
  if (period.to < period.from) return 'The end date is before the start date.';
  return null;
}

/** The report range: from the start of `from` to the end of `to` (exclusive next midnight), UTC. */
export function periodRange(period: Period): { from: string; to: string } {
  const end = new Date(`${period.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${period.from}T00:00:00.000Z`, to: end.toISOString() };
}
