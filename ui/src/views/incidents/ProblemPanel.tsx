import { useQuery } from '@tanstack/react-query';
import { problemsList } from '../../api/problems';
import type { Problem } from '../../bindings/Problem';
import { KnownErrorBadge } from '../../components/Badges';
import { Markdown } from '../../components/Markdown';
import { queryKeys } from '../../state/queryKeys';
import { routeToHash } from '../../state/route';

type ProblemPanelProps = {
  problem?: Problem;
  /** The problem id currently chosen in the form (may differ from the stored one until saved). */
  chosenId: string;
  onChoose: (problem: Problem | null) => void;
};

/** The problem this incident is linked to, its workaround, and a picker to change the link. */
export function ProblemPanel({ problem, chosenId, onChoose }: ProblemPanelProps) {
  const problems = useQuery({ queryKey: queryKeys.problems({}), queryFn: () => problemsList({}) });
  return (
    <section className="panel" aria-label="Problem" data-testid="problem-panel">
      <header className="panel-header">
        <h2>Problem</h2>
      </header>
      {problem ? (
        <div className="linked-problem" data-testid="linked-problem">
          <div className="linked-problem-head">
            <a href={routeToHash({ view: 'problem', key: problem.key })} className="record-key" data-testid="linked-problem-key">
              {problem.key}
            </a>
            {problem.known_error && <KnownErrorBadge />}
          </div>
          <div className="linked-problem-title">{problem.title}</div>
          {problem.workaround.trim() && (
            <div className="workaround">
              <div className="field-label">Workaround</div>
              <Markdown source={problem.workaround} />
            </div>
          )}
        </div>
      ) : (
        <p className="muted">Not linked to a problem.</p>
      )}
      <label className="field-label" htmlFor="field-problem_id">
        Linked problem
      </label>
      <select id="field-problem_id" value={chosenId} data-testid="record-problem" onChange={(event) => onChoose(problems.data?.find((option) => option.id === event.target.value) ?? null)}>
        <option value="">None</option>
        {problems.data?.map((option) => (
          <option key={option.id} value={option.id}>
            {option.key} · {option.title}
          </option>
        ))}
      </select>
    </section>
  );
}
