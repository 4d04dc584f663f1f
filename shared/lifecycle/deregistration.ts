import { addDays } from '../calendar/iso-date';
import { text, type LocalizedText } from '../text';

/**
 * Simplified deregistration (简易注销), lifecycle.md §4: who may use it, the notice and the
 * application windows, and what tax clearance needs. Pure rules; the server gathers the facts.
 */

/** The facts the eligibility check looks at (RULES §48 as far as the platform can see them). */
export type DeregistrationFacts = {
  onAbnormalList: boolean;
  onSeriousList: boolean;
  /** Companies on the platform in which this company is a shareholder (held investments). */
  heldInvestments: readonly string[];
  unfiledTaxPeriods: readonly string[];
  /** Unpaid tax (including late fees and fines), decimal string; '0.00' when none. */
  unpaidTax: string;
  /** Invoices issued in periods whose return is not filed yet. */
  invoicesOnFile: number;
  openApplications: readonly string[];
  /** What a reviewer recorded: frozen or pledged equity, investigation, litigation, unexecuted fines… */
  reviewerFlags: readonly string[];
  deregistered: boolean;
};

export type IneligibleCode =
  | 'ALREADY_DEREGISTERED'
  | 'ON_ABNORMAL_LIST'
  | 'ON_SERIOUS_LIST'
  | 'HOLDS_INVESTMENTS'
  | 'UNFILED_TAX_PERIODS'
  | 'UNPAID_TAX'
  | 'INVOICES_ON_FILE'
  | 'OPEN_APPLICATIONS'
  | 'REVIEWER_FLAG';

export type IneligibleReason = { code: IneligibleCode; text: LocalizedText };

/** Every reason the company may not use simplified deregistration now; empty when it may. */
export const deregistrationBlockers = (f: DeregistrationFacts): IneligibleReason[] => {
  const out: IneligibleReason[] = [];
  const add = (code: IneligibleCode, zh: string, en: string) => out.push({ code, text: text(zh, en) });
  if (f.deregistered) add('ALREADY_DEREGISTERED', '企业已注销。', 'The company is already deregistered.');
  if (f.onAbnormalList)
    add(
      'ON_ABNORMAL_LIST',
      '企业被列入经营异常名录（先补报年报并申请移出）。',
      'The company is on the abnormal operations list (file the missing reports and apply for removal first).',
    );
  if (f.onSeriousList)
    add('ON_SERIOUS_LIST', '企业被列入严重违法失信名单。', 'The company is on the serious-violation list.');
  if (f.heldInvestments.length)
    add(
      'HOLDS_INVESTMENTS',
      `企业持有其他企业的股权：${f.heldInvestments.join('、')}。`,
      `The company holds equity in other entities: ${f.heldInvestments.join(', ')}.`,
    );
  if (f.unfiledTaxPeriods.length)
    add(
      'UNFILED_TAX_PERIODS',
      `有未申报的税款所属期：${f.unfiledTaxPeriods.join('、')}。`,
      `Tax periods not filed: ${f.unfiledTaxPeriods.join(', ')}.`,
    );
  if (f.unpaidTax !== '0.00' && f.unpaidTax !== '0')
    add(
      'UNPAID_TAX',
      `有未缴税款（含滞纳金、罚款）¥${f.unpaidTax}。`,
      `Unpaid tax (including late fees and fines): ¥${f.unpaidTax}.`,
    );
  if (f.invoicesOnFile > 0)
    add(
      'INVOICES_ON_FILE',
      `有 ${f.invoicesOnFile} 张发票所属期尚未申报（先申报并完成发票缴销）。`,
      `${f.invoicesOnFile} invoice(s) fall in periods not yet filed (file them and clear the invoices first).`,
    );
  if (f.openApplications.length)
    add(
      'OPEN_APPLICATIONS',
      `有办理中的业务：${f.openApplications.join('、')}。`,
      `Applications still open: ${f.openApplications.join(', ')}.`,
    );
  for (const flag of f.reviewerFlags)
    add('REVIEWER_FLAG', `登记机关记录：${flag}。`, `Recorded by the registration authority: ${flag}.`);
  return out;
};

/** The notice lasts 20 days (REG §33); the application is due within 20 days after it (RULES §49). */
export const NOTICE_DAYS = 20;
export const APPLY_WINDOW_DAYS = 20;

export type DeregistrationWindows = { noticeFrom: string; noticeUntil: string; applyUntil: string };

/** Windows from the first notice day: notice days noticeFrom…noticeUntil inclusive, then the application window. */
export const windowsFrom = (noticeFrom: string): DeregistrationWindows => {
  const noticeUntil = addDays(noticeFrom, NOTICE_DAYS - 1);
  return { noticeFrom, noticeUntil, applyUntil: addDays(noticeUntil, APPLY_WINDOW_DAYS) };
};

export type WindowPhase = 'notice' | 'apply-window' | 'lapsed';
export const phaseOn = (w: DeregistrationWindows, today: string): WindowPhase =>
  today <= w.noticeUntil ? 'notice' : today <= w.applyUntil ? 'apply-window' : 'lapsed';

/** Tax clearance (45号, 64号): immediate without any tax matter or with nothing open; otherwise the open matters. */
export type TaxClearance = { immediate: boolean; open: IneligibleReason[] };
export const taxClearance = (
  f: Pick<DeregistrationFacts, 'unfiledTaxPeriods' | 'unpaidTax' | 'invoicesOnFile'> & {
    everHadTaxMatter: boolean;
    everHadInvoices: boolean;
  },
): TaxClearance => {
  const open = deregistrationBlockers({
    onAbnormalList: false,
    onSeriousList: false,
    heldInvestments: [],
    openApplications: [],
    reviewerFlags: [],
    deregistered: false,
    ...f,
  });
  // An unfiled period or unpaid tax is itself a tax matter: immediate only with nothing open.
  return { immediate: open.length === 0 && (!f.everHadTaxMatter || !f.everHadInvoices), open };
};

/** The commitment every investor confirms by face (CL §240). */
export const COMMITMENT_TEXT: LocalizedText = text(
  '本企业申请简易注销登记，全体投资人承诺：企业不存在未结清的债务，或债务已清偿完毕；不存在未结清的清算费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款）。如违背承诺，全体投资人对企业注销前的债务承担连带责任（《公司法》第二百四十条）。',
  'The company applies for simplified deregistration. All investors commit that it has no outstanding debts or has paid them all, and no unpaid liquidation costs, wages, social insurance, statutory compensation or taxes (including late fees and fines). If this commitment is false, all investors are jointly liable for the debts from before deregistration (Company Law art. 240).',
);
