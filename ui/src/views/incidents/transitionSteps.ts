import type { AppError } from '../../api/types';
import type { Status } from '../../bindings/Status';

/** The facts a move needs besides the target status, asked for in the transition dialog. */
export type FactsNeeded = 'pending_reason' | 'resolution';

/**
 * What to do after the backend refused a move made without extra facts.
 *
 * The workflow rules live only in Rust: the UI first tries the plain move. The rules check
 * "is this move allowed at all" before "does it have what the target status needs", so a
 * refusal for a missing pending reason or resolution means the move itself is allowed and the
 * person only has to fill in the dialog. Any other refusal is explained as it is.
 */
export function stepAfterRefusal(error: AppError): { ask: FactsNeeded } | { explain: string } {
  switch (error.code) {
    case 'pending_reason_required':
      return { ask: 'pending_reason' };
    case 'resolution_required':
      return { ask: 'resolution' };
    case 'conflict':
      return { explain: 'Someone else changed this ticket a moment ago. The board has been refreshed; try again.' };
    default:
      return { explain: error.message };
  }
}

/** Fields the dialog shows; an error naming one of them stays in the dialog. */
export const DIALOG_FIELDS: Record<FactsNeeded, string[]> = {
  pending_reason: ['pending_reason'],
  resolution: ['resolution_code', 'resolution_notes'],
};

/** A ticket as far as moving it is concerned: a board card and a full record both qualify. */
export type Movable = { key: string; status: Status; version: number };
