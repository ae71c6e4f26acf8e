type Item = { id: string; name: string };

type Props = {
  items: Item[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  testId: string;
  /** Items that cannot be newly chosen, with the reason shown on hover. */
  disabled?: Set<string>;
  disabledReason?: string;
  empty?: string;
};

/** Several choices from a list, each a checkbox with its name beside it. */
export function Checklist({ items, chosen, onChange, testId, disabled, disabledReason, empty = 'None in the workspace.' }: Props) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id]);
  return (
    <div className="checklist" data-testid={testId}>
      {items.map((item) => {
        const blocked = disabled?.has(item.id) && !chosen.includes(item.id);
        return (
          <label key={item.id} className={`checkbox${blocked ? ' disabled' : ''}`} title={blocked ? disabledReason : undefined}>
            <input type="checkbox" checked={chosen.includes(item.id)} disabled={blocked} onChange={() => toggle(item.id)} data-testid={`${testId}-${item.id}`} />
            <span className="checkbox-label">{item.name}</span>
          </label>
        );
      })}
      {items.length === 0 && <span className="muted">{empty}</span>}
    </div>
  );
}
