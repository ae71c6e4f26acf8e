import type { CiStatus } from '../../bindings/CiStatus';
import type { Criticality } from '../../bindings/Criticality';

export const CI_STATUSES: CiStatus[] = ['planned', 'in_build', 'live', 'maintenance', 'retired'];
export const CI_STATUS_LABEL: Record<CiStatus, string> = {
  planned: 'Planned',
  in_build: 'In build',
  live: 'Live',
  maintenance: 'Maintenance',
  retired: 'Retired',
};

export const CRITICALITIES: Criticality[] = ['critical', 'high', 'medium', 'low'];
export const CRITICALITY_LABEL: Record<Criticality, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Choices for an OptionSelect from a label table. */
export const choicesOf = <T extends string>(values: T[], labels: Record<T, string>) =>
  values.map((value) => ({ id: value, name: labels[value] }));
