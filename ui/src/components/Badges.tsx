import type { Status } from '../bindings/Status';
import { PRIORITY_LABEL, STATUS_LABEL } from '../lib/labels';

export function PriorityBadge({ priority }: { priority: number }) {
  return (
    <span className={`priority priority-${priority}`} title={`P${priority} · ${PRIORITY_LABEL[priority] ?? ''}`}>
      P{priority}
    </span>
  );
}

export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <span className={`status status-${status}`} data-testid={testId} data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function KnownErrorBadge() {
  return <span className="tag tag-known-error">Known error</span>;
}
