import { useQuery } from '@tanstack/react-query';
import { problemGet, problemUpdate } from '../../api/problems';
import type { AppError } from '../../api/types';
import type { Problem } from '../../bindings/Problem';
import type { ProblemDetail } from '../../bindings/ProblemDetail';
import type { ProblemPatch } from '../../bindings/ProblemPatch';
import { KnownErrorBadge, PriorityBadge } from '../../components/Badges';
import { RecordHeaderLayout } from '../../components/RecordHeaderLayout';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { formatAge } from '../../lib/age';
import { PROBLEM_STATUS_LABEL } from '../../lib/labels';
import { queryKeys } from '../../state/queryKeys';
import { useDirectory } from '../../state/useDirectory';
import { useNow } from '../../state/useNow';
import { useRecordEdits } from '../../state/useRecordEdits';
import { ActivityPanel } from '../incidents/ActivityPanel';
import { LinkedIncidentsPanel } from './LinkedIncidentsPanel';
import { ProblemDetailsPanel } from './ProblemDetailsPanel';
import { problemPatchFrom, problemValues } from './problemEdits';
import { ProblemText } from './ProblemText';
import { AffectedItemsPanel } from '../cmdb/AffectedItemsPanel';

const updateProblem = (problem: Problem, patch: ProblemPatch) => problemUpdate(problem.key, patch, problem.version);

/** One problem: analysis (root cause, workaround), known-error flag, linked incidents, history. */
export function ProblemRecord({ problemKey }: { problemKey: string }) {
  const query = useQuery<ProblemDetail, AppError>({ queryKey: queryKeys.problem(problemKey), queryFn: () => problemGet(problemKey) });
  const directory = useDirectory();
  const now = useNow();
  const problem = query.data?.problem;
  const { stored, form, editingText, setEditingText, savePatch } = useRecordEdits({
    record: problem,
    recordKey: problemKey,
    noun: 'problem',
    valuesOf: problemValues,
    patchOf: problemPatchFrom,
    update: updateProblem,
  });

  if (query.isPending) return <div className="loading">Loading {problemKey}…</div>;
  if (query.error || !problem || !form || !stored) {
    return <RecordUnavailable recordKey={problemKey} noun="problem" error={query.error} backHref="#/problems" backLabel="Back to problems" />;
  }
  const detail = query.data;

  return (
    <div className="view record-view" data-testid="problem-record-view" data-record-key={problem.key}>
      <RecordHeaderLayout backHref="#/problems" backLabel="Problems" recordKey={problem.key} tag="Problem" title={problem.title} titleTestId="problem-title">
        <span className={`status problem-status-${problem.status}`} data-testid="problem-status-badge">
          {PROBLEM_STATUS_LABEL[problem.status]}
        </span>
        <PriorityBadge priority={problem.priority} />
        {problem.known_error && <KnownErrorBadge />}
        <span className="record-age">opened {formatAge(problem.created_at, now)} ago</span>
      </RecordHeaderLayout>
      <div className="record-layout">
        <div className="record-main">
          <ProblemText {...form} stored={stored} editing={editingText} onEdit={setEditingText} />
          <ActivityPanel recordKey={problem.key} comments={detail.comments} history={detail.history} noun="problem" />
        </div>
        <aside className="record-side">
          <ProblemDetailsPanel {...form} directory={directory} />
          <AffectedItemsPanel
            ticketKey={problem.key}
            editable={problem.status !== 'closed'}
            onSave={(ids) => savePatch({ affected_ci_ids: ids }, `${problem.key}: affected items saved.`)}
          />
          <LinkedIncidentsPanel incidents={detail.incidents} />
        </aside>
      </div>
    </div>
  );
}
