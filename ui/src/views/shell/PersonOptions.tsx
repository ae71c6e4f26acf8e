import type { Person } from '../../bindings/Person';

/** Support staff first, then everyone else, so the usual choices are at the top. */
export function PersonOptions({ people }: { people: Person[] }) {
  const staff = people.filter((person) => (person.group_ids?.length ?? 0) > 0);
  const others = people.filter((person) => (person.group_ids?.length ?? 0) === 0);
  if (staff.length === 0 || others.length === 0) {
    return <>{people.map(option)}</>;
  }
  return (
    <>
      <optgroup label="Support staff">{staff.map(option)}</optgroup>
      <optgroup label="Others">{others.map(option)}</optgroup>
    </>
  );
}

function option(person: Person) {
  return (
    <option key={person.id} value={person.id}>
      {person.name}
    </option>
  );
}
