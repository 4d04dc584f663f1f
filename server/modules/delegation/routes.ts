import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { implement, type HandlerContext } from '../../http/route';
import { delegationApi } from '../../../shared/api/contracts/delegation';
import { HttpError, notFound } from '../../http/errors';
import { companies, delegations } from '../../db/schema';
import type { DelegationView } from '../../../shared/api/delegation';
import type { DelegationEventKind } from '../../../shared/api/events';
import { text } from '../../../shared/text';
import { approvalView, issueChallenge, refusalError, verifyAndApprove } from './approval';
import { auditTrail, loadAsLegalRep, rejectRequest, revokeDelegation } from './grantor';
import { announce } from './lifecycle';
import { requireAnswerable, resolveLink } from './link';
import { cancelRequest, renewDelegation, requestDelegation, resendRequest } from './request';
import { expireDue } from './sweep';
import { loadView, loadViews } from './views';
import { foldHandovers } from './handover';

const viewOrFail = async (view: DelegationView | undefined): Promise<DelegationView> => {
  if (!view) throw notFound(text('授权', 'Authorization'));
  return view;
};

// ---- the agent ----

const requestRoute = implement(delegationApi.request, async ({ app, db, authority, body }) => {
  const row = await requestDelegation(app, db, authority, body);
  await announce(app, row, 'requested', db);
  return viewOrFail(await loadView(app, db, row.id, authority.personId));
});

const companyListRoute = implement(delegationApi.companyList, async ({ app, params, authority }) => {
  await expireDue(app, eq(delegations.companyId, params.companyId));
  const mine = or(
    eq(delegations.granteePersonId, authority.personId),
    eq(delegations.requestedByPersonId, authority.personId),
  );
  const where = and(
    eq(delegations.companyId, params.companyId),
    authority.actingAs === 'legal-representative' ? undefined : mine,
  );
  return { delegations: await loadViews(app, app.db, where, authority.personId) };
});

const mineRoute = implement(delegationApi.mine, async ({ app, actor }) => {
  const mine = or(
    eq(delegations.granteePersonId, actor.personId),
    eq(delegations.requestedByPersonId, actor.personId),
  );
  await expireDue(app, mine);
  return { delegations: await loadViews(app, app.db, mine, actor.personId) };
});

/** Cancel, resend and renew: the requester acts on their own request. */
type OwnActionContext = Pick<
  HandlerContext<typeof delegationApi.cancel>,
  'app' | 'db' | 'actor' | 'reply'
> & {
  params: { delegationId: string };
};

const ownAction =
  (run: typeof cancelRequest, event: DelegationEventKind) =>
  async ({ app, db, actor, params }: OwnActionContext) => {
    const row = await run(app, db, params.delegationId, actor.personId);
    await announce(app, row, event, db);
    return viewOrFail(await loadView(app, db, row.id, actor.personId));
  };

const cancelRoute = implement(delegationApi.cancel, ownAction(cancelRequest, 'cancelled'));
const resendRoute = implement(delegationApi.resend, ownAction(resendRequest, 'resent'));
const renewRoute = implement(delegationApi.renew, ownAction(renewDelegation, 'requested'));

// ---- the legal representative ----

const grantedRoute = implement(delegationApi.granted, async ({ app, actor, query }) => {
  const mine = await app.db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.legalRepPersonId, actor.personId));
  const ids = mine.map((c) => c.id).filter((id) => !query.companyId || id === query.companyId);
  if (ids.length === 0) return { delegations: [] };
  await expireDue(app, inArray(delegations.companyId, ids));
  const conditions: SQL[] = [inArray(delegations.companyId, ids)];
  if (query.status) conditions.push(eq(delegations.status, query.status));
  const views = await loadViews(app, app.db, and(...conditions), actor.personId);
  return { delegations: await foldHandovers(app.db, views) };
});

const auditRoute = implement(delegationApi.audit, async ({ app, actor, params }) => {
  const [row] = await app.db.select().from(delegations).where(eq(delegations.id, params.delegationId));
  const isGrantee = row?.granteePersonId === actor.personId;
  if (!row || !isGrantee) await loadAsLegalRep(app.db, params.delegationId, actor.personId);
  return { entries: await auditTrail(app.db, params.delegationId) };
});

const revokeRoute = implement(delegationApi.revoke, async ({ app, db, actor, params, body }) => {
  const row = await revokeDelegation(app, db, params.delegationId, actor.personId, body.reason);
  await announce(app, row, 'revoked', db);
  return viewOrFail(await loadView(app, db, row.id, actor.personId));
});

const rejectRoute = implement(delegationApi.reject, async ({ app, db, actor, params, body }) => {
  const row = await loadAsLegalRep(db, params.delegationId, actor.personId);
  const updated = await rejectRequest(
    app,
    db,
    row,
    { personId: actor.personId, actingAs: 'legal-representative' },
    body.reason,
  );
  await announce(app, updated, 'rejected', db);
  return viewOrFail(await loadView(app, db, row.id, actor.personId));
});

// ---- the phone page: the link token is the key, the face is the credential ----

const approvalViewRoute = implement(delegationApi.approvalView, async ({ app, params }) =>
  approvalView(app, params.token),
);

const challengeRoute = implement(delegationApi.challenge, async ({ app, params, request }) =>
  issueChallenge(app, params.token, request.headers['user-agent']),
);

const verifyRoute = implement(delegationApi.verify, async ({ app, params, body, request }) => {
  const outcome = await verifyAndApprove(app, params.token, body, request.headers['user-agent']);
  if (outcome.approved) {
    await announce(app, outcome.row, 'approved');
    // A handover: the outgoing firm's people hear at once that they lost the client.
    for (const ended of outcome.ended)
      await announce(app, ended, ended.status === 'revoked' ? 'revoked' : 'cancelled');
    const { validFrom, validUntil } = outcome.row;
    if (!validFrom || !validUntil) throw new Error('approved without a window');
    return {
      status: 'approved' as const,
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
    };
  }
  if (outcome.stale) {
    requireAnswerable(app, outcome.row);
    throw new HttpError(
      409,
      'LINK_USED',
      text('这项授权申请已经处理过了。', 'This request has already been answered.'),
    );
  }
  throw refusalError(outcome.code, outcome.attemptsLeft, outcome.lockedUntil);
});

const linkRejectRoute = implement(delegationApi.linkReject, async ({ app, params, body }) => {
  const row = await resolveLink(app, app.db, params.token);
  // Saying no grants nothing, so it is allowed even while face checks are locked.
  requireAnswerable(app, row, { ignoreLock: true });
  const updated = await app.db.transaction((tx) =>
    rejectRequest(app, tx, row, { personId: null, actingAs: 'link-holder' }, body.reason),
  );
  await announce(app, updated, 'rejected');
  return { ok: true as const };
});

export const delegationRoutes = [
  requestRoute,
  companyListRoute,
  mineRoute,
  cancelRoute,
  resendRoute,
  renewRoute,
  grantedRoute,
  auditRoute,
  revokeRoute,
  rejectRoute,
  approvalViewRoute,
  challengeRoute,
  verifyRoute,
  linkRejectRoute,
];
