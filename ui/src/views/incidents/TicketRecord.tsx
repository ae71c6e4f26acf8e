import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ticketGet, ticketUpdate } from '../../api/tickets';
import type { AppError } from '../../api/types';
import type { Problem } from '../../bindings/Problem';
import type { Ticket } from '../../bindings/Ticket';
import type { TicketDetail } from '../../bindings/TicketDetail';
import type { TicketPatch } from '../../bindings/TicketPatch';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { queryKeys } from '../../state/queryKeys';
import { useDirectory } from '../../state/useDirectory';
import { useNow } from '../../state/useNow';
import { useRecordEdits } from '../../state/useRecordEdits';
import { ActivityPanel } from './ActivityPanel';
import { KnownErrorSearch } from './KnownErrorSearch';
import { LinksPanel } from './LinksPanel';
import { ProblemPanel } from './ProblemPanel';
import { RecordHeader } from './RecordHeader';
import { TicketDetailsPanel } from './TicketDetailsPanel';
import { editableValues, patchFrom } from './ticketEdits';
import { TicketText } from './TicketText';
import { useTicketMove } from './useTicketMove';
import { TicketClocksPanel } from '../sla/TicketClocksPanel';
import { DismissibleError } from '../../components/DismissibleError';
import { AffectedItemsPanel } from '../cmdb/AffectedItemsPanel';

const updateTicket = (ticket: Ticket, patch: TicketPatch) => ticketUpdate(ticket.key, patch, ticket.version);

/** One incident or request: its text, details, workflow, conversation and history. */
export function TicketRecord({ ticketKey }: { ticketKey: string }) {
  const query = useQuery<TicketDetail, AppError>({ queryKey: queryKeys.ticket(ticketKey), queryFn: () => ticketGet(ticketKey) });
  const directory = useDirectory();
  const now = useNow();
  const [recordError, setRecordError] = useState<string | null>(null);

  const ticket = query.data?.ticket;
  const { move, dialog, movingKey } = useTicketMove({ onRefused: setRecordError });
  const { form, editingText, setEditingText, savePatch } = useRecordEdits({
    record: ticket,
    recordKey: ticketKey,
    noun: 'ticket',
    valuesOf: editableValues,
    patchOf: patchFrom,
    update: updateTicket,
  });

  const linkProblem = (problem: Pick<Problem, 'id' | 'key'> | null) =>
    void savePatch(
      { problem_id: problem ? problem.id : null },
      problem ? `${ticketKey} linked to ${problem.key}.` : `${ticketKey} unlinked from its problem.`,
    );

  if (query.isPending) return <div className="loading">Loading {ticketKey}…</div>;
  if (query.error || !query.data || !ticket || !form) {
    return <RecordUnavailable recordKey={ticketKey} noun="ticket" error={query.error} backHref="#/board" backLabel="Back to the board" />;
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
      <DismissibleError message={recordError} testId="record-error" onDismiss={() => setRecordError(null)} />
      <div className="record-layout">
        <div className="record-main">
          <TicketText {...form} ticket={ticket} editing={editingText} onEdit={setEditingText} />
          <ActivityPanel recordKey={ticket.key} comments={detail.comments} history={detail.history} noun={ticket.kind === 'incident' ? 'incident' : 'request'} />
        </div>
        <aside className="record-side">
          <TicketDetailsPanel {...form} directory={directory} />
          <AffectedItemsPanel
            ticketKey={ticket.key}
            editable={ticket.status !== 'closed'}
            onSave={(ids) => savePatch({ affected_ci_ids: ids }, `${ticket.key}: affected items saved.`)}
          />
          <TicketClocksPanel ticketKey={ticket.key} />
          <ProblemPanel problem={detail.problem} chosenId={ticket.problem_id ?? ''} onChoose={linkProblem} />
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
