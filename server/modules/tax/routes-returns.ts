import { attachmentIn } from '../../http/download-name';
import { documentLang } from '../../http/lang';
import { desc, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { taxReturnsApi } from '../../../shared/api/contracts/tax-returns';
import { HttpError } from '../../http/errors';
import { taxReturns } from '../../db/schema';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { listMyCompanies } from '../companies';
import { loadTaxCompany } from './company';
import { companyDueItems, dueItemsFor, permissionsFor } from './due';
import { saveDraft } from './drafts';
import { payTax } from './payments';
import { prefillReturn } from './prefill';
import { receiptPdf } from './receipt-pdf';
import { submitReturn } from './submit';
import { loadReturnDetail, toSummary } from './views';
import { fileZeroReturn } from './zero-filing';

const myDueRoute = implement(taxReturnsApi.myDue, async ({ app, actor }) => {
  const now = app.now();
  const today = chinaToday(now);
  const mine = (await listMyCompanies(app.db, actor.personId, now)).filter((c) => c.status === 'active');
  const lists = await Promise.all(
    mine.map(async (c) =>
      companyDueItems(
        app.db,
        await loadTaxCompany(app.db, c.id),
        today,
        await permissionsFor(app.db, actor.personId, c.id, now),
      ),
    ),
  );
  const items = lists
    .flat()
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.companyName.localeCompare(b.companyName));
  return { today, items };
});

const companyDueRoute = implement(taxReturnsApi.companyDue, async ({ app, params, actor, authority }) => {
  const now = app.now();
  const today = chinaToday(now);
  return { today, items: await dueItemsFor(app.db, params.companyId, actor.personId, now, today, authority) };
});

const listRoute = implement(taxReturnsApi.list, async ({ app, params }) => {
  const rows = await app.db
    .select()
    .from(taxReturns)
    .where(eq(taxReturns.companyId, params.companyId))
    .orderBy(desc(taxReturns.updatedAt))
    .limit(200);
  return { returns: rows.map(toSummary) };
});

const detailRoute = implement(taxReturnsApi.detail, async ({ app, params }) =>
  loadReturnDetail(app.db, params.companyId, params.returnId),
);

const receiptRoute = implement(taxReturnsApi.receipt, async ({ app, params, reply, request }) => {
  // The filer's own document: in 繁體 for a zh-HK reader (file name too).
  const lang = documentLang(request);
  const detail = await loadReturnDetail(app.db, params.companyId, params.returnId);
  if (detail.status !== 'accepted')
    throw new HttpError(
      409,
      'NOT_ACCEPTED',
      text('申报尚未受理，没有回执。', 'The return is not accepted yet; there is no receipt.'),
    );
  const pdf = await receiptPdf(detail, { traditional: lang === 'zh-HK' });
  void reply.header('content-type', 'application/pdf');
  void reply.header(
    'content-disposition',
    attachmentIn(lang, text(`申报回执-${detail.receiptNumber}.pdf`, `receipt-${detail.receiptNumber}.pdf`)),
  );
  return pdf;
});

const prefillRoute = implement(taxReturnsApi.prefill, async ({ app, params, query }) =>
  prefillReturn(app.db, params.companyId, query, app.now()),
);

const draftRoute = implement(taxReturnsApi.draft, async ({ app, params, body, authority }) => {
  const row = await app.db.transaction((tx) => saveDraft(tx, app, authority, body));
  return loadReturnDetail(app.db, params.companyId, row.id);
});

const submitRoute = implement(taxReturnsApi.submit, async ({ app, db, params, body, actor, authority }) => {
  const row = await submitReturn(db, app, { authority, sessionId: actor.sessionId, ...body });
  const company = await loadTaxCompany(db, params.companyId);
  await app.bus.publishTo(
    [actor.personId, company.legalRepPersonId],
    {
      type: 'tax.return.accepted',
      data: { companyId: params.companyId, returnId: row.id },
    },
    db,
  );
  return loadReturnDetail(db, params.companyId, row.id);
});

const zeroRoute = implement(taxReturnsApi.zero, async ({ app, db, params, body, actor, authority }) => {
  const { row } = await fileZeroReturn(db, app, {
    companyId: params.companyId,
    period: body.period,
    authority,
    sessionId: actor.sessionId,
  });
  const company = await loadTaxCompany(db, params.companyId);
  await app.bus.publishTo(
    [actor.personId, company.legalRepPersonId],
    {
      type: 'tax.return.accepted',
      data: { companyId: params.companyId, returnId: row.id },
    },
    db,
  );
  return loadReturnDetail(db, params.companyId, row.id);
});

const payRoute = implement(taxReturnsApi.pay, async ({ app, db, params, actor, authority }) => {
  const paid = await payTax(db, app, authority, params.paymentId);
  await app.bus.publishTo(
    [actor.personId],
    {
      type: 'tax.payment.paid',
      data: { companyId: params.companyId, returnId: paid.returnId },
    },
    db,
  );
  return loadReturnDetail(db, params.companyId, paid.returnId);
});

export const taxReturnRoutes = [
  myDueRoute,
  companyDueRoute,
  listRoute,
  detailRoute,
  receiptRoute,
  prefillRoute,
  draftRoute,
  submitRoute,
  zeroRoute,
  payRoute,
];
