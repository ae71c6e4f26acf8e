import { useToast } from '../../components/Toasts';
import { useDirectory } from '../../state/useDirectory';
import { useWorkspace, useWorkspaceSwitch } from '../../state/useWorkspace';
import { PersonOptions } from './PersonOptions';

/** "Acting as": the person the audit history will name for the next changes. */
export function ActorPicker() {
  const workspace = useWorkspace();
  const directory = useDirectory(Boolean(workspace.data));
  const { setActor } = useWorkspaceSwitch();
  const notify = useToast();
  const actorId = workspace.data?.actor?.id ?? '';

  return (
    <label className={`actor-picker${actorId ? '' : ' actor-missing'}`}>
      <span className="actor-label">Acting as</span>
      <select
        value={actorId}
        data-testid="actor-picker"
        disabled={!workspace.data || setActor.isPending}
        onChange={(event) => {
          if (!event.target.value) return;
          setActor.mutate(event.target.value, { onError: (error) => notify(error.message, 'error') });
        }}
      >
        {!actorId && <option value="">Choose a person…</option>}
        <PersonOptions people={directory.actors} />
      </select>
    </label>
  );
}
