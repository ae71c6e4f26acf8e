// IANA zones for the calendar editor. The webview knows the full list; the short list is for
// engines without Intl.supportedValuesOf (and keeps tests independent of the ICU build).
const COMMON = [
  'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Amsterdam',
  'Europe/Madrid', 'Europe/Rome', 'Europe/Zurich', 'Europe/Vienna', 'Europe/Warsaw', 'Europe/Stockholm',
  'Europe/Helsinki', 'Europe/Athens', 'Europe/Istanbul', 'Africa/Johannesburg', 'Africa/Lagos', 'Asia/Dubai',
  'Asia/Kolkata', 'Asia/Singapore', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
  'America/Sao_Paulo', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto',
];

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [];
  // Some engines leave UTC out of the list although every backend zone database has it.
  return [...new Set(['UTC', ...(all.length > 0 ? all : COMMON)])];
}
