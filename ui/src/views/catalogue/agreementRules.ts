// The agreement rules of smw-core (agreements/targets.rs, sla.rs, underpinning.rs), mirrored
// so the editors flag a mistake as it is typed. Field names are the backend's, so its own
// refusal on save lands on the same input.
import type { Contract } from '../../bindings/Contract';
import type { Ola } from '../../bindings/Ola';
import type { PriorityTarget } from '../../bindings/PriorityTarget';
import type { Sla } from '../../bindings/Sla';
import type { Status } from '../../bindings/Status';

export type AgreementKind = 'sla' | 'ola' | 'contract';
export type Agreement = Sla | Ola | Contract;

/** A year of minutes, as the backend allows. */
export const TARGET_MAX_MINUTES = 525_600;
/** Statuses that may pause the resolution clock (New, Resolved and Closed may not). */
export const PAUSABLE: Status[] = ['assigned', 'in_progress', 'pending'];

/** Who the agreement is with: a customer (SLA), an internal group (OLA), a supplier (contract). */
export const PARTY_FIELD = { sla: 'customer_id', ola: 'group_id', contract: 'supplier_id' } as const;

/** What the form holds: numbers as typed, so a half-typed value can be shown and judged. */
export type AgreementForm = {
  name: string;
  party_id: string;
  service_id: string;
  calendar_id: string;
  targets: { response: string; resolution: string }[];
  valid_from: string;
  valid_to: string;
  review_date: string;
  availability_percent: string;
  pausing_statuses: Status[];
  warning_thresholds: string;
};

export type Problems = Record<string, string>;

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
const minutes = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function thresholdsOf(text: string): (number | null)[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : null));
}

export function agreementProblems(kind: AgreementKind, form: AgreementForm): Problems {
  const problems: Problems = {};
  if (!form.name.trim()) problems.name = 'Give the agreement a name.';
  if (!form.party_id) problems[PARTY_FIELD[kind]] = { sla: 'Choose the customer.', ola: 'Choose the group.', contract: 'Choose the supplier.' }[kind];
  if (kind !== 'ola' && !form.service_id) problems.service_id = 'Choose the service.';
  if (!form.calendar_id) problems.calendar_id = 'Choose the calendar the targets are counted in.';
  form.targets.forEach((target, index) => {
    const response = minutes(target.response);
    const resolution = minutes(target.resolution);
    const at = (field: string) => `targets[${index}].${field}`;
    for (const [field, value, text] of [['response_minutes', response, target.response], ['resolution_minutes', resolution, target.resolution]] as const) {
      if (value === null) problems[at(field)] = `${text.trim() || '(empty)'} is not a whole number of minutes.`;
      else if (value < 1 || value > TARGET_MAX_MINUTES) problems[at(field)] = `Must be between 1 and ${TARGET_MAX_MINUTES} minutes.`;
    }
    if (response !== null && resolution !== null && !problems[at('response_minutes')] && response > resolution) {
      problems[at('response_minutes')] = 'The response target cannot be longer than the resolution target.';
    }
  });
  if (!isDate(form.valid_from)) problems.valid_from = 'Give the first day the agreement applies.';
  if (form.valid_to && !isDate(form.valid_to)) problems.valid_to = 'Not a date.';
  else if (form.valid_to && isDate(form.valid_from) && form.valid_to < form.valid_from) problems.valid_to = 'Ends before it starts.';
  if (kind === 'sla') {
    if (form.review_date && !isDate(form.review_date)) problems.review_date = 'Not a date.';
    else if (form.review_date && isDate(form.valid_from) && form.review_date < form.valid_from) problems.review_date = 'The review cannot come before the agreement starts.';
    if (form.availability_percent.trim()) {
      const percent = Number(form.availability_percent);
      if (!Number.isFinite(percent) || percent <= 0 || percent > 100) problems.availability_percent = 'More than 0 and at most 100.';
    }
    thresholdsOf(form.warning_thresholds).forEach((threshold, index) => {
      if (threshold === null || threshold < 1 || threshold > 200) problems[`warning_thresholds[${index}]`] = 'Each threshold is a whole percentage from 1 to 200.';
    });
  }
  return problems;
}

export function targetsOf(form: AgreementForm): PriorityTarget[] {
  return form.targets.map((t) => ({ response_minutes: Number(t.response), resolution_minutes: Number(t.resolution) }));
}

export function formOf(kind: AgreementKind, record: Agreement | null, defaults: { calendar_id?: string; today: string }): AgreementForm {
  const sla = kind === 'sla' ? (record as Sla | null) : null;
  const party = record ? String((record as unknown as Record<string, unknown>)[PARTY_FIELD[kind]] ?? '') : '';
  return {
    name: record?.name ?? '',
    party_id: party,
    service_id: record?.service_id ?? '',
    calendar_id: record?.calendar_id ?? defaults.calendar_id ?? '',
    targets: (record?.targets ?? DEFAULT_TARGETS).map((t) => ({ response: String(t.response_minutes), resolution: String(t.resolution_minutes) })),
    valid_from: record?.valid_from ?? defaults.today,
    valid_to: record?.valid_to ?? '',
    review_date: sla?.review_date ?? '',
    availability_percent: sla?.availability_percent === undefined ? '' : String(sla.availability_percent),
    pausing_statuses: sla?.pausing_statuses ?? ['pending'],
    warning_thresholds: (sla?.warning_thresholds ?? [75, 100]).join(', '),
  };
}

/** A starting point people adjust: 15 min / 4 h for P1 down to 8 h / 5 days for P5. */
export const DEFAULT_TARGETS: PriorityTarget[] = [
  { response_minutes: 15, resolution_minutes: 240 },
  { response_minutes: 30, resolution_minutes: 480 },
  { response_minutes: 120, resolution_minutes: 1440 },
  { response_minutes: 240, resolution_minutes: 2880 },
  { response_minutes: 480, resolution_minutes: 7200 },
];

/** Every field of the form as the backend's draft takes it (empty optionals left out). */
export function draftOf(kind: AgreementKind, form: AgreementForm): Record<string, unknown> {
  const draft: Record<string, unknown> = {
    name: form.name.trim(),
    [PARTY_FIELD[kind]]: form.party_id,
    calendar_id: form.calendar_id,
    targets: targetsOf(form),
    valid_from: form.valid_from,
  };
  if (form.service_id) draft.service_id = form.service_id;
  if (form.valid_to) draft.valid_to = form.valid_to;
  if (kind === 'sla') {
    if (form.review_date) draft.review_date = form.review_date;
    if (form.availability_percent.trim()) draft.availability_percent = Number(form.availability_percent);
    draft.pausing_statuses = form.pausing_statuses;
    draft.warning_thresholds = thresholdsOf(form.warning_thresholds);
  }
  return draft;
}

/** Only what changed; a cleared optional is sent as null (the patch's "clear"). */
export function patchOf(kind: AgreementKind, record: Agreement, form: AgreementForm): Record<string, unknown> {
  const before = draftOf(kind, formOf(kind, record, { today: record.valid_from }));
  const after = draftOf(kind, form);
  const patch: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    patch[field] = field in after ? after[field] : null;
  }
  return patch;
}
