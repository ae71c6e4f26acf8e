import { useCallback, useMemo, useState } from 'react';
import type { FieldErrors } from './useFieldErrors';
import { useRecordSave } from './useRecordSave';

/** What a record page's editing panels share: the values on screen and how to change and save them. */
export type RecordForm<E> = {
  values: E;
  errors: FieldErrors;
  dirty: boolean;
  saving: boolean;
  onChange: <K extends keyof E>(field: K, value: E[K]) => void;
  onSave: () => void;
  onDiscard: () => void;
};

type Options<R, E, Patch> = {
  record: R | undefined;
  /** The record's human key, for the "saved" notice. */
  recordKey: string;
  /** "ticket", "problem": for the conflict notice. */
  noun: string;
  /** Module-level functions, so the memoised values only follow the record and the edits. */
  valuesOf: (record: R) => E;
  patchOf: (record: R, edits: Partial<E>) => Patch;
  update: (record: R, patch: Patch) => Promise<unknown>;
};

/**
 * The edits of a ticket or problem page, saved together against the version on screen.
 * Only the fields the person touched are held; everything else shows the stored value, so
 * updates from elsewhere appear at once in untouched fields.
 */
export function useRecordEdits<R, E extends object, Patch extends object>({ record, recordKey, noun, valuesOf, patchOf, update }: Options<R, E, Patch>) {
  const [edits, setEdits] = useState<Partial<E>>({});
  const [editingText, setEditingText] = useState(false);
  const write = useMemo(() => (record ? (patch: Patch) => update(record, patch) : undefined), [record, update]);
  const saver = useRecordSave(write, noun);

  const stored = useMemo(() => (record ? valuesOf(record) : null), [record, valuesOf]);
  const values = useMemo(() => (stored ? { ...stored, ...edits } : null), [stored, edits]);
  const patch = useMemo(() => (record ? patchOf(record, edits) : ({} as Patch)), [record, edits, patchOf]);
  const dirty = Object.keys(patch).length > 0;

  const onChange = useCallback(
    <K extends keyof E>(field: K, value: E[K]) => {
      setEdits((current) => ({ ...current, [field]: value }));
      saver.clearError(String(field));
    },
    [saver],
  );

  const save = async () => {
    if (await saver.save(patch, `${recordKey} saved.`)) {
      setEdits({});
      setEditingText(false);
    }
  };

  const form: RecordForm<E> | null = values && {
    values,
    errors: saver.errors,
    dirty,
    saving: saver.saving,
    onChange,
    onSave: () => void save(),
    onDiscard: () => setEdits({}),
  };
  return { stored, form, editingText, setEditingText, savePatch: saver.save };
}
