// The domain's decisions as the generated rule tables give them (fixtures.ts): the mock backend
// asks these instead of deciding anything itself, so a rule changed in Rust changes here too.
import type { AppError } from '../api/types';
import type { Level } from '../bindings/Level';
import type { Status } from '../bindings/Status';
import type { Ticket } from '../bindings/Ticket';
import type { Transition } from '../bindings/Transition';
import { fixtures, type RulesFixture } from './fixtures';

const rules = fixtures.rules;

export function successors(status: Status): Status[] {
  return [...rules.workflow.successors[status]];
}

/** The domain's refusal of this move, or null when it allows it. */
export function transitionRefusal(ticket: Ticket, transition: Transition): AppError | null {
  // "Present" as the generator meant it: set and not just spaces, as the domain's blank check.
  const filled = (text?: string | null) => typeof text === 'string' && text.trim() !== '';
  const present: Record<RulesFixture['workflow']['facts'][number], boolean> = {
    has_assignee: Boolean(ticket.assignee_id),
    has_group: Boolean(ticket.group_id),
    pending_reason: filled(transition.pending_reason),
    resolution_code: filled(transition.resolution_code),
    resolution_notes: filled(transition.resolution_notes),
  };
  const mask = rules.workflow.facts.reduce((bits, fact, i) => (present[fact] ? bits | (1 << i) : bits), 0);
  const outcome = rules.workflow.outcomes[rules.workflow.moves[ticket.status][transition.to][mask]];
  return outcome ? { ...outcome } : null;
}

export function priorityOf(impact: Level, urgency: Level): number {
  const { levels, cells } = rules.priority;
  return cells[levels.indexOf(impact)][levels.indexOf(urgency)];
}

/** Whether `args` holds everything `recorded` does (objects compared field by field). */
function covers(args: unknown, recorded: unknown): boolean {
  if (recorded !== null && typeof recorded === 'object') {
    if (args === null || typeof args !== 'object') return false;
    return Object.entries(recorded).every(([name, value]) => covers((args as Record<string, unknown>)[name], value));
  }
  return args === recorded;
}

/** The store's refusal recorded for these arguments of `command`, if one was. */
export function recordedRefusal(command: string, args: Record<string, unknown>): AppError | null {
  const found = rules.refusals.find((refusal) => refusal.command === command && covers(args, refusal.args));
  return found ? { ...found.error } : null;
}

/** A store message whose subject varies, filled in. */
export function storeMessage(name: keyof RulesFixture['messages'], subject: Record<string, string | number>): AppError {
  const template = rules.messages[name];
  const message = template.message.replace(/\{(\w+)\}/g, (whole, part: string) => (part in subject ? String(subject[part]) : whole));
  return { ...template, message };
}
