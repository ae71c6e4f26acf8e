import type { TicketDetail } from '../../bindings/TicketDetail';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { RecordHeaderLayout } from '../../components/RecordHeaderLayout';
import { formatAge, formatDateTime } from '../../lib/age';
import { KIND_LABEL, RESOLUTION_CODES } from '../../lib/labels';
import type { Status } from '../../bindings/Status';
import { WorkflowButtons } from './WorkflowButtons';

type RecordHeaderProps = {
  detail: TicketDetail;
  now: Date;
  moving: boolean;
  onMove: (to: Status) => void;
};

export function RecordHeader({ detail, now, moving, onMove }: RecordHeaderProps) {
  const { ticket } = detail;
  const notes = (
    <>
      {ticket.status === 'pending' && ticket.pending_reason && (
        <div className="record-state-note" data-testid="record-pending-reason">
          <strong>Waiting for:</strong> {ticket.pending_reason}
        </div>
      )}
      {(ticket.status === 'resolved' || ticket.status === 'closed') && ticket.resolution_code && (
        <div className="record-state-note record-state-resolved" data-testid="record-resolution">
          <strong>{resolutionLabel(ticket.resolution_code)}:</strong> {ticket.resolution_notes}
        </div>
      )}
    </>
  );
  return (
    <RecordHeaderLayout backHref="#/board" backLabel="Board" recordKey={ticket.key} tag={KIND_LABEL[ticket.kind]} title={ticket.title} titleTestId="record-title" notes={notes}>
      <StatusBadge status={ticket.status} testId="record-status" />
      <PriorityBadge priority={ticket.priority} />
      <span className="record-age" title={formatDateTime(ticket.created_at)}>
        opened {formatAge(ticket.created_at, now)} ago
      </span>
      <span className="card-spacer" />
      <WorkflowButtons current={ticket.status} next={detail.next_statuses} busy={moving} onMove={onMove} />
    </RecordHeaderLayout>
  );
}

function resolutionLabel(code: string): string {
  return RESOLUTION_CODES.find((option) => option.code === code)?.label ?? code;
}
