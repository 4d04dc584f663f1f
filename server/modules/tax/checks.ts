import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { taxReturns } from '../../db/schema';
import { periodEnd, periodEnded, taxOfForm, type ReturnForm } from '../../../shared/api/tax';
import type { TaxPeriod } from '../../../shared/tax/period';
import type { TaxCompany } from './company';
import { periodNotEnded, unsupportedBeforePlatform, wrongPeriodType, wrongTaxpayerType } from './errors';
import type { ReturnRow } from './views';

/** The form fits the company: taxpayer type for VAT, its VAT period type, quarters for CIT. */
export const checkFormFits = (company: TaxCompany, form: ReturnForm, period: TaxPeriod): void => {
  if (form === 'vat-small-scale' && company.taxpayerType !== 'small-scale')
    throw wrongTaxpayerType(company.taxpayerType);
  if (form === 'vat-general' && company.taxpayerType !== 'general')
    throw wrongTaxpayerType(company.taxpayerType);
  const expected = form === 'cit-prepay' ? 'quarter' : company.vatPeriod;
  if (period.type !== expected) throw wrongPeriodType(expected);
  if (periodEnd(period) < company.establishedOn) throw unsupportedBeforePlatform(period);
};

/** Only a period that is over may be filed. */
export const checkPeriodEnded = (period: TaxPeriod, today: string): void => {
  if (!periodEnded(period, today)) throw periodNotEnded(period);
};

export type PeriodVersions = {
  all: ReturnRow[];
  /** The accepted version in force (not superseded by a correction). */
  current: ReturnRow | undefined;
  draft: ReturnRow | undefined;
  nextVersion: number;
};

/** Every version of one period's return, oldest first. */
export const periodVersions = async (
  db: DbOrTx,
  companyId: string,
  form: ReturnForm,
  periodKey: string,
): Promise<PeriodVersions> => {
  const all = await db
    .select()
    .from(taxReturns)
    .where(
      and(
        eq(taxReturns.companyId, companyId),
        eq(taxReturns.tax, taxOfForm(form)),
        eq(taxReturns.periodKey, periodKey),
      ),
    )
    .orderBy(asc(taxReturns.version));
  const current = all.filter((r) => r.status === 'accepted' && r.supersededAt === null).at(-1);
  const draft = all.find((r) => r.status === 'draft');
  const filed = all.filter((r) => r.status !== 'draft');
  return { all, current, draft, nextVersion: (filed.at(-1)?.version ?? 0) + 1 };
};
