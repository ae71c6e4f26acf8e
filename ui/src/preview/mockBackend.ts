// An in-memory backend answering the commands of docs/commands.md, for the preview page and
// UI tests. Dev-only: nothing in the production entry imports it.
//
// It starts from the fixtures generated from the Rust side (fixtures.ts) and decides nothing
// itself: workflow moves, priorities, refusals and messages come from the generated rule
// tables (rules.ts). What it does by hand is bookkeeping a test double needs: applying an
// accepted write to its records, numbering new keys, and the read models' filtering and
// ordering, which mockBackend.test.ts checks against the store's recorded answers.
import type { AppError, WorkspaceInfo } from '../api/types';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { Code } from '../bindings/Code';
import type { Comment } from '../bindings/Comment';
import type { Directory } from '../bindings/Directory';
import type { LinkKind } from '../bindings/LinkKind';
import type { LinkView } from '../bindings/LinkView';
import type { Problem } from '../bindings/Problem';
import type { RecordKind } from '../bindings/RecordKind';
import type { Ticket } from '../bindings/Ticket';
import type { TicketCard } from '../bindings/TicketCard';
import type { TicketDetail } from '../bindings/TicketDetail';
import type { TicketDraft } from '../bindings/TicketDraft';
import type { TicketFilter } from '../bindings/TicketFilter';
import type { Transition } from '../bindings/Transition';
import { fixtures, FIXTURE_NOW } from './fixtures';
import { MockServiceLevels } from './mockServiceLevels';
import { priorityOf, recordedRefusal, storeMessage, successors, transitionRefusal } from './rules';
import { matchesWords, searchWords } from './textMatch';

type Args = Record<string, unknown>;
type StoredLink = { id: string; fromKey: string; toKey: string; kind: LinkKind; deleted: boolean };
type Changes = Record<string, [unknown, unknown]>;

const jsonCopy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Only for what the mock cannot answer at all: never a rule's refusal. */
const unanswerable = (code: Code, message: string): AppError => ({ code, message });

let minted = 0;
/** Ids for records the mock creates; the generated ones end well below this range. */
export function mockId(): string {
  minted += 1;
  return `00000000-0000-7000-9000-${minted.toString(16).padStart(12, '0')}`;
}

export type MockOptions = { empty?: boolean; actor?: boolean; now?: Date; closed?: boolean };

export class MockBackend {
  now: Date;
  directory: Directory;
  /** Oldest first: the store's creation order, which the board and list sort by. */
  tickets: Ticket[] = [];
  /** Oldest first, as tickets. */
  problems: Problem[] = [];
  comments: Comment[] = [];
  links: StoredLink[] = [];
  /** Titles and kinds of linked records the mock does not hold itself (changes), as the store named them. */
  elsewhere = new Map<string, { title: string; kind: RecordKind }>();
  history: AuditEntry[] = [];
  actorId: string | null;
  open: boolean;
  calls: { cmd: string; args: Args }[] = [];
  onChange: (keys: string[]) => void = () => {};
  serviceLevels: MockServiceLevels;

  constructor(options: MockOptions = {}) {
    this.now = options.now ?? FIXTURE_NOW;
    this.directory = fixtures.workspace().directory;
    const agent = this.directory.people.find((person) => person.can_act !== false);
    this.actorId = options.actor === false ? null : (agent?.id ?? null);
    this.open = !options.closed;
    this.serviceLevels = new MockServiceLevels(this.directory, (keys) => this.changed(keys));
    if (!options.empty) this.loadDemo();
  }

  loadDemo() {
    const details = fixtures.tickets();
    const problems = fixtures.problems();
    this.tickets = details.map((detail) => detail.ticket);
    this.problems = problems.map((detail) => detail.problem);
    const comments = new Map<string, Comment>();
    const history = new Map<number, AuditEntry>();
    for (const detail of [...details, ...problems]) {
      detail.comments.forEach((comment) => comments.set(comment.id, comment));
      detail.history.forEach((entry) => history.set(entry.seq, entry));
    }
    this.comments = [...comments.values()];
    this.history = [...history.values()].sort((a, b) => a.seq - b.seq);
    const links = new Map<string, StoredLink>();
    for (const { ticket, links: views } of details) {
      for (const view of views) {
        const [fromKey, toKey] = view.inbound ? [view.other_key, ticket.key] : [ticket.key, view.other_key];
        links.set(view.link_id, { id: view.link_id, fromKey, toKey, kind: view.kind, deleted: false });
        // Records the mock does not hold (changes) keep the title and kind the store gave them.
        this.elsewhere.set(view.other_key, { title: view.other_title, kind: view.other_kind });
      }
    }
    this.links = [...links.values()];
    this.serviceLevels.load();
  }

  /** Like IPC, values cross as JSON copies: the UI never shares objects with this "backend". */
  handle(cmd: string, rawArgs: Args = {}): unknown {
    const args = jsonCopy(rawArgs) as Args;
    const result = this.dispatch(cmd, args);
    return result === undefined ? null : jsonCopy(result);
  }

  private dispatch(cmd: string, args: Args): unknown {
    this.calls.push({ cmd, args });
    const method = (this as unknown as Record<string, (args: Args) => unknown>)[`cmd_${cmd}`] ?? this.serviceLevels.commands()[cmd];
    if (!method) throw unanswerable('internal', `The preview backend does not know ${cmd}.`);
    if (!this.open && !cmd.startsWith('workspace_pick') && cmd !== 'workspace_open') {
      throw unanswerable('no_workspace', 'No workspace is open. Open or create one first.');
    }
    const refused = recordedRefusal(cmd, args);
    if (refused) throw refused;
    return method.call(this, args);
  }

  // Workspace: the shell's own answers (a file path, recent files), not the store's.
  cmd_workspace_info(): WorkspaceInfo {
    const actor = this.directory.people.find((person) => person.id === this.actorId) ?? null;
    return {
      path: '/home/alex/Documents/Northwind IT.smw',
      name: 'Northwind IT',
      actor,
      recent: ['/home/alex/Documents/Northwind IT.smw', '/home/alex/audits/ISO 20000 dry run.smw'],
      ticket_count: this.tickets.length,
    };
  }
  cmd_workspace_open() {
    this.open = true;
    return this.cmd_workspace_info();
  }
  cmd_workspace_pick_open() {
    this.open = true;
    return this.cmd_workspace_info();
  }
  cmd_workspace_pick_create() { return null; }
  cmd_workspace_load_demo() {
    if (this.tickets.length > 0) throw unanswerable('not_empty', 'The workspace is not empty: it already has tickets.');
    this.loadDemo();
    this.changed([]);
    return this.cmd_workspace_info();
  }
  cmd_actor_set(args: Args) {
    this.actorId = String(args.personId);
    return this.cmd_workspace_info();
  }
  cmd_directory() { return this.directory; }

  // Tickets
  card(ticket: Ticket): TicketCard {
    const name = (list: { id: string; name: string }[], id?: string) => list.find((item) => item.id === id)?.name;
    const card: TicketCard = {
      id: ticket.id, key: ticket.key, kind: ticket.kind, title: ticket.title, status: ticket.status, priority: ticket.priority,
      created_at: ticket.created_at, updated_at: ticket.updated_at, version: ticket.version,
    };
    // Like the store, a name the card has none for is left out.
    const assignee = name(this.directory.people, ticket.assignee_id);
    const group = name(this.directory.groups, ticket.group_id);
    const service = name(this.directory.services, ticket.service_id);
    if (assignee) card.assignee_name = assignee;
    if (group) card.group_name = group;
    if (service) card.service_name = service;
    return card;
  }

  /** Matching tickets, newest first (the store's creation order, reversed). */
  matching(filter: TicketFilter = {}): Ticket[] {
    const words = searchWords(filter.text ?? '');
    const text = (t: Ticket) => [t.title, t.description, ...this.comments.filter((c) => c.parent_id === t.id).map((c) => c.body)];
    return this.tickets
      .filter((t) => !t.deleted_at)
      .filter((t) => (!filter.kind || t.kind === filter.kind) && (!filter.service_id || t.service_id === filter.service_id))
      .filter((t) => (!filter.group_id || t.group_id === filter.group_id) && (!filter.assignee_id || t.assignee_id === filter.assignee_id))
      .filter((t) => (!filter.priority || t.priority === filter.priority) && (!filter.status || t.status === filter.status))
      .filter((t) => words.length === 0 || matchesWords(text(t), words))
      .reverse();
  }

  cmd_board(args: Args) {
    const filter = (args.filter ?? {}) as TicketFilter;
    const tickets = this.matching({ ...filter, status: undefined });
    const perColumn = Number(args.perColumn ?? 50);
    const statuses = fixtures.rules.workflow.statuses.filter((status) => !filter.status || status === filter.status);
    return {
      columns: statuses.map((status) => {
        // By priority, newest first within a priority (the sort is stable).
        const inColumn = tickets.filter((t) => t.status === status).sort((a, b) => a.priority - b.priority);
        return { status, total: inColumn.length, total_capped: false, cards: inColumn.slice(0, perColumn).map((t) => this.card(t)) };
      }),
    };
  }
  cmd_tickets_list(args: Args) {
    const tickets = this.matching(args.filter as TicketFilter);
    const offset = Number(args.offset);
    return { total: tickets.length, total_capped: false, rows: tickets.slice(offset, offset + Number(args.limit)).map((t) => this.card(t)) };
  }
  ticket(key: unknown): Ticket {
    const ticket = this.tickets.find((t) => t.key === key);
    if (!ticket) throw storeMessage('ticket_not_found', { key: String(key) });
    return ticket;
  }
  cmd_ticket_get(args: Args): TicketDetail {
    const ticket = this.ticket(args.key);
    const recordKind = (key: string): RecordKind =>
      this.tickets.find((t) => t.key === key)?.kind ?? (this.problems.some((p) => p.key === key) ? 'problem' : this.elsewhere.get(key)?.kind ?? 'incident');
    const title = (key: string) =>
      this.tickets.find((t) => t.key === key)?.title ?? this.problems.find((p) => p.key === key)?.title ?? this.elsewhere.get(key)?.title ?? '';
    const links: LinkView[] = this.links
      .filter((link) => !link.deleted && (link.fromKey === ticket.key || link.toKey === ticket.key))
      .map((link) => {
        const inbound = link.toKey === ticket.key;
        const other = inbound ? link.fromKey : link.toKey;
        return { link_id: link.id, kind: link.kind, inbound, other_key: other, other_title: title(other), other_kind: recordKind(other) };
      });
    const problem = this.problems.find((p) => p.id === ticket.problem_id);
    return {
      ticket,
      comments: this.comments.filter((c) => c.parent_id === ticket.id),
      links,
      history: this.history.filter((entry) => entry.record_id === ticket.id),
      ...(problem ? { problem } : {}),
      next_statuses: successors(ticket.status),
    };
  }
  cmd_ticket_create(args: Args) {
    const draft = args.draft as TicketDraft;
    const kind = draft.kind ?? 'incident';
    const at = this.now.toISOString();
    const ticket: Ticket = {
      ...draft, id: mockId(), kind, status: 'new', key: this.nextKey(kind === 'incident' ? 'INC' : 'REQ', this.tickets),
      priority: priorityOf(draft.impact, draft.urgency), created_at: at, updated_at: at, version: 1,
    };
    this.tickets.push(ticket);
    this.audit(ticket, 'create', Object.fromEntries(Object.entries(ticket).map(([field, value]) => [field, [null, value]])));
    this.changed([ticket.key]);
    return ticket;
  }
  nextKey(prefix: string, records: { key: string }[]): string {
    const used = records.filter((r) => r.key.startsWith(`${prefix}-`)).map((r) => Number(r.key.slice(prefix.length + 1)));
    return `${prefix}-${String(Math.max(0, ...used) + 1).padStart(6, '0')}`;
  }
  checkVersion(record: { key: string; version: number }, expected: unknown) {
    if (expected !== undefined && expected !== null && Number(record.version) !== Number(expected)) {
      throw storeMessage('conflict', { key: record.key, expected: Number(expected), actual: record.version });
    }
  }
  /** Sets (or, for null, clears) each field of `patch`, returning the audit's before/after pairs. */
  private applyPatch(record: object, patch: Record<string, unknown>): Changes {
    const fields = record as Record<string, unknown>;
    const changes: Changes = {};
    for (const [field, value] of Object.entries(patch)) {
      changes[field] = [fields[field] ?? null, value];
      if (value === null) delete fields[field];
      else fields[field] = value;
    }
    return changes;
  }
  cmd_ticket_update(args: Args) {
    const ticket = this.ticket(args.key);
    this.checkVersion(ticket, args.expectedVersion);
    const changes = this.applyPatch(ticket, args.patch as Record<string, unknown>);
    const priority = priorityOf(ticket.impact, ticket.urgency);
    if (priority !== ticket.priority) changes.priority = [ticket.priority, priority];
    ticket.priority = priority;
    return this.touch(ticket, changes);
  }
  cmd_ticket_transition(args: Args) {
    const ticket = this.ticket(args.key);
    this.checkVersion(ticket, args.expectedVersion);
    const transition = args.transition as Transition;
    const refusal = transitionRefusal(ticket, transition);
    if (refusal) throw refusal;
    const patch: Record<string, unknown> = { status: transition.to };
    if (transition.to === 'pending') patch.pending_reason = transition.pending_reason;
    else if (ticket.pending_reason) patch.pending_reason = null;
    if (transition.to === 'resolved') {
      Object.assign(patch, { resolution_code: transition.resolution_code, resolution_notes: transition.resolution_notes, resolved_at: this.now.toISOString() });
    }
    if (transition.to === 'closed') patch.closed_at = this.now.toISOString();
    return this.touch(ticket, this.applyPatch(ticket, patch));
  }
  touch<T extends { id: string; key: string; version: number; updated_at: string }>(record: T, changes: Changes): T {
    record.version += 1;
    record.updated_at = this.now.toISOString();
    this.audit(record, 'update', changes);
    this.changed([record.key]);
    return record;
  }
  cmd_comment_add(args: Args) {
    const draft = args.draft as { body: string; internal: boolean };
    const parentKey = String(args.parentKey);
    const parent = this.tickets.find((t) => t.key === parentKey) ?? this.problems.find((p) => p.key === parentKey);
    if (!parent) throw storeMessage('comment_parent_not_found', { key: parentKey });
    const at = this.now.toISOString();
    const comment: Comment = {
      id: mockId(), key: this.nextKey('COM', this.comments), parent_id: parent.id, body: draft.body, internal: draft.internal,
      created_at: at, updated_at: at, version: 1, ...(this.actorId ? { author_id: this.actorId } : {}),
    };
    this.comments.push(comment);
    this.changed([parentKey]);
    return comment;
  }
  cmd_link_add(args: Args) {
    const from = this.ticket(args.fromKey);
    const toKey = String(args.toKey);
    const to = this.tickets.find((t) => t.key === toKey) ?? this.problems.find((p) => p.key === toKey);
    if (!to) throw storeMessage('link_target_not_found', { key: String(args.toKey) });
    const link: StoredLink = { id: mockId(), fromKey: from.key, toKey: to.key, kind: args.kind as LinkKind, deleted: false };
    this.links.push(link);
    this.changed([from.key, to.key]);
    return link;
  }
  cmd_link_remove(args: Args) {
    const link = this.links.find((l) => l.id === args.linkId);
    if (link) link.deleted = true;
    this.changed([]);
    return null;
  }
  cmd_search(args: Args) {
    const text = String(args.text);
    const limit = Number(args.limit ?? 20);
    const recorded = fixtures.recorded().searches.find((s) => s.text === text && s.limit === limit);
    if (recorded) return recorded.hits;
    // Not recorded (the preview page): a plain word match, without the store's ranking or snippets.
    const words = searchWords(text);
    const hit = (record: Ticket | Problem, kind: RecordKind) => ({
      record_kind: kind, key: record.key, title: record.title, snippet: record.description.slice(0, 90),
      ...('kind' in record ? { status: record.status } : {}), updated_at: record.updated_at,
    });
    return [
      ...this.tickets.filter((t) => matchesWords([t.title, t.description], words)).map((t) => hit(t, t.kind)),
      ...this.problems.filter((p) => matchesWords([p.title, p.description], words)).map((p) => hit(p, 'problem')),
    ].slice(0, limit);
  }

  // Problems
  problem(key: unknown): Problem {
    const problem = this.problems.find((p) => p.key === key);
    if (!problem) throw storeMessage('problem_not_found', { key: String(key) });
    return problem;
  }
  cmd_problems_list(args: Args) {
    const words = searchWords(typeof args.text === 'string' ? args.text : '');
    return this.problems
      .filter((p) => !p.deleted_at && (!args.knownErrorsOnly || p.known_error))
      .filter((p) => words.length === 0 || matchesWords([p.title, p.description, p.root_cause, p.workaround], words))
      .reverse();
  }
  cmd_problem_get(args: Args) {
    const problem = this.problem(args.key);
    return {
      problem,
      incidents: this.matching().filter((t) => t.problem_id === problem.id).map((t) => this.card(t)),
      comments: this.comments.filter((c) => c.parent_id === problem.id),
      history: this.history.filter((entry) => entry.record_id === problem.id),
    };
  }
  cmd_problem_create(args: Args) {
    const draft = args.draft as { title: string; description: string; priority?: number };
    const at = this.now.toISOString();
    const problem: Problem = {
      ...draft, id: mockId(), key: this.nextKey('PRB', this.problems), status: 'new', priority: draft.priority ?? 3,
      root_cause: '', workaround: '', known_error: false, created_at: at, updated_at: at, version: 1,
    };
    this.problems.push(problem);
    this.audit(problem, 'create', { title: [null, problem.title] });
    this.changed([problem.key]);
    return problem;
  }
  cmd_problem_update(args: Args) {
    const problem = this.problem(args.key);
    this.checkVersion(problem, args.expectedVersion);
    return this.touch(problem, this.applyPatch(problem, args.patch as Record<string, unknown>));
  }
  cmd_known_errors_search(args: Args) {
    const text = String(args.text);
    const recorded = fixtures.recorded().known_errors.find((k) => k.text === text);
    if (recorded) return recorded.problems.map((p) => this.problems.find((mine) => mine.id === p.id) ?? p);
    const words = searchWords(text);
    return this.problems.filter((p) => p.known_error && matchesWords([p.title, p.description, p.root_cause, p.workaround], words));
  }

  // Bookkeeping
  audit(record: { id: string; key: string }, action: 'create' | 'update', changes: Changes) {
    const person = this.directory.people.find((p) => p.id === this.actorId);
    const kind: RecordKind = (this.tickets.find((t) => t.id === record.id)?.kind) ?? 'problem';
    this.history.push({
      seq: (this.history.at(-1)?.seq ?? 0) + 1, at: this.now.toISOString(), actor: person?.name ?? 'Unknown',
      ...(person ? { actor_id: person.id } : {}), action, record_kind: kind, record_id: record.id, record_key: record.key,
      changes: changes as never, row_digest: '', prev_hash: '', hash: '',
    });
  }
  changed(keys: string[]) {
    this.onChange(keys);
  }
}
