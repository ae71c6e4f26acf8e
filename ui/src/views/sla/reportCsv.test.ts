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
    const rows = 1 + report.by_service.length + report.by_customer.length + report.by_priority.length;
    expect(lines).toHaveLength(1 + rows * 4);
    const may = report.by_service[0].months[2];
    expect(lines).toContain(
      [
        'service', report.by_service[0].key, report.by_service[0].name, '2026-05',
        may.response.met, may.response.breached, may.response.percent!.toFixed(1),
        may.resolution.met, may.resolution.breached, may.resolution.percent!.toFixed(1),
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
