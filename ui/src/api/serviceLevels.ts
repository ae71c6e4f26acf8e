import type { AtRiskClock } from '../bindings/AtRiskClock';
import type { CalendarDraft } from '../bindings/CalendarDraft';
import type { CalendarPatch } from '../bindings/CalendarPatch';
import type { CalendarRecord } from '../bindings/CalendarRecord';
import type { ClockExplanation } from '../bindings/ClockExplanation';
import type { ConsistencyFinding } from '../bindings/ConsistencyFinding';
import type { Contract } from '../bindings/Contract';
import type { ContractDraft } from '../bindings/ContractDraft';
import type { ContractPatch } from '../bindings/ContractPatch';
import type { Ola } from '../bindings/Ola';
import type { OlaDraft } from '../bindings/OlaDraft';
import type { OlaPatch } from '../bindings/OlaPatch';
import type { Sla } from '../bindings/Sla';
import type { SlaDraft } from '../bindings/SlaDraft';
import type { SlaPatch } from '../bindings/SlaPatch';
import type { SlaReport } from '../bindings/SlaReport';
import type { Timestamp } from '../bindings/Timestamp';
import { call } from './call';

// Calendars
export const calendarsList = () => call<CalendarRecord[]>('calendars_list');
export const calendarCreate = (draft: CalendarDraft) => call<CalendarRecord>('calendar_create', { draft });
export const calendarUpdate = (key: string, patch: CalendarPatch, expectedVersion: number) =>
  call<CalendarRecord>('calendar_update', { key, patch, expectedVersion });

/** What an .ics import did (shell type, not exported by ts-rs). */
export type HolidayImport = { calendar: CalendarRecord; added: number };
/** Without `ics` the shell opens a native file dialog; null when the person cancelled it. */
export const calendarImportHolidays = (key: string, expectedVersion: number, ics?: string) =>
  call<HolidayImport | null>('calendar_import_holidays', {
    key,
    expectedVersion,
    ...(ics === undefined ? {} : { ics }),
  });

// Agreements
export const slasList = () => call<Sla[]>('slas_list');
export const slaCreate = (draft: SlaDraft) => call<Sla>('sla_create', { draft });
export const slaUpdate = (key: string, patch: SlaPatch, expectedVersion: number) =>
  call<Sla>('sla_update', { key, patch, expectedVersion });

export const olasList = () => call<Ola[]>('olas_list');
export const olaCreate = (draft: OlaDraft) => call<Ola>('ola_create', { draft });
export const olaUpdate = (key: string, patch: OlaPatch, expectedVersion: number) =>
  call<Ola>('ola_update', { key, patch, expectedVersion });

export const contractsList = () => call<Contract[]>('contracts_list');
export const contractCreate = (draft: ContractDraft) => call<Contract>('contract_create', { draft });
export const contractUpdate = (key: string, patch: ContractPatch, expectedVersion: number) =>
  call<Contract>('contract_update', { key, patch, expectedVersion });

// Figures
export const slaConsistency = () => call<ConsistencyFinding[]>('sla_consistency');
/** `[from, to)`; the backend chooses the period when both are absent. */
export const slaReport = (from?: Timestamp, to?: Timestamp) =>
  call<SlaReport>('sla_report', { ...(from ? { from } : {}), ...(to ? { to } : {}) });
export const slaAtRisk = () => call<AtRiskClock[]>('sla_at_risk');
/** Null when no SLA covers the ticket. */
export const ticketClocks = (key: string) => call<ClockExplanation | null>('ticket_clocks', { key });

// Catalogue

// Exports: the shell shows a save dialog and writes the file; null when cancelled.
export const fileSaveText = (suggestedName: string, contents: string) =>
  call<string | null>('file_save', { suggestedName, contents });
export const fileSaveDataUrl = (suggestedName: string, dataUrl: string) =>
  call<string | null>('file_save', { suggestedName, dataUrl });

/** Payload of the `sla-warning` event (generated from smw-core's `SlaWarning`). */
export type { SlaWarning } from '../bindings/SlaWarning';
