import { useEditorForm } from './useEditorForm';
import { useEditorSave } from './useEditorSave';

type Keyed = { key: string; version: number };

type Options<R extends Keyed, F extends { name: string }> = {
  /** Absent for a new record. */
  record?: R;
  initial: F;
  /** "group", "service": in "Give the … a name." */
  noun: string;
  create: (form: F) => Promise<R>;
  update: (record: R, changes: Partial<F>, form: F) => Promise<R>;
  retire: (key: string) => Promise<{ key: string }>;
  /** After a create, typically showing the new record. */
  onCreated?: (saved: R) => void | Promise<void>;
};

/**
 * A directory or catalogue record's editor: the form (useEditorForm), its save (useEditorSave),
 * the name every such record needs, and submit and retire with their notices. A save that
 * waited for an actor resumes by submitting again.
 */
export function useNamedRecordEditor<R extends Keyed, F extends { name: string }>({ record, initial, noun, create, update, retire, onCreated }: Options<R, F>) {
  const { save, saving, serverErrors, edited } = useEditorSave();
  const editor = useEditorForm(initial, edited);
  const nameProblem = editor.form.name.trim() ? undefined : `Give the ${noun} a name.`;
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem && editor.dirty ? { name: nameProblem } : {}) };

  const submit = () => {
    if (!record) {
      void save(() => create(editor.form), (saved) => `${saved.key} created.`, submit).then((saved) => saved && onCreated?.(saved));
      return;
    }
    void save(() => update(record, editor.changes, editor.form), (saved) => `${saved.key} saved.`, submit);
  };
  const retireRecord = record && (() => void save(() => retire(record.key), (gone) => `${gone.key} retired.`));

  return { ...editor, save, saving, problems, blocked: Boolean(nameProblem), submit, retire: retireRecord };
}

/** The first complaint about a field or anything inside it (`member_ids[2]` under `member_ids`). */
export function problemUnder(problems: Record<string, string | undefined>, prefix: string): string | undefined {
  return Object.entries(problems).find(([field]) => field.startsWith(prefix))?.[1];
}
