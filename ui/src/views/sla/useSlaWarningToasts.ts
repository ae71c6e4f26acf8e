import { useCallback } from 'react';
import { onSlaWarning } from '../../api/events';
import type { SlaWarning } from '../../api/serviceLevels';
import { useToast } from '../../components/Toasts';
import { useShellEvent } from '../../state/useShellEvent';

export function warningMessage(warning: SlaWarning): string {
  const clock = warning.clock === 'response' ? 'response' : 'resolution';
  return warning.breached
    ? `${warning.ticket_key} breached its ${clock} target: ${warning.title}`
    : `${warning.ticket_key} has used ${warning.threshold} % of its ${clock} target: ${warning.title}`;
}

/** Breach warnings from the shell's notifier, shown as toasts (the at-risk list has the detail). */
export function useSlaWarningToasts(): void {
  const notify = useToast();
  const toast = useCallback((warning: SlaWarning) => notify(warningMessage(warning), warning.breached ? 'error' : 'info'), [notify]);
  useShellEvent(onSlaWarning, toast);
}
