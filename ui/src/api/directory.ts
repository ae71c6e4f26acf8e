import type { Directory } from '../bindings/Directory';
import type { Group } from '../bindings/Group';
import type { GroupDraft } from '../bindings/GroupDraft';
import type { GroupPatch } from '../bindings/GroupPatch';
import type { Location } from '../bindings/Location';
import type { LocationDraft } from '../bindings/LocationDraft';
import type { LocationPatch } from '../bindings/LocationPatch';
import type { Person } from '../bindings/Person';
import type { PersonDraft } from '../bindings/PersonDraft';
import type { PersonPatch } from '../bindings/PersonPatch';
import { call } from './call';

export const directory = () => call<Directory>('directory');

/** The first person of a workspace nobody can act in yet: created as themselves, then acting. */
export const actorIntroduce = (draft: PersonDraft) => call<Person>('actor_introduce', { draft });

export const personCreate = (draft: PersonDraft) => call<Person>('person_create', { draft });
export const personUpdate = (key: string, patch: PersonPatch, expectedVersion: number) =>
  call<Person>('person_update', { key, patch, expectedVersion });
export const personRetire = (key: string) => call<Person>('person_retire', { key });

export const groupCreate = (draft: GroupDraft) => call<Group>('group_create', { draft });
export const groupUpdate = (key: string, patch: GroupPatch, expectedVersion: number) =>
  call<Group>('group_update', { key, patch, expectedVersion });
export const groupRetire = (key: string) => call<Group>('group_retire', { key });

export const locationCreate = (draft: LocationDraft) => call<Location>('location_create', { draft });
export const locationUpdate = (key: string, patch: LocationPatch, expectedVersion: number) =>
  call<Location>('location_update', { key, patch, expectedVersion });
export const locationRetire = (key: string) => call<Location>('location_retire', { key });
