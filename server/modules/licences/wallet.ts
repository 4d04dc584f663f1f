import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, licenceApplicationAttachments, licenceApplications, licences } from '../../db/schema';
import { authorize } from '../../auth/authorize';
import { requireGuard } from '../../auth/authority-cache';
import type { SignedLicence } from '../../../shared/licences/document';
import { notFound } from '../../http/errors';
import { serviceByCode } from '../../../shared/services/catalogue';
import { DEFAULT_EXPIRING_DAYS } from '../../../shared/licences/catalogue';
import { text } from '../../../shared/text';
import type { ExpiringList, LicenceCard, LicenceDetail } from '../../../shared/api/licences';
import { listMyCompanies } from '../companies';
import { qrUrlOf, sealUrlOf, toCard, type LicenceRow } from './views';

/** A company's current licences (active and revoked; superseded versions live in the history). */
type WalletRow = {
  authorized: string;
  id: string | null;
  identifier: string;
  type_key: string;
  version: number | string;
  issuer_key: string;
  document: string;
  digest: string;
  valid_from: string;
  valid_until: string | null;
  issued_at: string;
  status: LicenceRow['status'];
};

/**
 * The wallet in one statement with only what a card shows (the signed document, not the whole
 * seal); `guard` re-checks a cached authority in the same statement (server/auth/authority-cache.ts).
 * Dates come back as text and instants as epoch ms, so both drivers give the same values.
 */
export const walletOf = async (
  db: DbOrTx,
  companyId: string,
  now: Date,
  guard: SQL = sql`true`,
): Promise<LicenceCard[]> => {
  const result = (await db.execute(sql`
    select g.authorized, l.id, l.identifier, l.type_key, l.version, l.issuer_key,
      (l.signed -> 'document')::text as document, l.digest, l.valid_from::text as valid_from,
      l.valid_until::text as valid_until,
      floor(extract(epoch from l.issued_at) * 1000)::bigint::text as issued_at, l.status
    from (select (${guard})::text as authorized) g
    left join licences l on g.authorized = 'true' and l.company_id = ${companyId}
      and l.status in ('active', 'revoked')
    order by l.type_code asc, l.issued_at desc`)) as unknown as { rows: WalletRow[] };
  requireGuard(result.rows[0]?.authorized);
  return result.rows.flatMap((r) =>
    r.id === null
      ? []
      : [
          toCard(
            {
              id: r.id,
              identifier: r.identifier,
              typeKey: r.type_key,
              version: Number(r.version),
              issuerKey: r.issuer_key,
              signed: { document: JSON.parse(r.document) as SignedLicence['document'] },
              digest: r.digest,
              validFrom: r.valid_from,
              validUntil: r.valid_until,
              issuedAt: new Date(Number(r.issued_at)),
              status: r.status,
            },
            companyId,
            now,
          ),
        ],
  );
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
