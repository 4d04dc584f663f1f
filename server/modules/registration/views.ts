import { and, desc, eq, inArray } from 'drizzle-orm';
import { confirmLinkPath } from '../../../shared/registration/links';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  companies,
  persons,
  registrationApplications,
  registrationEvents,
  registrationRecords,
} from '../../db/schema';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { findScopeEntry, licencesRequiredFor } from '../../../shared/registration/business-scope';
import type { ApplicationDraft } from '../../../shared/registration/application';
import type {
  ApplicationSummary,
  ApplicationView,
  ConfirmationEntry,
  IssuedRecord,
  PersonRole,
  StepId,
} from '../../../shared/api/registration';
import { text } from '../../../shared/text';
import { checkDraft } from './content';
import { confirmationsOf, type ConfirmationRow } from './confirmations';
import { checkNameWithRegistry } from './name-check';
import { readDraft, type ApplicationRow } from './store';
import { byTimeThenStep, timelineText } from './timeline';

const confirmationEntry = (
  ctx: AppContext,
  c: ConfirmationRow,
  viewerPersonId: string | null,
): ConfirmationEntry => {
  const open = c.method !== 'password' && c.status === 'pending';
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    roles: c.roles as PersonRole[],
    status: c.status,
    method: c.method,
    confirmedAt: c.confirmedAt?.toISOString() ?? null,
    isMe: viewerPersonId !== null && c.personId === viewerPersonId,
    linkPath: open && c.linkTokenEnc ? confirmLinkPath(ctx.cipher.decrypt(c.linkTokenEnc)) : null,
    code: open && c.method === 'code' && c.codeEnc ? ctx.cipher.decrypt(c.codeEnc) : null,
  };
};

const recordTitle = (kind: IssuedRecord['kind'], detail: Record<string, string>) => {
  switch (kind) {
    case 'business-licence':
      return text('电子营业执照', 'Electronic business licence');
    case 'seal':
      return text(`电子印章：${detail.sealName ?? ''}`, `Electronic seal: ${detail.sealName ?? ''}`);
    case 'tax-registration':
      return text('税务登记（小规模纳税人，数电发票）', 'Tax registration (small-scale, digital e-invoices)');
    case 'social-insurance':
      return text('社会保险登记', 'Social insurance registration');
    case 'housing-fund':
      return text('住房公积金缴存登记', 'Housing provident fund registration');
    case 'bank-account':
      return text(
        `银行开户预约：${detail.branchName ?? ''}`,
        `Bank account appointment: ${detail.branchName ?? ''}`,
      );
  }
};

const outcomeOf = async (db: DbOrTx, row: ApplicationRow): Promise<ApplicationView['outcome']> => {
  if (!row.companyId) return null;
  const [company] = await db
    .select({ uscc: companies.uscc, name: companies.name })
    .from(companies)
    .where(eq(companies.id, row.companyId));
  if (!company) return null;
  const records = await db
    .select()
    .from(registrationRecords)
    .where(eq(registrationRecords.applicationId, row.id))
    .orderBy(registrationRecords.createdAt);
  return {
    companyId: row.companyId,
    uscc: company.uscc,
    companyName: company.name,
    approvedAt: (row.decidedAt ?? row.updatedAt).toISOString(),
    records: records.map((r) => ({
      kind: r.kind,
      title: recordTitle(r.kind, r.detail),
      reference: r.reference,
      licenceId: r.licenceId,
      detail: r.detail,
    })),
  };
};

const requiredLicences = (draft: ApplicationDraft): ApplicationView['requiredLicences'] =>
  licencesRequiredFor((draft.businessScope ?? []).filter((c) => findScopeEntry(c))).map((r) => {
    const type = licenceTypeByKey(r.licenceTypeKey);
    return { ...r, name: type ? text(type.name.zh, type.name.en) : text(r.licenceTypeKey, r.licenceTypeKey) };
  });

/** The rules as of now, with the name checked against the registry and pending names. */
export const currentCheck = async (
  db: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  draft: ApplicationDraft,
): Promise<ApplicationView['check']> => {
  const checked = checkDraft(draft, ctx.now());
  const name = draft.name?.trim() ?? '';
  const nameProblems =
    name === '' || row.status === 'approved'
      ? []
      : (
          await checkNameWithRegistry(db, name, draft.companyType ?? 'llc', { excludeApplicationId: row.id })
        ).problems.map((p) => ({ ...p, field: 'name' }));
  return { complete: checked.complete, problems: [...nameProblems, ...checked.problems] };
};

export const applicationView = async (
  db: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  viewerPersonId: string | null,
): Promise<ApplicationView> => {
  const draft = readDraft(ctx, row);
  const [filer] = await db
    .select({ name: persons.name })
    .from(persons)
    .where(eq(persons.id, row.filerPersonId));
  const events = await db
    .select()
    .from(registrationEvents)
    .where(eq(registrationEvents.applicationId, row.id))
    .orderBy(registrationEvents.at, registrationEvents.id);
  const confirmations = await confirmationsOf(db, row.id);
  return {
    id: row.id,
    status: row.status,
    step: row.step as StepId,
    revision: row.revision,
    draft,
    filerName: filer?.name ?? '',
    check: await currentCheck(db, ctx, row, draft),
    reviewReasons: row.reviewReasons,
    returnComment: row.returnComment,
    confirmations: confirmations.map((c) => confirmationEntry(ctx, c, viewerPersonId)),
    timeline: events
      .sort(byTimeThenStep)
      .map((e) => ({ kind: e.kind, at: e.at.toISOString(), text: timelineText(e.kind, e.detail) })),
    requiredLicences: requiredLicences(draft),
    outcome: await outcomeOf(db, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};

export const listApplications = async (db: DbOrTx, filerPersonId: string): Promise<ApplicationSummary[]> => {
  const rows = await db
    .select({ a: registrationApplications, uscc: companies.uscc })
    .from(registrationApplications)
    .leftJoin(companies, eq(companies.id, registrationApplications.companyId))
    .where(eq(registrationApplications.filerPersonId, filerPersonId))
    .orderBy(desc(registrationApplications.updatedAt));
  const approvedIds = rows.filter((r) => r.a.status === 'approved').map((r) => r.a.id);
  const licences =
    approvedIds.length === 0
      ? []
      : await db
          .select({
            applicationId: registrationRecords.applicationId,
            reference: registrationRecords.reference,
          })
          .from(registrationRecords)
          .where(
            and(
              inArray(registrationRecords.applicationId, approvedIds),
              eq(registrationRecords.kind, 'business-licence'),
            ),
          );
  return rows.map(({ a, uscc }) => ({
    id: a.id,
    status: a.status,
    name: a.proposedName,
    step: a.step as StepId,
    updatedAt: a.updatedAt.toISOString(),
    companyId: a.companyId,
    uscc: uscc ?? null,
    licenceIdentifier: licences.find((l) => l.applicationId === a.id)?.reference ?? null,
  }));
};
