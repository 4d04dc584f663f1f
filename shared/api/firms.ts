import { z } from 'zod';
import { Validity } from '../delegation/validity';
import { RosterTuple } from '../firms/roster';
import { RosterFilters } from '../firms/roster-filter';
import { ImportRowOutcome } from '../firms/client-import';

/**
 * Contracts of the firm workspace (issue 7): firms, staff and access groups, the client roster,
 * the delegation ledger, client import/export and batches (see ../firms/batch-contract).
 */
export * from '../firms/batch-contract';

const Text = z.object({ zh: z.string(), en: z.string() });
const Instant = z.iso.datetime({ offset: true });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FirmRole = z.enum(['admin', 'staff']);
export type FirmRole = z.infer<typeof FirmRole>;

export const FirmParams = z.strictObject({ firmId: z.uuid() });
export type FirmParams = z.infer<typeof FirmParams>;
export const FirmGroupParams = z.strictObject({ firmId: z.uuid(), groupId: z.uuid() });
export type FirmGroupParams = z.infer<typeof FirmGroupParams>;
export const FirmPersonParams = z.strictObject({ firmId: z.uuid(), personId: z.uuid() });
export type FirmPersonParams = z.infer<typeof FirmPersonParams>;
export const FirmClientParams = z.strictObject({ firmId: z.uuid(), companyId: z.uuid() });
export type FirmClientParams = z.infer<typeof FirmClientParams>;
export const FirmDelegationParams = z.strictObject({ firmId: z.uuid(), delegationId: z.uuid() });
export type FirmDelegationParams = z.infer<typeof FirmDelegationParams>;
export const FirmViewParams = z.strictObject({ firmId: z.uuid(), viewId: z.uuid() });
export type FirmViewParams = z.infer<typeof FirmViewParams>;
export const InviteParams = z.strictObject({ inviteId: z.uuid() });
export type InviteParams = z.infer<typeof InviteParams>;

export const FirmSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  role: FirmRole,
  /** Clients this person sees: all for an admin, their groups' for staff. */
  visibleClients: z.number().int(),
});
export type FirmSummary = z.infer<typeof FirmSummary>;

export const InviteForMe = z.object({
  id: z.uuid(),
  firmName: z.string(),
  role: FirmRole,
  invitedBy: z.string(),
  createdAt: Instant,
});
export type InviteForMe = z.infer<typeof InviteForMe>;

export const MyFirms = z.object({ firms: z.array(FirmSummary), invites: z.array(InviteForMe) });
export type MyFirms = z.infer<typeof MyFirms>;

export const FirmMember = z.object({
  personId: z.uuid(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  role: FirmRole,
  groupIds: z.array(z.uuid()),
});
export type FirmMember = z.infer<typeof FirmMember>;

export const FirmInviteView = z.object({
  id: z.uuid(),
  phoneMasked: z.string(),
  role: FirmRole,
  status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
  createdAt: Instant,
});
export type FirmInviteView = z.infer<typeof FirmInviteView>;

export const AccessGroupView = z.object({
  id: z.uuid(),
  name: z.string(),
  staffIds: z.array(z.uuid()),
  clientCount: z.number().int(),
});
export type AccessGroupView = z.infer<typeof AccessGroupView>;

export const TeamView = z.object({
  firm: FirmSummary,
  members: z.array(FirmMember),
  invites: z.array(FirmInviteView),
  groups: z.array(AccessGroupView),
});
export type TeamView = z.infer<typeof TeamView>;

export const InviteBody = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: 'PHONE_INVALID' }),
  role: FirmRole,
  groupIds: z.array(z.uuid()).max(50).default([]),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const InviteResult = z.object({
  outcome: z.enum(['added', 'invited']),
  message: Text,
});
export type InviteResult = z.infer<typeof InviteResult>;

export const GroupBody = z.strictObject({ name: z.string().trim().min(1).max(40) });
export type GroupBody = z.infer<typeof GroupBody>;

/** Replaces a group's staff with this list (each must be a member of the firm). */
export const GroupStaffBody = z.strictObject({ staffIds: z.array(z.uuid()).max(500) });
export type GroupStaffBody = z.infer<typeof GroupStaffBody>;

/** Adds clients to and removes clients from a group (each must be a client of the firm). */
export const GroupClientsBody = z.strictObject({
  add: z.array(z.uuid()).max(20_000).default([]),
  remove: z.array(z.uuid()).max(20_000).default([]),
});
export type GroupClientsBody = z.infer<typeof GroupClientsBody>;

export const Roster = z.object({
  today: IsoDate,
  /** The VAT period keys "this period" means, per filing cycle, and the CIT quarter. */
  periods: z.object({ month: z.string(), quarter: z.string(), cit: z.string() }),
  groups: z.array(z.object({ id: z.uuid(), name: z.string() })),
  rows: z.array(RosterTuple),
});
export type Roster = z.infer<typeof Roster>;

export const SavedView = z.object({ id: z.uuid(), name: z.string(), filters: RosterFilters });
export type SavedView = z.infer<typeof SavedView>;
export const SavedViews = z.object({ views: z.array(SavedView) });
export type SavedViews = z.infer<typeof SavedViews>;
export const SaveViewBody = z.strictObject({
  name: z.string().trim().min(1).max(40),
  filters: RosterFilters,
});
export type SaveViewBody = z.infer<typeof SaveViewBody>;

export const LedgerRow = z.object({
  delegationId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  uscc: z.string(),
  grantorName: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'expired', 'cancelled', 'revoked']),
  /** Approved but past its end: shown as expired even before the sweep marks it. */
  lapsed: z.boolean(),
  scopes: z.array(z.string()),
  validFrom: Instant.nullable(),
  validUntil: Instant.nullable(),
  daysLeft: z.number().int().nullable(),
  linkExpiresAt: Instant.nullable(),
  /** A waiting request: hours until its approval link stops working. */
  linkHoursLeft: z.number().int().nullable(),
  autoResends: z.number().int(),
  renewalPending: z.boolean(),
  requestedBy: z.string(),
  createdAt: Instant,
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const Ledger = z.object({ today: IsoDate, rows: z.array(LedgerRow) });
export type Ledger = z.infer<typeof Ledger>;

/** Adding a client company (it must be registered on the platform) and optionally its group. */
export const AddClientBody = z.strictObject({
  uscc: z.string().trim().min(1).max(40),
  contact: z.string().trim().max(100).optional(),
  groupId: z.uuid().optional(),
});
export type AddClientBody = z.infer<typeof AddClientBody>;

export const ClientAdded = z.object({ companyId: z.uuid(), name: z.string(), alreadyClient: z.boolean() });
export type ClientAdded = z.infer<typeof ClientAdded>;

/** The firm asks the client's legal representative for an authorization (face-verified approval). */
export const FirmDelegationRequestBody = z.strictObject({
  scopes: z.array(z.string().max(64)).min(1).max(20),
  validity: Validity,
  note: z.string().trim().max(500).optional(),
});
export type FirmDelegationRequestBody = z.infer<typeof FirmDelegationRequestBody>;

export const FirmRequestResult = z.object({
  delegationId: z.uuid(),
  linkPath: z.string(),
  linkExpiresAt: Instant,
});
export type FirmRequestResult = z.infer<typeof FirmRequestResult>;

export const ImportBody = z.strictObject({
  fileName: z.string().min(1).max(200),
  /** The .xlsx file, base64. */
  contentBase64: z.string().min(1).max(14_000_000),
  /** Check and report only; nothing is stored. */
  dryRun: z.boolean(),
});
export type ImportBody = z.infer<typeof ImportBody>;

export const ImportReportRow = z.object({
  row: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  outcome: ImportRowOutcome,
  code: z.string().nullable(),
  message: Text.nullable(),
  field: z.string().nullable(),
});
export type ImportReportRow = z.infer<typeof ImportReportRow>;

export const ImportReport = z.object({
  dryRun: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  errors: z.number().int(),
  rows: z.array(ImportReportRow),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const Done = z.object({ ok: z.literal(true) });
export type Done = z.infer<typeof Done>;
export * from '../firms/invoice-batch';
export * from '../firms/annual-report-batch';
