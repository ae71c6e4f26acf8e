import { useCallback, useRef, useState } from 'react';
import { useToast } from '../../components/Toasts';
import type { AppError } from '../../api/types';
import { useCloseOnOutsidePointer } from '../../state/useCloseOnOutsidePointer';
import { useWorkspace, useWorkspaceSwitch } from '../../state/useWorkspace';

/** The open workspace's name and path, with Open…, New… and the recently used files. */
export function WorkspaceMenu() {
  const workspace = useWorkspace();
  const { pickOpen, pickCreate, openPath } = useWorkspaceSwitch();
  const notify = useToast();
  const [recentOpen, setRecentOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const info = workspace.data;
  const recent = (info?.recent ?? []).filter((path) => path !== info?.path);

  const closeRecent = useCallback(() => setRecentOpen(false), []);
  useCloseOnOutsidePointer(recentOpen, menu, closeRecent);

  const onError = (error: AppError) => notify(workspaceErrorText(error), 'error');

  return (
    <div className="workspace-menu" ref={menu}>
      <div className="workspace-identity" title={info?.path}>
        <span className="workspace-name" data-testid="workspace-name">
          {info?.name ?? 'No workspace'}
        </span>
        {info && (
          <span className="workspace-path" data-testid="workspace-path">
            {shortPath(info.path)}
          </span>
        )}
      </div>
      <button type="button" className="quiet" data-testid="workspace-open" onClick={() => pickOpen.mutate(undefined, { onError })}>
        Open…
      </button>
      <button type="button" className="quiet" data-testid="workspace-new" onClick={() => pickCreate.mutate(undefined, { onError })}>
        New…
      </button>
      <div className="menu-anchor">
        <button
          type="button"
          className="quiet"
          aria-haspopup="menu"
          aria-expanded={recentOpen}
          data-testid="workspace-recent"
          onClick={() => setRecentOpen((open) => !open)}
        >
          Recent ▾
        </button>
        {recentOpen && (
          <div className="menu" role="menu" data-testid="workspace-recent-menu">
            {recent.length === 0 && <div className="menu-empty">No other recent workspaces</div>}
            {recent.map((path) => (
              <button
                key={path}
                type="button"
                role="menuitem"
                className="menu-item"
                title={path}
                onClick={() => {
                  setRecentOpen(false);
                  openPath.mutate(path, { onError });
                }}
              >
                <span className="menu-item-main">{fileName(path)}</span>
                <span className="menu-item-sub">{path}</span>
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

/** The folder that holds the file matters more than the root, so long paths lose their start. */
export function shortPath(path: string, max = 48): string {
  if (path.length <= max) return path;
  const parts = path.split(/[\\/]/);
  let tail = parts.pop() ?? path;
  while (parts.length > 0 && tail.length + parts[parts.length - 1].length + 2 <= max) {
    tail = `${parts.pop()}/${tail}`;
  }
  return `…/${tail}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function workspaceErrorText(error: AppError): string {
  switch (error.code) {
    case 'not_a_workspace':
      return 'That file is not an SMS Workbench workspace (or it is damaged).';
    case 'newer_version':
      return 'That workspace was written by a newer version of SMS Workbench. Update the app to open it.';
    default:
      return error.message;
  }
}
