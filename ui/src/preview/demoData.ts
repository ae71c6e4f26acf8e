// Realistic in-memory records for the preview page and UI tests. Dev-only: never imported by main.tsx.
import type { Comment } from '../bindings/Comment';
import type { Directory } from '../bindings/Directory';
import type { Level } from '../bindings/Level';
import type { Problem } from '../bindings/Problem';
import type { Status } from '../bindings/Status';
import type { Ticket } from '../bindings/Ticket';
import type { TicketKind } from '../bindings/TicketKind';


let counter = 0;
/** Deterministic UUID-shaped ids, so the preview looks the same every time. */
export function fakeId(prefix = 'a'): string {
  counter += 1;
  const hex = counter.toString(16).padStart(12, '0');
  return `0190${prefix.padEnd(4, '0').slice(0, 4)}-0000-7000-8000-${hex}`;
}

export function hoursAgo(now: Date, hours: number): string {
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

function record<T extends object>(fields: T, at: string) {
  return { id: fakeId(), ...fields, created_at: at, updated_at: at, version: 1 };
}

export function demoDirectory(now: Date): Directory {
  const at = hoursAgo(now, 24 * 90);
  const groups = [
    record({ key: 'GRP-000001', name: 'Service desk', description: 'First line' }, at),
    record({ key: 'GRP-000002', name: 'Network', description: 'LAN, WAN, VPN' }, at),
    record({ key: 'GRP-000003', name: 'Workplace', description: 'Laptops, printers, accounts' }, at),
  ];
  const customers = [
    record({ key: 'CUS-000001', name: 'Finance department', description: '' }, at),
    record({ key: 'CUS-000002', name: 'Sales', description: '' }, at),
  ];
  const person = (key: string, name: string, email: string, groupIndexes: number[], customer?: number) =>
    record(
      {
        key,
        name,
        email,
        group_ids: groupIndexes.map((index) => groups[index].id),
        ...(customer !== undefined ? { customer_id: customers[customer].id } : {}),
      },
      at,
    );
  const people = [
    person('PER-000001', 'Amara Okafor', 'amara@example.org', [0]),
    person('PER-000002', 'Jonas Weber', 'jonas@example.org', [1]),
    person('PER-000003', 'Priya Raman', 'priya@example.org', [0, 2]),
    person('PER-000004', 'Tom Fletcher', 'tom@example.org', [2]),
    person('PER-000005', 'Lena Novak', 'lena@example.org', [1]),
    person('PER-000006', 'Hugo Martin', 'hugo@example.org', [], 0),
    person('PER-000007', 'Sofia Rossi', 'sofia@example.org', [], 1),
    person('PER-000008', 'Daniel Kim', 'daniel@example.org', [], 0),
  ];
  const service = (key: string, name: string) =>
    record({ key, name, description: '', status: 'live' as const, customer_ids: [], depends_on: [] }, at);
  const services = [
    service('SVC-000001', 'Email'),
    service('SVC-000002', 'VPN'),
    service('SVC-000003', 'Payroll'),
    service('SVC-000004', 'Laptop fleet'),
    service('SVC-000005', 'Public website'),
  ];
  const suppliers = [
    record({ key: 'SUP-000001', name: 'Northlight Hosting', description: 'Data centre and hosting' }, at),
    record({ key: 'SUP-000002', name: 'Ledgerline Software', description: 'Payroll vendor' }, at),
  ];
  return { people, groups, locations: [], services, customers, suppliers };
}

type Seed = {
  title: string;
  kind?: TicketKind;
  status: Status;
  impact: Level;
  urgency: Level;
  hours: number;
  assignee?: number;
  group?: number;
  service?: number;
  caller?: number;
  category: string;
  description: string;
};

const SEEDS: Seed[] = [
  { title: 'Payroll export fails with timeout for the Finance team', status: 'in_progress', impact: 'high', urgency: 'high', hours: 5, assignee: 1, group: 1, service: 2, caller: 5, category: 'Application', description: 'Since this morning the **monthly payroll export** stops after ~60 s with `ERR_TIMEOUT`.\n\n- affects all 14 people in Finance\n- deadline: payroll run tomorrow 10:00' },
  { title: 'VPN drops every 10 minutes for the Leeds office', status: 'assigned', impact: 'medium', urgency: 'high', hours: 26, assignee: 4, group: 1, service: 1, caller: 6, category: 'Network', description: 'Users in Leeds are disconnected from the VPN roughly every ten minutes. Reconnecting works.' },
  { title: 'Laptop will not boot after BIOS update', status: 'new', impact: 'low', urgency: 'medium', hours: 2, service: 3, caller: 7, category: 'Hardware', description: 'Black screen after the update pushed last night. Fan spins, no POST beep.' },
  { title: 'New starter: laptop and accounts for Mia Chen', kind: 'request', status: 'new', impact: 'low', urgency: 'low', hours: 30, group: 2, service: 3, caller: 5, category: 'Onboarding', description: 'Start date Monday. Standard Finance profile.' },
  { title: 'Shared mailbox "invoices@" not receiving external mail', status: 'pending', impact: 'medium', urgency: 'medium', hours: 72, assignee: 0, group: 0, service: 0, caller: 5, category: 'Email', description: 'External senders get a bounce: *550 mailbox unavailable*.' },
  { title: 'Website contact form returns 500', status: 'in_progress', impact: 'medium', urgency: 'medium', hours: 50, assignee: 3, group: 2, service: 4, caller: 6, category: 'Application', description: 'Description with an attempted script: <img src=x onerror="alert(\'xss\')"> <script>alert(1)</script> — should show as harmless text.' },
  { title: 'Printer on floor 2 jams on duplex jobs', status: 'new', impact: 'low', urgency: 'low', hours: 80, category: 'Hardware', caller: 7, description: 'Single-sided printing works.' },
  { title: 'Outlook keeps asking for password', status: 'resolved', impact: 'low', urgency: 'medium', hours: 120, assignee: 0, group: 0, service: 0, caller: 7, category: 'Email', description: 'Credential prompt loops after password change.' },
  { title: 'Request: access to Sales dashboard for Hugo', kind: 'request', status: 'assigned', impact: 'low', urgency: 'low', hours: 9, assignee: 2, group: 0, caller: 5, category: 'Access', description: 'Read-only access is enough.' },
  { title: 'Slow Wi-Fi in meeting room B', status: 'closed', impact: 'low', urgency: 'low', hours: 400, assignee: 4, group: 1, category: 'Network', description: 'Access point replaced.' },
  { title: 'Email delivery delayed by up to 30 minutes', status: 'new', impact: 'high', urgency: 'medium', hours: 1, service: 0, caller: 6, category: 'Email', description: 'Internal and external mail arrive late.' },
  { title: 'Cannot map network drive S: after reboot', status: 'in_progress', impact: 'low', urgency: 'medium', hours: 20, assignee: 2, group: 0, category: 'Network', caller: 5, description: 'Works when mapped by hand.' },
  { title: 'Payroll PDF payslips show wrong tax code', status: 'pending', impact: 'high', urgency: 'medium', hours: 44, assignee: 1, group: 1, service: 2, caller: 5, category: 'Application', description: 'Affects 3 employees.' },
  { title: 'Replace broken monitor for reception', kind: 'request', status: 'resolved', impact: 'low', urgency: 'low', hours: 200, assignee: 3, group: 2, category: 'Hardware', description: 'Delivered and installed.' },
  { title: 'MFA codes not arriving by SMS', status: 'assigned', impact: 'medium', urgency: 'high', hours: 3, group: 0, service: 0, caller: 6, category: 'Access', description: 'Authenticator app works.' },
  { title: 'Sales laptop stolen on train', status: 'closed', impact: 'medium', urgency: 'high', hours: 600, assignee: 3, group: 2, service: 3, category: 'Security', description: 'Device wiped remotely; police report filed.' },
];

export function demoTickets(now: Date, directory: Directory): Ticket[] {
  const priority = (impact: Level, urgency: Level) => {
    const index = { high: 0, medium: 1, low: 2 };
    return [[1, 2, 3], [2, 3, 4], [3, 4, 5]][index[impact]][index[urgency]];
  };
  return SEEDS.map((seed, index): Ticket => {
    const at = hoursAgo(now, seed.hours);
    const kind = seed.kind ?? 'incident';
    const ticket: Ticket = {
      id: fakeId('t'),
      key: `${kind === 'incident' ? 'INC' : 'REQ'}-${String(index + 1).padStart(6, '0')}`,
      kind,
      title: seed.title,
      description: seed.description,
      category: seed.category,
      impact: seed.impact,
      urgency: seed.urgency,
      priority: priority(seed.impact, seed.urgency),
      status: seed.status,
      created_at: at,
      updated_at: at,
      version: 3,
    };
    if (seed.assignee !== undefined) ticket.assignee_id = directory.people[seed.assignee].id;
    if (seed.group !== undefined) ticket.group_id = directory.groups[seed.group].id;
    if (seed.service !== undefined) ticket.service_id = directory.services[seed.service].id;
    if (seed.caller !== undefined) ticket.caller_id = directory.people[seed.caller].id;
    if (seed.status === 'pending') ticket.pending_reason = 'Waiting for the caller to confirm a test window';
    if (seed.status === 'resolved' || seed.status === 'closed') {
      ticket.resolution_code = 'fixed';
      ticket.resolution_notes = 'Fixed and confirmed with the caller.';
    }
    return ticket;
  });
}

export function demoProblems(now: Date, directory: Directory): Problem[] {
  const base = (key: string, title: string, hours: number) => {
    const at = hoursAgo(now, hours);
    return { id: fakeId('p'), key, title, created_at: at, updated_at: at, version: 2, priority: 2 };
  };
  return [
    {
      ...base('PRB-000001', 'VPN concentrator drops idle sessions early', 300),
      description: 'Several sites report VPN disconnects at regular intervals.',
      status: 'investigating',
      service_id: directory.services[1].id,
      assignee_id: directory.people[1].id,
      root_cause: 'Idle timeout on the concentrator is 600 s, shorter than the client keep-alive.',
      workaround: 'Set the client keep-alive to **300 s** (`vpn.keepalive=300`) and reconnect.',
      known_error: true,
    },
    {
      ...base('PRB-000002', 'Payroll export times out on large months', 100),
      description: 'The export query scans the full history.',
      status: 'new',
      service_id: directory.services[2].id,
      root_cause: '',
      workaround: '',
      known_error: false,
    },
    {
      ...base('PRB-000003', 'Password change does not reach mail clients', 500),
      description: 'Cached credentials are not refreshed after a password change.',
      status: 'resolved',
      service_id: directory.services[0].id,
      root_cause: 'Token cache lifetime of 14 days.',
      workaround: 'Remove the saved credential from the credential manager, then restart Outlook.',
      known_error: true,
    },
  ];
}

export function demoComments(now: Date, tickets: Ticket[], directory: Directory): Comment[] {
  const comment = (ticket: Ticket, author: number, hours: number, body: string, internal: boolean): Comment => {
    const at = hoursAgo(now, hours);
    return { id: fakeId('c'), key: `COM-${fakeId('k').slice(-6)}`, parent_id: ticket.id, author_id: directory.people[author].id, body, internal, created_at: at, updated_at: at, version: 1 };
  };
  return [
    comment(tickets[0], 5, 4.5, 'This blocks the payroll run tomorrow. Can you give us an update by 15:00?', false),
    comment(tickets[0], 1, 4, 'Reproduced on the test system. The export query runs for 75 s — looks like the **new indexes** were never created.\n\n```sql\nEXPLAIN SELECT * FROM payslips WHERE period = ?;\n```', true),
    comment(tickets[0], 1, 3, 'We have found the cause and are working on a fix. Next update at 14:00.', false),
    comment(tickets[1], 4, 20, 'Matches known error PRB-000001; workaround sent to the Leeds users.', true),
  ];
}
