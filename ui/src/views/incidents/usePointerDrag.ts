import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Status } from '../../bindings/Status';
import type { TicketCard } from '../../bindings/TicketCard';

/** Movement (px) before a press becomes a drag, so a click stays a click. */
const DRAG_THRESHOLD = 4;

export type DragState = {
  card: TicketCard;
  x: number;
  y: number;
  /** Where the pointer grabbed the card, so the preview does not jump. */
  grabX: number;
  grabY: number;
  width: number;
  over: Status | null;
};

/** The column under a point: columns carry `data-drop-status`, and the preview ignores the pointer. */
export function columnAt(x: number, y: number): Status | null {
  const element = document.elementFromPoint(x, y);
  const column = element?.closest<HTMLElement>('[data-drop-status]');
  return (column?.dataset.dropStatus as Status | undefined) ?? null;
}

type Press = { card: TicketCard; startX: number; startY: number; grabX: number; grabY: number; width: number; dragging: boolean };

/**
 * Drag and drop from pointer events, not the HTML5 drag-and-drop API: WebDriver pointer actions
 * (the end-to-end tests) and touch screens produce pointer events but no HTML5 drag events.
 */
export function usePointerDrag(onDrop: (card: TicketCard, to: Status) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const press = useRef<Press | null>(null);
  const justDragged = useRef(false);
  const dropHandler = useRef(onDrop);
  dropHandler.current = onDrop;

  const stop = useRef<() => void>(() => {});

  useEffect(() => () => stop.current(), []);

  const onPointerDown = useCallback((event: ReactPointerEvent<HTMLElement>, card: TicketCard) => {
    if (event.button !== 0 || (event.target as HTMLElement).closest('[data-no-drag]')) return;
    // End any earlier press first: its cleanup resets `press`, so it must run before the new one is set.
    stop.current();
    const rect = event.currentTarget.getBoundingClientRect();
    press.current = {
      card,
      startX: event.clientX,
      startY: event.clientY,
      grabX: event.clientX - rect.left,
      grabY: event.clientY - rect.top,
      width: rect.width,
      dragging: false,
    };

    const follow = (x: number, y: number) => {
      const current = press.current;
      if (!current) return;
      if (!current.dragging && Math.hypot(x - current.startX, y - current.startY) < DRAG_THRESHOLD) return;
      if (!current.dragging) document.body.classList.add('is-dragging');
      current.dragging = true;
      setDrag({ card: current.card, x, y, grabX: current.grabX, grabY: current.grabY, width: current.width, over: columnAt(x, y) });
    };

    const onMove = (move: PointerEvent) => follow(move.clientX, move.clientY);

    const onUp = (up: PointerEvent) => {
      const current = press.current;
      finish();
      if (!current) return;
      // A pointer may jump straight to its target with no move in between: the distance decides.
      const travelled = Math.hypot(up.clientX - current.startX, up.clientY - current.startY) >= DRAG_THRESHOLD;
      if (!current.dragging && !travelled) return;
      justDragged.current = true;
      window.setTimeout(() => (justDragged.current = false), 0);
      const target = columnAt(up.clientX, up.clientY);
      if (target && target !== current.card.status) dropHandler.current(current.card, target);
    };

    const onCancel = () => finish();
    const onKey = (key: KeyboardEvent) => key.key === 'Escape' && finish();

    const finish = () => {
      press.current = null;
      setDrag(null);
      document.body.classList.remove('is-dragging');
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('pointerup', onUp);
      document.removeEventListener('pointercancel', onCancel);
      document.removeEventListener('keydown', onKey);
    };

    stop.current = finish;
    document.addEventListener('pointermove', onMove);
    document.addEventListener('pointerup', onUp);
    document.addEventListener('pointercancel', onCancel);
    document.addEventListener('keydown', onKey);
  }, []);

  /** True right after a drag ended, so the click that follows does not open the record. */
  const wasDragging = useCallback(() => justDragged.current, []);

  return { drag, onPointerDown, wasDragging };
}
