import { z } from 'zod';
import { ClientDelegationState, FilingState } from './client-state';
import { normalizeSearch } from './roster-filter';

/** Where a client is in its life: active, deregistering (notice or application window), deregistered. */
export const ClientLifecycle = z.enum(['active', 'deregistering', 'deregistered']);
export type ClientLifecycle = z.infer<typeof ClientLifecycle>;

/**
 * The client roster travels as a compact table: one positional tuple per client (no repeated
 * keys), groups as indexes into a list. 10,000 clients stay around 1.5 MB of JSON; the UI decodes
 * the tuples into objects once and filters them in memory.
 */
export const RosterTuple = z.tuple([
  z.uuid(), // 0 company id
  z.string(), // 1 USCC
  z.string(), // 2 name
  z.array(z.number().int()), // 3 access group indexes
  z.string().nullable(), // 4 contact
  ClientDelegationState, // 5
  z.string().nullable(), // 6 authorization valid until (ISO instant)
  z.number().int().nullable(), // 7 days left
  FilingState, // 8 VAT of the latest ended period
  FilingState, // 9 CIT prepayment of the latest ended quarter
  z.string().nullable(), // 10 next deadline (YYYY-MM-DD)
  z.enum(['vat', 'cit-prepay', 'cit-annual']).nullable(), // 11 what falls due then
  z.number().int(), // 12 licences ending within 90 days
  z.string().nullable(), // 13 last activity by the firm (ISO instant)
  z.enum(['month', 'quarter']), // 14 VAT filing cycle
  z.boolean(), // 15 no sales on file for this VAT period
  z.boolean(), // 16 a renewal request is waiting
  z.number().int().nullable(), // 17 annual report: days left in its window (null: none open)
  z.boolean(), // 18 annual report: an earlier year overdue
  ClientLifecycle, // 19 simplified deregistration: in its public notice / application window, or done
]);
export type RosterTuple = z.infer<typeof RosterTuple>;

export type RosterRow = {
  companyId: string;
  uscc: string;
  name: string;
  groups: number[];
  contact: string | null;
  delegation: ClientDelegationState;
  validUntil: string | null;
  daysLeft: number | null;
  vat: FilingState;
  cit: FilingState;
  nextDeadline: string | null;
  nextTax: 'vat' | 'cit-prepay' | 'cit-annual' | null;
  licencesExpiring: number;
  lastActivity: string | null;
  vatPeriod: 'month' | 'quarter';
  noSales: boolean;
  renewalPending: boolean;
  annualDaysLeft: number | null;
  annualOverdue: boolean;
  lifecycle: ClientLifecycle;
  /** Name, USCC and contact, normalized as searches are (see normalizeSearch). */
  haystack: string;
};

export const encodeRosterRow = (r: Omit<RosterRow, 'haystack'>): RosterTuple => [
  r.companyId,
  r.uscc,
  r.name,
  r.groups,
  r.contact,
  r.delegation,
  r.validUntil,
  r.daysLeft,
  r.vat,
  r.cit,
  r.nextDeadline,
  r.nextTax,
  r.licencesExpiring,
  r.lastActivity,
  r.vatPeriod,
  r.noSales,
  r.renewalPending,
  r.annualDaysLeft,
  r.annualOverdue,
  r.lifecycle,
];

export const decodeRosterRow = (t: RosterTuple): RosterRow => ({
  companyId: t[0],
  uscc: t[1],
  name: t[2],
  groups: t[3],
  contact: t[4],
  delegation: t[5],
  validUntil: t[6],
  daysLeft: t[7],
  vat: t[8],
  cit: t[9],
  nextDeadline: t[10],
  nextTax: t[11],
  licencesExpiring: t[12],
  lastActivity: t[13],
  vatPeriod: t[14],
  noSales: t[15],
  renewalPending: t[16],
  annualDaysLeft: t[17],
  annualOverdue: t[18],
  lifecycle: t[19],
  haystack: [t[2], t[1], t[4] ?? ''].map(normalizeSearch).join('\u0000'),
});
