import { useMemo } from 'react';
import { locationCreate, locationRetire, locationUpdate } from '../../api/directory';
import type { Location } from '../../bindings/Location';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import { NameField } from '../../components/NameField';
import { RecordEditorForm } from '../../components/RecordEditorForm';
import { ReferenceField } from '../../components/ReferenceField';
import { useNamedRecordEditor } from '../../state/useNamedRecordEditor';
import { timeZones } from '../catalogue/timezones';

type Props = { location?: Location; select: (key: string) => void };

/** A site: its name, postal address and the time zone its local hours are kept in. */
export function LocationEditor({ location, select }: Props) {
  const zones = useMemo(timeZones, []);
  const initial = { name: location?.name ?? '', address: location?.address ?? '', time_zone: location?.time_zone ?? '' };
  const { form, set, dirty, reset, saving, problems, blocked, submit, retire } = useNamedRecordEditor({
    record: location,
    initial,
    noun: 'location',
    create: locationCreate,
    update: (location, changes) => locationUpdate(location.key, changes, location.version),
    retire: locationRetire,
    onCreated: (saved) => select(saved.key),
  });
  // The stored zone stays choosable even when this machine's list lacks it.
  const zoneOptions = [...new Set([form.time_zone, ...zones])].filter(Boolean).map((zone) => ({ id: zone, name: zone }));

  return (
    <RecordEditorForm
      record={location}
      newHeading="New location"
      testId="location-editor"
      onSubmit={submit}
      footer={<EditorActions noun="location" isNew={!location} dirty={dirty} blocked={blocked} saving={saving} testId="location" onDiscard={reset} onRetire={retire} />}
    >
      <NameField value={form.name} error={problems.name} testId="location-name" onChange={(name) => set('name', name)} />
      <ReferenceField label="Time zone" name="time_zone" value={form.time_zone} options={zoneOptions} emptyLabel="Not set" error={problems.time_zone} testId="location-zone" onChange={(zone) => set('time_zone', zone)} />
      <Field label="Address" name="address" error={problems.address} wide>
        <textarea id="field-address" rows={3} value={form.address} data-testid="location-address" onChange={(e) => set('address', e.target.value)} />
      </Field>
    </RecordEditorForm>
  );
}
