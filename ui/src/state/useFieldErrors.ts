import { useCallback, useState } from 'react';
import type { AppError } from '../api/types';

export type FieldErrors = Record<string, string>;

/**
 * Sorts a command failure: one that names a field is shown next to that field,
 * any other is returned for the caller to show as a notice.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});

  const report = useCallback((error: AppError): AppError | null => {
    if (error.field) {
      setErrors({ [error.field]: error.message });
      return null;
    }
    setErrors({});
    return error;
  }, []);

  const clear = useCallback((field?: string) => {
    setErrors((current) => {
      if (!field) return {};
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  return { errors, report, clear, setErrors };
}
