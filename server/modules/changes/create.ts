import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications, changeConfirmations } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { postInbox } from '../inbox';
import type { ChangeProposal } from '../../../shared/api/changes';
import { claimWindowEnd, signerOf } from '../../../shared/lifecycle/change-rules';
import { DomainError } from '../../../shared/domain-error';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { loadFacts } from './facts';
import { evaluateProposal } from './proposal';
import { openChangeOf, sealProposal, type ChangeRow } from './store';

/**
 * Files a change application (in the caller's transaction): checked in full first, so a refusal
 * writes nothing. An ordinary capital reduction starts its creditors' notice on the disclosure page
 * and waits out the 45-day claim window (CL §224); everything else waits for the signer's face.
 */
export const createChange = async (
  ctx: AppContext,
  tx: DbOrTx,
  authority: Authority,
  input: ChangeProposal,
): Promise<{ row: ChangeRow; notify: string[] }> => {
  // One application at a time per company: serialise two filers racing each other.
  await tx.execute(sql`select id from companies where id = ${authority.companyId} for update`);
  const open = await openChangeOf(tx, authority.companyId);
  if (open)
    throw new DomainError(
      'CHANGE_IN_PROGRESS',
      text(
        '该企业已有一件变更申请正在办理，请办结后再申请。',
        'The company already has a change application in progress; finish it first.',
      ),
    );
  const now = ctx.now();
  const today = chinaToday(now);
  const loaded = await loadFacts(ctx, tx, authority.companyId);
  const e = await evaluateProposal(ctx, tx, loaded, input, today);
  const ordinaryReduction = e.reduction !== null && !e.reduction.coverLosses;
  const [row] = await tx
    .insert(changeApplications)
    .values({
      companyId: authority.companyId,
      filerPersonId: authority.personId,
      actingAs: authority.actingAs,
      delegationId: authority.delegationId ?? null,
      firmId: authority.firmId ?? null,
      status: ordinaryReduction ? 'claim-window' : 'awaiting-confirmations',
      items: e.items,
      diff: e.diff,
      proposalEnc: sealProposal(ctx, e.proposal),
      resolutionDate: input.resolutionDate,
      late: e.deadline.late,
      threshold: e.threshold,
      inFavour: e.inFavour,
      route: e.route,
      reviewReasons: e.reviewReasons,
      reductionCoverLosses: e.reduction?.coverLosses ?? null,
      // Both kinds of reduction are announced on the disclosure page (CL §224, §225).
      announcedOn: e.reduction ? today : null,
      claimWindowEndsOn: ordinaryReduction ? claimWindowEnd(today) : null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('change insert returned nothing');
  const signer = signerOf(e.items);
  const signerPersonId =
    signer === 'new-legal-representative' ? e.newLegalRepPersonId : loaded.legalRepPersonId;
  if (!signerPersonId) throw new Error('change without a signer');
  await tx
    .insert(changeConfirmations)
    .values({ applicationId: row.id, personId: signerPersonId, role: signer });
  await auditActingFor(
    tx,
    authority,
    'change.create',
    { changeId: row.id, items: e.items, late: e.deadline.late, route: e.route },
    now,
  );
  if (signerPersonId !== authority.personId)
    await postInbox(tx, {
      personId: signerPersonId,
      kind: 'change.confirm',
      title: text(
        `请确认 ${loaded.company.name} 的变更申请`,
        `Confirm the change application of ${loaded.company.name}`,
      ),
      body: text(
        `变更事项：${e.diff.map((d) => d.item).join('、')}。请刷脸确认并签署。`,
        `Items: ${e.diff.map((d) => d.item).join(', ')}. Confirm and sign with a live face check.`,
      ),
      link: `/changes/confirm`,
      refId: row.id,
    });
  return { row, notify: [...new Set([authority.personId, signerPersonId])] };
};
