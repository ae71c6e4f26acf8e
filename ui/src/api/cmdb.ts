import type { Ci } from '../bindings/Ci';
import type { CiAsOf } from '../bindings/CiAsOf';
import type { CiDetail } from '../bindings/CiDetail';
import type { CiFields } from '../bindings/CiFields';
import type { CiFilter } from '../bindings/CiFilter';
import type { CiPage } from '../bindings/CiPage';
import type { CsvMapping } from '../bindings/CsvMapping';
import type { CiClass } from '../bindings/CiClass';
import type { ClassDef } from '../bindings/ClassDef';
import type { ClassDraft } from '../bindings/ClassDraft';
import type { RelationType } from '../bindings/RelationType';
import type { RelationTypeDraft } from '../bindings/RelationTypeDraft';
import type { Direction } from '../bindings/Direction';
import type { ImpactReport } from '../bindings/ImpactReport';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { Neighbourhood } from '../bindings/Neighbourhood';
import type { QualityReport } from '../bindings/QualityReport';
import type { Relationship } from '../bindings/Relationship';
import type { TicketImpact } from '../bindings/TicketImpact';
import type { TypeDef } from '../bindings/TypeDef';
import { call } from './call';

export const cisList = (filter: CiFilter, offset: number, limit: number) =>
  call<CiPage>('cis_list', { filter, offset, limit });
export const ciGet = (key: string) => call<CiDetail>('ci_get', { key });
export const ciCreate = (fields: CiFields) => call<Ci>('ci_create', { fields });
export const ciUpdate = (key: string, fields: CiFields, expectedVersion: number) =>
  call<Ci>('ci_update', { key, fields, expectedVersion });
export const ciRetire = (key: string) => call<Ci>('ci_retire', { key });
/** Records that the acting person checked the CI against reality just now. */
export const ciVerify = (key: string) => call<Ci>('ci_verify', { key });

export const ciClasses = () => call<ClassDef[]>('ci_classes');
export const relationTypes = () => call<TypeDef[]>('relation_types');
export const ciClassCreate = (draft: ClassDraft) => call<CiClass>('ci_class_create', { draft });
export const relationTypeCreate = (draft: RelationTypeDraft) => call<RelationType>('relation_type_create', { draft });
/** `source —relation→ target`, each end a CI key or a catalogue service key. */
export const relate = (source: string, relation: string, target: string) =>
  call<Relationship>('relate', { source, relation, target });
export const relationshipRetire = (key: string) => call<Relationship>('relationship_retire', { key });

export const cmdbImpact = (key: string, direction: Direction, depth: number | null) =>
  call<ImpactReport>('cmdb_impact', { key, direction, depth });
export const cmdbNeighbourhood = (key: string, hops: number, maxNodes: number) =>
  call<Neighbourhood>('cmdb_neighbourhood', { key, hops, maxNodes });
/** The CI and its relationships as the audit history says they were at `at`. */
export const ciAsOf = (key: string, at: string) => call<CiAsOf>('ci_as_of', { key, at });
/** The CIs a ticket names, and the services, customers and SLAs their failure reaches. */
export const ticketImpact = (key: string) => call<TicketImpact>('ticket_impact', { key });
export const cmdbQuality = (staleAfterDays: number) => call<QualityReport>('cmdb_quality', { staleAfterDays });

export type CsvImport = {
  cisCsv: string;
  relationsCsv: string | null;
  mapping: CsvMapping;
  dryRun: boolean;
};
export const cmdbImport = (request: CsvImport) => call<ImportSummary>('cmdb_import', request);
