import { periodLabel, type TaxPeriod } from '../tax/period';
import { text, type LocalizedText } from '../text';

/** A reason a client cannot be included in a batch, for the preview and the per-client report. */
export type Ineligibility = { code: string; reason: LocalizedText };

export type ZeroCandidate = {
  status: 'active' | 'suspended' | 'deregistered';
  vatPeriod: 'month' | 'quarter';
  establishedOn: string;
};

export type ZeroFacts = {
  tax: 'vat' | 'cit-prepay';
  period: TaxPeriod;
  /** China calendar date. */
  today: string;
  periodStart: string;
  periodEnd: string;
  /** A return beyond a draft for this tax and period, if any. */
  filed: 'accepted' | 'submitted' | undefined;
  /** Net sales invoiced in the period (decimal string), when not zero. */
  sales: string | undefined;
};

const no = (code: string, zh: string, en: string): Ineligibility => ({ code, reason: text(zh, en) });

/**
 * Whether a nil return (零申报) may be filed for this client and period, judged on the facts the
 * platform has; authority (authorization, access group) is judged separately. The order gives the
 * most useful reason first: a company with sales should hear about the sales, not about a draft.
 */
export const zeroFilingProblem = (c: ZeroCandidate, f: ZeroFacts): Ineligibility | null => {
  const label = periodLabel(f.period);
  if (f.period.year < 2023 || f.period.year > 2027)
    return no(
      'UNSUPPORTED_PERIOD',
      `暂不支持 ${label.zh} 的申报。`,
      `Returns for ${label.en} are not supported.`,
    );
  if (f.periodEnd >= f.today)
    return no(
      'PERIOD_NOT_ENDED',
      `${label.zh}尚未结束，期满后才能申报。`,
      `${label.en} has not ended yet; file once it is over.`,
    );
  if (c.status !== 'active')
    return no(
      'COMPANY_NOT_ACTIVE',
      '企业登记状态不是存续，不能申报。',
      'The company is not in active status and cannot file.',
    );
  if (c.establishedOn > f.periodEnd)
    return no(
      'NOT_ESTABLISHED',
      `企业成立于 ${c.establishedOn}，该期间无需申报。`,
      `Established on ${c.establishedOn}: nothing to file for this period.`,
    );
  if (f.tax === 'vat' && f.period.type !== c.vatPeriod)
    return c.vatPeriod === 'month'
      ? no(
          'WRONG_PERIOD_TYPE',
          '该企业按月申报增值税，请选择月度期间。',
          'This company files VAT monthly; choose a month.',
        )
      : no(
          'WRONG_PERIOD_TYPE',
          '该企业按季申报增值税，请选择季度期间。',
          'This company files VAT quarterly; choose a quarter.',
        );
  if (f.tax === 'cit-prepay' && f.period.type !== 'quarter')
    return no(
      'WRONG_PERIOD_TYPE',
      '企业所得税按季预缴，请选择季度期间。',
      'Corporate income tax is prepaid quarterly; choose a quarter.',
    );
  if (f.filed)
    return no(
      'ALREADY_FILED',
      f.filed === 'accepted' ? `${label.zh}已申报，无需重复申报。` : `${label.zh}的申报已提交，正在受理。`,
      f.filed === 'accepted'
        ? `${label.en} is already filed; nothing to do.`
        : `A return for ${label.en} is already submitted.`,
    );
  if (f.tax === 'vat' && f.sales !== undefined)
    return no(
      'HAS_SALES',
      `${label.zh}有开票销售额 ${f.sales} 元，不能零申报，请逐户正常申报。`,
      `There are invoiced sales of ${f.sales} yuan in ${label.en}: file a normal return, not a nil one.`,
    );
  return null;
};
