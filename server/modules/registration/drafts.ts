import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { registrationApplications } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { writeAudit } from '../../audit/write';
import { type ApplicationDraft, Services } from '../../../shared/registration/application';
import { checkCompanyName } from '../../../shared/registration/name-rules';
import type { SaveDraftRequest, SaveDraftResponse } from '../../../shared/api/registration';
import { text } from '../../../shared/text';
import { checkDraft, contentHash, draftHash } from './content';
import { requestConfirmations, resetConfirmations } from './confirmations';
import { checkNameWithRegistry } from './name-check';
import { invalid } from './submit';
import { addEvent, EDITABLE_STATUSES, notEditable, readDraft, sealDraft, type ApplicationRow } from './store';

/** A new application: limited liability company, every bundled service ticked. */
export const createApplication = async (
  tx: DbOrTx,
  ctx: AppContext,
  filerPersonId: string,
): Promise<ApplicationRow> => {
  const draft: ApplicationDraft = { companyType: 'llc', services: Services.parse({}) };
  const now = ctx.now();
  const [row] = await tx
    .insert(registrationApplications)
    .values({ filerPersonId, dataEnc: sealDraft(ctx, draft), createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await addEvent(tx, row.id, 'created', now);
  await writeAudit(tx, {
    actorPersonId: filerPersonId,
    actingAs: 'self',
    action: 'registration.create',
    detail: { applicationId: row.id },
  });
  return row;
};

const nameColumns = (draft: ApplicationDraft): Pick<ApplicationRow, 'proposedName' | 'nameParts'> => {
  const name = draft.name?.trim() ?? '';
  if (name === '') return { proposedName: null, nameParts: null };
  const parts = checkCompanyName(name, { existing: [], legalForm: draft.companyType ?? 'llc' }).parts;
  return { proposedName: name, nameParts: parts ?? null };
};

/**
 * Saves the draft as typed (every step, even incomplete). A save based on an older revision is
 * refused so that two machines never silently overwrite each other. Changing what people already
 * confirmed sends the application back to draft.
 */
export const saveDraft = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  body: SaveDraftRequest,
): Promise<SaveDraftResponse> => {
  if (!EDITABLE_STATUSES.includes(row.status)) throw notEditable(row.status);
  if (body.revision !== row.revision)
    throw new DomainError(
      'DRAFT_CHANGED_ELSEWHERE',
      text(
        '此申请已在其他设备或窗口中修改，请载入最新内容后继续。',
        'This application was changed on another device or window; load the latest version and continue.',
      ),
    );
  let status = row.status;
  let hash = row.contentHash;
  if (status !== 'draft' && draftHash(body.draft) !== row.contentHash) {
    await resetConfirmations(tx, ctx, row);
    status = 'draft';
    hash = null;
  }
  const now = ctx.now();
  const revision = row.revision + 1;
  await tx
    .update(registrationApplications)
    .set({
      dataEnc: sealDraft(ctx, body.draft),
      step: body.step,
      revision,
      status,
      contentHash: hash,
      updatedAt: now,
      ...nameColumns(body.draft),
    })
    .where(eq(registrationApplications.id, row.id));
  return { revision, status, savedAt: now.toISOString() };
};

/** Checks everything (the name against the registry too) and asks everyone named to confirm. */
export const askForConfirmations = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  filer: { personId: string; name: string },
): Promise<string[]> => {
  if (!EDITABLE_STATUSES.includes(row.status)) throw notEditable(row.status);
  const draft = readDraft(ctx, row);
  const checked = checkDraft(draft, ctx.now());
  if (!checked.app) throw invalid(checked.problems);
  const name = await checkNameWithRegistry(tx, checked.app.name, checked.app.companyType, {
    excludeApplicationId: row.id,
  });
  const problems = [...name.problems.map((p) => ({ ...p, field: 'name' })), ...checked.problems];
  if (problems.some((p) => p.severity === 'error')) throw invalid(problems);
  await writeAudit(tx, {
    actorPersonId: filer.personId,
    actingAs: 'self',
    action: 'registration.request-confirmations',
    detail: { applicationId: row.id },
  });
  return requestConfirmations(tx, ctx, row, checked.app, contentHash(checked.app), filer);
};
