import type { Problem } from '../../bindings/Problem';
import type { ProblemPatch } from '../../bindings/ProblemPatch';
import type { ProblemStatus } from '../../bindings/ProblemStatus';

export type ProblemEdits = {
  title: string;
  description: string;
  status: ProblemStatus;
  priority: number;
  assignee_id: string;
  group_id: string;
  service_id: string;
  root_cause: string;
  workaround: string;
  known_error: boolean;
};

export function problemValues(problem: Problem): ProblemEdits {
  return {
    title: problem.title,
    description: problem.description,
    status: problem.status,
    priority: problem.priority,
    assignee_id: problem.assignee_id ?? '',
    group_id: problem.group_id ?? '',
    service_id: problem.service_id ?? '',
    root_cause: problem.root_cause,
    workaround: problem.workaround,
    known_error: problem.known_error,
  };
}

const REFERENCES = new Set(['assignee_id', 'group_id', 'service_id']);

/** Only changed fields; a cleared reference becomes null ("clear it"). */
export function problemPatchFrom(problem: Problem, edits: Partial<ProblemEdits>): ProblemPatch {
  const stored = problemValues(problem);
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(edits)) {
    if (value === undefined || value === stored[field as keyof ProblemEdits]) continue;
    patch[field] = REFERENCES.has(field) && value === '' ? null : value;
  }
  return patch as ProblemPatch;
}
