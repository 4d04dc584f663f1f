import { z } from 'zod';
import { CompanyType, Domicile, IsoDate } from '../registration/application';
import { CHANGE_ITEM_KEYS } from '../lifecycle/change-items';

/** Schemas of the change registration (变更登记/备案) endpoints, lifecycle.md §1. */

export const ChangeItemKey = z.enum(CHANGE_ITEM_KEYS);

const Localized = z.object({ zh: z.string(), en: z.string() });
const PersonName = z.string().trim().min(1).max(50);
const ResidentId = z.string().trim().min(15).max(18);

/** The filed officers (备案): names as registered. */
export const FiledOfficers = z.object({
  directors: z.array(PersonName).min(1).max(19),
  supervisors: z.array(PersonName).max(9),
  manager: PersonName.nullable(),
});
export type FiledOfficers = z.infer<typeof FiledOfficers>;

/** Today's registered and filed facts of a company, as the change form opens on them. */
export const CompanyFacts = z.object({
  name: z.string(),
  type: CompanyType,
  divisionCode: z.string(),
  street: z.string(),
  address: z.string(),
  /** Catalogue codes; wording the catalogue no longer has is kept as `scopeWording` only. */
  businessScope: z.array(z.string()),
  scopeWording: z.array(z.string()),
  registeredCapital: z.string(),
  registrationAuthority: z.string(),
  legalRepresentative: z.object({ name: z.string(), residentIdMasked: z.string() }),
  officers: FiledOfficers,
  liaison: z.object({ name: z.string(), phoneMasked: z.string().nullable() }).nullable(),
  articlesAmendedOn: z.string().nullable(),
  establishedOn: z.string(),
  /** The shareholder register: names (registered), subscriptions and terms (filed). */
  register: z.array(
    z.object({ name: z.string(), subscribed: z.string(), paid: z.string(), dueOn: z.string().nullable() }),
  ),
  /** 营业期限: `null` end = 长期; `filed` false when the platform has no filing of it. */
  businessTerm: z.object({ endsOn: z.string().nullable(), filed: z.boolean() }),
  beneficialOwners: z.array(
    z.object({
      name: z.string(),
      residentIdMasked: z.string(),
      basis: z.enum(['ownership', 'control', 'benefit']),
      share: z.string().nullable(),
    }),
  ),
  /** SC784 §2: the subscription term must be shortened by 2027-06-30 (null when it need not). */
  capitalTermFlag: z.object({ latestDue: z.string(), limit: z.string(), shortenBy: z.string() }).nullable(),
});
export type CompanyFacts = z.infer<typeof CompanyFacts>;

export const VotingShareholder = z.object({
  name: z.string(),
  votingRights: z.string(),
  /** Percentage of all voting rights, 2 decimals. */
  share: z.string(),
});

export const ChangeForm = z.object({
  companyId: z.uuid(),
  today: z.string(),
  facts: CompanyFacts,
  shareholders: z.array(VotingShareholder),
  items: z.array(
    z.object({
      key: ChangeItemKey,
      kind: z.enum(['change', 'filing']),
      label: Localized,
      vote: z.enum(['two-thirds', 'majority']),
    }),
  ),
});
export type ChangeForm = z.infer<typeof ChangeForm>;

export const Vote = z.enum(['for', 'against', 'abstain']);

export const ReductionBody = z.strictObject({
  coverLosses: z.boolean(),
  distributes: z.boolean().default(false),
  releasesContributions: z.boolean().default(false),
});

const Amount = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, '金额应为最多两位小数的数字 / An amount with at most 2 decimals');
const Phone = z.string().regex(/^1\d{10}$/, '应为 11 位手机号码 / An 11-digit mobile number');

/** One equity transfer: to a shareholder by name, or to an outsider who is identified (RULES §16). */
export const EquityTransferBody = z.strictObject({
  from: PersonName,
  to: z.strictObject({ name: PersonName, residentId: ResidentId.optional(), phone: Phone.optional() }),
  amount: Amount,
});

export const BeneficialOwnerBody = z.strictObject({
  name: PersonName,
  residentId: ResidentId,
  basis: z.enum(['ownership', 'control', 'benefit']),
  share: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/)
    .nullable()
    .default(null),
});

/** What the filer changes: only the items present are part of the application. */
export const ChangeProposal = z.strictObject({
  resolutionDate: IsoDate,
  votes: z.array(z.strictObject({ shareholder: z.string().min(1).max(100), vote: Vote })).max(50),
  name: z.string().trim().min(1).max(100).optional(),
  type: CompanyType.optional(),
  domicile: Domicile.optional(),
  businessScope: z.array(z.string().min(1).max(20)).min(1).max(200).optional(),
  // Plain amounts: a reduction to zero is the domain's refusal (CAPITAL_BELOW_MINIMUM), not a format error.
  registeredCapital: z
    .string()
    .regex(/^\d{1,16}(\.\d{1,2})?$/, '金额应为最多两位小数的数字 / An amount with at most 2 decimals')
    .optional(),
  reduction: ReductionBody.optional(),
  legalRepresentative: z
    .strictObject({ name: PersonName, residentId: ResidentId, capacity: z.enum(['director', 'manager']) })
    .optional(),
  articles: z.strictObject({ summary: z.string().trim().min(2).max(2000) }).optional(),
  officers: FiledOfficers.optional(),
  liaison: z
    .strictObject({
      name: PersonName,
      residentId: ResidentId,
      phone: z.string().regex(/^1\d{10}$/, '应为 11 位手机号码 / An 11-digit mobile number'),
    })
    .optional(),
  /** Equity transfers between shareholders or to outsiders (CL §84, §88). */
  transfers: z.array(EquityTransferBody).min(1).max(20).optional(),
  /** A new last day to pay every open subscription (出资期限, CL §47, SC784 §2). */
  capitalDueOn: IsoDate.optional(),
  /** 营业期限: an end date, or null for 长期. */
  businessTerm: z.strictObject({ endsOn: IsoDate.nullable() }).optional(),
  beneficialOwners: z.array(BeneficialOwnerBody).min(1).max(20).optional(),
  /** Ordinary reduction (CL §224): the day the known creditors were notified (within 10 days). */
  creditorsNotifiedOn: IsoDate.optional(),
});
export type ChangeProposal = z.infer<typeof ChangeProposal>;

export const ChangeStatus = z.enum([
  'pre-emption-notice',
  'claim-window',
  'awaiting-confirmations',
  'submitted',
  'needs-supplement',
  'approved',
  'rejected',
]);
export type ChangeStatus = z.infer<typeof ChangeStatus>;

export const DiffLine = z.object({
  item: ChangeItemKey,
  label: Localized,
  kind: z.enum(['change', 'filing']),
  before: z.string(),
  after: z.string(),
});
export type DiffLine = z.infer<typeof DiffLine>;

export const ChangeConfirmationView = z.object({
  id: z.uuid(),
  role: z.enum(['legal-representative', 'new-legal-representative', 'new-shareholder']),
  name: z.string(),
  status: z.enum(['pending', 'confirmed']),
  confirmedAt: z.string().nullable(),
  /** The signed-in person is the one to confirm. */
  mine: z.boolean(),
});

export const ChangeView = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  uscc: z.string(),
  status: ChangeStatus,
  items: z.array(ChangeItemKey),
  diff: z.array(DiffLine),
  resolutionDate: z.string(),
  deadline: z.string(),
  late: z.boolean(),
  lateNote: Localized.nullable(),
  threshold: z.enum(['two-thirds', 'majority']),
  inFavour: z.string(),
  route: z.enum(['automatic', 'reviewer']),
  reviewReasons: z.array(ChangeItemKey),
  confirmations: z.array(ChangeConfirmationView),
  reduction: z
    .object({
      coverLosses: z.boolean(),
      announcedOn: z.string(),
      claimWindowEndsOn: z.string().nullable(),
      /** CL §224: creditors notified within 10 days, announced within 30 days of the resolution. */
      notifyCreditorsBy: z.string(),
      announceBy: z.string(),
    })
    .nullable(),
  /** CL §84 ¶2: the other shareholders' answers to a transfer to an outsider. */
  preemption: z
    .object({
      windowEndsOn: z.string(),
      notices: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          answer: z.enum(['waived', 'claimed', 'deemed-waived']).nullable(),
          mine: z.boolean(),
        }),
      ),
    })
    .nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  licence: z.object({ id: z.uuid(), identifier: z.string(), version: z.number().int() }).nullable(),
});
export type ChangeView = z.infer<typeof ChangeView>;

export const ChangeList = z.object({ items: z.array(ChangeView) });

/** A company's applications, with the SC784 §2 flag shown on the company page until a change shortens the term. */
export const CompanyChangeList = ChangeList.extend({ capitalTermFlag: CompanyFacts.shape.capitalTermFlag });

export const ChangeParams = z.strictObject({ companyId: z.uuid(), changeId: z.uuid() });
export const ChangeReviewParams = z.strictObject({ changeId: z.uuid() });
export const ChangeConfirmationParams = z.strictObject({ confirmationId: z.uuid() });

export const ChangeDecision = z.strictObject({
  decision: z.enum(['approve', 'reject', 'supplement']),
  note: z.string().trim().max(1000).optional(),
});

export const MyChangeConfirmations = z.object({
  items: z.array(ChangeView.extend({ confirmationId: z.uuid() })),
});

export const DelegationReviewView = z.object({
  id: z.uuid(),
  delegationId: z.uuid(),
  grantee: z.string(),
  scopes: z.array(z.string()),
  validUntil: z.string().nullable(),
  dueOn: z.string(),
  decision: z.enum(['kept', 'revoked', 'ended']).nullable(),
});
export const DelegationReviewList = z.object({ items: z.array(DelegationReviewView) });
export const DelegationReviewParams = z.strictObject({ companyId: z.uuid(), reviewId: z.uuid() });
export const DelegationReviewBody = z.strictObject({ keep: z.boolean() });

/** The disclosure page's change history and open capital-reduction notices. */
export const DisclosedChange = z.object({
  approvedOn: z.string(),
  items: z.array(z.object({ item: ChangeItemKey, label: Localized, before: z.string(), after: z.string() })),
});
export const ReductionNotice = z.object({
  announcedOn: z.string(),
  from: z.string(),
  to: z.string(),
  coverLosses: z.boolean(),
  claimWindowEndsOn: z.string().nullable(),
});

export const EquityNoticeParams = z.strictObject({ noticeId: z.uuid() });
export const EquityNoticeAnswer = z.strictObject({ answer: z.enum(['waive', 'claim']) });
export const MyEquityNotices = z.object({
  items: z.array(ChangeView.extend({ noticeId: z.uuid() })),
});
