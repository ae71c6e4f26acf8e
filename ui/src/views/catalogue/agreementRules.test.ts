import { describe, expect, it } from 'vitest';
import type { Sla } from '../../bindings/Sla';
import { agreementProblems, draftOf, formOf, patchOf, type AgreementForm } from './agreementRules';

const base = (): AgreementForm => ({
  ...formOf('sla', null, { calendar_id: 'cal-1', today: '2026-05-01' }),
  name: 'Finance back office',
  party_id: 'cus-1',
  service_id: 'svc-1',
});

describe('agreement rules', () => {
  it('accepts a complete SLA with the default targets', () => {
    expect(agreementProblems('sla', base())).toEqual({});
  });

  it('names the target field the backend would name', () => {
    const form = base();
    form.targets[2] = { response: '600', resolution: '480' };
    form.targets[4] = { response: '1.5', resolution: '0' };
    const problems = agreementProblems('sla', form);
    expect(problems['targets[2].response_minutes']).toMatch(/cannot be longer/);
    expect(problems['targets[4].response_minutes']).toMatch(/whole number/);
    expect(problems['targets[4].resolution_minutes']).toMatch(/between 1 and/);
    expect(Object.keys(problems)).toHaveLength(3);
  });

  it('checks the dates, availability and thresholds', () => {
    const problems = agreementProblems('sla', { ...base(), valid_to: '2026-04-30', review_date: '2026-01-01', availability_percent: '100.5', warning_thresholds: '75, 250, x' });
    expect(problems.valid_to).toMatch(/before it starts/);
    expect(problems.review_date).toMatch(/before the agreement starts/);
    expect(problems.availability_percent).toBeDefined();
    expect(problems['warning_thresholds[1]']).toBeDefined();
    expect(problems['warning_thresholds[2]']).toBeDefined();
    expect(problems['warning_thresholds[0]']).toBeUndefined();
  });

  it('asks for the party of each kind, and a service except on an OLA', () => {
    const empty = { ...base(), party_id: '', service_id: '' };
    expect(Object.keys(agreementProblems('sla', empty))).toEqual(['customer_id', 'service_id']);
    expect(Object.keys(agreementProblems('ola', empty))).toEqual(['group_id']);
    expect(Object.keys(agreementProblems('contract', empty))).toEqual(['supplier_id', 'service_id']);
  });

  it('builds a draft and a patch of only what changed, clearing with null', () => {
    const draft = draftOf('sla', { ...base(), warning_thresholds: '50, 75,100' });
    expect(draft).toMatchObject({ customer_id: 'cus-1', warning_thresholds: [50, 75, 100], pausing_statuses: ['pending'] });
    expect(draft).not.toHaveProperty('valid_to');
    const sla = { ...draft, id: 'x', key: 'SLA-000001', valid_to: '2026-12-31', created_at: '', updated_at: '', version: 1 } as unknown as Sla;
    const form = formOf('sla', sla, { today: '2026-05-01' });
    expect(patchOf('sla', sla, form)).toEqual({});
    form.targets[0].resolution = '180';
    form.valid_to = '';
    expect(patchOf('sla', sla, form)).toEqual({ targets: [{ response_minutes: 15, resolution_minutes: 180 }, ...sla.targets.slice(1)], valid_to: null });
  });
});
