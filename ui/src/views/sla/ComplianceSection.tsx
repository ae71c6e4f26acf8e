import { forwardRef, useState } from 'react';
import type { ComplianceFigure } from '../../bindings/ComplianceFigure';
import type { ComplianceRow } from '../../bindings/ComplianceRow';
import type { SlaReport } from '../../bindings/SlaReport';
import { DataTable, type Column } from '../../components/DataTable';
import { formatPercent } from '../../lib/duration';
import { TrendChart, type TrendChartHandle } from './TrendChart';

export type Dimension = 'service' | 'customer' | 'priority';
const DIMENSIONS: { id: Dimension; label: string }[] = [
  { id: 'service', label: 'By service' },
  { id: 'customer', label: 'By customer' },
  { id: 'priority', label: 'By priority' },
];

export function rowsOf(report: SlaReport, dimension: Dimension): ComplianceRow[] {
  return { service: report.by_service, customer: report.by_customer, priority: report.by_priority }[dimension];
}

function Figure({ figure }: { figure: ComplianceFigure }) {
  const low = figure.percent !== undefined && figure.percent < 90;
  return (
    <>
      <span className={low ? 'text-danger' : undefined}>{formatPercent(figure.percent)}</span>
      <span className="muted figure-counts">
        {' '}
        {figure.met}/{figure.met + figure.breached}
      </span>
    </>
  );
}

function Trend({ points }: { points?: number }) {
  if (points === undefined) return <span className="muted">—</span>;
  const arrow = points > 0 ? '▲' : points < 0 ? '▼' : '■';
  const tone = points > 0 ? 'trend-up' : points < 0 ? 'trend-down' : 'muted';
  return (
    <span className={tone} title="Resolution compliance of the last month against the month before, in percentage points">
      {arrow} {Math.abs(points).toFixed(1)} pt
    </span>
  );
}

const columnsFor = (dimension: Dimension): Column<ComplianceRow>[] => [
  {
    header: DIMENSIONS.find((d) => d.id === dimension)!.label.replace('By ', '').replace(/^./, (c) => c.toUpperCase()),
    cell: (row) => (
      <>
        {row.name}
        {row.name !== row.key && <span className="muted"> · {row.key}</span>}
      </>
    ),
  },
  { header: 'Response', className: 'num', cell: (row) => <Figure figure={row.response} /> },
  { header: 'Resolution', className: 'num', cell: (row) => <Figure figure={row.resolution} /> },
  { header: 'Trend', className: 'num', cell: (row) => <Trend points={row.trend_points} /> },
];

/** Compliance tables by service, customer or priority, with the per-month trend of the chosen one. */
export const ComplianceSection = forwardRef<TrendChartHandle, { report: SlaReport }>(function ComplianceSection({ report }, chartRef) {
  const [dimension, setDimension] = useState<Dimension>('service');
  const [measure, setMeasure] = useState<'resolution' | 'response'>('resolution');
  const rows = rowsOf(report, dimension);
  return (
    <section className="panel sla-compliance" aria-label="Compliance">
      <header className="panel-header">
        <h2>Compliance</h2>
        <div className="segmented" role="tablist" aria-label="Group by">
          {DIMENSIONS.map((option) => (
            <button
              key={option.id}
              type="button"
              role="tab"
              aria-selected={dimension === option.id}
              className={dimension === option.id ? 'active' : undefined}
              data-testid={`sla-dimension-${option.id}`}
              onClick={() => setDimension(option.id)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </header>
      <div className="sla-compliance-body">
        <DataTable
          className="compliance-table"
          testId={`sla-compliance-${dimension}`}
          columns={columnsFor(dimension)}
          rows={rows}
          rowKey={(row) => row.key}
          rowAttributes={(row) => ({ 'data-testid': `sla-row-${row.key}`, className: 'static-row' })}
          empty="No clock was decided in this period."
        />
        <div className="sla-trend">
          <div className="sla-trend-header">
            <span className="muted">Per month</span>
            <select aria-label="Measure" value={measure} data-testid="sla-trend-measure" onChange={(e) => setMeasure(e.target.value as 'resolution' | 'response')}>
              <option value="resolution">Resolution within target</option>
              <option value="response">Response within target</option>
            </select>
          </div>
          <TrendChart ref={chartRef} rows={rows} measure={measure} title={`${measure} compliance per month`} />
        </div>
      </div>
    </section>
  );
});
