import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toAppError } from './types';

/**
 * The one place that calls `invoke`: every rejection is normalised to an AppError,
 * so callers can always branch on `code`.
 */
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toAppError(error);
  }
}
