import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { directory } from '../api/directory';
import type { Directory } from '../bindings/Directory';
import type { Person } from '../bindings/Person';
import { queryKeys } from './queryKeys';

const EMPTY: Directory = { people: [], groups: [], locations: [], services: [], customers: [], suppliers: [] };

/**
 * The live records, for pickers and lists; the name lookups also know retired records, so an
 * old ticket still shows who worked it.
 */
export type DirectoryLookup = Directory & {
  /** Everything the workspace holds, retired records included (they carry `deleted_at`). */
  everything: Directory;
  /** True once the directory has been read (until then every list is empty). */
  loaded: boolean;
  personName: (id?: string | null) => string | undefined;
  groupName: (id?: string | null) => string | undefined;
  serviceName: (id?: string | null) => string | undefined;
  customerName: (id?: string | null) => string | undefined;
  /** Support staff: people in at least one group (callers have none). */
  staff: Person[];
  /** People who may act in the workbench: the choices for "Acting as". */
  actors: Person[];
};

function namer(items: { id: string; name: string }[]) {
  const byId = new Map(items.map((item) => [item.id, item.name]));
  return (id?: string | null) => (id ? byId.get(id) : undefined);
}

const live = <T extends { deleted_at?: string }>(records: T[]) => records.filter((record) => !record.deleted_at);

function staffOf(people: Person[]): Person[] {
  const staff = people.filter((person) => (person.group_ids?.length ?? 0) > 0);
  // A one-person provider may not have set up groups yet: then everyone can be assigned.
  return staff.length > 0 ? staff : people;
}

/** `can_act` is left out of the record when it is true. */
export const mayAct = (person: Person) => person.can_act !== false && !person.deleted_at;

/** People, groups, locations, services, customers and suppliers, with id → name lookups for display. */
export function useDirectory(enabled = true): DirectoryLookup {
  const query = useQuery({ queryKey: queryKeys.directory, queryFn: directory, enabled });
  const data = query.data ?? EMPTY;
  const loaded = query.isSuccess;
  return useMemo(() => {
    const people = live(data.people);
    return {
      people,
      groups: live(data.groups),
      locations: live(data.locations),
      services: live(data.services),
      customers: live(data.customers),
      suppliers: live(data.suppliers),
      everything: data,
      loaded,
      personName: namer(data.people),
      groupName: namer(data.groups),
      serviceName: namer(data.services),
      customerName: namer(data.customers),
      staff: staffOf(people),
      actors: people.filter(mayAct),
    };
  }, [data, loaded]);
}
