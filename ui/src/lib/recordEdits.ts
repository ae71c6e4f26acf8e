// A record page edits references (assignee, group…) as form values where '' means "none":
// these two functions cross between that form and the stored record in each direction.
import { changedFields } from '../state/useEditorForm';

type References<R, F extends keyof R> = { [K in F]-?: string };

/** The stored references as form values: an absent one becomes ''. */
export function referenceValues<R, F extends keyof R>(record: R, references: readonly F[]): References<R, F> {
  return Object.fromEntries(references.map((field) => [field, record[field] ?? ''])) as References<R, F>;
}

/**
 * Only what differs from the stored values goes into the patch, so a save never overwrites a
 * field someone else changed meanwhile; a cleared reference is sent as null ("clear it").
 */
export function recordPatch<E extends object, Patch>(stored: E, edits: Partial<E>, references: readonly (keyof E)[]): Patch {
  const patch: Record<string, unknown> = changedFields(stored, { ...stored, ...edits });
  for (const field of references) {
    if (patch[field as string] === '') patch[field as string] = null;
  }
  return patch as Patch;
}
