import type { Problem } from '../bindings/Problem';
import type { ProblemDetail } from '../bindings/ProblemDetail';
import type { ProblemDraft } from '../bindings/ProblemDraft';
import type { ProblemPatch } from '../bindings/ProblemPatch';
import { call } from './call';

export type ProblemQuery = { text?: string; knownErrorsOnly?: boolean };

export const problemsList = (query: ProblemQuery = {}) => call<Problem[]>('problems_list', query);
export const problemGet = (key: string) => call<ProblemDetail>('problem_get', { key });
export const problemCreate = (draft: ProblemDraft) => call<Problem>('problem_create', { draft });
export const problemUpdate = (key: string, patch: ProblemPatch, expectedVersion: number) =>
  call<Problem>('problem_update', { key, patch, expectedVersion });
/** Known errors whose title, description, root cause or workaround match. */
export const knownErrorsSearch = (text: string) => call<Problem[]>('known_errors_search', { text });
