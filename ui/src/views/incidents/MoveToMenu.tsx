import { useCallback, useEffect, useRef, useState } from 'react';
import type { Status } from '../../bindings/Status';
import { STATUS_LABEL, STATUSES } from '../../lib/labels';
import { useCloseOnOutsidePointer } from '../../state/useCloseOnOutsidePointer';

type MoveToMenuProps = {
  ticketKey: string;
  current: Status;
  onMove: (to: Status) => void;
  /** When known (the record view), only the statuses the workflow allows; otherwise all others. */
  choices?: Status[];
};

/** The keyboard and menu alternative to dragging a card. The backend still decides what is allowed. */
export function MoveToMenu({ ticketKey, current, onMove, choices }: MoveToMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const options = (choices ?? STATUSES).filter((status) => status !== current);

  useCloseOnOutsidePointer(open, root, close);
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  return (
    <div
      className="menu-anchor move-menu"
      ref={root}
      data-no-drag
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Move ${ticketKey} to…`}
        title="Move to…"
        data-testid={`move-menu-${ticketKey}`}
        onClick={() => setOpen((value) => !value)}
      >
        ⋯
      </button>
      {open && (
        <div className="menu menu-right" role="menu" aria-label="Move to">
          <div className="menu-heading">Move to…</div>
          {options.map((status) => (
            <button
              key={status}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`move-to-${status}`}
              onClick={() => {
                setOpen(false);
                onMove(status);
              }}
            >
              {STATUS_LABEL[status]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
