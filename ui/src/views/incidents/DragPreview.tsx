import { createPortal } from 'react-dom';
import { CardFace } from './BoardCard';
import type { DragState } from './usePointerDrag';

/** The card following the pointer. It ignores the pointer, so elementFromPoint sees the column beneath. */
export function DragPreview({ drag, now }: { drag: DragState; now: Date }) {
  return createPortal(
    <div
      className="card drag-preview"
      data-testid="drag-preview"
      aria-hidden="true"
      style={{ left: drag.x - drag.grabX, top: drag.y - drag.grabY, width: drag.width }}
    >
      <CardFace card={drag.card} now={now} />
    </div>,
    document.body,
  );
}
