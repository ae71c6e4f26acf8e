import type { ComplianceRow } from '../../bindings/ComplianceRow';

/** Months on the x axis, shared by every row: a month where a row decided nothing is a gap. */
export function trendMonths(rows: ComplianceRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.months.map((month) => month.month)))].sort();
}

/** The line chart of resolution compliance per month, one line per row (service, customer, priority). */
export function trendOption(rows: ComplianceRow[], measure: 'resolution' | 'response') {
  const months = trendMonths(rows);
  return {
    animation: false,
    color: ['#3451b2', '#d9590b', '#1f7a4d', '#7c5cc4', '#b7870a', '#c0262d', '#2f6fbf', '#7b8494'],
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)} %` : '—') },
    legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11 } },
    grid: { left: 56, right: 20, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: rows.map((row) => {
      const byMonth = new Map(row.months.map((month) => [month.month, month[measure].percent]));
      return {
        name: row.name,
        type: 'line',
        connectNulls: false,
        symbolSize: 6,
        data: months.map((month) => byMonth.get(month) ?? null),
      };
    }),
  };
}
