import Decimal from 'decimal.js';
import { z } from 'zod';
import { isIsoDate } from '../identifiers/calendar-date';
import { type LocalizedText, text } from '../text';
import { isGuangdongDistrict } from './divisions';

/**
 * The one-stop start-up application (企业开办一网通办): one form, filled once, in wizard steps.
 * Schemas check shape and formats; the legal rules (sums, dates, roles, identifiers, catalogue)
 * are in capital-rules.ts `checkApplication`, which reports them with codes and field paths.
 * Each step has a draft schema too: drafts are saved while incomplete.
 */

export const CompanyType = z.enum(['llc', 'sole-llc']);
export type CompanyType = z.infer<typeof CompanyType>;

export const ContributionForm = z.enum(['cash', 'in-kind', 'ip', 'land-use-right', 'equity', 'debt']);
export type ContributionForm = z.infer<typeof ContributionForm>;

export const contributionFormLabels: Record<ContributionForm, LocalizedText> = {
  cash: text('货币', 'Cash'),
  'in-kind': text('实物', 'In kind'),
  ip: text('知识产权', 'Intellectual property'),
  'land-use-right': text('土地使用权', 'Land use right'),
  equity: text('股权', 'Equity'),
  debt: text('债权', 'Creditor’s rights'),
};

/** Yuan as a decimal string: positive, at most 2 decimals, fits numeric(18,2). */
const AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
export const MoneyAmount = z
  .string()
  .regex(AMOUNT, '金额应为最多两位小数的数字 / An amount with at most 2 decimals')
  // zod runs every check: only a well-formed amount reaches Decimal.
  .refine((v) => !AMOUNT.test(v) || new Decimal(v).gt(0), '金额应大于 0 / The amount must be greater than 0');
export type MoneyAmount = z.infer<typeof MoneyAmount>;

export const IsoDate = z.string().refine(isIsoDate, '日期应为 YYYY-MM-DD / A date as YYYY-MM-DD');

const Ref = z.string().min(1).max(40);
const PersonName = z.string().trim().min(1).max(50);
const Identifier = z.string().trim().min(1).max(40);

// ---- Step 1: type and name ----
export const CompanyBasicsStep = z.object({
  companyType: CompanyType,
  name: z.string().trim().min(1).max(100),
});
export type CompanyBasicsStep = z.infer<typeof CompanyBasicsStep>;

// ---- Step 2: domicile ----
export const Domicile = z.object({
  divisionCode: z
    .string()
    .refine(isGuangdongDistrict, '应为广东省的区县代码 / A Guangdong county-level code'),
  street: z.string().trim().min(2).max(120),
});
export type Domicile = z.infer<typeof Domicile>;
export const DomicileStep = z.object({ domicile: Domicile });
export type DomicileStep = z.infer<typeof DomicileStep>;

// ---- Step 3: capital and shareholders ----
export const Contribution = z.object({ amount: MoneyAmount, form: ContributionForm, dueDate: IsoDate });
export type Contribution = z.infer<typeof Contribution>;

export const PersonShareholder = z.object({
  kind: z.literal('person'),
  name: PersonName,
  residentId: Identifier,
  contribution: Contribution,
});
export const CompanyShareholder = z.object({
  kind: z.literal('company'),
  name: z.string().trim().min(1).max(100),
  uscc: Identifier,
  contribution: Contribution,
});
export const Shareholder = z.discriminatedUnion('kind', [PersonShareholder, CompanyShareholder]);
export type Shareholder = z.infer<typeof Shareholder>;

export const CapitalStep = z.object({
  registeredCapital: MoneyAmount,
  // The 1–50 rule is checkApplication's (with its own code); this bound only stops abuse.
  shareholders: z.array(Shareholder).max(200),
});
export type CapitalStep = z.infer<typeof CapitalStep>;

// ---- Step 4: officers ----
export const OfficerPerson = z.object({
  ref: Ref,
  name: PersonName,
  residentId: Identifier,
  phone: z.string().regex(/^1\d{10}$/, '应为 11 位手机号码 / An 11-digit mobile number'),
});
export type OfficerPerson = z.infer<typeof OfficerPerson>;

/** 公司法 art. 75: a small company may have one director instead of a board (3+ members, art. 68). */
export const Governance = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single-director'), director: Ref }),
  z.object({ kind: z.literal('board'), directors: z.array(Ref).max(19), chair: Ref }),
]);
export type Governance = z.infer<typeof Governance>;

/** art. 83: one supervisor, or none with all shareholders' consent. */
export const Supervision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('supervisor'), supervisor: Ref }),
  z.object({ kind: z.literal('omitted'), allShareholdersConsent: z.boolean() }),
]);
export type Supervision = z.infer<typeof Supervision>;

export const Officers = z.object({
  /** Everyone named, entered once; roles below point at `ref`. */
  people: z.array(OfficerPerson).min(1).max(60),
  legalRepresentative: z.object({ ref: Ref, capacity: z.enum(['director', 'manager']) }),
  governance: Governance,
  manager: Ref.optional(),
  supervision: Supervision,
  financeOfficer: Ref,
  liaison: Ref,
});
export type Officers = z.infer<typeof Officers>;
export const OfficersStep = z.object({ officers: Officers });
export type OfficersStep = z.infer<typeof OfficersStep>;

// ---- Step 5: business scope ----
export const ScopeStep = z.object({ businessScope: z.array(z.string().min(1).max(20)).min(1).max(200) });
export type ScopeStep = z.infer<typeof ScopeStep>;

// ---- Step 6: bundled services, all chosen unless the applicant opts out ----
export const EsealKind = z.enum(['company', 'invoice', 'contract', 'finance', 'legal-representative']);
export type EsealKind = z.infer<typeof EsealKind>;
export const esealLabels: Record<EsealKind, LocalizedText> = {
  company: text('公章', 'Company seal'),
  invoice: text('发票专用章', 'Invoice seal'),
  contract: text('合同专用章', 'Contract seal'),
  finance: text('财务专用章', 'Finance seal'),
  'legal-representative': text('法定代表人名章', 'Legal representative’s seal'),
};

export const BankAccountService = z.object({
  enabled: z.boolean().default(true),
  bankCode: z.string().optional(),
  branchCode: z.string().optional(),
});
export const TaxRegistrationService = z.object({
  enabled: z.boolean().default(true),
  /** 数电票: fully digital e-invoices, no tax-control device (since 2024-12-01). */
  digitalInvoices: z.boolean().default(true),
});
export const Services = z.object({
  /** The set of 5 electronic seals (`EsealKind`). */
  seals: z.boolean().default(true),
  taxRegistration: TaxRegistrationService.default({ enabled: true, digitalInvoices: true }),
  socialInsurance: z.boolean().default(true),
  housingFund: z.boolean().default(true),
  bankAccount: BankAccountService.default({ enabled: true }),
});
export type Services = z.infer<typeof Services>;
export const ServicesStep = z.object({ services: Services.default(() => Services.parse({})) });
export type ServicesStep = z.infer<typeof ServicesStep>;

export const Application = z.object({
  ...CompanyBasicsStep.shape,
  ...DomicileStep.shape,
  ...CapitalStep.shape,
  ...OfficersStep.shape,
  ...ScopeStep.shape,
  ...ServicesStep.shape,
});
export type Application = z.infer<typeof Application>;
export type ApplicationInput = z.input<typeof Application>;

export const applicationSteps = ['basics', 'domicile', 'capital', 'officers', 'scope', 'services'] as const;
export type ApplicationStepId = (typeof applicationSteps)[number];
export const stepSchemas = {
  basics: CompanyBasicsStep,
  domicile: DomicileStep,
  capital: CapitalStep,
  officers: OfficersStep,
  scope: ScopeStep,
  services: ServicesStep,
} as const;

// ---- Drafts: same shape, every field optional, text fields unchecked (the user is typing) ----
const draftText = z.string().max(200).optional();

export const CompanyBasicsDraft = z.object({ companyType: CompanyType.optional(), name: draftText });
export type CompanyBasicsDraft = z.infer<typeof CompanyBasicsDraft>;

export const DomicileDraft = z.object({
  domicile: z.object({ divisionCode: draftText, street: draftText }).optional(),
});
export type DomicileDraft = z.infer<typeof DomicileDraft>;

const ContributionDraft = z.object({
  amount: draftText,
  form: ContributionForm.optional(),
  dueDate: draftText,
});
const ShareholderDraft = z.object({
  kind: z.enum(['person', 'company']).optional(),
  name: draftText,
  residentId: draftText,
  uscc: draftText,
  contribution: ContributionDraft.optional(),
});
export const CapitalDraft = z.object({
  registeredCapital: draftText,
  shareholders: z.array(ShareholderDraft).max(200).optional(),
});
export type CapitalDraft = z.infer<typeof CapitalDraft>;

export const OfficersDraft = z.object({
  officers: z
    .object({
      people: z
        .array(z.object({ ref: draftText, name: draftText, residentId: draftText, phone: draftText }))
        .max(60)
        .optional(),
      legalRepresentative: z
        .object({ ref: draftText, capacity: z.enum(['director', 'manager']).optional() })
        .optional(),
      governance: z
        .object({
          kind: z.enum(['single-director', 'board']).optional(),
          director: draftText,
          directors: z.array(z.string().max(40)).max(19).optional(),
          chair: draftText,
        })
        .optional(),
      manager: draftText,
      supervision: z
        .object({
          kind: z.enum(['supervisor', 'omitted']).optional(),
          supervisor: draftText,
          allShareholdersConsent: z.boolean().optional(),
        })
        .optional(),
      financeOfficer: draftText,
      liaison: draftText,
    })
    .optional(),
});
export type OfficersDraft = z.infer<typeof OfficersDraft>;

export const ScopeDraft = z.object({ businessScope: z.array(z.string().max(20)).max(200).optional() });
export type ScopeDraft = z.infer<typeof ScopeDraft>;

export const ServicesDraft = z.object({
  services: z
    .object({
      seals: z.boolean().optional(),
      taxRegistration: z.object({ enabled: z.boolean(), digitalInvoices: z.boolean() }).partial().optional(),
      socialInsurance: z.boolean().optional(),
      housingFund: z.boolean().optional(),
      bankAccount: z
        .object({ enabled: z.boolean(), bankCode: draftText, branchCode: draftText })
        .partial()
        .optional(),
    })
    .optional(),
});
export type ServicesDraft = z.infer<typeof ServicesDraft>;

export const ApplicationDraft = z.object({
  ...CompanyBasicsDraft.shape,
  ...DomicileDraft.shape,
  ...CapitalDraft.shape,
  ...OfficersDraft.shape,
  ...ScopeDraft.shape,
  ...ServicesDraft.shape,
});
export type ApplicationDraft = z.infer<typeof ApplicationDraft>;

export const draftSchemas = {
  basics: CompanyBasicsDraft,
  domicile: DomicileDraft,
  capital: CapitalDraft,
  officers: OfficersDraft,
  scope: ScopeDraft,
  services: ServicesDraft,
} as const;
