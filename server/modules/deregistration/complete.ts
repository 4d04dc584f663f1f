import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, delegations, deregistrations, licences } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { text } from '../../../shared/text';
import { chinaDate } from '../../../shared/time/china';
import { connectedPeople } from '../companies';
import { postInbox } from '../inbox';
import { revokeLicence } from '../licences';
import { endSealGrants } from '../seals';
import type { CompanyRow, DeregistrationRow } from './facts';

/**
 * Completion (§4.6), in the caller's one transaction: status 注销 with the date; every active
 * licence (the business licence, e-licences, e-seals) revoked — still verifiable as revoked;
 * seal grants and every delegation ended; everyone connected told (inbox now, events through the
 * outbox on commit); audited. (Firm rosters show the ended authorization; a roster marker for
 * the deregistered status itself is still to do.)
 */
export const completeDeregistration = async (
  tx: DbOrTx,
  ctx: AppContext,
  company: CompanyRow,
  d: DeregistrationRow,
  actorPersonId: string | null,
): Promise<void> => {
  const now = ctx.now();
  const on = chinaDate(now);
  const tell = await connectedPeople(tx, company.id, now);
  await tx.update(companies).set({ status: 'deregistered' }).where(eq(companies.id, company.id));
  await tx
    .update(deregistrations)
    .set({ status: 'deregistered', completedAt: now, blockedBy: null })
    .where(eq(deregistrations.id, d.id));
  const active = await tx
    .select({ id: licences.id })
    .from(licences)
    .where(and(eq(licences.companyId, company.id), eq(licences.status, 'active')));
  for (const l of active) await revokeLicence(tx, ctx, { licenceId: l.id, reason: `企业简易注销（${on}）` });
  const grants = await endSealGrants(tx, company.id, now);
  const ended = await tx
    .update(delegations)
    .set({ status: 'revoked', revokedAt: now, decisionNote: '企业已注销' })
    .where(and(eq(delegations.companyId, company.id), inArray(delegations.status, ['approved', 'pending'])))
    .returning({ id: delegations.id, grantee: delegations.granteePersonId });
  await writeAudit(tx, {
    actorPersonId,
    actingAs: actorPersonId ? 'legal-representative' : 'system',
    action: 'deregistration.complete',
    companyId: company.id,
    detail: {
      deregistrationId: d.id,
      on,
      licencesRevoked: active.length,
      sealGrantsEnded: grants,
      delegationsEnded: ended.length,
    },
  });
  const people = [...new Set([...tell, ...ended.flatMap((e) => (e.grantee ? [e.grantee] : []))])];
  for (const personId of people) {
    await postInbox(tx, {
      personId,
      kind: 'deregistration.completed',
      title: text(
        `${company.name}已完成简易注销`,
        `${company.name} has been deregistered (simplified procedure)`,
      ),
      body: text(
        `注销日期 ${on}。其营业执照、电子证照和电子印章均已注销，相关授权已终止。`,
        `Deregistered on ${on}. Its business licence, e-licences and e-seals are revoked and its authorizations have ended.`,
      ),
      link: `/companies/${company.id}/deregistration`,
      refId: company.id,
    });
    await ctx.bus.publish(
      personId,
      { type: 'deregistration.completed', data: { companyId: company.id, on } },
      tx,
    );
  }
};
