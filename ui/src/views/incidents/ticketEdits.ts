import type { Level } from '../../bindings/Level';
import type { Ticket } from '../../bindings/Ticket';
import type { TicketPatch } from '../../bindings/TicketPatch';
import { recordPatch, referenceValues } from '../../lib/recordEdits';

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

const REFERENCES = ['assignee_id', 'group_id', 'service_id', 'problem_id'] as const;

export function editableValues(ticket: Ticket): TicketEdits {
  const { title, description, impact, urgency, category } = ticket;
  return { title, description, impact, urgency, category, ...referenceValues(ticket, REFERENCES) };
}

/** What the person changed on the stored ticket, as the patch a save sends. */
export function patchFrom(ticket: Ticket, edits: Partial<TicketEdits>): TicketPatch {
  return recordPatch(editableValues(ticket), edits, REFERENCES);
}
