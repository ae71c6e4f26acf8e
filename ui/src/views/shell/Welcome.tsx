import { useToast } from '../../components/Toasts';
import { useWorkspace, useWorkspaceSwitch } from '../../state/useWorkspace';
import { workspaceErrorText } from './WorkspaceMenu';

/** Shown when no workspace is open: open one, create one, or pick a recent file. */
export function Welcome() {
  const workspace = useWorkspace();
  const { pickOpen, pickCreate } = useWorkspaceSwitch();
  const notify = useToast();
  const onError = (error: Parameters<typeof workspaceErrorText>[0]) => notify(workspaceErrorText(error), 'error');
  const failure = workspace.error && workspace.error.code !== 'no_workspace' ? workspace.error : null;

  return (
    <div className="empty-state" data-testid="welcome">
      <h1>Open a workspace</h1>
      <p>
        A workspace is one file holding one organisation&apos;s service management system: incidents, requests,
        problems and their audit history.
      </p>
      {failure && <p className="empty-state-error">{workspaceErrorText(failure)}</p>}
      <div className="empty-state-actions">
        <button type="button" className="primary" onClick={() => pickOpen.mutate(undefined, { onError })}>
          Open workspace…
        </button>
        <button type="button" onClick={() => pickCreate.mutate(undefined, { onError })}>
          New workspace…
        </button>
      </div>
    </div>
  );
}
