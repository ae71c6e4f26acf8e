import { useQuery } from '@tanstack/react-query';
import { ticketClocks } from '../../api/serviceLevels';
import type { AppError } from '../../api/types';
import type { ClockExplanation } from '../../bindings/ClockExplanation';
import type { ClockSpan } from '../../bindings/ClockSpan';
import type { SlaClock } from '../../bindings/SlaClock';
import { STATUS_LABEL } from '../../lib/labels';
import { formatDuration, formatInstant } from '../../lib/duration';
import { UsedBar } from './ClockTable';
import { slaQueryKeys } from './slaQueryKeys';

const STATE_LABEL = { running: 'Running', paused: 'Paused', stopped: 'Stopped' } as const;
/** A stopped clock means the thing it measures happened. */
const STOPPED_LABEL = { Response: 'Responded', Resolution: 'Resolved' } as const;
const SPAN_LABEL = { running: 'Counted', paused: 'Paused', stopped: 'Not counted' } as const;

function ClockSummary({ name, clock, testId }: { name: 'Response' | 'Resolution'; clock: SlaClock; testId: string }) {
  return (
    <div className={`clock-summary${clock.breached ? ' clock-breached' : ''}`} data-testid={testId} data-state={clock.state} data-breached={clock.breached}>
      <div className="clock-summary-head">
        <strong>{name}</strong>
        <span className={`clock-state clock-state-${clock.state}`}>{clock.state === 'stopped' ? STOPPED_LABEL[name] : STATE_LABEL[clock.state]}</span>
        {clock.breached && <span className="tag tag-breached">Breached</span>}
      </div>
      <UsedBar percent={clock.percent_used} />
      <dl className="clock-facts">
        <dt>Counted</dt>
        <dd data-testid={`${testId}-elapsed`}>
          {formatDuration(clock.elapsed_seconds)} of {formatDuration(clock.target_seconds)}
        </dd>
        <dt>{clock.due && new Date(clock.due) < new Date() ? 'Was due' : 'Due'}</dt>
        <dd>{clock.due ? formatInstant(clock.due) : clock.state === 'paused' ? 'not while paused' : '—'}</dd>
        {clock.warnings_reached.length > 0 && (
          <>
            <dt>Warnings</dt>
            <dd>{clock.warnings_reached.map((w) => `${w} %`).join(', ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** Each stretch of the ticket's life and whether it counted: the figures' evidence. */
function SpanList({ spans, testId }: { spans: ClockSpan[]; testId: string }) {
  return (
    <ol className="clock-spans" data-testid={testId}>
      {spans.map((span, index) => (
        <li key={index} className={`clock-span clock-span-${span.state}`} data-state={span.state}>
          <span className="clock-span-when">
            {formatInstant(span.from)} → {formatInstant(span.to)}
          </span>
          <span className="clock-span-what">
            {SPAN_LABEL[span.state]} · {STATUS_LABEL[span.status]}
          </span>
          <span className="clock-span-time">{span.state === 'running' ? formatDuration(span.business_seconds) : `(${formatDuration(span.business_seconds)} business time)`}</span>
        </li>
      ))}
    </ol>
  );
}

/** The SLA clocks of one ticket, with every counted interval and pause behind them. */
export function TicketClocksPanel({ ticketKey }: { ticketKey: string }) {
  const query = useQuery<ClockExplanation | null, AppError>({
    queryKey: slaQueryKeys.ticketClocks(ticketKey),
    queryFn: () => ticketClocks(ticketKey),
    refetchInterval: 60_000,
  });
  const explanation = query.data;
  return (
    <section className="panel clocks-panel" aria-label="Service level" data-testid="ticket-clocks">
      <header className="panel-header">
        <h2>Service level</h2>
      </header>
      <div className="panel-body">
        {query.isPending && <p className="muted">Loading clocks…</p>}
        {query.error && <p className="field-error">{query.error.message}</p>}
        {explanation === null && <p className="muted" data-testid="ticket-clocks-none">No SLA covers this ticket: none was in force for its customer and service on the day it was logged.</p>}
        {explanation && (
          <>
            <p className="clock-agreement">
              <span className="record-key">{explanation.sla_key}</span> {explanation.sla_name} · P{explanation.priority} · {explanation.calendar_name}
            </p>
            <ClockSummary name="Response" clock={explanation.response} testId="clock-response" />
            <ClockSummary name="Resolution" clock={explanation.resolution} testId="clock-resolution" />
            <details className="clock-details" data-testid="clock-explanation" open>
              <summary>How these were counted</summary>
              <p className="muted">
                Business time of {explanation.calendar_name}; the resolution clock pauses while{' '}
                {explanation.pausing_statuses.map((s) => STATUS_LABEL[s]).join(', ') || 'never'}.
              </p>
              {explanation.targets.length > 1 && (
                <ul className="clock-targets">
                  {explanation.targets.map((t) => (
                    <li key={t.at}>
                      From {formatInstant(t.at)}: respond in {formatDuration(t.response_minutes * 60)}, resolve in {formatDuration(t.resolution_minutes * 60)}
                    </li>
                  ))}
                </ul>
              )}
              <h3>Response</h3>
              <SpanList spans={explanation.response.spans} testId="clock-spans-response" />
              <h3>Resolution</h3>
              <SpanList spans={explanation.resolution.spans} testId="clock-spans-resolution" />
            </details>
          </>
        )}
      </div>
    </section>
  );
}
