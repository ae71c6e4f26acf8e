import { routeToHash } from '../../state/route';
import { useDirectory } from '../../state/useDirectory';
import { RecordsTab } from '../../components/RecordsTab';
import { TabbedViewHeader } from '../../components/TabbedViewHeader';
import { GroupEditor } from './GroupEditor';
import { LocationEditor } from './LocationEditor';
import { PersonEditor } from './PersonEditor';

const TABS = [
  { id: 'people', label: 'People' },
  { id: 'groups', label: 'Groups' },
  { id: 'locations', label: 'Locations' },
] as const;

/** Who works in and with the SMS, and where: people, support groups and locations. */
export function DirectoryView({ tab }: { tab: string }) {
  const directory = useDirectory();
  const current = TABS.some((t) => t.id === tab) ? tab : 'people';
  const retired = {
    people: directory.everything.people.length - directory.people.length,
    groups: directory.everything.groups.length - directory.groups.length,
    locations: directory.everything.locations.length - directory.locations.length,
  }[current];
  return (
    <div className="view catalogue-view" data-testid="directory">
      <TabbedViewHeader heading="Directory" tabs={TABS} current={current} hrefOf={(tab) => routeToHash({ view: 'directory', tab })} testIdPrefix="directory">
        {Boolean(retired) && <span className="muted view-note">{retired} retired, kept in the history</span>}
      </TabbedViewHeader>
      {current === 'people' && (
        <RecordsTab
          key="people"
          loaded={directory.loaded}
          records={directory.people}
          noun="person"
          testId="people-list"
          detail={(person) => [person.email, person.can_act === false ? 'does not act' : undefined].filter(Boolean).join(' · ') || undefined}
          editor={(person, select) => <PersonEditor person={person} directory={directory} select={select} />}
        />
      )}
      {current === 'groups' && (
        <RecordsTab
          key="groups"
          loaded={directory.loaded}
          records={directory.groups}
          noun="group"
          testId="groups-list"
          detail={(group) => `${directory.people.filter((p) => p.group_ids?.includes(group.id)).length} members`}
          editor={(group, select) => <GroupEditor group={group} directory={directory} select={select} />}
        />
      )}
      {current === 'locations' && (
        <RecordsTab
          key="locations"
          loaded={directory.loaded}
          records={directory.locations}
          noun="location"
          testId="locations-list"
          detail={(location) => location.time_zone || undefined}
          editor={(location, select) => <LocationEditor location={location} select={select} />}
        />
      )}
    </div>
  );
}
