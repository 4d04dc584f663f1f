import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications, changeConfirmations, equityNotices } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { postInbox } from '../inbox';
import type { ChangeProposal } from '../../../shared/api/changes';
import { claimWindowEnd, signerOf } from '../../../shared/lifecycle/change-rules';
import { preemptionWindowEnd } from '../../../shared/lifecycle/equity';
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
  const noticeTo = e.equity?.noticeTo ?? [];
  const [row] = await tx
    .insert(changeApplications)
    .values({
      companyId: authority.companyId,
      filerPersonId: authority.personId,
      actingAs: authority.actingAs,
      delegationId: authority.delegationId ?? null,
      firmId: authority.firmId ?? null,
      // CL §84 ¶2 first (the other shareholders' 30 days), then a reduction's claim window.
      status:
        noticeTo.length > 0
          ? 'pre-emption-notice'
          : ordinaryReduction
            ? 'claim-window'
            : 'awaiting-confirmations',
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
  // Each new shareholder (an outsider receiving equity) signs too, by face (RULES §16).
  const newHolders = (e.equity?.newShareholderPersonIds ?? []).filter((id) => id !== signerPersonId);
  for (const personId of newHolders)
    await tx.insert(changeConfirmations).values({ applicationId: row.id, personId, role: 'new-shareholder' });
  const told = await notifyOtherShareholders(tx, row.id, loaded.company, noticeTo, e.diff, today);
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
  for (const personId of newHolders)
    await postInbox(tx, {
      personId,
      kind: 'change.confirm',
      title: text(
        `请确认受让 ${loaded.company.name} 的股权`,
        `Confirm the equity you receive in ${loaded.company.name}`,
      ),
      body: text(
        '您作为新股东须刷脸确认本次变更。',
        'As a new shareholder you confirm this change with a live face check.',
      ),
      link: `/changes/confirm`,
      refId: row.id,
    });
  return { row, notify: [...new Set([authority.personId, signerPersonId, ...newHolders, ...told])] };
};

/**
 * CL §84 ¶2: written notice of a transfer to an outsider to every other shareholder, on the
 * platform (inbox + the notice itself); each may waive or claim pre-emption within 30 days.
 */
const notifyOtherShareholders = async (
  tx: DbOrTx,
  applicationId: string,
  company: { id: string; name: string },
  holders: readonly { name: string; personId: string | null }[],
  diff: readonly { item: string; after: string }[],
  today: string,
): Promise<string[]> => {
  if (holders.length === 0) return [];
  const windowEndsOn = preemptionWindowEnd(today);
  const transfer = diff.find((d) => d.item === 'shareholders')?.after ?? '';
  const told: string[] = [];
  for (const h of holders) {
    await tx.insert(equityNotices).values({
      applicationId,
      companyId: company.id,
      shareholderName: h.name,
      personId: h.personId,
      notifiedOn: today,
      windowEndsOn,
    });
    if (!h.personId) continue;
    told.push(h.personId);
    await postInbox(tx, {
      personId: h.personId,
      kind: 'change.equity-notice',
      title: text(
        `${company.name} 股权对外转让通知（优先购买权）`,
        `${company.name}: equity transfer to an outsider (pre-emption)`,
      ),
      body: text(
        `${transfer}。您可在 ${windowEndsOn} 前放弃或主张优先购买权；逾期未答复视为放弃（《公司法》第八十四条）。`,
        `${transfer}. Waive or claim your pre-emption right by ${windowEndsOn}; no answer by then waives it (CL §84).`,
      ),
      link: `/changes/equity-notices`,
      refId: applicationId,
    });
  }
  return told;
};
