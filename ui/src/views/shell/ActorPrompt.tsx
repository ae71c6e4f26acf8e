import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { useDirectory } from '../../state/useDirectory';
import { useWorkspaceSwitch } from '../../state/useWorkspace';
import { PersonOptions } from './PersonOptions';

/** Asked before the first write: the audit history records who made every change. */
export function ActorPrompt({ onClose, onChosen }: { onClose: () => void; onChosen: () => void }) {
  const directory = useDirectory();
  const { setActor } = useWorkspaceSwitch();
  const notify = useToast();
  const [personId, setPersonId] = useState('');

  const confirm = () => {
    if (!personId) return;
    setActor.mutate(personId, {
      onSuccess: (info) => {
        notify(`Acting as ${info.actor?.name ?? 'the chosen person'}.`, 'success');
        onChosen();
      },
      onError: (error) => notify(error.message, 'error'),
    });
  };

  return (
    <Dialog
      title="Who is acting?"
      onClose={onClose}
      testId="actor-prompt"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!personId || setActor.isPending}
            onClick={confirm}
            data-testid="actor-prompt-confirm"
          >
            Act as this person
          </button>
        </>
      }
    >
      <p className="dialog-text">
        Every change is recorded in the audit history under a person. Choose who you are before making changes.
      </p>
      <label className="field-label" htmlFor="actor-prompt-select">
        Person
      </label>
      <select
        id="actor-prompt-select"
        value={personId}
        onChange={(event) => setPersonId(event.target.value)}
        data-testid="actor-prompt-select"
      >
        <option value="">Choose a person…</option>
        <PersonOptions people={directory.people} />
      </select>
    </Dialog>
  );
}
