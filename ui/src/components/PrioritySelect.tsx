import { PRIORITIES, PRIORITY_LABEL } from '../lib/labels';

type Props = { id?: string; value: number; testId?: string; onChange: (priority: number) => void };

/** P1 (critical) to P5 (planning), for records whose priority is set by hand rather than worked out. */
export function PrioritySelect({ id, value, testId, onChange }: Props) {
  return (
    <select id={id} value={String(value)} data-testid={testId} onChange={(event) => onChange(Number(event.target.value))}>
      {PRIORITIES.map((priority) => (
        <option key={priority} value={String(priority)}>
          P{priority} · {PRIORITY_LABEL[priority]}
        </option>
      ))}
    </select>
  );
}
