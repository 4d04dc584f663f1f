import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, licenceApplicationAttachments, licenceApplications, licences } from '../../db/schema';
import { authorize } from '../../auth/authorize';
import { notFound } from '../../http/errors';
import { serviceByCode } from '../../../shared/services/catalogue';
import { DEFAULT_EXPIRING_DAYS } from '../../../shared/licences/catalogue';
import { text } from '../../../shared/text';
import type { ExpiringList, LicenceCard, LicenceDetail } from '../../../shared/api/licences';
import { listMyCompanies } from '../companies';
import { qrUrlOf, sealUrlOf, toCard, type LicenceRow } from './views';

/** A company's current licences (active and revoked; superseded versions live in the history). */
export const walletOf = async (db: DbOrTx, companyId: string, now: Date): Promise<LicenceCard[]> => {
  const rows = await db
    .select()
    .from(licences)
    .where(and(eq(licences.companyId, companyId), inArray(licences.status, ['active', 'revoked'])))
    .orderBy(asc(licences.typeCode), desc(licences.issuedAt));
  return rows.map((r) => toCard(r, companyId, now));
};

/** One version of the company's licence, or 404 (also for another company's licence). */
export const licenceOfCompany = async (
  db: DbOrTx,
  companyId: string,
  licenceId: string,
): Promise<LicenceRow> => {
  const [row] = await db
    .select()
    .from(licences)
    .where(and(eq(licences.id, licenceId), eq(licences.companyId, companyId)));
  if (!row) throw notFound(text('证照', 'Licence'));
  return row;
};

export const licenceDetail = async (
  db: DbOrTx,
  row: LicenceRow,
  origin: string,
  now: Date,
): Promise<LicenceDetail> => {
  const versions = await db
    .select()
    .from(licences)
    .where(
      and(
        eq(licences.serial, row.serial),
        eq(licences.typeCode, row.typeCode),
        eq(licences.issuerKey, row.issuerKey),
      ),
    )
    .orderBy(desc(licences.version));
  const usages = await db
    .select({ t: licenceApplicationAttachments, a: licenceApplications })
    .from(licenceApplicationAttachments)
    .innerJoin(licenceApplications, eq(licenceApplications.id, licenceApplicationAttachments.applicationId))
    .where(
      inArray(
        licenceApplicationAttachments.licenceId,
        versions.map((v) => v.id),
      ),
    )
    .orderBy(desc(licenceApplications.submittedAt));
  return {
    ...toCard(row, row.companyId, now),
    signed: row.signed,
    qrUrl: qrUrlOf(row, origin),
    sealUrl: sealUrlOf(row, origin),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    versions: versions.map((v) => ({
      id: v.id,
      identifier: v.identifier,
      version: v.version,
      status: v.status,
      issuedAt: v.issuedAt.toISOString(),
      digest: v.digest,
    })),
    usages: usages.map(({ t, a }) => ({
      applicationId: a.id,
      serviceCode: a.serviceCode,
      serviceName: serviceByCode(a.serviceCode)?.name ?? { zh: a.serviceCode, en: a.serviceCode },
      status: a.status,
      submittedAt: a.submittedAt.toISOString(),
      version: t.version,
      digest: t.digest,
    })),
  };
};

/**
 * Expiry radar across every company the person may view: active licences expiring within
 * `withinDays` or already expired, soonest first.
 */
export const expiringFor = async (
  ctx: AppContext,
  personId: string,
  withinDays = DEFAULT_EXPIRING_DAYS,
): Promise<ExpiringList> => {
  const now = ctx.now();
  const mine = await listMyCompanies(ctx.db, personId, now);
  const allowed: string[] = [];
  for (const c of mine) {
    const d = await authorize(ctx.db, { personId, companyId: c.id, scope: 'company.view', now });
    if (d.allowed) allowed.push(c.id);
  }
  if (allowed.length === 0) return { licences: [], withinDays };
  const rows = await ctx.db
    .select({ l: licences, companyName: companies.name })
    .from(licences)
    .innerJoin(companies, eq(companies.id, licences.companyId))
    .where(and(inArray(licences.companyId, allowed), eq(licences.status, 'active')));
  const cards = rows
    .map(({ l, companyName }) => ({ ...toCard(l, l.companyId, now), companyName }))
    .filter((c) => c.state.daysLeft !== null && c.state.daysLeft <= withinDays)
    .sort((a, b) => (a.state.daysLeft ?? 0) - (b.state.daysLeft ?? 0));
  return { licences: cards, withinDays };
};
