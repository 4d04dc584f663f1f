import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, taxReturns } from '../../db/schema';
import { notFound } from '../../http/errors';
import { formatMoney, TaxDecimal } from '../../../shared/tax/money';
import type { TaxPeriod } from '../../../shared/tax/period';
import type { ReturnFacts } from '../../../shared/api/tax';
import { text } from '../../../shared/text';

export type TaxCompany = {
  id: string;
  name: string;
  uscc: string;
  taxpayerType: 'small-scale' | 'general';
  vatPeriod: 'month' | 'quarter';
  location: 'urban' | 'county_town' | 'other';
  establishedOn: string;
  legalRepPersonId: string;
};

export const loadTaxCompany = async (db: DbOrTx, companyId: string): Promise<TaxCompany> => {
  const [c] = await db.select().from(companies).where(eq(companies.id, companyId));
  if (!c) throw notFound(text('企业', 'Company'));
  return {
    id: c.id,
    name: c.name,
    uscc: c.uscc,
    taxpayerType: c.taxpayerType,
    vatPeriod: c.vatPeriod,
    location: c.taxLocation,
    establishedOn: c.establishedOn,
    legalRepPersonId: c.legalRepPersonId,
  };
};

/**
 * CIT already prepaid this year on the platform: the latest accepted version of each earlier
 * quarter's prepayment return. Prepayments made before the company used the platform are
 * declared by the filer (prepaidBeforePlatform).
 */
export const prepaidOnPlatform = async (
  db: DbOrTx,
  companyId: string,
  period: TaxPeriod,
): Promise<string> => {
  if (period.type !== 'quarter') return '0.00';
  const rows = await db
    .select({ total: taxReturns.totalPayable, period: taxReturns.period })
    .from(taxReturns)
    .where(
      and(
        eq(taxReturns.companyId, companyId),
        eq(taxReturns.tax, 'cit-prepay'),
        eq(taxReturns.status, 'accepted'),
        isNull(taxReturns.supersededAt),
        sql`(${taxReturns.period}->>'year')::int = ${period.year}`,
        sql`(${taxReturns.period}->>'quarter')::int < ${period.quarter}`,
      ),
    );
  return formatMoney(rows.reduce((a, r) => a.plus(r.total ?? '0'), new TaxDecimal(0)));
};

export const factsFor = async (db: DbOrTx, company: TaxCompany, period: TaxPeriod): Promise<ReturnFacts> => ({
  location: company.location,
  prepaidOnPlatform: await prepaidOnPlatform(db, company.id, period),
});

/** Receipt, voucher and certificate numbers from one sequence: date + province 44 + serial. */
export const nextDocumentNumber = async (db: DbOrTx, prefix: string, today: string): Promise<string> => {
  const result = (await db.execute(sql`select nextval('tax_document_seq')::text as n`)) as unknown as {
    rows: { n: string }[];
  };
  const n = result.rows[0]?.n;
  if (!n) throw new Error('tax document sequence gave nothing');
  return `${prefix}${today.replaceAll('-', '')}44${n.padStart(8, '0')}`;
};
