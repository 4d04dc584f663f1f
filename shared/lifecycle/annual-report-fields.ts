import { z } from 'zod';
import { ContributionForm, IsoDate } from '../registration/application';
import { text, type LocalizedText } from '../text';

/**
 * What an annual report holds and who may see it (lifecycle.md §3.2–3.3, DISC §9), as one table:
 * - `public`: always shown on the disclosure page;
 * - `may-withhold`: filed, published unless the company chooses to withhold it;
 * - `withheld-by-default`: filed, withheld unless the company chooses to publish it (social insurance).
 */
export type Disclosure = 'public' | 'may-withhold' | 'withheld-by-default';

/** Yuan with at most 2 decimals; may be negative (a loss) or zero. Exact decimal strings only. */
const Amount = z
  .string()
  .trim()
  .regex(
    /^-?(0|[1-9]\d{0,15})(\.\d{1,2})?$/,
    '金额应为最多两位小数的数字 / An amount with at most 2 decimals',
  );
const NonNegativeAmount = Amount.refine(
  (v) => !v.startsWith('-'),
  '金额不能为负 / The amount cannot be negative',
);
const Count = z.number().int().min(0).max(10_000_000);

export const OperatingStatus = z.enum(['operating', 'suspended', 'liquidating']);
export type OperatingStatus = z.infer<typeof OperatingStatus>;
export const operatingStatusLabels: Record<OperatingStatus, LocalizedText> = {
  operating: text('开业', 'Operating'),
  suspended: text('歇业', 'Suspended'),
  liquidating: text('清算', 'Liquidating'),
};

export const ContributionRecord = z.object({
  amount: NonNegativeAmount,
  date: IsoDate.nullable(),
  form: ContributionForm,
});
export const ShareholderContribution = z.object({
  name: z.string().trim().min(1).max(100),
  subscribed: ContributionRecord,
  paid: ContributionRecord,
});
export type ShareholderContribution = z.infer<typeof ShareholderContribution>;

export const EquityTransfer = z.object({
  shareholder: z.string().trim().min(1).max(100),
  percentBefore: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/),
  percentAfter: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/),
  date: IsoDate,
});
export const Investment = z.object({
  name: z.string().trim().min(1).max(100),
  uscc: z.string().trim().max(18).optional(),
});
export const Website = z.object({
  kind: z.enum(['website', 'online-shop']),
  name: z.string().trim().min(1).max(100),
  url: z.string().trim().url().max(300),
});

export const SocialInsurance = z.object({
  pension: Count,
  unemployment: Count,
  medical: Count,
  workInjury: Count,
  maternity: Count,
});

/** The report as filed: every item, public or not. */
export const AnnualReportContent = z.object({
  address: z.string().trim().min(1).max(200),
  postcode: z.string().regex(/^\d{6}$/, '邮政编码为 6 位数字 / A postcode has 6 digits'),
  phone: z.string().regex(/^[0-9+\- ]{7,20}$/, '请填写有效的联系电话 / Enter a valid phone number'),
  email: z.string().trim().email('请填写有效的电子邮箱 / Enter a valid email').max(200),
  operatingStatus: OperatingStatus,
  websites: z.array(Website).max(50),
  investments: z.array(Investment).max(200),
  shareholders: z.array(ShareholderContribution).max(200),
  equityTransfers: z.array(EquityTransfer).max(200),
  headcount: Count,
  totalAssets: NonNegativeAmount,
  totalLiabilities: NonNegativeAmount,
  guaranteesGiven: NonNegativeAmount,
  ownersEquity: Amount,
  totalRevenue: NonNegativeAmount,
  mainBusinessRevenue: NonNegativeAmount,
  totalProfit: Amount,
  netProfit: Amount,
  totalTaxPaid: NonNegativeAmount,
  socialInsurance: SocialInsurance,
});
export type AnnualReportContent = z.infer<typeof AnnualReportContent>;
export type ReportField = keyof AnnualReportContent;

export type FieldRule = { key: ReportField; label: LocalizedText; disclosure: Disclosure };

/** Every item of the report, in the order of the form, with its disclosure rule. */
export const reportFields: readonly FieldRule[] = [
  { key: 'address', label: text('通信地址', 'Postal address'), disclosure: 'public' },
  { key: 'postcode', label: text('邮政编码', 'Postcode'), disclosure: 'public' },
  { key: 'phone', label: text('联系电话', 'Phone'), disclosure: 'public' },
  { key: 'email', label: text('电子邮箱', 'Email'), disclosure: 'public' },
  { key: 'operatingStatus', label: text('经营状态', 'Operating status'), disclosure: 'public' },
  { key: 'websites', label: text('网站或网店', 'Websites and online shops'), disclosure: 'public' },
  { key: 'investments', label: text('对外投资', 'Investments in other entities'), disclosure: 'public' },
  {
    key: 'shareholders',
    label: text('股东及出资信息', 'Shareholders’ subscribed and paid contributions'),
    disclosure: 'public',
  },
  { key: 'equityTransfers', label: text('股权变更信息', 'Equity transfers'), disclosure: 'public' },
  { key: 'headcount', label: text('从业人数', 'Headcount'), disclosure: 'may-withhold' },
  { key: 'totalAssets', label: text('资产总额', 'Total assets'), disclosure: 'may-withhold' },
  { key: 'totalLiabilities', label: text('负债总额', 'Total liabilities'), disclosure: 'may-withhold' },
  { key: 'guaranteesGiven', label: text('对外提供保证担保', 'Guarantees given'), disclosure: 'may-withhold' },
  { key: 'ownersEquity', label: text('所有者权益合计', 'Owners’ equity'), disclosure: 'may-withhold' },
  { key: 'totalRevenue', label: text('营业总收入', 'Total revenue'), disclosure: 'may-withhold' },
  {
    key: 'mainBusinessRevenue',
    label: text('其中：主营业务收入', 'of which main-business revenue'),
    disclosure: 'may-withhold',
  },
  { key: 'totalProfit', label: text('利润总额', 'Total profit'), disclosure: 'may-withhold' },
  { key: 'netProfit', label: text('净利润', 'Net profit'), disclosure: 'may-withhold' },
  { key: 'totalTaxPaid', label: text('纳税总额', 'Total tax paid'), disclosure: 'may-withhold' },
  {
    key: 'socialInsurance',
    label: text('社保信息（各险种参保人数）', 'Social insurance (number insured per insurance)'),
    disclosure: 'withheld-by-default',
  },
];

export const fieldRule = (key: ReportField): FieldRule => reportFields.find((f) => f.key === key)!;

/** The items a company may choose to withhold or publish (the test checks it against the table). */
export const Withholdable = z.enum([
  'headcount',
  'totalAssets',
  'totalLiabilities',
  'guaranteesGiven',
  'ownersEquity',
  'totalRevenue',
  'mainBusinessRevenue',
  'totalProfit',
  'netProfit',
  'totalTaxPaid',
  'socialInsurance',
]);
export type Withholdable = z.infer<typeof Withholdable>;

/** The default choice: everything withheld by default is withheld, nothing else. */
export const defaultWithheld = (): Withholdable[] =>
  reportFields.filter((f) => f.disclosure === 'withheld-by-default').map((f) => f.key as Withholdable);

/** Whether an item is shown publicly given the company's withheld choices. Public items always are. */
export const isPublished = (key: ReportField, withheld: readonly string[]): boolean =>
  fieldRule(key).disclosure === 'public' || !withheld.includes(key);

/** Shown on the disclosure page in place of a withheld item. */
export const WITHHELD_LABEL: LocalizedText = text('企业选择不公示', 'Withheld by the company');

export type PublicItem =
  | { key: ReportField; published: true; value: AnnualReportContent[ReportField] }
  | { key: ReportField; published: false };

/** The report as the public sees it: withheld items carry no value at all, not even masked. */
export const publicItems = (content: AnnualReportContent, withheld: readonly string[]): PublicItem[] =>
  reportFields.map((f) =>
    isPublished(f.key, withheld)
      ? { key: f.key, published: true as const, value: content[f.key] }
      : { key: f.key, published: false as const },
  );
