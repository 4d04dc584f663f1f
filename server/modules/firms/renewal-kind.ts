import { and, desc, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { delegations, firms } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { validityFromColumns } from '../../../shared/delegation/validity';
import { text } from '../../../shared/text';
import { BATCH_KIND_PARAMS } from '../../../shared/firms/batch-contract';
import { defineBatchKind, findClaim, recordClaim } from '../batches';
import { announce } from '../delegation';
import { requireFirmMember, visibleClientIds } from './access';
import { firmDelegationPort } from './firm-requests';

const DAY_MS = 86_400_000;

/** The firm's authorizations in force that end within `days`, one per client (the latest ending). */
export const renewableDelegations = async (db: DbOrTx, firmId: string, now: Date, days: number) => {
  const rows = await db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.granteeFirmId, firmId),
        eq(delegations.status, 'approved'),
        eq(delegations.singleUse, false),
        gt(delegations.validUntil, now),
        lte(delegations.validUntil, new Date(now.getTime() + days * DAY_MS)),
      ),
    )
    .orderBy(desc(delegations.validUntil));
  const pending = await db
    .select({ companyId: delegations.companyId })
    .from(delegations)
    .where(and(eq(delegations.granteeFirmId, firmId), eq(delegations.status, 'pending')));
  const waiting = new Set(pending.map((p) => p.companyId));
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      if (seen.has(r.companyId)) return false;
      seen.add(r.companyId);
      return true;
    })
    .map((r) => ({ row: r, alreadyRequested: waiting.has(r.companyId) }));
};

/**
 * One client of a batch renewal: a new face-verification request to its legal representative,
 * with the same scopes and duration, continuing where the current authorization ends.
 */
export const renewalKind = defineBatchKind({
  params: BATCH_KIND_PARAMS['delegation-renewal'],
  title: ({ withinDays }) =>
    text(`续期 ${withinDays} 天内到期的授权`, `Renew authorizations ending within ${withinDays} days`),
  describe: (r) =>
    r.delegationId
      ? text('已向法定代表人发送续期申请', 'Renewal request sent to the legal representative')
      : null,
  process: async (ctx, tx, batch, item) => {
    if (!batch.firmId) throw new Error('renewal batch without firm');
    const m = await requireFirmMember(tx, batch.firmId, batch.ownerPersonId).catch(() => {
      throw new DomainError(
        'NOT_A_MEMBER',
        text('您已不是该事务所成员。', 'You are no longer a member of the firm.'),
      );
    });
    const visible = await visibleClientIds(tx, m);
    if (visible && !visible.has(item.companyId))
      throw new DomainError(
        'NOT_IN_ACCESS_GROUP',
        text('您所在的分组不负责该客户。', 'This client is not in your access groups.'),
      );
    const now = ctx.now();
    const [current] = (await renewableDelegations(tx, batch.firmId, now, 366)).filter(
      (r) => r.row.companyId === item.companyId,
    );
    if (!current)
      return {
        status: 'skipped',
        result: {},
        reason: {
          code: 'NOTHING_TO_RENEW',
          message: text('没有可续期的有效授权。', 'No authorization in force to renew.'),
        },
      };
    const claimKey = { kind: 'delegation-renewal', companyId: item.companyId, subject: current.row.id };
    const earlier = await findClaim(tx, claimKey);
    if (earlier) return { status: 'skipped', result: { ...earlier, alreadyRequested: true } };
    if (current.alreadyRequested)
      return {
        status: 'skipped',
        result: { alreadyRequested: true },
        reason: {
          code: 'REQUEST_ALREADY_PENDING',
          message: text('已有待确认的申请。', 'A request is already waiting.'),
        },
      };
    const [firm] = await tx.select({ name: firms.name }).from(firms).where(eq(firms.id, batch.firmId));
    const { row } = await firmDelegationPort.request(ctx, tx, {
      companyId: item.companyId,
      firmId: batch.firmId,
      firmName: firm?.name ?? '',
      requestedByPersonId: batch.ownerPersonId,
      scopes: current.row.scopes,
      validity: validityFromColumns(current.row),
      note: current.row.note ?? undefined,
      renewsDelegationId: current.row.id,
    });
    const result = { delegationId: row.id, linkExpiresAt: row.linkExpiresAt?.toISOString() ?? null };
    await recordClaim(tx, { ...claimKey, itemId: item.id }, result);
    return { status: 'done', result, after: () => announce(ctx, row, 'requested') };
  },
});
