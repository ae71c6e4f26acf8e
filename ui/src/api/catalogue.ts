import type { Customer } from '../bindings/Customer';
import type { PartyDraft } from '../bindings/PartyDraft';
import type { PartyPatch } from '../bindings/PartyPatch';
import type { Service } from '../bindings/Service';
import type { ServiceDraft } from '../bindings/ServiceDraft';
import type { ServicePatch } from '../bindings/ServicePatch';
import type { Supplier } from '../bindings/Supplier';
import { call } from './call';

export const serviceCreate = (draft: ServiceDraft) => call<Service>('service_create', { draft });
export const serviceUpdate = (key: string, patch: ServicePatch, expectedVersion: number) =>
  call<Service>('service_update', { key, patch, expectedVersion });
export const serviceRetire = (key: string) => call<Service>('service_retire', { key });

export const customerCreate = (draft: PartyDraft) => call<Customer>('customer_create', { draft });
/** `serviceIds`, when given, is the whole list of services the customer takes. */
export const customerUpdate = (key: string, patch: PartyPatch, serviceIds: string[] | null, expectedVersion: number) =>
  call<Customer>('customer_update', { key, patch, serviceIds, expectedVersion });
export const customerRetire = (key: string) => call<Customer>('customer_retire', { key });

export const supplierCreate = (draft: PartyDraft) => call<Supplier>('supplier_create', { draft });
export const supplierUpdate = (key: string, patch: PartyPatch, expectedVersion: number) =>
  call<Supplier>('supplier_update', { key, patch, expectedVersion });
export const supplierRetire = (key: string) => call<Supplier>('supplier_retire', { key });
