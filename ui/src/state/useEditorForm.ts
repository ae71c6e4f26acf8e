import { useCallback, useState } from 'react';

/** Two values are the same edit when they serialise alike, lists compared without regard to order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/** The fields of `form` that differ from `initial`: what an update sends. */
export function changedFields<F extends object>(initial: F, form: F): Partial<F> {
  const changed: Partial<F> = {};
  for (const field of Object.keys(form) as (keyof F)[]) {
    if (!sameValue(initial[field], form[field])) changed[field] = form[field];
  }
  return changed;
}

/**
 * A record editor's form state: the values on screen, what changed since the record was
 * loaded, and `set`, which also clears the backend's complaint about that field.
 */
export function useEditorForm<F extends object>(initial: F, edited: (field?: string) => void) {
  const [form, setForm] = useState<F>(initial);
  const set = useCallback(
    <K extends keyof F>(field: K, value: F[K]) => {
      setForm((current) => ({ ...current, [field]: value }));
      edited(String(field));
    },
    [edited],
  );
  const changes = changedFields(initial, form);
  const reset = () => (setForm(initial), edited());
  return { form, set, changes, dirty: Object.keys(changes).length > 0, reset };
}
