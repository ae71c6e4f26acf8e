import type { Status } from '../../bindings/Status';

/** Verbs read better than target statuses on buttons; a move back from Resolved is a reopen. */
function verb(from: Status, to: Status): string {
  switch (to) {
    case 'assigned':
      return 'Assign';
    case 'in_progress':
      return from === 'resolved' ? 'Reopen' : from === 'pending' ? 'Resume work' : 'Start work';
    case 'pending':
      return 'Set pending';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    case 'new':
      return 'Back to New';
  }
}

type WorkflowButtonsProps = {
  current: Status;
  next: Status[];
  busy: boolean;
  onMove: (to: Status) => void;
};

/** One button per status the workflow allows next (`next_statuses` from the backend). */
export function WorkflowButtons({ current, next, busy, onMove }: WorkflowButtonsProps) {
  if (next.length === 0) return <span className="workflow-final">No further steps</span>;
  return (
    <div className="workflow-buttons" role="group" aria-label="Workflow">
      {next.map((status) => (
        <button
          key={status}
          type="button"
          className={status === 'resolved' ? 'primary' : ''}
          disabled={busy}
          data-testid={`transition-${status}`}
          onClick={() => onMove(status)}
        >
          {verb(current, status)}
        </button>
      ))}
    </div>
  );
}
