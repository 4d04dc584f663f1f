import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { delegations } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { linkLookupHash } from './link-token';
import { expireDue } from './sweep';
import type { DelegationRow } from './views';
import { formatChinaClock } from '../../../shared/time/china';

const linkInvalid = (): DomainError =>
  new DomainError(
    'LINK_INVALID',
    text(
      '授权链接无效，或已被新链接取代。请向经办人索取最新链接。',
      'This approval link is not valid or has been replaced by a newer one; ask the agent for the latest link.',
    ),
  );

const linkExpired = (): DomainError =>
  new DomainError(
    'LINK_EXPIRED',
    text(
      '授权链接已过期。如仍需授权，请让经办人重新发送。',
      'This approval link has expired; ask the agent to send it again if authorization is still needed.',
    ),
  );

/**
 * The request behind a presented link token. Unknown or malformed tokens are LINK_INVALID; a link
 * past its expiry is LINK_EXPIRED (and the request is marked expired, audited, on the way).
 */
export const resolveLink = async (ctx: AppContext, db: DbOrTx, token: string): Promise<DelegationRow> => {
  const hash = linkLookupHash(token);
  if (!hash) throw linkInvalid();
  const [row] = await db.select().from(delegations).where(eq(delegations.linkTokenHash, hash));
  if (!row) throw linkInvalid();
  if (row.status === 'pending' && row.linkExpiresAt && row.linkExpiresAt <= ctx.now()) {
    await expireDue(ctx, eq(delegations.id, row.id));
    throw linkExpired();
  }
  if (row.status === 'expired' && row.decidedAt === null) throw linkExpired();
  return row;
};

/** Refuses anything but a waiting, unlocked request, each with its own code. */
export const requireAnswerable = (
  ctx: AppContext,
  row: DelegationRow,
  options: { ignoreLock?: boolean } = {},
): void => {
  if (row.status === 'cancelled')
    throw new DomainError(
      'REQUEST_CANCELLED',
      text('经办人已取消这项授权申请。', 'The agent has cancelled this request.'),
    );
  if (row.status !== 'pending')
    throw new DomainError(
      'LINK_USED',
      text(
        '这项授权申请已经处理过了，链接不能再次使用。',
        'This request has already been answered; the link cannot be used again.',
      ),
    );
  if (!options.ignoreLock && row.lockedUntil && row.lockedUntil > ctx.now()) throw locked(row.lockedUntil);
};

export const locked = (until: Date): DomainError =>
  new DomainError(
    'REQUEST_LOCKED',
    text(
      `人脸核验失败次数过多，该申请已锁定至 ${formatChinaClock(until)}（北京时间），请稍后再试。`,
      `Too many failed face checks; this request is locked until ${formatChinaClock(until)} (Beijing time).`,
    ),
  );
