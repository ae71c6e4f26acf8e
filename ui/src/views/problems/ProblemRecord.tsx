import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { problemGet, problemUpdate } from '../../api/problems';
import type { AppError } from '../../api/types';
import type { ProblemDetail } from '../../bindings/ProblemDetail';
import type { ProblemPatch } from '../../bindings/ProblemPatch';
import { KnownErrorBadge, PriorityBadge, StatusBadge } from '../../components/Badges';
import { formatAge } from '../../lib/age';
import { PROBLEM_STATUS_LABEL } from '../../lib/labels';
import { queryKeys } from '../../state/queryKeys';
import { routeToHash } from '../../state/route';
import { useDirectory } from '../../state/useDirectory';
import { useNow } from '../../state/useNow';
import { useRecordSave } from '../../state/useRecordSave';
import { CommentForm } from '../incidents/CommentForm';
import { Timeline } from '../incidents/Timeline';
import { ProblemDetailsPanel } from './ProblemDetailsPanel';
import { problemPatchFrom, problemValues, type ProblemEdits } from './problemEdits';
import { ProblemText } from './ProblemText';

/** One problem: analysis (root cause, workaround), known-error flag, linked incidents, history. */
export function ProblemRecord({ problemKey }: { problemKey: string }) {
  const query = useQuery<ProblemDetail, AppError>({ queryKey: queryKeys.problem(problemKey), queryFn: () => problemGet(problemKey) });
  const directory = useDirectory();
  const now = useNow();
  const [edits, setEdits] = useState<Partial<ProblemEdits>>({});
  const [editingText, setEditingText] = useState(false);
  const problem = query.data?.problem;

  const update = useMemo(
    () => (problem ? (patch: ProblemPatch) => problemUpdate(problem.key, patch, problem.version) : undefined),
    [problem],
  );
  const saver = useRecordSave(update, 'problem');
  const stored = useMemo(() => (problem ? problemValues(problem) : null), [problem]);
  const values = useMemo(() => (stored ? { ...stored, ...edits } : null), [stored, edits]);
  const patch = useMemo(() => (problem ? problemPatchFrom(problem, edits) : {}), [problem, edits]);
  const dirty = Object.keys(patch).length > 0;

  const change = useCallback(
    <K extends keyof ProblemEdits>(field: K, value: ProblemEdits[K]) => {
      setEdits((current) => ({ ...current, [field]: value }));
      saver.clearError(field);
    },
    [saver],
  );

  const save = async () => {
    if (await saver.save(patch, `${problemKey} saved.`)) {
      setEdits({});
      setEditingText(false);
    }
  };

  if (query.isPending) return <div className="loading">Loading {problemKey}…</div>;
  if (query.error || !problem || !values || !stored) {
    return (
      <div className="empty-state">
        <h1>{query.error?.code === 'not_found' ? `${problemKey} does not exist` : 'Could not load the problem'}</h1>
        <p>{query.error?.message}</p>
        <a className="button" href="#/problems">
          Back to problems
        </a>
      </div>
    );
  }
  const detail = query.data;

  return (
    <div className="view record-view" data-testid="problem-record-view" data-record-key={problem.key}>
      <header className="record-header">
        <div className="record-header-top">
          <a className="back-link" href="#/problems">
            ← Problems
          </a>
          <span className="record-key">{problem.key}</span>
          <span className="tag">Problem</span>
          <span className={`status problem-status-${problem.status}`} data-testid="problem-status-badge">
            {PROBLEM_STATUS_LABEL[problem.status]}
          </span>
          <PriorityBadge priority={problem.priority} />
          {problem.known_error && <KnownErrorBadge />}
          <span className="record-age">opened {formatAge(problem.created_at, now)} ago</span>
        </div>
        <h1 className="record-title" data-testid="problem-title">
          {problem.title}
        </h1>
      </header>
      <div className="record-layout">
        <div className="record-main">
          <ProblemText
            stored={stored}
            values={values}
            editing={editingText}
            errors={saver.errors}
            dirty={dirty}
            saving={saver.saving}
            onEdit={setEditingText}
            onChange={change}
            onSave={() => void save()}
          />
          <section className="panel" aria-label="Activity">
            <header className="panel-header">
              <h2>Activity</h2>
            </header>
            <Timeline comments={detail.comments} history={detail.history} directory={directory} noun="problem" />
            <CommentForm parentKey={problem.key} />
          </section>
        </div>
        <aside className="record-side">
          <ProblemDetailsPanel
            values={values}
            directory={directory}
            errors={saver.errors}
            dirty={dirty}
            saving={saver.saving}
            onChange={change}
            onSave={() => void save()}
            onDiscard={() => setEdits({})}
          />
          <section className="panel" aria-label="Linked incidents" data-testid="problem-incidents">
            <header className="panel-header">
              <h2>Linked incidents</h2>
              <span className="count">{detail.incidents.length}</span>
            </header>
            {detail.incidents.length === 0 && <p className="muted">No incidents linked yet. Link them from the incident&apos;s record.</p>}
            <ul className="link-list">
              {detail.incidents.map((card) => (
                <li key={card.id} data-testid={`problem-incident-${card.key}`}>
                  <a href={routeToHash({ view: 'ticket', key: card.key })} className="record-key">
                    {card.key}
                  </a>
                  <span className="link-title">{card.title}</span>
                  <StatusBadge status={card.status} />
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
