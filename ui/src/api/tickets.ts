import type { Board } from '../bindings/Board';
import type { Comment } from '../bindings/Comment';
import type { CommentDraft } from '../bindings/CommentDraft';
import type { Link } from '../bindings/Link';
import type { LinkKind } from '../bindings/LinkKind';
import type { Ticket } from '../bindings/Ticket';
import type { TicketDetail } from '../bindings/TicketDetail';
import type { TicketDraft } from '../bindings/TicketDraft';
import type { TicketFilter } from '../bindings/TicketFilter';
import type { TicketPage } from '../bindings/TicketPage';
import type { TicketPatch } from '../bindings/TicketPatch';
import type { Transition } from '../bindings/Transition';
import { call } from './call';

export const board = (filter: TicketFilter, perColumn?: number) =>
  call<Board>('board', perColumn === undefined ? { filter } : { filter, perColumn });

export const ticketsList = (filter: TicketFilter, offset: number, limit: number) =>
  call<TicketPage>('tickets_list', { filter, offset, limit });

export const ticketGet = (key: string) => call<TicketDetail>('ticket_get', { key });

export const ticketCreate = (draft: TicketDraft) => call<Ticket>('ticket_create', { draft });

export const ticketUpdate = (key: string, patch: TicketPatch, expectedVersion: number) =>
  call<Ticket>('ticket_update', { key, patch, expectedVersion });

export const ticketTransition = (key: string, transition: Transition, expectedVersion: number) =>
  call<Ticket>('ticket_transition', { key, transition, expectedVersion });

/** On a ticket or a problem. */
export const commentAdd = (parentKey: string, draft: CommentDraft) =>
  call<Comment>('comment_add', { parentKey, draft });

export const linkAdd = (fromKey: string, toKey: string, kind: LinkKind) =>
  call<Link>('link_add', { fromKey, toKey, kind });

export const linkRemove = (linkId: string) => call<void>('link_remove', { linkId });
