import type { Level } from '../../bindings/Level';
import type { Ticket } from '../../bindings/Ticket';
import type { TicketPatch } from '../../bindings/TicketPatch';

/** The fields the record view lets a person edit, as form values ('' = empty reference). */
export type TicketEdits = {
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  assignee_id: string;
  group_id: string;
  service_id: string;
  category: string;
  problem_id: string;
};

export function editableValues(ticket: Ticket): TicketEdits {
  return {
    title: ticket.title,
    description: ticket.description,
    impact: ticket.impact,
    urgency: ticket.urgency,
    assignee_id: ticket.assignee_id ?? '',
    group_id: ticket.group_id ?? '',
    service_id: ticket.service_id ?? '',
    category: ticket.category,
    problem_id: ticket.problem_id ?? '',
  };
}

const REFERENCES = ['assignee_id', 'group_id', 'service_id', 'problem_id'] as const;

/**
 * Only what differs from the stored ticket goes into the patch, so a save never overwrites a
 * field someone else changed meanwhile; a cleared reference is sent as null ("clear it").
 */
export function patchFrom(ticket: Ticket, edits: Partial<TicketEdits>): TicketPatch {
  const stored = editableValues(ticket);
  const patch: TicketPatch = {};
  for (const [field, value] of Object.entries(edits) as [keyof TicketEdits, string][]) {
    if (value === undefined || value === stored[field]) continue;
    if ((REFERENCES as readonly string[]).includes(field)) {
      (patch as Record<string, string | null>)[field] = value === '' ? null : value;
    } else {
      (patch as Record<string, string>)[field] = value;
    }
  }
  return patch;
}
