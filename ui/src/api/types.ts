// Types the shell defines but ts-rs does not export (see docs/commands.md).
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
  code: string;
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

/**
 * The shell currently renders a field error's message as "field: message" (the domain error's
 * Display form). The UI shows the message next to that field, so the prefix is dropped for
 * display; once the shell sends the bare message this changes nothing. Control flow never
 * looks at the message, only at `code` and `field`.
 */
export function withoutFieldPrefix(error: AppError): AppError {
  const prefix = error.field ? `${error.field}: ` : null;
  if (prefix && error.message.startsWith(prefix)) return { ...error, message: error.message.slice(prefix.length) };
  return error;
}

/** Anything a rejected invoke can carry (a string from a Tauri-level failure, an Error…) becomes an AppError. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return withoutFieldPrefix(value);
  if (value instanceof Error) return { code: 'internal', message: value.message };
  if (typeof value === 'string') return { code: 'internal', message: value };
  return { code: 'internal', message: 'Something went wrong.' };
}
