import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { knownErrorsSearch } from '../../api/problems';
import type { AppError } from '../../api/types';
import type { Problem } from '../../bindings/Problem';
import { Markdown } from '../../components/Markdown';
import { queryKeys } from '../../state/queryKeys';
import { routeToHash } from '../../state/route';

type KnownErrorSearchProps = {
  /** Where the search starts: the incident's title is usually the best description of the symptom. */
  initialText: string;
  linkedProblemId?: string;
  onLink: (problem: Problem) => void;
};

/** Looks for a known error matching the incident, so its workaround can be applied and the incident linked. */
export function KnownErrorSearch({ initialText, linkedProblemId, onLink }: KnownErrorSearchProps) {
  const [text, setText] = useState(initialText);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const results = useQuery<Problem[], AppError>({
    queryKey: queryKeys.knownErrors(submitted ?? ''),
    queryFn: () => knownErrorsSearch(submitted ?? ''),
    enabled: submitted !== null && submitted.length > 0,
    retry: false,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(text.trim());
  };

  return (
    <section className="panel" aria-label="Known errors" data-testid="known-error-search">
      <header className="panel-header">
        <h2>Known errors</h2>
      </header>
      <form className="inline-form known-error-form" onSubmit={submit}>
        <input value={text} aria-label="Search known errors" data-testid="known-error-search-input" onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={!text.trim()} data-testid="known-error-search-button">
          Search known errors
        </button>
      </form>
      {results.error && <div className="field-error">{results.error.message}</div>}
      {results.data && (
        <ul className="known-error-results" data-testid="known-error-results">
          {results.data.length === 0 && <li className="muted">No known error matches.</li>}
          {results.data.map((problem) => (
            <li key={problem.id} data-testid={`known-error-${problem.key}`}>
              <div className="linked-problem-head">
                <a href={routeToHash({ view: 'problem', key: problem.key })} className="record-key">
                  {problem.key}
                </a>
                <span className="known-error-title">{problem.title}</span>
              </div>
              {problem.workaround.trim() && <Markdown source={problem.workaround} className="known-error-workaround" />}
              {problem.id === linkedProblemId ? (
                <span className="muted">Linked</span>
              ) : (
                <button type="button" className="small" data-testid={`known-error-link-${problem.key}`} onClick={() => onLink(problem)}>
                  Link this problem
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
