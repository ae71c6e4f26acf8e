import type { Problem } from '../../bindings/Problem';
import type { ProblemPatch } from '../../bindings/ProblemPatch';
import type { ProblemStatus } from '../../bindings/ProblemStatus';
import { recordPatch, referenceValues } from '../../lib/recordEdits';

/** The fields the record view lets a person edit, as form values ('' = empty reference). */
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

const REFERENCES = ['assignee_id', 'group_id', 'service_id'] as const;

export function problemValues(problem: Problem): ProblemEdits {
  const { title, description, status, priority, root_cause, workaround, known_error } = problem;
  return { title, description, status, priority, root_cause, workaround, known_error, ...referenceValues(problem, REFERENCES) };
}

/** What the person changed on the stored problem, as the patch a save sends. */
export function problemPatchFrom(problem: Problem, edits: Partial<ProblemEdits>): ProblemPatch {
  return recordPatch(problemValues(problem), edits, REFERENCES);
}
