import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ActorPrompt } from '../views/shell/ActorPrompt';
import { useDirectory } from './useDirectory';
import { useWorkspace } from './useWorkspace';

type ActorGateValue = {
  /**
   * True when someone is acting. Otherwise asks who, returns false so the caller stops, and
   * runs `resume` (the interrupted write) once a person has been chosen.
   */
  requireActor: (resume?: () => void) => boolean;
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
  const resumeAfterChoice = useRef<(() => void) | undefined>(undefined);
  // A ref, not state: a write interrupted by the prompt resumes from its old closure, and
  // must see the person chosen meanwhile.
  const actorKnown = useRef(false);
  actorKnown.current = Boolean(workspace.data?.actor);

  const promptForActor = useCallback(() => {
    resumeAfterChoice.current = undefined;
    setPrompting(true);
  }, []);
  const requireActor = useCallback(
    (resume?: () => void) => {
      if (actorKnown.current) return true;
      resumeAfterChoice.current = resume;
      setPrompting(true);
      return false;
    },
    [],
  );
  const close = useCallback(() => {
    resumeAfterChoice.current = undefined;
    setPrompting(false);
  }, []);
  const chosen = useCallback(() => {
    const resume = resumeAfterChoice.current;
    resumeAfterChoice.current = undefined;
    actorKnown.current = true;
    setPrompting(false);
    resume?.();
  }, []);

  // A workspace nobody can act in yet asks "who are you?" as soon as it opens, once per
  // workspace (closing the question leaves it for the first write to ask again).
  const directory = useDirectory(Boolean(workspace.data));
  const asked = useRef(new Set<string>());
  const path = workspace.data?.path;
  const nobodyCanAct = directory.loaded && directory.actors.length === 0;
  useEffect(() => {
    if (!path || workspace.data?.actor || !nobodyCanAct || asked.current.has(path)) return;
    asked.current.add(path);
    promptForActor();
  }, [path, workspace.data?.actor, nobodyCanAct, promptForActor]);

  const value = useMemo(() => ({ requireActor, promptForActor }), [requireActor, promptForActor]);
  return (
    <ActorGateContext.Provider value={value}>
      {children}
      {prompting && <ActorPrompt onClose={close} onChosen={chosen} />}
    </ActorGateContext.Provider>
  );
}

export function useActorGate(): ActorGateValue {
  const value = useContext(ActorGateContext);
  if (!value) throw new Error('useActorGate needs an ActorGateProvider');
  return value;
}
