import type { AtRiskClock } from '../../bindings/AtRiskClock';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { DataTable, type Column } from '../../components/DataTable';
import { formatDuration, formatInstant } from '../../lib/duration';
import { navigate, routeToHash } from '../../state/route';

export const CLOCK_LABEL = { response: 'Response', resolution: 'Resolution' } as const;

type Props = {
  clocks: AtRiskClock[];
  /** `breach` rows are `sla-breach-<KEY>`, `at-risk` rows `sla-at-risk-<KEY>`. */
  kind: 'breach' | 'at-risk';
  empty: string;
};

/** Time left in counted (business) time: what the target is measured in. */
function timeLeft(clock: AtRiskClock): string {
  if (clock.business_seconds_left < 0) return `${formatDuration(-clock.business_seconds_left)} over`;
  return `${formatDuration(clock.business_seconds_left)} left`;
}

const COLUMNS: Column<AtRiskClock>[] = [
  {
    header: 'Ticket',
    className: 'col-key',
    cell: (clock) => (
      <a className="record-key" href={routeToHash({ view: 'ticket', key: clock.ticket_key })} onClick={(event) => event.stopPropagation()}>
        {clock.ticket_key}
      </a>
    ),
  },
  { header: 'Title', cellClassName: () => 'col-title', cellTitle: (clock) => clock.title, cell: (clock) => clock.title },
  {
    header: 'Clock',
    cell: (clock) => (
      <>
        {CLOCK_LABEL[clock.clock]}
        {clock.state === 'paused' && <span className="tag">paused</span>}
      </>
    ),
  },
  { header: 'Priority', className: 'col-priority', cell: (clock) => <PriorityBadge priority={clock.priority} /> },
  { header: 'Status', className: 'col-status', cell: (clock) => <StatusBadge status={clock.status} /> },
  { header: 'Used', className: 'num', cell: (clock) => <UsedBar percent={clock.percent_used} /> },
  { header: 'Time', className: 'num', cellClassName: (clock) => `num ${clock.breached ? 'text-danger' : ''}`, cell: timeLeft },
  { header: 'Due', cell: (clock) => formatInstant(clock.due_at) },
];

/** Open tickets' clocks, in the order the backend gives (least time left first); each opens its ticket. */
export function ClockTable({ clocks, kind, empty }: Props) {
  return (
    <DataTable
      className="clock-table"
      testId={`sla-${kind}-table`}
      columns={COLUMNS}
      rows={clocks}
      rowKey={(clock) => `${clock.ticket_key}-${clock.clock}`}
      rowAttributes={(clock) => ({ 'data-testid': `sla-${kind}-${clock.ticket_key}`, 'data-clock': clock.clock })}
      onOpen={(clock) => navigate({ view: 'ticket', key: clock.ticket_key })}
      empty={empty}
    />
  );
}

/** Share of the target used; the bar stops at 100 % and the number keeps counting. */
export function UsedBar({ percent }: { percent: number }) {
  const tone = percent >= 100 ? 'over' : percent >= 75 ? 'warn' : 'ok';
  return (
    <span className={`used-bar used-${tone}`} title={`${percent.toFixed(0)} % of the target used`}>
      <span className="used-bar-track">
        <span className="used-bar-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </span>
      <span className="used-bar-text">{percent.toFixed(0)} %</span>
    </span>
  );
}
