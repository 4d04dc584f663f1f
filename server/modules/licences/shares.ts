import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { licenceShareAccess, licenceShares, licences } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import { licenceState } from '../../../shared/licences/expiry';
import { text } from '../../../shared/text';
import type { ShareCreate, SharedLicenceView, ShareView } from '../../../shared/api/licences';
import { verifyWithRegistry } from './verification';
import { qrUrlOf, typeNameOf, type LicenceRow } from './views';
import { chinaMinute } from '../../../shared/time/china';

type ShareRow = typeof licenceShares.$inferSelect;

const HOUR = 3_600_000;
const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
const shareUrl = (origin: string, token: string): string => `${origin.replace(/\/+$/, '')}/shared/${token}`;

const stateOf = (s: ShareRow, now: Date): ShareView['state'] =>
  s.revokedAt ? 'revoked' : s.expiresAt <= now ? 'expired' : 'active';

/** The licence a share names must be the company's current, unexpired version. */
export const assertShareable = (row: LicenceRow, now: Date): void => {
  if (row.status !== 'active')
    throw new DomainError(
      'LICENCE_NOT_ACTIVE',
      text(
        '只能授权使用现行有效的证照版本。',
        'Only the current, unrevoked version of a licence can be shared.',
      ),
    );
  if (licenceState(row.signed.document, now).state === 'expired')
    throw new DomainError(
      'LICENCE_EXPIRED',
      text('证照已过期，不能授权他人使用。', 'The licence has expired and cannot be shared.'),
    );
};

export const createShare = async (
  tx: DbOrTx,
  ctx: AppContext,
  authority: Authority,
  row: LicenceRow,
  body: ShareCreate,
  origin: string,
): Promise<ShareView> => {
  const now = ctx.now();
  assertShareable(row, now);
  const token = randomBytes(24).toString('base64url');
  const [share] = await tx
    .insert(licenceShares)
    .values({
      licenceId: row.id,
      companyId: row.companyId,
      createdByPersonId: authority.personId,
      recipient: body.recipient,
      purpose: body.purpose,
      tokenHash: hashToken(token),
      tokenEnc: ctx.cipher.encrypt(token),
      expiresAt: new Date(now.getTime() + body.validHours * HOUR),
      createdAt: now,
    })
    .returning();
  await auditActingFor(
    tx,
    authority,
    'licence.share',
    {
      shareId: share!.id,
      identifier: row.identifier,
      recipient: body.recipient,
      purpose: body.purpose,
      validHours: body.validHours,
    },
    now,
  );
  return { ...toView(ctx, share!, origin, now), access: [] };
};

const toView = (
  ctx: AppContext,
  s: ShareRow,
  origin: string,
  now: Date,
): Omit<ShareView, 'access'> & { access: [] } => ({
  id: s.id,
  licenceId: s.licenceId,
  recipient: s.recipient,
  purpose: s.purpose,
  createdAt: s.createdAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  revokedAt: s.revokedAt?.toISOString() ?? null,
  state: stateOf(s, now),
  url: shareUrl(origin, ctx.cipher.decrypt(s.tokenEnc)),
  access: [],
});

/** A licence's shares (every version of the company's), newest first, each with its access log. */
export const listShares = async (
  db: DbOrTx,
  ctx: AppContext,
  licenceId: string,
  origin: string,
): Promise<ShareView[]> => {
  const rows = await db
    .select()
    .from(licenceShares)
    .where(eq(licenceShares.licenceId, licenceId))
    .orderBy(desc(licenceShares.createdAt));
  if (rows.length === 0) return [];
  const log = await db
    .select()
    .from(licenceShareAccess)
    .where(
      inArray(
        licenceShareAccess.shareId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(licenceShareAccess.at));
  const now = ctx.now();
  return rows.map((r) => ({
    ...toView(ctx, r, origin, now),
    access: log
      .filter((a) => a.shareId === r.id)
      .map((a) => ({ at: a.at.toISOString(), outcome: a.outcome, client: a.client })),
  }));
};

export const revokeShare = async (
  tx: DbOrTx,
  ctx: AppContext,
  authority: Authority,
  shareId: string,
): Promise<void> => {
  const [s] = await tx
    .select()
    .from(licenceShares)
    .where(and(eq(licenceShares.id, shareId), eq(licenceShares.companyId, authority.companyId)))
    .for('update');
  if (!s) throw notFound(text('用证授权', 'Licence share'));
  if (s.revokedAt)
    throw new DomainError('SHARE_ALREADY_REVOKED', text('该授权已撤销。', 'This share was already revoked.'));
  const now = ctx.now();
  await tx.update(licenceShares).set({ revokedAt: now }).where(eq(licenceShares.id, s.id));
  await auditActingFor(tx, authority, 'licence.share.revoke', { shareId: s.id, recipient: s.recipient }, now);
};

/**
 * A third party opens a share link: logged whatever the outcome; refused once the link has
 * expired or been revoked, and the licence shown with a fresh registry verification otherwise.
 */
export const openShare = async (
  ctx: AppContext,
  token: string,
  client: string | undefined,
  origin: string,
): Promise<SharedLicenceView> => {
  const now = ctx.now();
  const [found] = await ctx.db
    .select({ s: licenceShares, l: licences })
    .from(licenceShares)
    .innerJoin(licences, eq(licences.id, licenceShares.licenceId))
    .where(eq(licenceShares.tokenHash, hashToken(token)));
  if (!found)
    throw new DomainError(
      'SHARE_NOT_FOUND',
      text(
        '授权链接无效，请向证照持有人索取新的链接。',
        'This share link is not valid; ask the holder for a new one.',
      ),
    );
  const state = stateOf(found.s, now);
  const outcome = state === 'active' ? 'shown' : state;
  await ctx.db
    .insert(licenceShareAccess)
    .values({ shareId: found.s.id, at: now, outcome, client: client?.slice(0, 200) ?? null });
  if (state === 'revoked')
    throw new DomainError(
      'SHARE_REVOKED',
      text('证照持有人已撤销该用证授权。', 'The holder has revoked this licence share.'),
    );
  if (state === 'expired') {
    const at = chinaMinute(found.s.expiresAt);
    throw new DomainError(
      'SHARE_EXPIRED',
      text(`该用证授权已于 ${at}（北京时间）到期。`, `This licence share expired at ${at} (China time).`),
    );
  }
  const l = found.l;
  return {
    signed: l.signed,
    typeName: typeNameOf(l.typeKey),
    holderName: l.signed.document.holder.name,
    recipient: found.s.recipient,
    purpose: found.s.purpose,
    expiresAt: found.s.expiresAt.toISOString(),
    qrUrl: qrUrlOf(l, origin),
    verification: await verifyWithRegistry(ctx.db, l.signed, now),
  };
};
