// Types the shell defines but ts-rs does not export (see docs/commands.md).
import type { Code } from '../bindings/Code';
import type { Person } from '../bindings/Person';

/** The open workspace, as `workspace_info` and friends return it (src-tauri/src/state.rs). */
export type WorkspaceInfo = {
  path: string;
  name: string;
  actor: Person | null;
  recent: string[];
  ticket_count: number;
};

/** Every command failure. Branch on `code`; `message` is for people; `field` names the input at fault. */
export type AppError = {
  code: Code;
  message: string;
  field?: string | null;
};

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}

/** Anything a rejected invoke can carry (a string from a Tauri-level failure, an Error…) becomes an AppError. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  if (value instanceof Error) return { code: 'internal', message: value.message };
  if (typeof value === 'string') return { code: 'internal', message: value };
  return { code: 'internal', message: 'Something went wrong.' };
}
