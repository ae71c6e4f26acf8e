import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { ticketTransition } from '../../api/tickets';
import { toAppError, type AppError } from '../../api/types';
import type { Status } from '../../bindings/Status';
import type { Transition } from '../../bindings/Transition';
import { useToast } from '../../components/Toasts';
import { STATUS_LABEL } from '../../lib/labels';
import { useActorGate } from '../../state/ActorGate';
import { useFieldErrors } from '../../state/useFieldErrors';
import { TransitionDialog } from './TransitionDialog';
import { DIALOG_FIELDS, stepAfterRefusal, type FactsNeeded, type Movable } from './transitionSteps';

type Asking = { ticket: Movable; to: Status; needs: FactsNeeded };

type MoveOptions = {
  /** Shows why a move was refused; the caller decides where (the board banner, the record view). */
  onRefused: (message: string) => void;
};

/**
 * Moves a ticket to another status the way the board and the record view both need:
 * try the move, ask for a reason or resolution when the workflow wants one, explain refusals.
 * Nothing is changed on screen until the backend has accepted the move.
 */
export function useTicketMove({ onRefused }: MoveOptions) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const { requireActor } = useActorGate();
  const fieldErrors = useFieldErrors();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [movingKey, setMovingKey] = useState<string | null>(null);

  const moved = useCallback(
    async (key: string, to: Status) => {
      notify(`${key} moved to ${STATUS_LABEL[to]}.`, 'success');
    },
    [notify, queryClient],
  );

  const refused = useCallback(
    (error: AppError) => {
      // A stale version means what is on screen is out of date: fetch the current state.
      if (error.code === 'conflict') void queryClient.invalidateQueries();
      return error;
    },
    [queryClient],
  );

  const move = useCallback(
    async (ticket: Movable, to: Status): Promise<void> => {
      if (ticket.status === to) return;
      // Once someone is chosen, the interrupted move goes ahead.
      if (!requireActor(() => void move(ticket, to))) return;
      setMovingKey(ticket.key);
      try {
        await ticketTransition(ticket.key, { to }, ticket.version);
        await moved(ticket.key, to);
      } catch (caught) {
        const step = stepAfterRefusal(refused(toAppError(caught)));
        if ('ask' in step) {
          fieldErrors.clear();
          setAsking({ ticket, to, needs: step.ask });
        } else {
          onRefused(step.explain);
        }
      } finally {
        setMovingKey(null);
      }
    },
    [fieldErrors, moved, onRefused, refused, requireActor],
  );

  const confirm = useCallback(
    async (transition: Transition) => {
      if (!asking) return;
      setMovingKey(asking.ticket.key);
      try {
        await ticketTransition(asking.ticket.key, transition, asking.ticket.version);
        setAsking(null);
        await moved(asking.ticket.key, transition.to);
      } catch (caught) {
        const error = refused(toAppError(caught));
        if (error.field && DIALOG_FIELDS[asking.needs].includes(error.field)) {
          fieldErrors.report(error);
        } else {
          setAsking(null);
          const step = stepAfterRefusal(error);
          onRefused('explain' in step ? step.explain : error.message);
        }
      } finally {
        setMovingKey(null);
      }
    },
    [asking, fieldErrors, moved, onRefused, refused],
  );

  const dialog: ReactNode = asking ? (
    <TransitionDialog
      key={`${asking.ticket.key}-${asking.to}`}
      ticketKey={asking.ticket.key}
      to={asking.to}
      needs={asking.needs}
      busy={movingKey !== null}
      errors={fieldErrors.errors}
      onConfirm={(transition) => void confirm(transition)}
      onCancel={() => setAsking(null)}
    />
  ) : null;

  return { move, dialog, movingKey };
}
