import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { batches, batchItems, companies, persons } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { maskCompanyName, maskUscc } from '../../../shared/masking';
import type {
  BatchDetail,
  BatchView,
  ClientSelection,
  PreflightOverride,
  RenewalBatchBody,
  ZeroFilingBody,
} from '../../../shared/api/firms';
import type { BatchKinds, BatchRow } from '../batches';
import { runnerFor, type BatchRunner } from '../batches';
import { batchCounts, createBatch, emptyCounts, type NewItem } from '../batches';
import { visibleClientIds, type FirmMembership } from './access';
import { zeroFilingRows, parsePeriod } from './zero-eligibility';
import { zeroFilingKind } from './zero-filing-kind';
import { renewalKind, renewableDelegations } from './renewal-kind';
import { receiptExportKind } from './receipt-kind';
import { invoiceFilingKind } from './invoice-filing-kind';
import { invoiceReviewRows } from './invoice-review';
import type { InvoiceFilingBody } from '../../../shared/firms/invoice-batch';
import {
  completeReport,
  type AnnualReportBatchBody,
  type AnnualReportBatchParams,
} from '../../../shared/firms/annual-report-batch';
import { annualReportKind } from './annual-report-kind';
import { annualReportRows } from './annual-report-review';

export const firmBatchKinds: BatchKinds = {
  'zero-filing': zeroFilingKind,
  'receipt-export': receiptExportKind,
  'delegation-renewal': renewalKind,
  'invoice-filing': invoiceFilingKind,
  'annual-report': annualReportKind,
};

/** The platform's batch runner with the firm workspace's kinds. */
export const firmRunner = (ctx: AppContext): BatchRunner => runnerFor(ctx, firmBatchKinds);

const audit = (tx: DbOrTx, m: FirmMembership, batch: BatchRow, action: string) =>
  writeAudit(tx, {
    actorPersonId: m.personId,
    actingAs: 'firm-staff',
    action,
    firmId: m.firmId,
    // The reviewed totals stay on the batch; the audit keeps what was asked.
    detail: {
      batchId: batch.id,
      kind: batch.kind,
      total: batch.total,
      params: { ...batch.params, totals: undefined },
    },
  });

const nothing = (zh: string, en: string) =>
  new DomainError('NOTHING_TO_DO', text(zh, en), { field: 'clients' });

/** Makes a zero-filing batch: eligible clients queued, the others recorded as skipped with why. */
export const createZeroFilingBatch = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  body: ZeroFilingBody,
  sessionId: string,
): Promise<BatchRow> => {
  const now = ctx.now();
  const rows = await zeroFilingRows(tx, m, {
    tax: body.tax,
    period: parsePeriod(body.periodKey),
    clients: body.clients,
    now,
    ...(body.overrides ? { overrides: body.overrides } : {}),
  });
  if (!rows.some((r) => r.eligible))
    throw nothing(
      '所选客户都不符合零申报条件，请查看预览中的原因。',
      'None of the selected clients can have a nil return filed; see the reasons in the preview.',
    );
  const items: NewItem[] = rows.map((r) => ({
    companyId: r.companyId,
    ...(r.eligible || !r.code || !r.reason ? {} : { skip: { code: r.code, message: r.reason } }),
  }));
  const batch = await createBatch(tx, {
    kind: 'zero-filing',
    firmId: m.firmId,
    ownerPersonId: m.personId,
    params: { tax: body.tax, periodKey: body.periodKey, sessionId },
    items,
    now,
  });
  await audit(tx, m, batch, 'batch.create');
  await auditOverrides(tx, m, batch, rows, body.overrides ?? []);
  return batch;
};

/**
 * Each pre-flight finding let pass, on the client's own record (its legal representative sees it in
 * the activity log) with the note the person gave.
 */
export const auditOverrides = async (
  tx: DbOrTx,
  m: FirmMembership,
  batch: BatchRow,
  rows: readonly {
    companyId: string;
    eligible: boolean;
    checks: readonly { code: string; overridden: boolean }[];
  }[],
  overrides: readonly PreflightOverride[],
): Promise<void> => {
  for (const r of rows) {
    if (!r.eligible) continue;
    for (const c of r.checks) {
      if (!c.overridden) continue;
      const note = overrides.find((o) => o.companyId === r.companyId && o.code === c.code)?.note ?? '';
      await writeAudit(tx, {
        actorPersonId: m.personId,
        actingAs: 'firm-staff',
        action: 'batch.preflight-override',
        companyId: r.companyId,
        firmId: m.firmId,
        detail: { batchId: batch.id, kind: batch.kind, code: c.code, note },
      });
    }
  }
};

/**
 * Makes a batch filing from invoices: the ticked clients are checked again (pre-flight, with the
 * overrides given); those still blocked are recorded as skipped with the reason, the others queued
 * with the total the filer reviewed.
 */
export const createInvoiceFilingBatch = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  body: InvoiceFilingBody,
  sessionId: string,
): Promise<BatchRow> => {
  const now = ctx.now();
  const rows = await invoiceReviewRows(tx, m, {
    period: parsePeriod(body.periodKey),
    companyIds: body.items.map((i) => i.companyId),
    now,
    ...(body.overrides ? { overrides: body.overrides } : {}),
  });
  if (!rows.some((r) => r.eligible))
    throw nothing(
      '所选客户都未通过申报前检查，请查看核对表中的原因。',
      'None of the selected clients passed the pre-flight checks; see the reasons in the review.',
    );
  const items: NewItem[] = rows.map((r) => ({
    companyId: r.companyId,
    ...(r.eligible || !r.code || !r.reason ? {} : { skip: { code: r.code, message: r.reason } }),
  }));
  const totals = Object.fromEntries(body.items.map((i) => [i.companyId, i.confirmedTotal]));
  const batch = await createBatch(tx, {
    kind: 'invoice-filing',
    firmId: m.firmId,
    ownerPersonId: m.personId,
    params: { periodKey: body.periodKey, sessionId, totals },
    items,
    now,
  });
  await audit(tx, m, batch, 'batch.create');
  await auditOverrides(tx, m, batch, rows, body.overrides ?? []);
  return batch;
};

/**
 * Makes a batch of annual reports: the clients are reviewed again; each one still refused
 * (authority, access group, already filed…) is recorded as skipped with the reason; every other one
 * must be complete — prefill plus what the firm supplied — or the whole request is refused naming
 * the client and item (complete it or leave the client out). The complete reports are stored with
 * the batch: what the firm reviewed is what is filed.
 */
export const createAnnualReportBatch = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  body: AnnualReportBatchBody,
): Promise<BatchRow> => {
  const now = ctx.now();
  const rows = await annualReportRows(ctx, tx, m, {
    reportYear: body.reportYear,
    clients: { companyIds: body.items.map((i) => i.companyId) },
    now,
  });
  const byId = new Map(rows.map((r) => [r.companyId, r]));
  const reports: z.infer<typeof AnnualReportBatchParams>['reports'] = {};
  const items: NewItem[] = [];
  for (const [i, item] of body.items.entries()) {
    const row = byId.get(item.companyId)!;
    if (row.code && row.reason) {
      items.push({ companyId: item.companyId, skip: { code: row.code, message: row.reason } });
      continue;
    }
    const content = completeReport(row.content, item.supplied, `items.${i}.supplied`);
    reports[item.companyId] = { content, withheld: item.withheld ?? row.withheld };
    items.push({ companyId: item.companyId });
  }
  if (Object.keys(reports).length === 0)
    throw nothing(
      '所选客户都不能报送年报，请查看核对表中的原因。',
      'None of the selected clients can file the annual report; see the reasons in the review.',
    );
  const batch = await createBatch(tx, {
    kind: 'annual-report',
    firmId: m.firmId,
    ownerPersonId: m.personId,
    params: { reportYear: body.reportYear, reports },
    items,
    now,
  });
  // The reviewed reports stay on the batch; the audit keeps what was asked, per client.
  await writeAudit(tx, {
    actorPersonId: m.personId,
    actingAs: 'firm-staff',
    action: 'batch.create',
    firmId: m.firmId,
    detail: { batchId: batch.id, kind: batch.kind, total: batch.total, reportYear: body.reportYear },
  });
  return batch;
};

export const createReceiptBatch = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  body: { periodKey: string; clients: ClientSelection },
): Promise<BatchRow> => {
  parsePeriod(body.periodKey);
  const visible = await visibleClientIds(tx, m);
  if (!('companyIds' in body.clients))
    throw nothing('请先选择要导出回执的客户。', 'Choose the clients whose receipts to export.');
  const items: NewItem[] = body.clients.companyIds.map((companyId) =>
    visible && !visible.has(companyId)
      ? {
          companyId,
          skip: {
            code: 'NOT_IN_ACCESS_GROUP',
            message: text('您所在的分组不负责该客户。', 'This client is not in your access groups.'),
          },
        }
      : { companyId },
  );
  const batch = await createBatch(tx, {
    kind: 'receipt-export',
    firmId: m.firmId,
    ownerPersonId: m.personId,
    params: { periodKey: body.periodKey },
    items,
    now: ctx.now(),
  });
  await audit(tx, m, batch, 'batch.create');
  return batch;
};

/** Renewal requests for every authorization ending within N days (visible to the member). */
export const createRenewalBatch = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  body: RenewalBatchBody,
): Promise<BatchRow> => {
  const visible = await visibleClientIds(tx, m);
  const due = (await renewableDelegations(tx, m.firmId, ctx.now(), body.withinDays)).filter(
    (d) => !visible || visible.has(d.row.companyId),
  );
  if (due.length === 0)
    throw nothing(
      `没有 ${body.withinDays} 天内到期的授权。`,
      `No authorization ends within ${body.withinDays} days.`,
    );
  const items: NewItem[] = due.map((d) =>
    d.alreadyRequested
      ? {
          companyId: d.row.companyId,
          skip: {
            code: 'REQUEST_ALREADY_PENDING',
            message: text(
              '已有待法定代表人确认的续期申请。',
              'A renewal request is already waiting for the legal representative.',
            ),
          },
        }
      : { companyId: d.row.companyId },
  );
  const batch = await createBatch(tx, {
    kind: 'delegation-renewal',
    firmId: m.firmId,
    ownerPersonId: m.personId,
    params: { withinDays: body.withinDays },
    items,
    now: ctx.now(),
  });
  await audit(tx, m, batch, 'batch.create');
  return batch;
};

const ownerName = async (db: DbOrTx, personId: string): Promise<string> =>
  (await db.select({ name: persons.name }).from(persons).where(eq(persons.id, personId)))[0]?.name ?? '';

const toView = (b: BatchRow, counts: BatchView['counts'], owner: string): BatchView => ({
  id: b.id,
  kind: b.kind as BatchView['kind'],
  firmId: b.firmId,
  status: b.status,
  title: firmBatchKinds[b.kind]?.title(b.params) ?? text(b.kind, b.kind),
  total: b.total,
  counts,
  ownerName: owner,
  createdAt: b.createdAt.toISOString(),
  finishedAt: b.finishedAt?.toISOString() ?? null,
  hasOutput: b.kind === 'receipt-export' && b.status === 'done' && counts.done > 0,
});

export const batchViewOf = async (db: DbOrTx, b: BatchRow): Promise<BatchView> =>
  toView(b, (await batchCounts(db, [b.id])).get(b.id) ?? emptyCounts(), await ownerName(db, b.ownerPersonId));

/** The firm's batches, newest first: all for an admin, one's own for staff. */
export const listBatches = async (db: DbOrTx, m: FirmMembership): Promise<BatchView[]> => {
  const rows = await db
    .select({ b: batches, owner: persons.name })
    .from(batches)
    .innerJoin(persons, eq(persons.id, batches.ownerPersonId))
    .where(
      and(
        eq(batches.firmId, m.firmId),
        m.role === 'admin' ? undefined : eq(batches.ownerPersonId, m.personId),
      ),
    )
    .orderBy(desc(batches.createdAt))
    .limit(100);
  const counts = await batchCounts(
    db,
    rows.map((r) => r.b.id),
  );
  return rows.map((r) => toView(r.b, counts.get(r.b.id) ?? emptyCounts(), r.owner));
};

export const loadBatch = async (db: DbOrTx, m: FirmMembership, batchId: string): Promise<BatchRow> => {
  const [b] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.firmId, m.firmId)));
  if (!b || (m.role !== 'admin' && b.ownerPersonId !== m.personId))
    throw new DomainError('BATCH_NOT_FOUND', text('未找到该批量任务。', 'Batch not found.'));
  return b;
};

export const batchDetail = async (db: DbOrTx, m: FirmMembership, batchId: string): Promise<BatchDetail> => {
  const b = await loadBatch(db, m, batchId);
  const kind = firmBatchKinds[b.kind];
  const items = await db
    .select({ i: batchItems, name: companies.name, uscc: companies.uscc })
    .from(batchItems)
    .innerJoin(companies, eq(companies.id, batchItems.companyId))
    .where(eq(batchItems.batchId, b.id))
    .orderBy(batchItems.seq);
  const counts = (await batchCounts(db, [b.id])).get(b.id) ?? emptyCounts();
  // Staff see clients outside their access groups (selected, then skipped) only masked.
  const visible = await visibleClientIds(db, m);
  const shown = (companyId: string) => !visible || visible.has(companyId);
  return {
    ...toView(b, counts, await ownerName(db, b.ownerPersonId)),
    items: items.map(({ i, name, uscc }) => ({
      id: i.id,
      seq: i.seq,
      companyId: i.companyId,
      companyName: shown(i.companyId) ? name : maskCompanyName(name),
      uscc: shown(i.companyId) ? uscc : maskUscc(uscc),
      status: i.status,
      attempts: i.attempts,
      outcome:
        i.result && (i.status === 'done' || i.status === 'skipped')
          ? (kind?.describe(i.result) ?? null)
          : null,
      error: i.errorCode && i.errorMessage ? { code: i.errorCode, message: i.errorMessage } : null,
      finishedAt: i.finishedAt?.toISOString() ?? null,
    })),
  };
};
