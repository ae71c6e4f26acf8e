import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { search } from '../../api/search';
import type { AppError } from '../../api/types';
import type { SearchHit } from '../../bindings/SearchHit';
import { StatusBadge } from '../../components/Badges';
import { navigate, routeForKey } from '../../state/route';
import { queryKeys } from '../../state/queryKeys';
import { useCloseOnOutsidePointer } from '../../state/useCloseOnOutsidePointer';
import { useDebounced } from '../../state/useDebounced';
import { useWorkspace } from '../../state/useWorkspace';

const RESULT_LIMIT = 20;

/** Full-text search over titles, descriptions and comments of every record. */
export function GlobalSearch() {
  const workspace = useWorkspace();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), 200);

  const results = useQuery<SearchHit[], AppError>({
    queryKey: queryKeys.search(query),
    queryFn: () => search(query, RESULT_LIMIT),
    enabled: Boolean(workspace.data) && query.length > 0,
    retry: false,
  });

  // "/" jumps to search from anywhere except a text field, as in most desk tools.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const close = useCallback(() => setOpen(false), []);
  useCloseOnOutsidePointer(open, box, close);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    navigate(routeForKey(hit.key, hit.record_kind));
  };

  return (
    <div className="global-search" ref={box}>
      <input
        ref={input}
        type="search"
        placeholder="Search tickets and problems  (press /)"
        aria-label="Search"
        value={text}
        data-testid="search-input"
        disabled={!workspace.data}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
          if (event.key === 'Enter' && results.data?.[0]) choose(results.data[0]);
        }}
      />
      {open && query.length > 0 && (
        <div className="search-results" data-testid="search-results" role="listbox">
          {results.isPending && <div className="search-note">Searching…</div>}
          {results.error && <div className="search-note search-error">{results.error.message}</div>}
          {results.data?.length === 0 && <div className="search-note">No matches for “{query}”.</div>}
          {results.data?.map((hit) => (
            <button
              key={`${hit.record_kind}-${hit.key}`}
              type="button"
              role="option"
              aria-selected="false"
              className="search-hit"
              data-testid={`search-hit-${hit.key}`}
              onClick={() => choose(hit)}
            >
              <span className="search-hit-head">
                <span className="record-key">{hit.key}</span>
                <span className="search-hit-title">{hit.title}</span>
                {hit.status && <StatusBadge status={hit.status} />}
              </span>
              {hit.snippet && <span className="search-hit-snippet">{hit.snippet}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}


