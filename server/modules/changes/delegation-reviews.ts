import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeRecords, delegationReviews, delegations, persons } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor, writeAudit } from '../../audit/write';
import { notFound } from '../../http/errors';
import { postInbox } from '../inbox';
import { DomainError } from '../../../shared/domain-error';
import { delegationReviewDates } from '../../../shared/lifecycle/change-rules';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';

/**
 * On a legal representative change (lifecycle.md §1.16), every active delegation of the company is
 * put to the new legal representative, who keeps or revokes each; the delegates are told that
 * their authority now needs the new legal representative's confirmation within 30 days.
 */
export const openDelegationReviews = async (
  ctx: AppContext,
  tx: DbOrTx,
  c: { companyId: string; companyName: string; applicationId: string; newLegalRepPersonId: string },
): Promise<string[]> => {
  const now = ctx.now();
  const active = await tx
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, c.companyId),
        eq(delegations.status, 'approved'),
        gt(delegations.validUntil, now),
      ),
    );
  const { dueOn, noticeOn } = delegationReviewDates(chinaToday(now));
  const told: string[] = [];
  for (const d of active) {
    await tx.insert(delegationReviews).values({
      applicationId: c.applicationId,
      companyId: c.companyId,
      delegationId: d.id,
      reviewerPersonId: c.newLegalRepPersonId,
      dueOn,
      noticeOn,
    });
    await tx.insert(changeRecords).values({
      applicationId: c.applicationId,
      companyId: c.companyId,
      kind: 'delegation-review',
      reference: d.id,
      createdAt: now,
    });
    if (d.granteePersonId) {
      told.push(d.granteePersonId);
      await postInbox(tx, {
        personId: d.granteePersonId,
        kind: 'change.delegation-review',
        title: text(`${c.companyName} 的法定代表人已变更`, `${c.companyName} has a new legal representative`),
        body: text(
          `您获得的授权须经新任法定代表人确认；${dueOn} 前未确认的，授权终止。`,
          `Your authorization must be confirmed by the new legal representative; unless confirmed by ${dueOn} it ends.`,
        ),
        link: `/companies/${c.companyId}`,
        refId: d.id,
      });
    }
  }
  if (active.length > 0)
    await postInbox(tx, {
      personId: c.newLegalRepPersonId,
      kind: 'change.delegation-review',
      title: text(
        `请确认 ${c.companyName} 的 ${active.length} 项授权`,
        `Confirm ${active.length} authorization(s) of ${c.companyName}`,
      ),
      body: text(
        `前任法定代表人作出的授权须经您确认保留或撤销；${dueOn} 前未确认的自动终止。`,
        `Authorizations granted by the outgoing legal representative continue only if you keep them; unconfirmed ones end on ${dueOn}.`,
      ),
      link: `/companies/${c.companyId}/delegation-reviews`,
      refId: c.applicationId,
    });
  return told;
};

const onlyLegalRep = () =>
  new DomainError(
    'LEGAL_REP_ONLY',
    text(
      '只有法定代表人可以确认或撤销授权。',
      'Only the legal representative can keep or revoke authorizations.',
    ),
  );

type ReviewRow = typeof delegationReviews.$inferSelect;

export const delegationReviewViews = async (db: DbOrTx, companyId: string) => {
  const rows = await db
    .select({ r: delegationReviews, d: delegations, grantee: persons.name })
    .from(delegationReviews)
    .innerJoin(delegations, eq(delegations.id, delegationReviews.delegationId))
    .leftJoin(persons, eq(persons.id, delegations.granteePersonId))
    .where(eq(delegationReviews.companyId, companyId))
    .orderBy(desc(delegationReviews.dueOn));
  return rows.map(({ r, d, grantee }) => view(r, d, grantee));
};

const view = (r: ReviewRow, d: typeof delegations.$inferSelect, grantee: string | null) => ({
  id: r.id,
  delegationId: d.id,
  grantee: grantee ?? '—',
  scopes: d.scopes,
  validUntil: d.validUntil ? d.validUntil.toISOString() : null,
  dueOn: r.dueOn,
  decision: r.decision,
});

/** The new legal representative keeps or revokes one authorization (lifecycle.md §1.16), audited. */
export const decideDelegationReview = async (
  ctx: AppContext,
  tx: DbOrTx,
  authority: Authority,
  reviewId: string,
  keep: boolean,
) => {
  if (authority.actingAs !== 'legal-representative') throw onlyLegalRep();
  const [r] = await tx
    .select()
    .from(delegationReviews)
    .where(and(eq(delegationReviews.id, reviewId), eq(delegationReviews.companyId, authority.companyId)))
    .for('update');
  if (!r) throw notFound(text('授权确认', 'Authorization review'));
  if (r.decision !== null)
    throw new DomainError(
      'ALREADY_DECIDED',
      text('该授权已确认或已终止。', 'This authorization was already decided.'),
    );
  const now = ctx.now();
  await tx
    .update(delegationReviews)
    .set({ decision: keep ? 'kept' : 'revoked', decidedAt: now })
    .where(eq(delegationReviews.id, r.id));
  const [d] = keep
    ? await tx.select().from(delegations).where(eq(delegations.id, r.delegationId))
    : await tx
        .update(delegations)
        .set({
          status: 'revoked',
          revokedAt: now,
          decisionNote: '新任法定代表人未保留此授权 / not kept by the new legal representative',
        })
        .where(and(eq(delegations.id, r.delegationId), eq(delegations.status, 'approved')))
        .returning();
  await auditActingFor(
    tx,
    authority,
    keep ? 'delegation.kept-after-change' : 'delegation.revoked-after-change',
    { delegationId: r.delegationId, reviewId: r.id },
    now,
  );
  const row = d ?? (await tx.select().from(delegations).where(eq(delegations.id, r.delegationId)))[0];
  if (!row) throw notFound(text('授权', 'Authorization'));
  if (row.granteePersonId)
    await postInbox(tx, {
      personId: row.granteePersonId,
      kind: keep ? 'delegation.kept' : 'delegation.revoked',
      title: keep
        ? text('您的授权已获新任法定代表人确认', 'The new legal representative kept your authorization')
        : text('您的授权已被新任法定代表人撤销', 'The new legal representative revoked your authorization'),
      link: `/companies/${r.companyId}`,
      refId: r.delegationId,
    });
  const [grantee] = row.granteePersonId
    ? await tx.select({ name: persons.name }).from(persons).where(eq(persons.id, row.granteePersonId))
    : [];
  return {
    view: view({ ...r, decision: keep ? 'kept' : 'revoked', decidedAt: now }, row, grantee?.name ?? null),
    notify: row.granteePersonId ? [row.granteePersonId] : [],
    changeId: r.applicationId,
  };
};

/**
 * The daily sweep: unconfirmed reviews on their 7-days-before date tell the delegate; on the due
 * date the authorization ends (never silently valid without the new legal representative).
 */
export const sweepDelegationReviews = async (
  ctx: AppContext,
): Promise<{ noticed: number; ended: number }> => {
  const now = ctx.now();
  const today = chinaToday(now);
  return ctx.db.transaction(async (tx) => {
    const open = await tx
      .select({ r: delegationReviews, d: delegations })
      .from(delegationReviews)
      .innerJoin(delegations, eq(delegations.id, delegationReviews.delegationId))
      .where(and(isNull(delegationReviews.decision), lte(delegationReviews.noticeOn, today)))
      .for('update');
    let noticed = 0;
    let ended = 0;
    for (const { r, d } of open) {
      if (r.dueOn <= today) {
        await tx
          .update(delegationReviews)
          .set({ decision: 'ended', decidedAt: now })
          .where(eq(delegationReviews.id, r.id));
        await tx
          .update(delegations)
          .set({
            status: 'revoked',
            revokedAt: now,
            decisionNote: '新任法定代表人 30 日内未确认 / not confirmed within 30 days',
          })
          .where(and(eq(delegations.id, d.id), eq(delegations.status, 'approved')));
        await writeAudit(tx, {
          actorPersonId: null,
          actingAs: 'system',
          action: 'delegation.ended-after-change',
          companyId: r.companyId,
          delegationId: d.id,
          detail: { reviewId: r.id },
        });
        ended += 1;
      } else if (!r.noticeSentAt && d.granteePersonId) {
        await postInbox(tx, {
          personId: d.granteePersonId,
          kind: 'change.delegation-review',
          title: text('授权即将终止', 'Your authorization is about to end'),
          body: text(
            `新任法定代表人尚未确认您的授权，${r.dueOn} 起终止。`,
            `The new legal representative has not confirmed your authorization; it ends on ${r.dueOn}.`,
          ),
          link: `/companies/${r.companyId}`,
          refId: d.id,
        });
        await tx.update(delegationReviews).set({ noticeSentAt: now }).where(eq(delegationReviews.id, r.id));
        noticed += 1;
      }
    }
    return { noticed, ended };
  });
};
