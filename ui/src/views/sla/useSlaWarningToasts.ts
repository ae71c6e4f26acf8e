import { useEffect } from 'react';
import { onSlaWarning } from '../../api/events';
import type { SlaWarning } from '../../api/serviceLevels';
import { useToast } from '../../components/Toasts';

export function warningMessage(warning: SlaWarning): string {
  const clock = warning.clock === 'response' ? 'response' : 'resolution';
  return warning.breached
    ? `${warning.ticket_key} breached its ${clock} target: ${warning.title}`
    : `${warning.ticket_key} has used ${warning.threshold} % of its ${clock} target: ${warning.title}`;
}

/** Breach warnings from the shell's notifier, shown as toasts (the at-risk list has the detail). */
export function useSlaWarningToasts(): void {
  const notify = useToast();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    onSlaWarning((warning) => notify(warningMessage(warning), warning.breached ? 'error' : 'info'))
      .then((stop) => {
        if (cancelled) stop();
        else unlisten = stop;
      })
      .catch(() => {
        // Outside Tauri there is no notifier to listen to.
      });
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, [notify]);
}
