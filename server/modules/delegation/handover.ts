import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { auditLog, delegations, firmMembers, firms } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import { text } from '../../../shared/text';
import type { DelegationView } from '../../../shared/api/delegation';
import { applyTransition } from './lifecycle';
import type { DelegationRow } from './views';

/** What the outgoing firm holds for the company: authorizations in force and requests waiting. */
export const heldByFirm = async (db: DbOrTx, companyId: string, firmId: string): Promise<DelegationRow[]> =>
  db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, companyId),
        eq(delegations.granteeFirmId, firmId),
        inArray(delegations.status, ['approved', 'pending']),
      ),
    );

const firmName = async (db: DbOrTx, id: string | null): Promise<string> =>
  id ? ((await db.select({ name: firms.name }).from(firms).where(eq(firms.id, id)))[0]?.name ?? '') : '';

/** The handover part of the phone page: who gives the company up and what it holds now. */
export const handoverView = async (db: DbOrTx, row: DelegationRow) => {
  if (!row.replacesFirmId) return null;
  const held = await heldByFirm(db, row.companyId, row.replacesFirmId);
  return {
    fromFirm: await firmName(db, row.replacesFirmId),
    toFirm: await firmName(db, row.granteeFirmId),
    held: held.map((d) => ({
      status: d.status,
      scopes: d.scopes,
      validUntil: d.validUntil ? d.validUntil.toISOString() : null,
    })),
  };
};

/**
 * Completes a firm handover inside the approval's transaction: every authorization the outgoing
 * firm holds for the company is revoked (its waiting requests cancelled), so it loses access at
 * once; the audit records the whole change as one `delegation.handover` event; both firms and the
 * legal representative are told. Past actions stay in the company's activity log untouched.
 */
export const completeHandover = async (
  tx: DbOrTx,
  approved: DelegationRow,
  now: Date,
  evidence: Record<string, unknown>,
): Promise<DelegationRow[]> => {
  const fromFirmId = approved.replacesFirmId;
  if (!fromFirmId) return [];
  const actor = { personId: approved.grantorPersonId, actingAs: 'legal-representative' };
  const ended: DelegationRow[] = [];
  for (const d of await heldByFirm(tx, approved.companyId, fromFirmId)) {
    ended.push(
      d.status === 'approved'
        ? await applyTransition(
            tx,
            d,
            'revoke',
            actor,
            { revokedAt: now, decisionNote: 'handover' },
            {},
            { audit: false },
          )
        : await applyTransition(tx, d, 'cancel', actor, { decidedAt: now }, {}, { audit: false }),
    );
  }
  const [from, to] = [await firmName(tx, fromFirmId), await firmName(tx, approved.granteeFirmId)];
  await writeAudit(tx, {
    actorPersonId: approved.grantorPersonId,
    actingAs: 'legal-representative',
    action: 'delegation.handover',
    companyId: approved.companyId,
    delegationId: approved.id,
    firmId: approved.granteeFirmId,
    detail: {
      fromFirmId,
      fromFirm: from,
      toFirmId: approved.granteeFirmId,
      toFirm: to,
      granted: approved.id,
      scopes: approved.scopes,
      ended: ended.map((d) => ({ id: d.id, status: d.status })),
      via: 'face',
      ...evidence,
    },
  });
  const members = await tx
    .select({ personId: firmMembers.personId, firmId: firmMembers.firmId })
    .from(firmMembers)
    .where(
      inArray(firmMembers.firmId, [fromFirmId, ...(approved.granteeFirmId ? [approved.granteeFirmId] : [])]),
    );
  const link = `/companies/${approved.companyId}`;
  for (const m of members)
    await postInbox(tx, {
      personId: m.personId,
      kind: 'delegation.handover',
      title:
        m.firmId === fromFirmId
          ? text(
              `客户已转由${to}代理，本所的授权已终止`,
              `The client moved to ${to}; your firm's authorization ended`,
            )
          : text(`${from}的客户已转由本所代理`, `The client moved from ${from} to your firm`),
      link: m.firmId === fromFirmId ? '/firm' : link,
      refId: approved.id,
    });
  await postInbox(tx, {
    personId: approved.grantorPersonId,
    kind: 'delegation.handover',
    title: text(`已完成代理机构交接：${from} → ${to}`, `Firm handover done: ${from} → ${to}`),
    link: '/delegations',
    refId: approved.id,
  });
  return ended;
};

type HandoverDetail = { fromFirm?: string; toFirm?: string; ended?: { id: string }[] };

/**
 * The legal representative's ledger shows a handover as one entry: the authorization granted to
 * the incoming firm carries "from A to B", and the outgoing firm's authorizations it ended are
 * folded into it. An ended one whose granted entry is not in the list (filtered out) stays, marked.
 */
export const foldHandovers = async (db: DbOrTx, views: DelegationView[]): Promise<DelegationView[]> => {
  const companyIds = [...new Set(views.map((v) => v.company.id))];
  if (companyIds.length === 0) return views;
  const events = await db
    .select({ delegationId: auditLog.delegationId, at: auditLog.at, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'delegation.handover'), inArray(auditLog.companyId, companyIds)));
  if (events.length === 0) return views;
  const shown = new Set(views.map((v) => v.id));
  const granted = new Map<string, NonNullable<DelegationView['handover']>>();
  const ended = new Map<string, NonNullable<DelegationView['handover']>>();
  const folded = new Set<string>();
  for (const e of events) {
    if (!e.delegationId) continue;
    const d = e.detail as HandoverDetail;
    const endedIds = (d.ended ?? []).map((x) => x.id);
    const base = {
      fromFirm: d.fromFirm ?? '',
      toFirm: d.toFirm ?? '',
      at: e.at.toISOString(),
      ended: endedIds.length,
    };
    granted.set(e.delegationId, { role: 'granted', ...base });
    for (const id of endedIds) {
      if (shown.has(e.delegationId)) folded.add(id);
      else ended.set(id, { role: 'ended', ...base });
    }
  }
  return views
    .filter((v) => !folded.has(v.id))
    .map((v) => {
      const h = granted.get(v.id) ?? ended.get(v.id);
      return h ? { ...v, handover: h } : v;
    });
};
