import type { ComplianceFigure } from '../../bindings/ComplianceFigure';
import type { ComplianceRow } from '../../bindings/ComplianceRow';
import type { SlaReport } from '../../bindings/SlaReport';

const HEADER = [
  'dimension', 'key', 'name', 'month',
  'response_met', 'response_breached', 'response_percent',
  'resolution_met', 'resolution_breached', 'resolution_percent',
];

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @ first)
 * is prefixed with an apostrophe: service names are typed by people and the file is opened
 * in spreadsheets.
 */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const figure = (f: ComplianceFigure) => [f.met, f.breached, f.percent === undefined ? '' : f.percent.toFixed(1)];

function rowLines(dimension: string, row: ComplianceRow): (string | number)[][] {
  return [
    [dimension, row.key, row.name, 'total', ...figure(row.response), ...figure(row.resolution)],
    ...row.months.map((month) => [dimension, row.key, row.name, month.month, ...figure(month.response), ...figure(month.resolution)]),
  ];
}

/** The dashboard's compliance figures, one line per row and month, plus the period's totals. */
export function reportCsv(report: SlaReport): string {
  const lines = [
    HEADER,
    ...rowLines('overall', report.overall),
    ...report.by_service.flatMap((row) => rowLines('service', row)),
    ...report.by_customer.flatMap((row) => rowLines('customer', row)),
    ...report.by_priority.flatMap((row) => rowLines('priority', row)),
  ];
  return lines.map((line) => line.map((value) => csvField(value)).join(',')).join('\r\n') + '\r\n';
}

/** `sla-figures-2026-03-01-to-2026-05-31.csv` */
export function reportFileName(from: string, to: string, extension: string): string {
  return `sla-figures-${from}-to-${to}.${extension}`;
}
