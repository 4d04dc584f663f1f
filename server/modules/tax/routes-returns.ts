import { desc, eq } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { HttpError } from '../../http/errors';
import { taxReturns } from '../../db/schema';
import { CompanyParams } from '../../../shared/api/companies';
import {
  DueList,
  PaymentParams,
  Prefill,
  PrefillQuery,
  ReturnDetail,
  ReturnList,
  ReturnParams,
  SaveDraftBody,
  SubmitBody,
  ZeroReturnBody,
} from '../../../shared/api/tax';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { listMyCompanies } from '../companies';
import { publishAfterCommit } from './after-commit';
import { attachmentIn } from '../../http/download-name';
import { loadTaxCompany } from './company';
import { companyDueItems, dueItemsFor, permissionsFor } from './due';
import { saveDraft } from './drafts';
import { payTax } from './payments';
import { prefillReturn } from './prefill';
import { receiptPdf } from './receipt-pdf';
import { submitReturn } from './submit';
import { loadReturnDetail, toSummary } from './views';
import { fileZeroReturn } from './zero-filing';

const tags = ['tax'];

const myDueRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/tax/due',
  summary: 'What is due across my companies, soonest first',
  tags,
  access: { kind: 'user' },
  response: DueList,
  handler: async ({ app, actor }) => {
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
  },
});

const companyDueRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/tax/due',
  summary: 'What the company must file or pay, with days left',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: CompanyParams,
  response: DueList,
  handler: async ({ app, params, actor }) => {
    const today = chinaToday(app.now());
    return { today, items: await dueItemsFor(app.db, params.companyId, actor.personId, app.now(), today) };
  },
});

const listRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/tax/returns',
  summary: 'Every return of the company, every version, newest first',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: CompanyParams,
  response: ReturnList,
  handler: async ({ app, params }) => {
    const rows = await app.db
      .select()
      .from(taxReturns)
      .where(eq(taxReturns.companyId, params.companyId))
      .orderBy(desc(taxReturns.updatedAt))
      .limit(200);
    return { returns: rows.map(toSummary) };
  },
});

const detailRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/tax/returns/:returnId',
  summary: 'A return with its figures, signature, payment and version history',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: ReturnParams,
  response: ReturnDetail,
  handler: async ({ app, params }) => loadReturnDetail(app.db, params.companyId, params.returnId),
});

const receiptRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/tax/returns/:returnId/receipt.pdf',
  summary: 'The receipt of an accepted return (PDF)',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: ReturnParams,
  produces: 'application/pdf',
  handler: async ({ app, params, reply, lang }) => {
    const detail = await loadReturnDetail(app.db, params.companyId, params.returnId);
    if (detail.status !== 'accepted')
      throw new HttpError(
        409,
        'NOT_ACCEPTED',
        text('申报尚未受理，没有回执。', 'The return is not accepted yet; there is no receipt.'),
      );
    const pdf = await receiptPdf(detail);
    void reply.header('content-type', 'application/pdf');
    void reply.header(
      'content-disposition',
      attachmentIn(lang, text(`申报回执-${detail.receiptNumber}.pdf`, `receipt-${detail.receiptNumber}.pdf`)),
    );
    return pdf;
  },
});

const prefillRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/tax/prefill',
  summary: 'Where a return starts: draft, corrected version or invoice totals; refuses PERIOD_ALREADY_FILED',
  tags,
  access: { kind: 'company', scope: 'tax.file' },
  params: CompanyParams,
  query: PrefillQuery,
  response: Prefill,
  handler: async ({ app, params, query }) => prefillReturn(app.db, params.companyId, query, app.now()),
});

const draftRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/companies/:companyId/tax/drafts',
  summary: 'Save the figures of a return as typed (checked on submission)',
  tags,
  access: { kind: 'company', scope: 'tax.file' },
  params: CompanyParams,
  body: SaveDraftBody,
  response: ReturnDetail,
  handler: async ({ app, params, body, authority }) => {
    const row = await app.db.transaction((tx) => saveDraft(tx, app, authority, body));
    return loadReturnDetail(app.db, params.companyId, row.id);
  },
});

const submitRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/tax/returns',
  summary:
    'Submit (or correct) a return: recomputed, signed by the session, accepted by the simulated bureau',
  tags,
  access: { kind: 'company', scope: 'tax.file' },
  params: CompanyParams,
  body: SubmitBody,
  response: ReturnDetail,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, params, body, actor, authority, reply }) => {
    const row = await submitReturn(db, app, { authority, sessionId: actor.sessionId, ...body });
    const company = await loadTaxCompany(db, params.companyId);
    publishAfterCommit(reply, app, [actor.personId, company.legalRepPersonId], {
      type: 'tax.return.accepted',
      data: { companyId: params.companyId, returnId: row.id },
    });
    return loadReturnDetail(db, params.companyId, row.id);
  },
});

const zeroRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/tax/zero-returns',
  summary: '零申报 of VAT and surcharges for a period with no sales (idempotent per company and period)',
  tags,
  access: { kind: 'company', scope: 'tax.file' },
  params: CompanyParams,
  body: ZeroReturnBody,
  response: ReturnDetail,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, params, body, actor, authority, reply }) => {
    const { row } = await fileZeroReturn(db, app, {
      companyId: params.companyId,
      period: body.period,
      authority,
      sessionId: actor.sessionId,
    });
    const company = await loadTaxCompany(db, params.companyId);
    publishAfterCommit(reply, app, [actor.personId, company.legalRepPersonId], {
      type: 'tax.return.accepted',
      data: { companyId: params.companyId, returnId: row.id },
    });
    return loadReturnDetail(db, params.companyId, row.id);
  },
});

const payRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/tax/payments/:paymentId/pay',
  summary: 'Simulated 缴款: marks the tax paid and issues the 税收完税证明 (no bank is involved)',
  tags,
  access: { kind: 'company', scope: 'tax.pay' },
  params: PaymentParams,
  response: ReturnDetail,
  idempotent: true,
  handler: async ({ app, db, params, actor, authority, reply }) => {
    const paid = await payTax(db, app, authority, params.paymentId);
    publishAfterCommit(reply, app, [actor.personId], {
      type: 'tax.payment.paid',
      data: { companyId: params.companyId, returnId: paid.returnId },
    });
    return loadReturnDetail(db, params.companyId, paid.returnId);
  },
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
