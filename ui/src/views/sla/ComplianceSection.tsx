import { forwardRef, useState } from 'react';
import type { ComplianceFigure } from '../../bindings/ComplianceFigure';
import type { ComplianceRow } from '../../bindings/ComplianceRow';
import type { SlaReport } from '../../bindings/SlaReport';
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
        <table className="data-table compliance-table" data-testid={`sla-compliance-${dimension}`}>
          <thead>
            <tr>
              <th>{DIMENSIONS.find((d) => d.id === dimension)!.label.replace('By ', '').replace(/^./, (c) => c.toUpperCase())}</th>
              <th className="num">Response</th>
              <th className="num">Resolution</th>
              <th className="num">Trend</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`sla-row-${row.key}`} className="static-row">
                <td>
                  {row.name}
                  {row.name !== row.key && <span className="muted"> · {row.key}</span>}
                </td>
                <td className="num">
                  <Figure figure={row.response} />
                </td>
                <td className="num">
                  <Figure figure={row.resolution} />
                </td>
                <td className="num">
                  <Trend points={row.trend_points} />
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="table-empty">
                  No clock was decided in this period.
                </td>
              </tr>
            )}
          </tbody>
        </table>
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
