import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ticketGet, ticketUpdate } from '../../api/tickets';
import type { AppError } from '../../api/types';
import type { Problem } from '../../bindings/Problem';
import type { TicketDetail } from '../../bindings/TicketDetail';
import { queryKeys } from '../../state/queryKeys';
import { useDirectory } from '../../state/useDirectory';
import { useNow } from '../../state/useNow';
import { useRecordSave } from '../../state/useRecordSave';
import type { TicketPatch } from '../../bindings/TicketPatch';
import { CommentForm } from './CommentForm';
import { KnownErrorSearch } from './KnownErrorSearch';
import { LinksPanel } from './LinksPanel';
import { ProblemPanel } from './ProblemPanel';
import { RecordHeader } from './RecordHeader';
import { TicketDetailsPanel } from './TicketDetailsPanel';
import { editableValues, patchFrom, type TicketEdits } from './ticketEdits';
import { TicketText } from './TicketText';
import { Timeline } from './Timeline';
import { useTicketMove } from './useTicketMove';
import { TicketClocksPanel } from '../sla/TicketClocksPanel';

/** One incident or request: its text, details, workflow, conversation and history. */
export function TicketRecord({ ticketKey }: { ticketKey: string }) {
  const query = useQuery<TicketDetail, AppError>({ queryKey: queryKeys.ticket(ticketKey), queryFn: () => ticketGet(ticketKey) });
  const directory = useDirectory();
  const now = useNow();
  const [recordError, setRecordError] = useState<string | null>(null);
  // Only the fields the person touched; everything else shows the stored value, so updates
  // from elsewhere appear at once in untouched fields.
  const [edits, setEdits] = useState<Partial<TicketEdits>>({});
  const [editingText, setEditingText] = useState(false);

  const ticket = query.data?.ticket;
  const { move, dialog, movingKey } = useTicketMove({ onRefused: setRecordError });
  const update = useMemo(
    () => (ticket ? (patch: TicketPatch) => ticketUpdate(ticket.key, patch, ticket.version) : undefined),
    [ticket],
  );
  const saver = useRecordSave(update, 'ticket');

  const values = useMemo(() => (ticket ? { ...editableValues(ticket), ...edits } : null), [ticket, edits]);
  const patch = useMemo(() => (ticket ? patchFrom(ticket, edits) : {}), [ticket, edits]);
  const dirty = Object.keys(patch).length > 0;

  const change = useCallback(
    <K extends keyof TicketEdits>(field: K, value: TicketEdits[K]) => {
      setEdits((current) => ({ ...current, [field]: value }));
      saver.clearError(field);
    },
    [saver],
  );

  const save = async () => {
    if (await saver.save(patch, `${ticketKey} saved.`)) {
      setEdits({});
      setEditingText(false);
    }
  };

  const linkProblem = (problem: Pick<Problem, 'id' | 'key'> | null) =>
    void saver.save(
      { problem_id: problem ? problem.id : null },
      problem ? `${ticketKey} linked to ${problem.key}.` : `${ticketKey} unlinked from its problem.`,
    );

  if (query.isPending) return <div className="loading">Loading {ticketKey}…</div>;
  if (query.error || !query.data || !ticket || !values) {
    return (
      <div className="empty-state">
        <h1>{query.error?.code === 'not_found' ? `${ticketKey} does not exist` : 'Could not load the ticket'}</h1>
        <p>{query.error?.message}</p>
        <a className="button" href="#/board">
          Back to the board
        </a>
      </div>
    );
  }
  const detail = query.data;

  return (
    <div className="view record-view" data-testid="record-view" data-record-key={ticket.key}>
      <RecordHeader
        detail={detail}
        now={now}
        moving={movingKey !== null}
        onMove={(to) => {
          setRecordError(null);
          void move(ticket, to);
        }}
      />
      {recordError && (
        <div className="banner banner-error" role="alert">
          {/* The id marks the message alone, so a test can compare it with the backend's text. */}
          <span data-testid="record-error">{recordError}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setRecordError(null)}>
            ×
          </button>
        </div>
      )}
      <div className="record-layout">
        <div className="record-main">
          <TicketText
            ticket={ticket}
            values={values}
            editing={editingText}
            errors={saver.errors}
            saving={saver.saving}
            dirty={dirty}
            onEdit={setEditingText}
            onChange={change}
            onSave={() => void save()}
          />
          <section className="panel" aria-label="Activity">
            <header className="panel-header">
              <h2>Activity</h2>
            </header>
            <Timeline comments={detail.comments} history={detail.history} directory={directory} noun={ticket.kind === 'incident' ? 'incident' : 'request'} />
            <CommentForm parentKey={ticket.key} />
          </section>
        </div>
        <aside className="record-side">
          <TicketDetailsPanel
            values={values}
            directory={directory}
            errors={saver.errors}
            dirty={dirty}
            saving={saver.saving}
            onChange={change}
            onSave={() => void save()}
            onDiscard={() => setEdits({})}
          />
          <TicketClocksPanel ticketKey={ticket.key} />
          <ProblemPanel
            problem={detail.problem}
            chosenId={ticket.problem_id ?? ''}
            onChoose={linkProblem}
          />
          {ticket.kind === 'incident' && (
            <KnownErrorSearch initialText={ticket.title} linkedProblemId={ticket.problem_id} onLink={linkProblem} />
          )}
          <LinksPanel recordKey={ticket.key} links={detail.links} />
        </aside>
      </div>
      {dialog}
    </div>
  );
}
