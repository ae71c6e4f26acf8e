import { useState } from 'react';
import { actorIntroduce } from '../../api/directory';
import { toAppError } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useDirectory } from '../../state/useDirectory';
import { useWorkspace, useWorkspaceSwitch } from '../../state/useWorkspace';
import { PersonOptions } from './PersonOptions';

type Props = { onClose: () => void; onChosen: () => void };

/**
 * Asked before the first write, and on opening a workspace nobody can act in yet: the audit
 * history records who made every change. Where nobody can act, the person says who they are
 * and becomes the workspace's first person; otherwise they choose themselves from the list.
 */
export function ActorPrompt({ onClose, onChosen }: Props) {
  const directory = useDirectory();
  if (!directory.loaded) return null;
  return directory.actors.length === 0 ? <Introduce onClose={onClose} onChosen={onChosen} /> : <Choose onClose={onClose} onChosen={onChosen} />;
}

function Choose({ onClose, onChosen }: Props) {
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
          <button type="button" className="primary" disabled={!personId || setActor.isPending} onClick={confirm} data-testid="actor-prompt-confirm">
            Act as this person
          </button>
        </>
      }
    >
      <p className="dialog-text">Every change is recorded in the audit history under a person. Choose who you are before making changes.</p>
      <label className="field-label" htmlFor="actor-prompt-select">
        Person
      </label>
      <select id="actor-prompt-select" value={personId} onChange={(event) => setPersonId(event.target.value)} data-testid="actor-prompt-select">
        <option value="">Choose a person…</option>
        <PersonOptions people={directory.actors} />
      </select>
    </Dialog>
  );
}

function Introduce({ onClose, onChosen }: Props) {
  const workspace = useWorkspace();
  const { loadDemo } = useWorkspaceSwitch();
  const notify = useToast();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const start = async () => {
    if (!name.trim()) return setErrors({ name: 'Tell us your name.' });
    setSaving(true);
    try {
      const person = await actorIntroduce({ name, email, group_ids: [] });
      notify(`Welcome, ${person.name}. You are acting as yourself in this workspace.`, 'success');
      onChosen();
    } catch (caught) {
      const error = toAppError(caught);
      if (error.field) setErrors({ [error.field]: error.message });
      else notify(error.message, 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title="Who are you?"
      onClose={onClose}
      testId="actor-introduce"
      footer={
        <>
          {workspace.data?.ticket_count === 0 && (
            <button type="button" disabled={loadDemo.isPending} onClick={() => loadDemo.mutate(undefined, { onSuccess: onClose, onError: (error) => notify(error.message, 'error') })} data-testid="actor-introduce-demo">
              Explore the demo instead
            </button>
          )}
          <button type="button" onClick={onClose}>
            Later
          </button>
          <button type="button" className="primary" disabled={saving} onClick={() => void start()} data-testid="actor-introduce-confirm">
            Start
          </button>
        </>
      }
    >
      <form className="form-stack" onSubmit={(event) => (event.preventDefault(), void start())}>
        <p className="dialog-text">
          Nobody works in this workspace yet. Every change is recorded in its audit history under a person, so say who you are: you become its first person and act as
          yourself from now on.
        </p>
        <Field label="Your name" name="name" error={errors.name}>
          <input id="field-name" value={name} autoComplete="name" data-testid="actor-introduce-name" onChange={(event) => (setName(event.target.value), setErrors({}))} />
        </Field>
        <Field label="E-mail" name="email" error={errors.email} hint="Optional; tells you apart from someone with the same name.">
          <input id="field-email" type="email" value={email} autoComplete="email" data-testid="actor-introduce-email" onChange={(event) => (setEmail(event.target.value), setErrors({}))} />
        </Field>
        {/* Enter in a field submits. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
