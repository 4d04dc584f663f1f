import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { taxReturns } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import {
  filingDeadline,
  inputFromInvoices,
  parsePeriodKey,
  periodEnded,
  type Prefill,
  type PrefillQuery,
  type ReturnInput,
} from '../../../shared/api/tax';
import { chinaToday } from '../../../shared/time/china';
import { summarizeInvoices } from '../../../shared/tax/invoice-summary';
import type { TaxPeriod } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import { checkFormFits, periodVersions } from './checks';
import { factsFor, loadTaxCompany } from './company';
import { nothingToCorrect, periodAlreadyFiled } from './errors';
import { periodLines } from './invoices';
import { toSummary } from './views';

export const periodFromKey = (key: string): TaxPeriod => {
  const p = parsePeriodKey(key);
  if (!p)
    throw new DomainError(
      'INVALID_PERIOD',
      text('所属期应写作 2026-Q3 或 2026-10', 'The period must look like 2026-Q3 or 2026-10'),
      { field: 'periodKey' },
    );
  return p;
};

/** A CIT form starts from the previous quarter's return of the same year: its averages carry on. */
const citStart = async (db: DbOrTx, companyId: string, period: TaxPeriod): Promise<ReturnInput> => {
  const quarter = period.type === 'quarter' ? period.quarter : 1;
  const [previous] = await db
    .select({ input: taxReturns.input, period: taxReturns.period })
    .from(taxReturns)
    .where(
      and(
        eq(taxReturns.companyId, companyId),
        eq(taxReturns.tax, 'cit-prepay'),
        eq(taxReturns.status, 'accepted'),
        isNull(taxReturns.supersededAt),
      ),
    )
    .orderBy(desc(taxReturns.acceptedAt));
  const carried =
    previous && previous.input.form === 'cit-prepay' && previous.period.year === period.year
      ? previous.input
      : null;
  const pairs = (from: [string, string][] | undefined): [string, string][] =>
    Array.from({ length: quarter }, (_, i) => from?.[i] ?? ['', '']);
  return {
    form: 'cit-prepay',
    cumulativeProfit: '',
    prepaidBeforePlatform: carried?.prepaidBeforePlatform ?? '',
    headcountByQuarter: pairs(carried?.headcountByQuarter),
    assetsByQuarter: pairs(carried?.assetsByQuarter),
    restrictedIndustry: carried?.restrictedIndustry ?? false,
  };
};

const emptyInput = (form: ReturnInput['form']): ReturnInput =>
  form === 'vat-small-scale'
    ? { form, sales: {} }
    : form === 'vat-general'
      ? { form, salesByRate: {}, inclusiveSalesByRate: {}, sixTaxesHalf: false }
      : {
          form,
          cumulativeProfit: '',
          headcountByQuarter: [],
          assetsByQuarter: [],
          restrictedIndustry: false,
        };

/**
 * Where a return starts: the saved draft, else the version being corrected, else the invoices on
 * file, else blank. Refuses PERIOD_ALREADY_FILED (offer a correction) and NOTHING_TO_CORRECT.
 */
export const prefillReturn = async (
  db: DbOrTx,
  companyId: string,
  query: PrefillQuery,
  now: Date,
): Promise<Prefill> => {
  const company = await loadTaxCompany(db, companyId);
  const period = periodFromKey(query.periodKey);
  checkFormFits(company, query.form, period);
  const correction = query.correction === 'true';
  const versions = await periodVersions(db, company.id, query.form, query.periodKey);
  if (versions.current && !correction) throw periodAlreadyFiled(period, versions.current.receiptNumber);
  if (!versions.current && correction) throw nothingToCorrect(period);

  const lines = query.form === 'cit-prepay' ? [] : await periodLines(db, company.id, period);
  const invoices = lines.length > 0 ? summarizeInvoices(lines, period) : null;
  const fromFile = invoices ? inputFromInvoices(query.form, invoices) : null;
  let input: ReturnInput;
  let inputSource: Prefill['inputSource'];
  if (versions.draft && versions.draft.input.form === query.form) {
    [input, inputSource] = [versions.draft.input, 'draft'];
  } else if (versions.current) {
    [input, inputSource] = [versions.current.input, 'previous-version'];
  } else if (fromFile) {
    [input, inputSource] = [fromFile, 'invoices'];
  } else if (query.form === 'cit-prepay') {
    [input, inputSource] = [await citStart(db, company.id, period), 'empty'];
  } else {
    [input, inputSource] = [emptyInput(query.form), 'empty'];
  }
  const today = chinaToday(now);
  const due = filingDeadline(period).date;
  return {
    form: query.form,
    period,
    periodKey: query.periodKey,
    dueDate: due,
    periodEnded: periodEnded(period, today),
    late: today > due,
    facts: await factsFor(db, company, period),
    input,
    inputSource,
    draftReturnId: versions.draft?.id ?? null,
    corrects: versions.current ? toSummary(versions.current) : null,
    invoices,
    company: { name: company.name, uscc: company.uscc, taxpayerType: company.taxpayerType },
  };
};
