import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { fileSaveDataUrl, fileSaveText, slaReport } from '../../api/serviceLevels';
import type { AppError } from '../../api/types';
import type { SlaReport } from '../../bindings/SlaReport';
import { useToast } from '../../components/Toasts';
import { ClockTable } from './ClockTable';
import { ComplianceSection } from './ComplianceSection';
import { KpiTiles } from './KpiTiles';
import { PeriodFilter } from './PeriodFilter';
import { periodProblem, periodRange, presetPeriod, type Period } from './period';
import { reportCsv, reportFileName } from './reportCsv';
import { slaQueryKeys } from './slaQueryKeys';
import type { TrendChartHandle } from './TrendChart';

// Time left on at-risk clocks changes by itself; a minute is as fine as the figures are shown.
const REFRESH_MS = 60_000;

/** Compliance by service, customer and priority, speed, backlog, and the tickets at risk now. */
export function SlaDashboard({ now = new Date() }: { now?: Date }) {
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last-3-months', now));
  const valid = periodProblem(period) === null;
  const range = useMemo(() => (valid ? periodRange(period) : null), [period, valid]);
  const [lastRange, setLastRange] = useState(range);
  if (range && (range.from !== lastRange?.from || range.to !== lastRange?.to)) setLastRange(range);
  const shown = range ?? lastRange!;

  const query = useQuery<SlaReport, AppError>({
    queryKey: slaQueryKeys.report(shown.from, shown.to),
    queryFn: () => slaReport(shown.from, shown.to),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const chart = useRef<TrendChartHandle>(null);
  const notify = useToast();
  const report = query.data;

  const saved = (path: string | null) => path && notify(`Saved ${path}`, 'success');
  const failed = (error: AppError) => notify(error.message, 'error');
  const exportCsv = () => {
    if (!report) return;
    fileSaveText(reportFileName(period.from, period.to, 'csv'), reportCsv(report)).then(saved, failed);
  };
  const exportChart = () => {
    const dataUrl = chart.current?.pngDataUrl();
    if (!dataUrl) return notify('The chart is not drawn yet.', 'error');
    fileSaveDataUrl(reportFileName(period.from, period.to, 'png'), dataUrl).then(saved, failed);
  };

  return (
    <div className="view sla-dashboard" data-testid="sla-dashboard">
      <div className="view-header">
        <div className="view-title-row">
          <h1>SLA dashboard</h1>
          <span className="card-spacer" />
          <button type="button" className="button" data-testid="sla-export-csv" disabled={!report} onClick={exportCsv}>
            Export figures (CSV)
          </button>
          <button type="button" className="button" data-testid="sla-export-chart" disabled={!report} onClick={exportChart}>
            Export chart (PNG)
          </button>
        </div>
        <PeriodFilter period={period} now={now} onChange={setPeriod} />
      </div>
      {query.error && (
        <div className="banner banner-error" role="alert">
          <span>{query.error.message}</span>
        </div>
      )}
      {query.isPending && <div className="loading">Computing figures…</div>}
      {report && (
        <>
          <KpiTiles report={report} />
          <div className="sla-lists">
            <section className="panel table-panel" aria-label="Breached">
              <header className="panel-header">
                <h2>
                  Breached <span className="count">{report.breached.length}</span>
                </h2>
              </header>
              <ClockTable clocks={report.breached} kind="breach" empty="No open ticket is past its target." />
            </section>
            <section className="panel table-panel" aria-label="At risk">
              <header className="panel-header">
                <h2>
                  At risk <span className="count">{report.at_risk.length}</span>
                </h2>
              </header>
              <ClockTable clocks={report.at_risk} kind="at-risk" empty="No open ticket has reached a warning threshold." />
            </section>
          </div>
          <ComplianceSection ref={chart} report={report} />
        </>
      )}
    </div>
  );
}
