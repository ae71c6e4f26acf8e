// The shell's answers: the workspace (generated) and the one error shape every command rejects with.
import type { Code } from '../bindings/Code';

/** The open workspace, as `workspace_info` and friends return it. */
export type { WorkspaceInfo } from '../bindings/WorkspaceInfo';

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
