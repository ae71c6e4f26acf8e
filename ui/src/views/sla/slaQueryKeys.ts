// Cache keys of the service-level views. The `workspace-changed` event invalidates every
// query, so these only need to be distinct from the others (state/queryKeys.ts).
export const slaQueryKeys = {
  report: (from: string, to: string) => ['sla-report', from, to] as const,
  ticketClocks: (key: string) => ['ticket-clocks', key] as const,
  calendars: ['calendars'] as const,
  slas: ['slas'] as const,
  olas: ['olas'] as const,
  contracts: ['contracts'] as const,
  consistency: ['sla-consistency'] as const,
};
