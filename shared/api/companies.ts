import { z } from 'zod';

export const CompanyRoleKey = z.enum([
  'legal-representative',
  'agent',
  'shareholder',
  'finance-officer',
  'liaison',
  'firm-staff',
  'delegate',
]);
export type CompanyRoleKey = z.infer<typeof CompanyRoleKey>;

export const CompanyListItem = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended', 'deregistered']),
  roles: z.array(CompanyRoleKey),
  /** Whether the person may act (beyond viewing) for the company now, and until when. */
  canAct: z.boolean(),
  actingUntil: z.iso.datetime({ offset: true }).nullable(),
});
export type CompanyListItem = z.infer<typeof CompanyListItem>;

export const CompanyList = z.object({ companies: z.array(CompanyListItem) });
export type CompanyList = z.infer<typeof CompanyList>;

export const CompanyDetail = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  type: z.enum(['llc', 'sole-llc']),
  status: z.enum(['active', 'suspended', 'deregistered']),
  legalRepresentative: z.object({ name: z.string(), residentIdMasked: z.string() }),
  registeredCapital: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  businessScope: z.array(z.string()),
  establishedOn: z.string(),
  registrationAuthority: z.string(),
  taxpayerType: z.enum(['small-scale', 'general']),
  vatPeriod: z.enum(['month', 'quarter']),
  myRoles: z.array(CompanyRoleKey),
  actingAs: z.enum(['legal-representative', 'delegate', 'firm-staff', 'connected']),
  grantedScopes: z.array(z.string()),
  actingUntil: z.iso.datetime({ offset: true }).nullable(),
});
export type CompanyDetail = z.infer<typeof CompanyDetail>;

export const CompanyParams = z.strictObject({ companyId: z.uuid() });
export type CompanyParams = z.infer<typeof CompanyParams>;
