import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { cisList } from '../../api/cmdb';
import { search } from '../../api/search';
import type { AppError } from '../../api/types';
import { queryKeys } from '../../state/queryKeys';
import { navigate, routeForKey, type Route } from '../../state/route';
import { useDebounced } from '../../state/useDebounced';
import { matchingPlaces, routeForTypedKey } from './paletteEntries';

type Choice = { id: string; label: string; hint: string; route: Route };

const RECORD_LIMIT = 8;

/**
 * Ctrl+K (⌘K): jump to any view, any action that starts something, or any record by key or
 * words of its title, without the mouse. Arrows move, Enter goes, Escape closes.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return open ? <Palette onClose={() => setOpen(false)} /> : null;
}

function Palette({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);
  const words = useDebounced(text.trim(), 150);
  const tickets = useQuery({
    queryKey: queryKeys.search(words),
    queryFn: () => search(words, RECORD_LIMIT),
    enabled: words.length > 1,
    retry: false,
  });
  const items = useQuery({
    queryKey: queryKeys.cis({ text: words, include_retired: false }, RECORD_LIMIT),
    queryFn: () => cisList({ text: words, include_retired: false }, 0, RECORD_LIMIT),
    enabled: words.length > 1,
    retry: false,
  });

  const typedKey = routeForTypedKey(text);
  const choices: Choice[] = [
    ...(typedKey && 'key' in typedKey ? [{ id: `key:${typedKey.key}`, label: `Open ${typedKey.key}`, hint: 'Record', route: typedKey }] : []),
    ...matchingPlaces(text),
    ...(tickets.data ?? []).map((hit) => ({ id: `rec:${hit.key}`, label: `${hit.key} ${hit.title}`, hint: hit.record_kind, route: routeForKey(hit.key) })),
    ...(items.data?.items ?? []).map((ci) => ({ id: `ci:${ci.key}`, label: `${ci.key} ${ci.name}`, hint: 'Configuration item', route: { view: 'ci', key: ci.key } as Route })),
  ];
  const error = (tickets.error ?? items.error) as AppError | null;
  const chosen = Math.min(active, Math.max(choices.length - 1, 0));

  useEffect(() => input.current?.focus(), []);
  const close = () => {
    onClose();
    (returnFocus.current as HTMLElement | null)?.focus?.();
  };
  const go = (choice?: Choice) => {
    if (!choice) return;
    onClose();
    navigate(choice.route);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') setActive((chosen + 1) % Math.max(choices.length, 1));
    else if (event.key === 'ArrowUp') setActive((chosen - 1 + choices.length) % Math.max(choices.length, 1));
    else if (event.key === 'Enter') go(choices[chosen]);
    // The palette is the only thing that takes keys while it is open: focus stays in its field.
    else if (event.key === 'Tab') event.preventDefault();
    else return;
    event.preventDefault();
  };

  return (
    <div className="dialog-backdrop palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Go to" data-testid="command-palette" onKeyDown={onKeyDown}>
        <input
          ref={input}
          className="palette-input"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          placeholder="Go to a view, a record key or words of a title…"
          aria-label="Go to"
          aria-controls="palette-choices"
          aria-activedescendant={choices[chosen] ? `palette-${choices[chosen].id}` : undefined}
          role="combobox"
          aria-expanded="true"
          data-testid="palette-input"
        />
        {error && <div className="banner banner-error">{error.message}</div>}
        <ul className="palette-choices" id="palette-choices" role="listbox">
          {choices.map((choice, index) => (
            <li
              key={choice.id}
              id={`palette-${choice.id}`}
              role="option"
              aria-selected={index === chosen}
              className={`palette-choice${index === chosen ? ' active' : ''}`}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(event) => {
                event.preventDefault();
                go(choice);
              }}
              data-testid={`palette-choice-${choice.id}`}
            >
              <span className="palette-label">{choice.label}</span>
              <span className="palette-hint">{choice.hint}</span>
            </li>
          ))}
          {choices.length === 0 && <li className="palette-empty muted">Nothing matches.</li>}
        </ul>
      </div>
    </div>
  );
}
