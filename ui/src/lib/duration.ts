/**
 * A span of time as people read it on a dashboard: "45 min", "3 h 20 min", "2 d 4 h".
 * Negative spans (overdue) get a minus sign; the caller decides how to word "overdue".
 */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const minutes = Math.round(Math.abs(seconds) / 60);
  if (minutes < 60) return `${sign}${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return `${sign}${hours} h${rest ? ` ${rest} min` : ''}`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return `${sign}${days} d${restHours ? ` ${restHours} h` : ''}`;
}

/** Minutes of a target, as the editors show them next to the input ("= 8 h"). */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60);
}

export function formatPercent(percent: number | undefined | null): string {
  return percent === undefined || percent === null ? '—' : `${percent.toFixed(1)} %`;
}

/** A UTC instant in the person's local time, short: "4 May, 14:05". */
export function formatInstant(iso: string | undefined | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
