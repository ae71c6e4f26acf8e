const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact age for cards and rows: "5m", "3h", "3d", "2y". The clock is passed in, so tests are exact. */
export function formatAge(since: string, now: Date): string {
  const start = Date.parse(since);
  if (Number.isNaN(start)) return '';
  const elapsed = Math.max(0, now.getTime() - start);
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h`;
  const days = Math.floor(elapsed / DAY);
  if (days < 365) return `${days}d`;
  return `${Math.floor(days / 365)}y`;
}

/** Date and time in the person's own zone; storage stays UTC. */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
