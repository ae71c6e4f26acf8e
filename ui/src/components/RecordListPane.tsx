import { useState } from 'react';

export type ListItem = { key: string; name: string; detail?: string };

type Props = {
  items: ListItem[];
  selected: string | null;
  onSelect: (key: string) => void;
  /** Shown as "+ New …" when creating is possible here. */
  newLabel?: string;
  onNew?: () => void;
  testId: string;
};

/** Past this many records the pane offers a filter: a directory can hold hundreds of people. */
const FILTER_FROM = 12;

/** The records of one family, for picking the one to edit. */
export function RecordListPane({ items, selected, onSelect, newLabel, onNew, testId }: Props) {
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length === 0 ? items : items.filter((item) => words.every((word) => `${item.name} ${item.key} ${item.detail ?? ''}`.toLowerCase().includes(word)));
  return (
    <div className="catalogue-list" data-testid={testId}>
      {onNew && (
        <button type="button" className={`button catalogue-new${selected === 'new' ? ' active' : ''}`} data-testid={`${testId}-new`} onClick={onNew}>
          + {newLabel}
        </button>
      )}
      {items.length > FILTER_FROM && (
        <input type="search" className="catalogue-filter" placeholder="Filter…" aria-label="Filter the list" value={filter} onChange={(event) => setFilter(event.target.value)} data-testid={`${testId}-filter`} />
      )}
      <ul>
        {shown.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              className={`catalogue-item${selected === item.key ? ' active' : ''}`}
              aria-current={selected === item.key ? 'true' : undefined}
              data-testid={`${testId}-${item.key}`}
              onClick={() => onSelect(item.key)}
            >
              <span className="catalogue-item-name">{item.name}</span>
              <span className="catalogue-item-detail">
                <span className="record-key">{item.key}</span>
                {item.detail && ` · ${item.detail}`}
              </span>
            </button>
          </li>
        ))}
        {items.length === 0 && <li className="muted catalogue-empty">None yet.</li>}
        {items.length > 0 && shown.length === 0 && <li className="muted catalogue-empty">None match.</li>}
      </ul>
    </div>
  );
}
