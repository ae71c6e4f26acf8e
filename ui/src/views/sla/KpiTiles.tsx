import type { SlaReport } from '../../bindings/SlaReport';
import { formatDuration, formatPercent } from '../../lib/duration';

function Tile({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="kpi-tile" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}

const maybe = (seconds: number | undefined) => (seconds === undefined ? '—' : formatDuration(seconds));

/** The period's headline figures: compliance, speed and the open backlog by age. */
export function KpiTiles({ report }: { report: SlaReport }) {
  const { overall, backlog } = report;
  const largest = Math.max(1, ...backlog.buckets.map((bucket) => bucket.count));
  return (
    <div className="kpi-row">
      <Tile
        testId="kpi-resolution"
        label="Resolved within target"
        value={formatPercent(overall.resolution.percent)}
        detail={`${overall.resolution.met} met · ${overall.resolution.breached} breached`}
      />
      <Tile
        testId="kpi-response"
        label="Responded within target"
        value={formatPercent(overall.response.percent)}
        detail={`${overall.response.met} met · ${overall.response.breached} breached`}
      />
      <Tile
        testId="kpi-mttr"
        label="Mean time to resolve"
        value={maybe(report.mean_time_to_resolve_seconds)}
        detail={`${report.resolved} resolved · ${maybe(report.mean_resolution_business_seconds)} counted`}
      />
      <Tile
        testId="kpi-first-response"
        label="Mean first response"
        value={maybe(report.mean_first_response_seconds)}
        detail={`${report.responded} responded`}
      />
      <div className="kpi-tile kpi-backlog" data-testid="kpi-backlog">
        <div className="kpi-label">
          Backlog: {backlog.open} open{backlog.oldest_age_seconds !== undefined && ` · oldest ${formatDuration(backlog.oldest_age_seconds)}`}
        </div>
        <div className="backlog-bars">
          {backlog.buckets.map((bucket) => (
            <div key={bucket.label} className="backlog-bar" data-testid={`backlog-${bucket.label}`}>
              <span className="backlog-bar-fill" style={{ height: `${(bucket.count / largest) * 100}%` }} />
              <span className="backlog-count">{bucket.count}</span>
              <span className="backlog-label">{bucket.label}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
