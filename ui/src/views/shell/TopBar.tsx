import { ActorPicker } from './ActorPicker';
import { GlobalSearch } from './GlobalSearch';
import { WorkspaceMenu } from './WorkspaceMenu';

export function TopBar() {
  return (
    <header className="top-bar">
      <WorkspaceMenu />
      <GlobalSearch />
      <ActorPicker />
    </header>
  );
}
