import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { HttpError, notFound } from '../../http/errors';
import { companies, delegations } from '../../db/schema';
import { CompanyParams } from '../../../shared/api/companies';
import {
  ApprovalOutcome,
  ApprovalView,
  DelegationAudit,
  DelegationList,
  DelegationParams,
  DelegationRequestBody,
  DelegationView,
  FaceChallengeView,
  FaceSubmission,
  GrantedQuery,
  LinkParams,
  RejectBody,
} from '../../../shared/api/delegation';
import { Ok } from '../../../shared/api/identity';
import { text } from '../../../shared/text';
import { approvalView, issueChallenge, refusalError, verifyAndApprove } from './approval';
import { auditTrail, loadAsLegalRep, rejectRequest, revokeDelegation } from './grantor';
import { announce } from './lifecycle';
import { requireAnswerable, resolveLink } from './link';
import { cancelRequest, renewDelegation, requestDelegation, resendRequest } from './request';
import { expireDue } from './sweep';
import { loadView, loadViews } from './views';

const tags = ['delegation'];

const viewOrFail = async (view: DelegationView | undefined): Promise<DelegationView> => {
  if (!view) throw notFound(text('授权', 'Authorization'));
  return view;
};

// ---- the agent ----

const requestRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/delegations',
  summary:
    'Ask the legal representative for authorization (scopes, validity, note); returns the approval link',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: CompanyParams,
  body: DelegationRequestBody,
  response: DelegationView,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, authority, body }) => {
    const row = await requestDelegation(app, db, authority, body);
    await announce(app, row, 'requested', db);
    return viewOrFail(await loadView(app, db, row.id, authority.personId));
  },
});

const companyListRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/delegations',
  summary: 'Authorizations of a company: all of them for its legal representative, one’s own for anyone else',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: CompanyParams,
  response: DelegationList,
  handler: async ({ app, params, authority }) => {
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
  },
});

const mineRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/delegations/mine',
  summary: 'Authorizations I asked for or hold, in every company (renewal reminders, pending requests)',
  tags,
  access: { kind: 'user' },
  response: DelegationList,
  handler: async ({ app, actor }) => {
    const mine = or(
      eq(delegations.granteePersonId, actor.personId),
      eq(delegations.requestedByPersonId, actor.personId),
    );
    await expireDue(app, mine);
    return { delegations: await loadViews(app, app.db, mine, actor.personId) };
  },
});

const ownAction = (url: string, summary: string, run: typeof cancelRequest, event: string) =>
  defineRoute({
    method: 'POST',
    url,
    summary,
    tags,
    access: { kind: 'user' },
    params: DelegationParams,
    response: DelegationView,
    idempotent: true,
    handler: async ({ app, db, actor, params }) => {
      const row = await run(app, db, params.delegationId, actor.personId);
      await announce(app, row, event, db);
      return viewOrFail(await loadView(app, db, row.id, actor.personId));
    },
  });

const cancelRoute = ownAction(
  '/api/v1/delegations/:delegationId/cancel',
  'Cancel a waiting request',
  cancelRequest,
  'cancelled',
);
const resendRoute = ownAction(
  '/api/v1/delegations/:delegationId/resend',
  'A new approval link for a waiting request (the old one stops working)',
  resendRequest,
  'resent',
);
const renewRoute = ownAction(
  '/api/v1/delegations/:delegationId/renew',
  'Ask to renew an authorization with the same scopes and duration',
  renewDelegation,
  'requested',
);

// ---- the legal representative ----

const grantedRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/delegations/granted',
  summary: 'Every authorization of every company I represent (filter by status or company)',
  tags,
  access: { kind: 'user' },
  query: GrantedQuery,
  response: DelegationList,
  handler: async ({ app, actor, query }) => {
    const mine = await app.db
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.legalRepPersonId, actor.personId));
    const ids = mine.map((c) => c.id).filter((id) => !query.companyId || id === query.companyId);
    if (ids.length === 0) return { delegations: [] };
    await expireDue(app, inArray(delegations.companyId, ids));
    const conditions: SQL[] = [inArray(delegations.companyId, ids)];
    if (query.status) conditions.push(eq(delegations.status, query.status));
    return { delegations: await loadViews(app, app.db, and(...conditions), actor.personId) };
  },
});

const auditRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/delegations/:delegationId/audit',
  summary: 'The audit trail of an authorization: every transition and everything done under it',
  tags,
  access: { kind: 'user' },
  params: DelegationParams,
  response: DelegationAudit,
  handler: async ({ app, actor, params }) => {
    const [row] = await app.db.select().from(delegations).where(eq(delegations.id, params.delegationId));
    const isGrantee = row?.granteePersonId === actor.personId;
    if (!row || !isGrantee) await loadAsLegalRep(app.db, params.delegationId, actor.personId);
    return { entries: await auditTrail(app.db, params.delegationId) };
  },
});

const revokeRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/delegations/:delegationId/revoke',
  summary: 'Revoke an active authorization; it stops working on the delegate’s next request',
  tags,
  access: { kind: 'user' },
  params: DelegationParams,
  body: RejectBody,
  response: DelegationView,
  idempotent: true,
  handler: async ({ app, db, actor, params, body }) => {
    const row = await revokeDelegation(app, db, params.delegationId, actor.personId, body.reason);
    await announce(app, row, 'revoked', db);
    return viewOrFail(await loadView(app, db, row.id, actor.personId));
  },
});

const rejectRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/delegations/:delegationId/reject',
  summary: 'Decline a waiting request (signed in as the legal representative)',
  tags,
  access: { kind: 'user' },
  params: DelegationParams,
  body: RejectBody,
  response: DelegationView,
  idempotent: true,
  handler: async ({ app, db, actor, params, body }) => {
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
  },
});

// ---- the phone page: the link token is the key, the face is the credential ----

const approvalViewRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/approvals/:token',
  summary: 'What an approval link asks for: requester (masked ID), company, scopes, until when',
  tags,
  access: { kind: 'public' },
  params: LinkParams,
  response: ApprovalView,
  rateLimit: { max: 60, timeWindow: 60_000 },
  handler: async ({ app, params }) => approvalView(app, params.token),
});

const challengeRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/approvals/:token/challenge',
  summary: 'A fresh single-use liveness challenge (expires in 2 minutes)',
  tags,
  access: { kind: 'public' },
  params: LinkParams,
  response: FaceChallengeView,
  rateLimit: { max: 30, timeWindow: 60_000 },
  handler: async ({ app, params, request }) =>
    issueChallenge(app, params.token, request.headers['user-agent']),
});

const verifyRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/approvals/:token/verify',
  summary:
    'Submit the frames captured during the challenge; approves when the face matches and the liveness passes',
  tags,
  access: { kind: 'public' },
  params: LinkParams,
  body: FaceSubmission,
  response: ApprovalOutcome,
  bodyLimit: 16 * 1_048_576,
  rateLimit: { max: 20, timeWindow: 60_000 },
  handler: async ({ app, params, body, request }) => {
    const outcome = await verifyAndApprove(app, params.token, body, request.headers['user-agent']);
    if (outcome.approved) {
      await announce(app, outcome.row, 'approved');
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
  },
});

const linkRejectRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/approvals/:token/reject',
  summary: 'Decline the request from the approval page',
  tags,
  access: { kind: 'public' },
  params: LinkParams,
  body: RejectBody,
  response: Ok,
  rateLimit: { max: 30, timeWindow: 60_000 },
  handler: async ({ app, params, body }) => {
    const row = await resolveLink(app, app.db, params.token);
    // Saying no grants nothing, so it is allowed even while face checks are locked.
    requireAnswerable(app, row, { ignoreLock: true });
    const updated = await app.db.transaction((tx) =>
      rejectRequest(app, tx, row, { personId: null, actingAs: 'link-holder' }, body.reason),
    );
    await announce(app, updated, 'rejected');
    return { ok: true as const };
  },
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
