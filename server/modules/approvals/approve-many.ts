import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context';
import type { Actor } from '../../auth/session';
import { writeAudit } from '../../audit/write';
import { isDomainError } from '../../../shared/domain-error';
import type { ApproveMany, ApproveManyResult } from '../../../shared/api/approvals';
import { announce, approveAsGrantor } from '../delegation';
import { confirmAssured } from '../registration';
import { requireLevel, type Assured } from '../identity';

type Result = ApproveManyResult['results'][number];

/**
 * Approves the ticked requests with one assurance: a live face check of this session (used up by
 * this batch), the person's re-verification window, or counter verification. Each request is
 * approved on its own (one failing does not undo the others) and has its own audit row saying how
 * it was assured and in which batch; the batch itself is audited too.
 */
export const approveMany = async (
  ctx: AppContext,
  actor: Actor,
  body: ApproveMany,
): Promise<ApproveManyResult> => {
  const batchId = randomUUID();
  const items = body.items.filter(
    (item, i) => body.items.findIndex((o) => o.kind === item.kind && o.id === item.id) === i,
  );
  let assured: Assured;
  try {
    assured = await ctx.db.transaction(async (tx) => {
      const a = await requireLevel(ctx, actor, 'delegation.approve', tx);
      await writeAudit(tx, {
        actorPersonId: actor.personId,
        actingAs: 'legal-representative',
        action: 'approvals.batch',
        detail: { batchId, items, assurance: a },
      });
      return a;
    });
  } catch (e) {
    if (isDomainError(e))
      await writeAudit(ctx.db, {
        actorPersonId: actor.personId,
        actingAs: 'legal-representative',
        action: 'approvals.batch-refused',
        detail: { batchId, items, code: e.code },
      });
    throw e;
  }
  const evidence = { via: 'face-batch', batchId, assurance: assured };
  const results: Result[] = [];
  for (const item of items) {
    try {
      if (item.kind === 'delegation') {
        const row = await approveAsGrantor(ctx, item.id, actor.personId, evidence);
        await announce(ctx, row, 'approved');
      } else {
        await confirmAssured(ctx, item.id, actor.personId, evidence);
      }
      results.push({ ...item, outcome: 'approved' });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      results.push({ ...item, outcome: 'refused', code: e.code, message: e.text });
    }
  }
  const via = assured.via === 'session' ? 'fresh-face' : assured.via;
  return { via: via as ApproveManyResult['via'], results };
};
