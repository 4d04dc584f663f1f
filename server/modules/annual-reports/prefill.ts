import Decimal from 'decimal.js';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  companyRoles,
  licences,
  persons,
  registrationApplications,
  registrationRecords,
  taxReturns,
} from '../../db/schema';
import { readDraft } from '../registration';
import {
  defaultWithheld,
  reportFields,
  type AnnualReportContent,
  type ReportField,
  type ShareholderContribution,
} from '../../../shared/lifecycle/annual-report-fields';
import type { AnnualReportPrefill, PrefillSource } from '../../../shared/api/annual-reports';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { checkFirstFiling } from '../../../shared/lifecycle/annual-report';
import { filedYearsOf, getCompany, reportsOf, versionView, type CompanyRow } from './store';

type Known = Partial<AnnualReportContent>;

/** Shareholders with subscribed contributions from the approved registration application. */
const shareholdersFromRegistration = async (
  ctx: AppContext,
  db: DbOrTx,
  companyId: string,
): Promise<ShareholderContribution[] | undefined> => {
  const [app] = await db
    .select()
    .from(registrationApplications)
    .where(
      and(eq(registrationApplications.companyId, companyId), eq(registrationApplications.status, 'approved')),
    )
    .limit(1);
  if (!app) return undefined;
  const shareholders = readDraft(ctx, app).shareholders ?? [];
  return shareholders.flatMap((s) =>
    s.name && s.contribution?.amount && s.contribution.form
      ? [
          {
            name: s.name,
            subscribed: {
              amount: s.contribution.amount,
              date: s.contribution.dueDate ?? null,
              form: s.contribution.form,
            },
            // Paid-in contributions happen off the platform: the filer states them.
            paid: { amount: '0', date: null, form: s.contribution.form },
          },
        ]
      : [],
  );
};

/** Companies registered before the platform: shareholders known by role; a sole one holds all capital. */
const shareholdersFromRoles = async (db: DbOrTx, company: CompanyRow): Promise<ShareholderContribution[]> => {
  const rows = await db
    .select({ name: persons.name })
    .from(companyRoles)
    .innerJoin(persons, eq(persons.id, companyRoles.personId))
    .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.role, 'shareholder')));
  return rows.map((r) => ({
    name: r.name,
    subscribed: {
      amount: rows.length === 1 ? company.registeredCapital : '0',
      date: null,
      form: 'cash' as const,
    },
    paid: { amount: '0', date: null, form: 'cash' as const },
  }));
};

/** Tax the company declared for periods in the report year (the current version of each return). */
const taxPaidIn = async (
  db: DbOrTx,
  companyId: string,
  year: number,
): Promise<{ total: string; count: number }> => {
  const rows = await db
    .select({ period: taxReturns.period, payable: taxReturns.totalPayable })
    .from(taxReturns)
    .where(
      and(
        eq(taxReturns.companyId, companyId),
        inArray(taxReturns.status, ['submitted', 'accepted']),
        isNull(taxReturns.supersededAt),
      ),
    );
  const inYear = rows.filter((r) => r.period.year === year);
  const total = inYear.reduce((sum, r) => sum.plus(r.payable ?? '0'), new Decimal(0));
  return { total: total.toFixed(2), count: inYear.length };
};

/**
 * The report as far as the platform knows it: registration facts, shareholders and contributions,
 * tax returns filed, the social-insurance registration, licences held, and — for contact items a
 * registration does not record — last year's report. The form asks only for the rest.
 */
export const prefillReport = async (
  ctx: AppContext,
  db: DbOrTx,
  company: CompanyRow,
  reportYear: number,
  late: boolean,
): Promise<AnnualReportPrefill> => {
  const content: Known = {};
  const sources: Partial<Record<ReportField, PrefillSource>> = {};
  const set = <K extends ReportField>(key: K, value: AnnualReportContent[K], source: PrefillSource): void => {
    content[key] = value;
    sources[key] = source;
  };

  const reports = await reportsOf(db, company.id);
  const previous = reports.filter((r) => r.reportYear < reportYear && !r.supersededAt).at(-1);
  if (previous) {
    const p = versionView(previous).content;
    set('postcode', p.postcode, 'previous-report');
    set('phone', p.phone, 'previous-report');
    set('email', p.email, 'previous-report');
    set('websites', p.websites, 'previous-report');
    set('investments', p.investments, 'previous-report');
  }
  set('address', company.address, 'registration');
  set('operatingStatus', company.status === 'suspended' ? 'suspended' : 'operating', 'registration');
  const fromApp = await shareholdersFromRegistration(ctx, db, company.id);
  if (fromApp && fromApp.length > 0) set('shareholders', fromApp, 'registration-application');
  else {
    const fromRoles = await shareholdersFromRoles(db, company);
    if (fromRoles.length > 0) set('shareholders', fromRoles, 'company-roles');
  }
  // Equity transfers need a change registration, which the platform does not run yet: none known.
  set('equityTransfers', [], 'registration');
  const tax = await taxPaidIn(db, company.id, reportYear);
  if (tax.count > 0) set('totalTaxPaid', tax.total, 'tax-returns');

  const [si] = await db
    .select({ reference: registrationRecords.reference })
    .from(registrationRecords)
    .where(
      and(eq(registrationRecords.companyId, company.id), eq(registrationRecords.kind, 'social-insurance')),
    )
    .limit(1);
  const held = await db
    .select({
      identifier: licences.identifier,
      typeKey: licences.typeKey,
      validUntil: licences.validUntil,
    })
    .from(licences)
    .where(and(eq(licences.companyId, company.id), eq(licences.status, 'active')))
    .orderBy(desc(licences.issuedAt));

  return {
    reportYear,
    late,
    content,
    sources,
    ask: reportFields.map((f) => f.key).filter((k) => !(k in content)),
    withheld: previous
      ? (versionView(previous).withheld as AnnualReportPrefill['withheld'])
      : defaultWithheld(),
    known: {
      socialInsuranceRegistration: si?.reference ?? null,
      licences: held.map((l) => ({
        identifier: l.identifier,
        name: licenceTypeByKey(l.typeKey)?.name ?? { zh: l.typeKey, en: l.typeKey },
        validUntil: l.validUntil,
      })),
      taxReturnsCounted: tax.count,
    },
  };
};

/**
 * The prefill of a company's first report on `reportYear`, after the same checks a filing makes
 * (founded this year, year not ended, already filed — offer a correction —, an earlier year
 * missing): what a firm's batch review shows per client.
 */
export const prefillForFiling = async (
  ctx: AppContext,
  db: DbOrTx,
  companyId: string,
  reportYear: number,
  today: string,
): Promise<AnnualReportPrefill> => {
  const company = await getCompany(db, companyId);
  const { late } = checkFirstFiling({
    establishedOn: company.establishedOn,
    today,
    reportYear,
    filedYears: filedYearsOf(await reportsOf(db, company.id)),
  });
  return prefillReport(ctx, db, company, reportYear, late);
};
