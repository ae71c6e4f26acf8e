import { describe, expect, it } from 'vitest';
import { fixtures } from '../../preview/fixtures';
import { csvField, reportCsv } from './reportCsv';

describe('CSV of the SLA figures', () => {
  it('escapes quotes, commas and line breaks, and defuses formulas', () => {
    expect(csvField('Email')).toBe('Email');
    expect(csvField('Email, calendar')).toBe('"Email, calendar"');
    expect(csvField('The "new" VPN')).toBe('"The ""new"" VPN"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-4)).toBe('-4');
    expect(csvField(undefined)).toBe('');
  });

  it('has a header, a total and one line per month for every row', () => {
    // The store's report over the demo workspace for March to mid-May 2026.
    const { report } = fixtures.serviceLevels().reports.find((r) => r.from.startsWith('2026-03-01'))!;
    const lines = reportCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('dimension,key,name,month,response_met,response_breached,response_percent,resolution_met,resolution_breached,resolution_percent');
    const rows = [report.overall, ...report.by_service, ...report.by_customer, ...report.by_priority];
    // A total line per row, then one per month the row has figures for.
    expect(lines).toHaveLength(1 + rows.reduce((sum, row) => sum + 1 + row.months.length, 0));
    expect(rows.some((row) => row.months.length === 3), 'the period spans three months').toBe(true);
    // A service month where both clocks were decided: its line carries both percentages.
    const service = report.by_service.find((row) => row.months.some((m) => m.response.percent !== undefined && m.resolution.percent !== undefined))!;
    const month = service.months.find((m) => m.response.percent !== undefined && m.resolution.percent !== undefined)!;
    expect(lines).toContain(
      [
        'service', service.key, service.name, month.month,
        month.response.met, month.response.breached, month.response.percent!.toFixed(1),
        month.resolution.met, month.resolution.breached, month.resolution.percent!.toFixed(1),
      ].join(','),
    );
    expect(lines.filter((line) => line.startsWith('priority,P3,'))).toHaveLength(4);
  });

  it('leaves the percentage empty when no clock was decided', () => {
    const report = {
      overall: { key: 'all', name: 'All tickets', response: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 }, months: [] },
      by_service: [], by_customer: [], by_priority: [],
    } as never;
    expect(reportCsv(report).split('\r\n')[1]).toBe('overall,all,All tickets,total,0,0,,0,0,');
  });
});
