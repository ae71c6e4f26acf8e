import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cisList } from '../../api/cmdb';
import type { Ci } from '../../bindings/Ci';
import { queryKeys } from '../../state/queryKeys';
import { useDebounced } from '../../state/useDebounced';

export type PickedCi = Pick<Ci, 'id' | 'key' | 'name'>;

type CiPickerProps = {
  picked: PickedCi[];
  onChange: (picked: PickedCi[]) => void;
  testId: string;
  inputId?: string;
};

const SUGGESTIONS = 8;

/** Configuration items chosen by typing a key or words of a name; each chosen one can be removed. */
export function CiPicker({ picked, onChange, testId, inputId }: CiPickerProps) {
  const [text, setText] = useState('');
  const words = useDebounced(text.trim(), 150);
  const filter = { text: words, include_retired: false };
  const suggestions = useQuery({
    queryKey: queryKeys.cis(filter, SUGGESTIONS),
    queryFn: () => cisList(filter, 0, SUGGESTIONS),
    enabled: words.length > 0,
  });
  const choose = (ci: PickedCi) => {
    if (!picked.some((p) => p.id === ci.id)) onChange([...picked, { id: ci.id, key: ci.key, name: ci.name }]);
    setText('');
  };
  // Shown while there is text in the field: cleared on a choice, the list goes at once rather
  // than a debounce later, so nothing below it moves under the pointer.
  const typing = text.trim().length > 0;
  const offered = (suggestions.data?.items ?? []).filter((ci) => !picked.some((p) => p.id === ci.id));
  return (
    <div className="ci-picker" data-testid={testId}>
      {picked.length > 0 && (
        <ul className="chips">
          {picked.map((ci) => (
            <li key={ci.id} className="chip" data-testid={`${testId}-chosen-${ci.key}`}>
              <span className="record-key">{ci.key}</span> {ci.name}
              <button type="button" className="icon-button" aria-label={`Remove ${ci.key}`} onClick={() => onChange(picked.filter((p) => p.id !== ci.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input id={inputId} value={text} placeholder="Type a CI key or name…" aria-label="Find a configuration item" onChange={(event) => setText(event.target.value)} data-testid={`${testId}-input`} />
      {typing && words && offered.length > 0 && (
        <ul className="ci-suggestions" role="listbox">
          {offered.map((ci) => (
            <li key={ci.id} role="option" aria-selected="false">
              <button type="button" className="link-button" onClick={() => choose(ci)} data-testid={`${testId}-offer-${ci.key}`}>
                <span className="record-key">{ci.key}</span> {ci.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {typing && words && suggestions.data && offered.length === 0 && <div className="muted">No item matches “{words}”.</div>}
    </div>
  );
}
