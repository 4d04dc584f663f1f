import { DomainError } from '../../../shared/domain-error';
import { periodLabel, type TaxPeriod } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import { periodEnd } from '../../../shared/api/tax';

/** Refusals of the filing flow (the engine's own refusals come from shared/tax). */

export const periodNotEnded = (p: TaxPeriod): DomainError => {
  const l = periodLabel(p);
  return new DomainError(
    'PERIOD_NOT_ENDED',
    text(
      `${l.zh}尚未结束（${periodEnd(p)} 结束），期满后才能申报。`,
      `${l.en} has not ended yet (it ends on ${periodEnd(p)}); it can be filed once it is over.`,
    ),
    { field: 'period' },
  );
};

export const periodAlreadyFiled = (p: TaxPeriod, receiptNumber: string | null): DomainError => {
  const l = periodLabel(p);
  return new DomainError(
    'PERIOD_ALREADY_FILED',
    text(
      `${l.zh}已申报${receiptNumber ? `（回执号 ${receiptNumber}）` : ''}。如需修改，请办理更正申报。`,
      `${l.en} has already been filed${receiptNumber ? ` (receipt ${receiptNumber})` : ''}. To change it, file a correction.`,
    ),
    { field: 'period' },
  );
};

export const nothingToCorrect = (p: TaxPeriod): DomainError => {
  const l = periodLabel(p);
  return new DomainError(
    'NOTHING_TO_CORRECT',
    text(
      `${l.zh}还没有已受理的申报，无需更正，请直接申报。`,
      `${l.en} has no accepted return to correct; file it normally.`,
    ),
    { field: 'correction' },
  );
};

export const wrongTaxpayerType = (taxpayerType: 'small-scale' | 'general'): DomainError =>
  new DomainError(
    'WRONG_TAXPAYER_TYPE',
    taxpayerType === 'small-scale'
      ? text(
          '该企业是小规模纳税人，请使用《增值税及附加税费申报表（小规模纳税人适用）》。',
          'This company is a small-scale taxpayer; use the small-scale VAT and surcharges return.',
        )
      : text(
          '该企业是一般纳税人，请使用《增值税及附加税费申报表（一般纳税人适用）》。',
          'This company is a general taxpayer; use the general VAT and surcharges return.',
        ),
    { field: 'input.form' },
  );

export const wrongPeriodType = (expected: 'month' | 'quarter'): DomainError =>
  new DomainError(
    'WRONG_PERIOD_TYPE',
    expected === 'quarter'
      ? text('该企业按季申报，请选择季度。', 'This company files by quarter; choose a quarter.')
      : text('该企业按月申报，请选择月份。', 'This company files monthly; choose a month.'),
    { field: 'period.type' },
  );

export const computationChanged = (server: string, client: string): DomainError =>
  new DomainError(
    'COMPUTATION_CHANGED',
    text(
      `平台重新计算的应缴税费合计为 ${server} 元，与您确认的 ${client} 元不一致，请刷新后重新核对。`,
      `The platform recomputed a total of ${server} yuan, not the ${client} yuan you confirmed; refresh and review again.`,
    ),
    { field: 'confirmedTotal' },
  );

export const notZeroPeriod = (): DomainError =>
  new DomainError(
    'PERIOD_HAS_SALES',
    text(
      '本期已导入销售发票，不能零申报；请按发票填写申报表。',
      'Sales invoices are on file for this period, so it cannot be filed as a nil return; file it from the invoices.',
    ),
    { field: 'period' },
  );

export const unsupportedBeforePlatform = (p: TaxPeriod): DomainError => {
  const l = periodLabel(p);
  return new DomainError(
    'UNSUPPORTED_PERIOD',
    text(
      `${l.zh}早于企业成立日期，无需申报。`,
      `${l.en} ends before the company was established; nothing to file.`,
    ),
    { field: 'period' },
  );
};

export const draftInProgress = (): DomainError =>
  new DomainError(
    'DRAFT_IN_PROGRESS',
    text(
      '本期有尚未提交的申报草稿，为免覆盖已填写的数据，请打开草稿核对后提交。',
      'A draft return for this period is in progress; open it and submit it, so its figures are not overwritten.',
    ),
    { field: 'period' },
  );
