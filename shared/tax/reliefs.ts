import { z } from 'zod';
import { type LocalizedText, text } from '../text';

/** One line explaining a relief or a rule that shaped the result, for the person filing. */
export const Relief = z.object({
  code: z.string(),
  text: z.object({ zh: z.string(), en: z.string() }),
});
export type Relief = z.infer<typeof Relief>;

const relief = (code: string, t: LocalizedText): Relief => ({ code, text: t });

const span = (periodType: 'month' | 'quarter') =>
  periodType === 'month'
    ? { zh: '月销售额', en: 'monthly sales', limit: '10万元', limitEn: '100,000 yuan' }
    : { zh: '季度销售额', en: 'quarterly sales', limit: '30万元', limitEn: '300,000 yuan' };

export const reliefs = {
  smallScaleExempt: (p: 'month' | 'quarter'): Relief => {
    const s = span(p);
    return relief(
      'SMALL_SCALE_EXEMPT',
      text(
        `${s.zh}未超过${s.limit}（含本数），免征增值税`,
        `VAT exemption: ${s.en} do not exceed ${s.limitEn} (inclusive)`,
      ),
    );
  },
  belowThreshold: (p: 'month' | 'quarter'): Relief => {
    const s = span(p);
    return relief(
      'BELOW_THRESHOLD',
      text(
        `${s.zh}未达到起征点${s.limit}，免征增值税（增值税法第二十三条）`,
        `${s.en} are below the ${s.limitEn} threshold, so no VAT is due (VAT Law art. 23)`,
      ),
    );
  },
  thresholdReached: (p: 'month' | 'quarter'): Relief => {
    const s = span(p);
    return relief(
      'THRESHOLD_REACHED',
      text(
        `${s.zh}已达到起征点${s.limit}，全额计算缴纳增值税`,
        `${s.en} reach the ${s.limitEn} threshold, so VAT is due on the whole amount`,
      ),
    );
  },
  reducedRate: (): Relief =>
    relief(
      'REDUCED_RATE_1PCT',
      text(
        '适用3%征收率的应税销售收入，减按1%征收率征收增值税',
        'Sales at the 3% levy rate are taxed at a reduced 1%',
      ),
    ),
  specialInvoiceTaxed: (): Relief =>
    relief(
      'SPECIAL_INVOICE_TAXED',
      text(
        '开具增值税专用发票的销售额放弃免税，按专票上的征收率缴纳增值税，其余销售额仍免税',
        'Sales invoiced on special VAT invoices waive the exemption and are taxed at the invoiced rate; the rest stays exempt',
      ),
    ),
  realEstate: (): Relief =>
    relief(
      'REAL_ESTATE_5PCT',
      text(
        '销售不动产的销售额不参与免税判断，按5%征收率缴纳增值税',
        'Real-estate sales are left out of the exemption test and taxed at the 5% levy rate',
      ),
    ),
  differenceTaxation: (): Relief =>
    relief(
      'DIFFERENCE_TAXATION',
      text(
        '差额征税：以扣除后的销售额判断是否免税并计税',
        'Net-of-deduction (差额) sales are tested and taxed',
      ),
    ),
  creditCarriedForward: (): Relief =>
    relief(
      'CREDIT_CARRIED_FORWARD',
      text(
        '进项税额大于销项税额，期末留抵税额结转下期抵扣',
        'Input tax exceeds output tax; the excess credit carries forward',
      ),
    ),
  eduSurchargeExempt: (p: 'month' | 'quarter'): Relief => {
    const s = span(p);
    return relief(
      'EDU_SURCHARGES_EXEMPT',
      text(
        `${s.zh}不超过${s.limit}（含本数），免征教育费附加、地方教育附加`,
        `${s.en} do not exceed ${s.limitEn} (inclusive): no education surcharge or local education surcharge`,
      ),
    );
  },
  sixTaxesHalf: (): Relief =>
    relief(
      'SIX_TAXES_TWO_FEES_HALF',
      text(
        '六税两费减半征收：城市维护建设税、教育费附加、地方教育附加减征50%',
        'Six taxes and two fees relief: city construction tax and both education surcharges are halved',
      ),
    ),
  smallLowProfit: (): Relief =>
    relief(
      'SMALL_LOW_PROFIT',
      text(
        '符合小型微利企业条件：应纳税所得额减按25%计入，按20%税率缴纳企业所得税（实际税负5%）',
        'Small low-profit enterprise: 25% of taxable income is taxed at 20% (an effective 5%)',
      ),
    ),
  notSmallLowProfit: (reasons: LocalizedText[]): Relief =>
    relief(
      'NOT_SMALL_LOW_PROFIT',
      text(
        `不符合小型微利企业条件（${reasons.map((r) => r.zh).join('；')}），全部所得按25%税率计税`,
        `Not a small low-profit enterprise (${reasons.map((r) => r.en).join('; ')}); all income is taxed at 25%`,
      ),
    ),
  lossYear: (): Relief =>
    relief(
      'LOSS_YEAR',
      text('本期亏损，无应纳企业所得税', 'A loss for the period: no corporate income tax is due'),
    ),
  prepaidCovers: (): Relief =>
    relief(
      'PREPAID_COVERS',
      text(
        '本年已预缴税额不低于累计应纳税额，本期无需预缴，多缴部分可在以后期间抵减',
        'Tax already prepaid this year covers the cumulative tax; nothing is due and any excess offsets later periods',
      ),
    ),
};
