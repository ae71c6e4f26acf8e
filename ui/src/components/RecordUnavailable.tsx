import type { AppError } from '../api/types';

type Props = {
  recordKey: string;
  /** "ticket", "problem": in "Could not load the …". */
  noun: string;
  error: AppError | null;
  backHref: string;
  backLabel: string;
};

/** In place of a record page whose record does not exist or could not be read. */
export function RecordUnavailable({ recordKey, noun, error, backHref, backLabel }: Props) {
  return (
    <div className="empty-state">
      <h1>{error?.code === 'not_found' ? `${recordKey} does not exist` : `Could not load the ${noun}`}</h1>
      <p>{error?.message}</p>
      <a className="button" href={backHref}>
        {backLabel}
      </a>
    </div>
  );
}
