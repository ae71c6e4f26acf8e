import { useEffect } from 'react';

type Unlisten = () => void;

/**
 * Listens to one of the shell's events while the component is mounted. `handler` should be
 * stable (a callback or module function): a new one subscribes again.
 */
export function useShellEvent<T>(subscribe: (handler: (payload: T) => void) => Promise<Unlisten>, handler: (payload: T) => void): void {
  useEffect(() => {
    let unlisten: Unlisten | undefined;
    let cancelled = false;
    subscribe(handler)
      .then((stop) => {
        // Unmounted before the subscription settled: end it at once.
        if (cancelled) stop();
        else unlisten = stop;
      })
      .catch(() => {
        // Outside Tauri (a unit test without event mocks, the preview) there is nothing to listen to.
      });
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, [subscribe, handler]);
}
