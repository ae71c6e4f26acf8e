import { mockIPC } from '@tauri-apps/api/mocks';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarDefinition } from '../../bindings/CalendarDefinition';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { CatalogueView } from './CatalogueView';

let backend: MockBackend;
/** Commands answered with this error instead of the mock's own answer. */
let refusals: Record<string, { code: string; message: string; field?: string }>;

beforeEach(() => {
  backend = new MockBackend();
  refusals = {};
  mockIPC((cmd, args) => {
    if (refusals[cmd]) throw refusals[cmd];
    return backend.handle(cmd, args as Record<string, unknown>);
  });
});

const save = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('calendar editor', () => {
  it('flags an overlapping segment as it is typed and will not save it', async () => {
    // Friday gets a lunch break: 08:00–12:30 and 13:00–17:00; moving the second start to 12:00 overlaps.
    const office = backend.serviceLevels.calendars[0];
    const definition = JSON.parse(office.definition) as CalendarDefinition;
    office.definition = JSON.stringify({ ...definition, week: { ...definition.week, fri: [['08:00', '12:30'], ['13:00', '17:00']] } });
    renderWithApp(<CatalogueView tab="calendars" />);
    await screen.findByTestId('calendar-editor');
    fireEvent.change(screen.getByTestId('segment-fri-1-start'), { target: { value: '12:00' } });
    expect(screen.getByTestId('field-error-definition.week.fri[1]').textContent).toMatch(/Overlaps/);
    expect(save('calendar-save').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('segment-fri-1-start'), { target: { value: '12:45' } });
    expect(screen.queryByTestId('field-error-definition.week.fri[1]')).toBeNull();
    expect(save('calendar-save').disabled).toBe(false);
  });

  it('allows 24:00 as an end but not as a start, and needs HH:MM', async () => {
    renderWithApp(<CatalogueView tab="calendars" />);
    await screen.findByTestId('calendar-editor');
    fireEvent.click(screen.getByTestId('segment-sat-add'));
    fireEvent.change(screen.getByTestId('segment-sat-0-end'), { target: { value: '24:00' } });
    expect(screen.queryByTestId('field-error-definition.week.sat[0]')).toBeNull();
    fireEvent.change(screen.getByTestId('segment-sat-0-start'), { target: { value: '24:00' } });
    expect(screen.getByTestId('field-error-definition.week.sat[0]').textContent).toMatch(/Start 24:00 is not a time/);
    fireEvent.change(screen.getByTestId('segment-sat-0-start'), { target: { value: '9' } });
    expect(screen.getByTestId('field-error-definition.week.sat[0]').textContent).toMatch(/HH:MM/);
  });

  it('saves the changed definition and shows a backend field error next to that segment', async () => {
    renderWithApp(<CatalogueView tab="calendars" />);
    await screen.findByTestId('calendar-editor');
    fireEvent.change(screen.getByTestId('segment-mon-0-end'), { target: { value: '17:30' } });
    refusals.calendar_update = { code: 'sla.malformed_time', field: 'definition.week.mon[0][1]', message: 'The end is not allowed here.' };
    await act(async () => fireEvent.click(save('calendar-save')));
    expect((await screen.findByTestId('field-error-definition.week.mon[0]')).textContent).toBe('The end is not allowed here.');
    // Editing the segment clears the backend's complaint; the save then goes through.
    delete refusals.calendar_update;
    fireEvent.change(screen.getByTestId('segment-mon-0-end'), { target: { value: '17:45' } });
    expect(screen.queryByTestId('field-error-definition.week.mon[0]')).toBeNull();
    await act(async () => fireEvent.click(save('calendar-save')));
    const update = backend.calls.find((call) => call.cmd === 'calendar_update')!;
    expect(update.args.expectedVersion).toBe(1);
    expect(update.args.patch).not.toHaveProperty('name');
    const saved = JSON.parse(backend.serviceLevels.calendars[0].definition) as CalendarDefinition;
    expect(saved.week.mon).toEqual([['08:00', '17:45']]);
  });

  it('adds a holiday and refuses a duplicate', async () => {
    renderWithApp(<CatalogueView tab="calendars" />);
    await screen.findByTestId('calendar-editor');
    // Christmas is among the Berlin holidays already; the list is kept sorted, so the copy lands right after it.
    const holidays = (JSON.parse(backend.serviceLevels.calendars[0].definition) as CalendarDefinition).holidays;
    expect(holidays).toContain('2026-12-25');
    fireEvent.change(screen.getByTestId('holiday-date'), { target: { value: '2026-12-25' } });
    fireEvent.click(screen.getByTestId('holiday-add'));
    expect(screen.getByTestId(`field-error-definition.holidays[${holidays.indexOf('2026-12-25') + 1}]`).textContent).toMatch(/twice/);
    expect(save('calendar-save').disabled).toBe(true);
  });
});

describe('agreement editors', () => {
  it('checks targets per priority while typing and saves only what changed', async () => {
    renderWithApp(<CatalogueView tab="slas" />);
    await screen.findByTestId('sla-editor');
    fireEvent.change(screen.getByTestId('target-3-response'), { target: { value: '2000' } });
    expect(screen.getByTestId('field-error-targets[2].response_minutes').textContent).toMatch(/cannot be longer/);
    expect(save('agreement-save').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('target-3-response'), { target: { value: '90' } });
    fireEvent.change(screen.getByTestId('agreement-thresholds'), { target: { value: '50, 90, 100' } });
    await act(async () => fireEvent.click(save('agreement-save')));
    const update = backend.calls.find((call) => call.cmd === 'sla_update')!;
    expect(update.args.key).toBe('SLA-000001');
    expect(Object.keys(update.args.patch as object).sort()).toEqual(['targets', 'warning_thresholds']);
    expect((update.args.patch as { warning_thresholds: number[] }).warning_thresholds).toEqual([50, 90, 100]);
    await waitFor(() => expect(backend.serviceLevels.slas[0].targets[2].response_minutes).toBe(90));
  });

  it('refuses an end before the start and creates a new OLA with the group and no service', async () => {
    renderWithApp(<CatalogueView tab="olas" />);
    await screen.findByTestId('ola-editor');
    fireEvent.click(screen.getByTestId('olas-list-new'));
    fireEvent.change(await screen.findByTestId('agreement-name'), { target: { value: 'Workplace team' } });
    expect(screen.getByTestId('field-error-group_id')).toBeTruthy();
    fireEvent.change(screen.getByTestId('agreement-party'), { target: { value: backend.directory.groups[2].id } });
    fireEvent.change(screen.getByTestId('agreement-valid-to'), { target: { value: '2000-01-01' } });
    expect(screen.getByTestId('field-error-valid_to').textContent).toMatch(/before it starts/);
    fireEvent.change(screen.getByTestId('agreement-valid-to'), { target: { value: '' } });
    await act(async () => fireEvent.click(save('agreement-save')));
    const draft = backend.calls.find((call) => call.cmd === 'ola_create')!.args.draft as Record<string, unknown>;
    expect(draft).toMatchObject({ name: 'Workplace team', group_id: backend.directory.groups[2].id, calendar_id: backend.serviceLevels.calendars[0].id });
    expect(draft).not.toHaveProperty('service_id');
    expect(draft).not.toHaveProperty('valid_to');
  });
});

describe('catalogue', () => {
  it('edits a service: owner, customers and dependencies, and will not offer a cycle', async () => {
    // Only Remote access depends on Network access: Network access may not then depend on it.
    const services = backend.directory.services;
    services.forEach((service) => (service.depends_on = []));
    services[2].depends_on = [services[0].id];
    renderWithApp(<CatalogueView tab="services" />);
    await screen.findByTestId('service-editor');
    const dependent = screen.getByTestId('service-depends-on').querySelectorAll('label')[1];
    expect(dependent.textContent).toBe('Remote access (VPN)');
    expect((dependent.querySelector('input') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('service-owner'), { target: { value: backend.directory.people[1].id } });
    fireEvent.click(screen.getByTestId('service-customers').querySelectorAll('input')[0]);
    fireEvent.click(screen.getByTestId('service-depends-on').querySelectorAll('input')[0]);
    await act(async () => fireEvent.click(save('service-save')));
    expect(backend.calls.find((call) => call.cmd === 'service_update')!.args).toEqual({
      key: 'SVC-000001',
      expectedVersion: 1,
      // The service was for every customer: the first box takes the first one off.
      patch: { owner_id: backend.directory.people[1].id, customer_ids: backend.directory.customers.slice(1).map((c) => c.id), depends_on: [services[1].id] },
    });
  });

  it('lists the consistency findings', async () => {
    renderWithApp(<CatalogueView tab="findings" />);
    // Both supplier contracts promise slower resolutions than SLAs resting on them.
    expect((await screen.findAllByTestId('finding-underpinning_resolution_longer')).length).toBeGreaterThan(1);
    // Provisioning and printing are left without an SLA in the demo.
    expect(screen.getAllByTestId('finding-service_without_sla')).toHaveLength(2);
  });
});
