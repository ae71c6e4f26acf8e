import type { Code } from '../bindings/Code';
// An in-memory backend answering the commands of docs/commands.md, for the preview page and
// UI tests. Dev-only: nothing in the production entry imports it.
import type { AppError, WorkspaceInfo } from '../api/types';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { Comment } from '../bindings/Comment';
import type { Directory } from '../bindings/Directory';
import type { LinkKind } from '../bindings/LinkKind';
import type { LinkView } from '../bindings/LinkView';
import type { Problem } from '../bindings/Problem';
import type { Ticket } from '../bindings/Ticket';
import type { TicketCard } from '../bindings/TicketCard';
import type { TicketFilter } from '../bindings/TicketFilter';
import type { Transition } from '../bindings/Transition';
import type { TicketDraft } from '../bindings/TicketDraft';
import { STATUSES } from '../lib/labels';
import { demoComments, demoDirectory, demoProblems, demoTickets, fakeId, hoursAgo } from './demoData';
import { checkTitle, checkTransition, SUCCESSORS } from './mockWorkflow';
import { MockServiceLevels } from './mockServiceLevels';

type Args = Record<string, unknown>;
type StoredLink = { id: string; from: string; to: string; kind: LinkKind; deleted: boolean };

const jsonCopy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const fail = (code: Code, message: string, field?: string): AppError => ({ code, message, ...(field ? { field } : {}) });

export type MockOptions = { empty?: boolean; actor?: boolean; now?: Date; closed?: boolean };

export class MockBackend {
  now: Date;
  directory: Directory;
  tickets: Ticket[] = [];
  problems: Problem[] = [];
  comments: Comment[] = [];
  links: StoredLink[] = [];
  history: AuditEntry[] = [];
  actorId: string | null;
  open: boolean;
  calls: { cmd: string; args: Args }[] = [];
  onChange: (keys: string[]) => void = () => {};
  serviceLevels: MockServiceLevels;

  constructor(options: MockOptions = {}) {
    this.now = options.now ?? new Date();
    this.directory = demoDirectory(this.now);
    this.actorId = options.actor === false ? null : this.directory.people[0].id;
    this.open = !options.closed;
    if (!options.empty) this.loadDemo();
    this.serviceLevels = new MockServiceLevels(this.now, this.directory, () => this.tickets, (keys) => this.changed(keys));
  }

  loadDemo() {
    this.tickets = demoTickets(this.now, this.directory);
    this.problems = demoProblems(this.now, this.directory);
    this.comments = demoComments(this.now, this.tickets, this.directory);
    this.tickets[1].problem_id = this.problems[0].id;
    this.links = [{ id: fakeId('l'), from: this.tickets[0].id, to: this.tickets[12].id, kind: 'related', deleted: false }];
    for (const ticket of this.tickets) this.audit(ticket, 'create', this.snapshot(ticket), ticket.created_at, 'Amara Okafor');
    const first = this.tickets[0];
    this.audit(first, 'update', { status: ['new', 'assigned'], assignee_id: [null, first.assignee_id ?? null] }, hoursAgo(this.now, 4.8), 'Amara Okafor');
    this.audit(first, 'update', { status: ['assigned', 'in_progress'], impact: ['medium', 'high'], priority: [2, 1] }, hoursAgo(this.now, 4.2), 'Jonas Weber');
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
    if (!method) throw fail('internal', `The preview backend does not know ${cmd}.`);
    if (!this.open && !cmd.startsWith('workspace_pick') && cmd !== 'workspace_open') {
      throw fail('no_workspace', 'No workspace is open. Open or create one first.');
    }
    return method.call(this, args);
  }

  // Workspace
  cmd_workspace_info(): WorkspaceInfo {
    const actor = this.directory.people.find((person) => person.id === this.actorId) ?? null;
    return {
      path: '/home/amara/Documents/Northwind IT.smw',
      name: 'Northwind IT',
      actor,
      recent: ['/home/amara/Documents/Northwind IT.smw', '/home/amara/audits/ISO 20000 dry run.smw'],
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
    if (this.tickets.length > 0) throw fail('not_empty', 'The workspace already has tickets.');
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
    const assignee = name(this.directory.people, ticket.assignee_id);
    const group = name(this.directory.groups, ticket.group_id);
    const service = name(this.directory.services, ticket.service_id);
    if (assignee) card.assignee_name = assignee;
    if (group) card.group_name = group;
    if (service) card.service_name = service;
    return card;
  }

  matching(filter: TicketFilter = {}): Ticket[] {
    const text = filter.text?.toLowerCase();
    return this.tickets
      .filter((t) => (!filter.kind || t.kind === filter.kind) && (!filter.service_id || t.service_id === filter.service_id))
      .filter((t) => (!filter.group_id || t.group_id === filter.group_id) && (!filter.assignee_id || t.assignee_id === filter.assignee_id))
      .filter((t) => (!filter.priority || t.priority === filter.priority) && (!filter.status || t.status === filter.status))
      .filter((t) => !text || `${t.title} ${t.description}`.toLowerCase().includes(text))
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
  }

  cmd_board(args: Args) {
    const tickets = this.matching(args.filter as TicketFilter);
    const perColumn = Number(args.perColumn ?? 50);
    return {
      columns: STATUSES.map((status) => {
        const inColumn = tickets.filter((t) => t.status === status);
        return { status, total: inColumn.length, cards: inColumn.slice(0, perColumn).map((t) => this.card(t)) };
      }),
    };
  }
  cmd_tickets_list(args: Args) {
    const tickets = this.matching(args.filter as TicketFilter);
    const offset = Number(args.offset);
    return { total: tickets.length, rows: tickets.slice(offset, offset + Number(args.limit)).map((t) => this.card(t)) };
  }
  ticket(key: unknown): Ticket {
    const ticket = this.tickets.find((t) => t.key === key);
    if (!ticket) throw fail('not_found', `There is no ticket ${String(key)}.`);
    return ticket;
  }
  cmd_ticket_get(args: Args) {
    const ticket = this.ticket(args.key);
    const links: LinkView[] = this.links
      .filter((link) => !link.deleted && (link.from === ticket.id || link.to === ticket.id))
      .map((link) => {
        const inbound = link.to === ticket.id;
        const other = this.tickets.find((t) => t.id === (inbound ? link.from : link.to))!;
        return { link_id: link.id, kind: link.kind, inbound, other_key: other.key, other_title: other.title, other_kind: other.kind };
      });
    return {
      ticket,
      comments: this.comments.filter((c) => c.parent_id === ticket.id),
      links,
      history: this.history.filter((entry) => entry.record_id === ticket.id),
      problem: this.problems.find((p) => p.id === ticket.problem_id),
      next_statuses: SUCCESSORS[ticket.status],
    };
  }
  cmd_ticket_create(args: Args) {
    const draft = args.draft as TicketDraft;
    const invalid = checkTitle(draft.title);
    if (invalid) throw invalid;
    const kind = draft.kind ?? 'incident';
    const at = this.now.toISOString();
    const index = { high: 0, medium: 1, low: 2 };
    const ticket: Ticket = {
      ...draft, id: fakeId('t'), kind, title: draft.title.trim(), status: 'new',
      key: `${kind === 'incident' ? 'INC' : 'REQ'}-${String(this.tickets.length + 1).padStart(6, '0')}`,
      priority: [[1, 2, 3], [2, 3, 4], [3, 4, 5]][index[draft.impact]][index[draft.urgency]],
      created_at: at, updated_at: at, version: 1,
    };
    this.tickets.push(ticket);
    this.audit(ticket, 'create', this.snapshot(ticket));
    this.changed([ticket.key]);
    return ticket;
  }
  checkVersion(record: { version: number }, expected: unknown) {
    if (Number(record.version) !== Number(expected)) throw fail('conflict', 'The record changed since it was read.');
  }
  cmd_ticket_update(args: Args) {
    const ticket = this.ticket(args.key);
    this.checkVersion(ticket, args.expectedVersion);
    const patch = args.patch as Record<string, unknown>;
    if ('title' in patch) {
      const invalid = checkTitle(String(patch.title));
      if (invalid) throw invalid;
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, value] of Object.entries(patch)) {
      const record = ticket as unknown as Record<string, unknown>;
      changes[field] = [record[field] ?? null, value];
      if (value === null) delete record[field];
      else record[field] = value;
    }
    return this.touch(ticket, changes);
  }
  cmd_ticket_transition(args: Args) {
    const ticket = this.ticket(args.key);
    this.checkVersion(ticket, args.expectedVersion);
    const transition = args.transition as Transition;
    const invalid = checkTransition(ticket, transition);
    if (invalid) throw invalid;
    const changes: Record<string, [unknown, unknown]> = { status: [ticket.status, transition.to] };
    ticket.status = transition.to;
    if (transition.pending_reason) ticket.pending_reason = transition.pending_reason;
    if (transition.resolution_code) {
      ticket.resolution_code = transition.resolution_code;
      ticket.resolution_notes = transition.resolution_notes;
      changes.resolution_code = [null, transition.resolution_code];
    }
    return this.touch(ticket, changes);
  }
  touch(ticket: Ticket, changes: Record<string, [unknown, unknown]>) {
    ticket.version += 1;
    ticket.updated_at = new Date().toISOString();
    this.audit(ticket, 'update', changes);
    this.changed([ticket.key]);
    return ticket;
  }
  cmd_comment_add(args: Args) {
    const draft = args.draft as { body: string; internal: boolean };
    if (!draft.body.trim()) throw fail('required', 'Write something before adding the comment.', 'body');
    const parent = this.tickets.find((t) => t.key === args.parentKey) ?? this.problems.find((p) => p.key === args.parentKey);
    if (!parent) throw fail('not_found', `There is no record ${String(args.parentKey)}.`);
    const at = new Date().toISOString();
    const comment: Comment = { id: fakeId('c'), key: `COM-${this.comments.length + 1}`, parent_id: parent.id, author_id: this.actorId ?? undefined, body: draft.body, internal: draft.internal, created_at: at, updated_at: at, version: 1 };
    this.comments.push(comment);
    this.changed([String(args.parentKey)]);
    return comment;
  }
  cmd_link_add(args: Args) {
    const from = this.ticket(args.fromKey);
    const to = this.tickets.find((t) => t.key === args.toKey);
    if (!to) throw fail('not_found', `There is no record ${String(args.toKey)}.`);
    const link = { id: fakeId('l'), from: from.id, to: to.id, kind: args.kind as LinkKind, deleted: false };
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
    const text = String(args.text).toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(text)) throw fail('required', 'Type a word to search for.', 'text');
    const ticketHits = this.tickets
      .filter((t) => `${t.title} ${t.description}`.toLowerCase().includes(text))
      .map((t) => ({ record_kind: t.kind, key: t.key, title: t.title, snippet: t.description.slice(0, 90), status: t.status, updated_at: t.updated_at }));
    const problemHits = this.problems
      .filter((p) => `${p.title} ${p.description}`.toLowerCase().includes(text))
      .map((p) => ({ record_kind: 'problem', key: p.key, title: p.title, snippet: p.description.slice(0, 90), updated_at: p.updated_at }));
    return [...ticketHits, ...problemHits].slice(0, Number(args.limit ?? 20));
  }

  // Problems
  problem(key: unknown): Problem {
    const problem = this.problems.find((p) => p.key === key);
    if (!problem) throw fail('not_found', `There is no problem ${String(key)}.`);
    return problem;
  }
  cmd_problems_list(args: Args) {
    const text = typeof args.text === 'string' ? args.text.toLowerCase() : '';
    return this.problems.filter((p) => (!args.knownErrorsOnly || p.known_error) && (!text || p.title.toLowerCase().includes(text)));
  }
  cmd_problem_get(args: Args) {
    const problem = this.problem(args.key);
    return {
      problem,
      incidents: this.tickets.filter((t) => t.problem_id === problem.id).map((t) => this.card(t)),
      comments: this.comments.filter((c) => c.parent_id === problem.id),
      history: this.history.filter((entry) => entry.record_id === problem.id),
    };
  }
  cmd_problem_create(args: Args) {
    const draft = args.draft as { title: string; description: string; priority?: number };
    const invalid = checkTitle(draft.title);
    if (invalid) throw invalid;
    const at = new Date().toISOString();
    const problem: Problem = { ...draft, id: fakeId('p'), key: `PRB-${String(this.problems.length + 1).padStart(6, '0')}`, status: 'new', priority: draft.priority ?? 3, root_cause: '', workaround: '', known_error: false, created_at: at, updated_at: at, version: 1 };
    this.problems.push(problem);
    this.changed([problem.key]);
    return problem;
  }
  cmd_problem_update(args: Args) {
    const problem = this.problem(args.key);
    this.checkVersion(problem, args.expectedVersion);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, value] of Object.entries(args.patch as Record<string, unknown>)) {
      const record = problem as unknown as Record<string, unknown>;
      changes[field] = [record[field] ?? null, value];
      if (value === null) delete record[field];
      else record[field] = value;
    }
    problem.version += 1;
    this.audit(problem, 'update', changes);
    this.changed([problem.key]);
    return problem;
  }
  cmd_known_errors_search(args: Args) {
    const words = String(args.text).toLowerCase().split(/\W+/).filter((word) => word.length > 2);
    return this.problems.filter((p) => p.known_error && words.some((word) => `${p.title} ${p.description} ${p.root_cause} ${p.workaround}`.toLowerCase().includes(word)));
  }

  // Bookkeeping
  snapshot(ticket: Ticket): Record<string, [unknown, unknown]> {
    const fields = ['title', 'status', 'impact', 'urgency', 'priority', 'assignee_id'] as const;
    return Object.fromEntries(fields.filter((f) => ticket[f] !== undefined).map((f) => [f, [null, ticket[f]]]));
  }
  audit(record: { id: string; key: string }, action: 'create' | 'update', changes: Record<string, [unknown, unknown]>, at = new Date().toISOString(), actor?: string) {
    const person = this.directory.people.find((p) => p.id === this.actorId);
    this.history.push({
      seq: this.history.length + 1, at, actor: actor ?? person?.name ?? 'Unknown', action,
      record_kind: record.key.startsWith('PRB') ? 'problem' : record.key.startsWith('REQ') ? 'request' : 'incident',
      record_id: record.id, record_key: record.key, changes: changes as never, row_digest: '', prev_hash: '', hash: '',
    });
  }
  changed(keys: string[]) {
    this.onChange(keys);
  }
}
