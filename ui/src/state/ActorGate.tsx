import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ActorPrompt } from '../views/shell/ActorPrompt';
import { useWorkspace } from './useWorkspace';

type ActorGateValue = {
  /** True when someone is acting; otherwise asks who, and the caller stops. */
  requireActor: () => boolean;
  promptForActor: () => void;
};

const ActorGateContext = createContext<ActorGateValue | null>(null);

/**
 * Every write is recorded in the audit history under a person, so writes wait until
 * the person at the keyboard has said who they are.
 */
export function ActorGateProvider({ children }: { children: ReactNode }) {
  const workspace = useWorkspace();
  const [prompting, setPrompting] = useState(false);
  const hasActor = Boolean(workspace.data?.actor);

  const promptForActor = useCallback(() => setPrompting(true), []);
  const requireActor = useCallback(() => {
    if (hasActor) return true;
    setPrompting(true);
    return false;
  }, [hasActor]);

  const value = useMemo(() => ({ requireActor, promptForActor }), [requireActor, promptForActor]);
  return (
    <ActorGateContext.Provider value={value}>
      {children}
      {prompting && <ActorPrompt onClose={() => setPrompting(false)} />}
    </ActorGateContext.Provider>
  );
}

export function useActorGate(): ActorGateValue {
  const value = useContext(ActorGateContext);
  if (!value) throw new Error('useActorGate needs an ActorGateProvider');
  return value;
}
