import { useMemo } from 'react';
import { locationCreate, locationRetire, locationUpdate } from '../../api/directory';
import type { Location } from '../../bindings/Location';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import { useEditorForm } from '../../state/useEditorForm';
import { useEditorSave } from '../../state/useEditorSave';
import { timeZones } from '../catalogue/timezones';

type Props = { location?: Location; select: (key: string) => void };

/** A site: its name, postal address and the time zone its local hours are kept in. */
export function LocationEditor({ location, select }: Props) {
  const zones = useMemo(timeZones, []);
  const initial = { name: location?.name ?? '', address: location?.address ?? '', time_zone: location?.time_zone ?? '' };
  const { save, saving, serverErrors, edited } = useEditorSave();
  const { form, set, changes, dirty, reset } = useEditorForm(initial, edited);
  const nameProblem = form.name.trim() ? undefined : 'Give the location a name.';
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem && dirty ? { name: nameProblem } : {}) };

  const submit = () => {
    if (!location) {
      void save(() => locationCreate(form), (saved) => `${saved.key} created.`, submit).then((saved) => saved && select(saved.key));
      return;
    }
    void save(() => locationUpdate(location.key, changes, location.version), (saved) => `${saved.key} saved.`, submit);
  };
  const retire = location && (() => void save(() => locationRetire(location.key), (gone) => `${gone.key} retired.`));

  return (
    <form className="catalogue-editor" data-testid="location-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{location ? `${location.key} · ${location.name}` : 'New location'}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name}>
          <input id="field-name" value={form.name} data-testid="location-name" onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="Time zone" name="time_zone" error={problems.time_zone}>
          <select id="field-time_zone" value={form.time_zone} data-testid="location-zone" onChange={(e) => set('time_zone', e.target.value)}>
            <option value="">Not set</option>
            {[...new Set([form.time_zone, ...zones])].filter(Boolean).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Address" name="address" error={problems.address} wide>
          <textarea id="field-address" rows={3} value={form.address} data-testid="location-address" onChange={(e) => set('address', e.target.value)} />
        </Field>
      </div>
      <EditorActions noun="location" isNew={!location} dirty={dirty} blocked={Boolean(nameProblem)} saving={saving} testId="location" onDiscard={reset} onRetire={retire} />
    </form>
  );
}
