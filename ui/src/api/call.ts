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

/**
 * Row versions are i64 in Rust and typed `bigint` by ts-rs, but JSON delivers plain numbers.
 * A real bigint would break JSON serialisation, so versions are sent back as numbers.
 */
export function versionArg(version: bigint | number): number {
  return Number(version);
}
