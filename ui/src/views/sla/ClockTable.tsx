import type { AtRiskClock } from '../../bindings/AtRiskClock';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
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

/** Open tickets' clocks, in the order the backend gives (least time left first); each opens its ticket. */
export function ClockTable({ clocks, kind, empty }: Props) {
  return (
    <table className="data-table clock-table" data-testid={`sla-${kind}-table`}>
      <thead>
        <tr>
          <th className="col-key">Ticket</th>
          <th>Title</th>
          <th>Clock</th>
          <th className="col-priority">Priority</th>
          <th className="col-status">Status</th>
          <th className="num">Used</th>
          <th className="num">Time</th>
          <th>Due</th>
        </tr>
      </thead>
      <tbody>
        {clocks.map((clock) => {
          const open = () => navigate({ view: 'ticket', key: clock.ticket_key });
          return (
            <tr
              key={`${clock.ticket_key}-${clock.clock}`}
              data-testid={`sla-${kind}-${clock.ticket_key}`}
              data-clock={clock.clock}
              tabIndex={0}
              onClick={open}
              onKeyDown={(event) => event.key === 'Enter' && open()}
            >
              <td className="col-key">
                <a className="record-key" href={routeToHash({ view: 'ticket', key: clock.ticket_key })} onClick={(event) => event.stopPropagation()}>
                  {clock.ticket_key}
                </a>
              </td>
              <td className="col-title" title={clock.title}>
                {clock.title}
              </td>
              <td>
                {CLOCK_LABEL[clock.clock]}
                {clock.state === 'paused' && <span className="tag">paused</span>}
              </td>
              <td className="col-priority">
                <PriorityBadge priority={clock.priority} />
              </td>
              <td className="col-status">
                <StatusBadge status={clock.status} />
              </td>
              <td className="num">
                <UsedBar percent={clock.percent_used} />
              </td>
              <td className={`num ${clock.breached ? 'text-danger' : ''}`}>{timeLeft(clock)}</td>
              <td>{formatInstant(clock.due_at)}</td>
            </tr>
          );
        })}
        {clocks.length === 0 && (
          <tr>
            <td colSpan={8} className="table-empty">
              {empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
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
