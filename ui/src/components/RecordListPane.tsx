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

/** The records of one family, for picking the one to edit. */
export function RecordListPane({ items, selected, onSelect, newLabel, onNew, testId }: Props) {
  return (
    <div className="catalogue-list" data-testid={testId}>
      {onNew && (
        <button type="button" className={`button catalogue-new${selected === 'new' ? ' active' : ''}`} data-testid={`${testId}-new`} onClick={onNew}>
          + {newLabel}
        </button>
      )}
      <ul>
        {items.map((item) => (
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
      </ul>
    </div>
  );
}
