import { asc, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { attachmentIn } from '../../http/download-name';
import { changeApplications, changeConfirmations, equityNotices } from '../../db/schema';
import { changesApi } from '../../../shared/api/contracts/changes';
import { changeItemRules } from '../../../shared/lifecycle/change-items';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { confirmationFor, confirmChangeWithFace, issueChangeChallenge } from './confirm';
import { createChange } from './create';
import { decideDelegationReview, delegationReviewViews } from './delegation-reviews';
import { answerEquityNotice } from './equity-notices';
import { loadFacts, sharesOf } from './facts';
import { resolutionPdf } from './resolution-pdf';
import { applyAfterClaimWindow, decideChange, resubmitChange } from './review';
import { getChange, getCompanyChange, readProposal } from './store';
import { changeView, changeViews, companyChanges } from './views';

const announce = (personIds: readonly string[], companyId: string, changeId: string) => ({
  personIds,
  event: { type: 'change.updated' as const, data: { companyId, changeId } },
});

const formRoute = implement(changesApi.form, async ({ app, params }) => {
  const loaded = await loadFacts(app, app.db, params.companyId);
  return {
    companyId: params.companyId,
    today: chinaToday(app.now()),
    facts: loaded.facts,
    shareholders: sharesOf(loaded.shareholders),
    items: changeItemRules.map((r) => ({ key: r.key, kind: r.kind, label: r.label, vote: r.vote })),
  };
});

const listRoute = implement(changesApi.list, async ({ app, params, actor }) => ({
  items: await changeViews(app.db, await companyChanges(app.db, params.companyId), actor.personId),
  capitalTermFlag: (await loadFacts(app, app.db, params.companyId)).facts.capitalTermFlag,
}));

const createRoute = implement(changesApi.create, async ({ app, db, body, authority, actor }) => {
  const { row, notify } = await createChange(app, db, authority, body);
  const a = announce(notify, row.companyId, row.id);
  await app.bus.publishTo(a.personIds, a.event, db);
  return changeView(db, row, actor.personId);
});

const detailRoute = implement(changesApi.detail, async ({ app, params, actor }) =>
  changeView(app.db, await getCompanyChange(app.db, params.companyId, params.changeId), actor.personId),
);

const resolutionRoute = implement(changesApi.resolution, async ({ app, params, actor, reply, lang }) => {
  const row = await getCompanyChange(app.db, params.companyId, params.changeId);
  const view = await changeView(app.db, row, actor.personId);
  const loaded = await loadFacts(app, app.db, params.companyId);
  const votes = readProposal(app, row).votes;
  const voters =
    loaded.shareholders.length > 0
      ? loaded.shareholders
      : votes.map((v) => ({ name: v.shareholder, votingRights: '1' }));
  const pdf = await resolutionPdf(view, voters, votes);
  void reply.header('content-type', 'application/pdf');
  void reply.header(
    'content-disposition',
    attachmentIn(
      lang,
      text(`股东会决议-${view.resolutionDate}.pdf`, `resolution-${view.resolutionDate}.pdf`),
    ),
  );
  return pdf;
});

const applyRoute = implement(changesApi.apply, async ({ app, db, params, authority, actor }) => {
  const row = await applyAfterClaimWindow(app, db, authority, params.changeId);
  const a = announce([actor.personId], row.companyId, row.id);
  await app.bus.publishTo(a.personIds, a.event, db);
  return changeView(db, row, actor.personId);
});

const resubmitRoute = implement(changesApi.resubmit, async ({ app, db, params, authority, actor }) =>
  changeView(db, await resubmitChange(app, db, authority, params.changeId), actor.personId),
);

const myConfirmationsRoute = implement(changesApi.myConfirmations, async ({ app, actor }) => {
  const mine = await app.db
    .select({ c: changeConfirmations, a: changeApplications })
    .from(changeConfirmations)
    .innerJoin(changeApplications, eq(changeApplications.id, changeConfirmations.applicationId))
    .where(eq(changeConfirmations.personId, actor.personId))
    .orderBy(asc(changeApplications.createdAt));
  const open = mine.filter((m) => m.c.status === 'pending' && m.a.status === 'awaiting-confirmations');
  const views = await changeViews(
    app.db,
    open.map((m) => m.a),
    actor.personId,
  );
  return { items: views.map((v, i) => ({ ...v, confirmationId: open[i]!.c.id })) };
});

const myEquityNoticesRoute = implement(changesApi.myEquityNotices, async ({ app, actor }) => {
  const mine = await app.db
    .select({ n: equityNotices, a: changeApplications })
    .from(equityNotices)
    .innerJoin(changeApplications, eq(changeApplications.id, equityNotices.applicationId))
    .where(eq(equityNotices.personId, actor.personId))
    .orderBy(asc(changeApplications.createdAt));
  const open = mine.filter((m) => m.n.answer === null && m.a.status === 'pre-emption-notice');
  const views = await changeViews(
    app.db,
    open.map((m) => m.a),
    actor.personId,
  );
  return { items: views.map((v, i) => ({ ...v, noticeId: open[i]!.n.id })) };
});

const answerEquityNoticeRoute = implement(
  changesApi.answerEquityNotice,
  async ({ app, db, params, body, actor }) => {
    const { row, notify } = await answerEquityNotice(app, db, actor.personId, params.noticeId, body.answer);
    const a = announce(notify, row.companyId, row.id);
    await app.bus.publishTo(a.personIds, a.event, db);
    return changeView(db, row, actor.personId);
  },
);

const challengeRoute = implement(changesApi.faceChallenge, async ({ app, params, actor, request }) =>
  issueChangeChallenge(
    app,
    await confirmationFor(app, params.confirmationId, actor.personId),
    request.headers['user-agent'],
  ),
);

const confirmRoute = implement(changesApi.confirmFace, async ({ app, params, body, actor, request }) => {
  const c = await confirmationFor(app, params.confirmationId, actor.personId);
  const { row, notify } = await confirmChangeWithFace(app, c, body, request.headers['user-agent']);
  const a = announce(notify, row.companyId, row.id);
  await app.bus.publishTo(a.personIds, a.event);
  return changeView(app.db, row, actor.personId);
});

const reviewQueueRoute = implement(changesApi.reviewQueue, async ({ app, actor }) => {
  const rows = await app.db
    .select()
    .from(changeApplications)
    .where(eq(changeApplications.status, 'submitted'))
    .orderBy(asc(changeApplications.submittedAt));
  return { items: await changeViews(app.db, rows, actor.personId) };
});

const reviewDetailRoute = implement(changesApi.reviewDetail, async ({ app, params, actor }) =>
  changeView(app.db, await getChange(app.db, params.changeId), actor.personId),
);

const decideRoute = implement(changesApi.decide, async ({ app, db, params, body, actor }) => {
  const { row, notify } = await decideChange(
    app,
    db,
    actor.personId,
    params.changeId,
    body.decision,
    body.note,
  );
  const a = announce(notify, row.companyId, row.id);
  await app.bus.publishTo(a.personIds, a.event, db);
  return changeView(db, row, actor.personId);
});

const delegationReviewsRoute = implement(changesApi.delegationReviews, async ({ app, params }) => ({
  items: await delegationReviewViews(app.db, params.companyId),
}));

const decideDelegationRoute = implement(
  changesApi.decideDelegation,
  async ({ app, db, params, body, authority }) => {
    const { view, notify, changeId } = await decideDelegationReview(
      app,
      db,
      authority,
      params.reviewId,
      body.keep,
    );
    await app.bus.publishTo(
      notify,
      { type: 'change.updated', data: { companyId: params.companyId, changeId } },
      db,
    );
    return view;
  },
);

export const changeRoutes = [
  formRoute,
  listRoute,
  createRoute,
  detailRoute,
  resolutionRoute,
  applyRoute,
  resubmitRoute,
  myConfirmationsRoute,
  myEquityNoticesRoute,
  answerEquityNoticeRoute,
  challengeRoute,
  confirmRoute,
  reviewQueueRoute,
  reviewDetailRoute,
  decideRoute,
  delegationReviewsRoute,
  decideDelegationRoute,
];
