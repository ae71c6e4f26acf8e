import type { Code } from '../bindings/Code';
// A stand-in for smw-core's workflow, for the preview and tests only: the real rules live in Rust.
import type { AppError } from '../api/types';
import type { Status } from '../bindings/Status';
import type { Ticket } from '../bindings/Ticket';
import type { Transition } from '../bindings/Transition';
import { STATUS_LABEL } from '../lib/labels';

export const SUCCESSORS: Record<Status, Status[]> = {
  new: ['assigned', 'in_progress', 'resolved'],
  assigned: ['in_progress', 'pending', 'resolved'],
  in_progress: ['assigned', 'pending', 'resolved'],
  pending: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

const fail = (code: Code, message: string, field?: string): AppError => ({ code, message, ...(field ? { field } : {}) });

export function checkTransition(ticket: Ticket, transition: Transition): AppError | null {
  const { to } = transition;
  const from = ticket.status;
  const blank = (text?: string) => !text || !text.trim();
  if (from === to) return fail('same_status', `The ticket is already ${STATUS_LABEL[to]}.`);
  if (!SUCCESSORS[from].includes(to)) {
    if (from === 'closed') return fail('invalid_transition', 'A closed ticket is final; open a new ticket and link it instead.', 'status');
    if (to === 'closed') return fail('invalid_transition', 'Only a resolved ticket can be closed.', 'status');
    if (to === 'new') return fail('invalid_transition', 'A ticket cannot go back to New once it has been triaged.', 'status');
    if (from === 'resolved') return fail('invalid_transition', 'A resolved ticket can only be closed or reopened to In progress.', 'status');
    return fail('invalid_transition', `A ticket cannot move from ${STATUS_LABEL[from]} to ${STATUS_LABEL[to]}.`, 'status');
  }
  if (to === 'assigned' && !ticket.assignee_id && !ticket.group_id)
    return fail('assignee_required', 'Assign the ticket to a person or a group before moving it to Assigned.', 'assignee_id');
  if (to === 'in_progress' && !ticket.assignee_id)
    return fail('assignee_required', 'Someone must own the ticket before work starts: set an assignee.', 'assignee_id');
  if (to === 'pending' && blank(transition.pending_reason))
    return fail('pending_reason_required', 'Say what the ticket is waiting for: a pending reason is required.', 'pending_reason');
  if (to === 'resolved' && blank(transition.resolution_code))
    return fail('resolution_required', 'Choose a resolution code to resolve the ticket.', 'resolution_code');
  if (to === 'resolved' && blank(transition.resolution_notes))
    return fail('resolution_required', 'Describe the resolution: resolution notes are required.', 'resolution_notes');
  return null;
}

export function checkTitle(title: string): AppError | null {
  if (!title.trim()) return fail('required', 'Fill in the title.', 'title');
  if (title.trim().length > 200) return fail('too_long', 'The title can be at most 200 characters.', 'title');
  return null;
}
