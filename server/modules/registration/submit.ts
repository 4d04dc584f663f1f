import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accounts, registrationApplications } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import type { Application } from '../../../shared/registration/application';
import { checkApplication, type ApplicationProblem } from '../../../shared/registration/capital-rules';
import { text } from '../../../shared/text';
import { approveApplication, nameTaken } from './approve';
import { manualReviewReasons } from './auto-review';
import { allConfirmed, confirmationsOf } from './confirmations';
import { contentHash, establishmentDate, parseDraft } from './content';
import { checkNameWithRegistry } from './name-check';
import { addEvent, readDraft, type ApplicationRow } from './store';

export type SubmitOutcome = { status: 'approved' | 'in-review'; notify: string[] };

export const invalid = (problems: readonly ApplicationProblem[]): DomainError => {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  return new DomainError(
    first?.code === 'INCOMPLETE' ? 'APPLICATION_INCOMPLETE' : 'APPLICATION_INVALID',
    text(errors.map((p) => p.text.zh).join('；'), errors.map((p) => p.text.en).join('; ')),
    first?.field === undefined ? {} : { field: first.field },
  );
};

/** The complete application that everyone confirmed, or the refusal that says what is missing. */
export const confirmedContent = async (
  db: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
): Promise<Application> => {
  const parsed = parseDraft(readDraft(ctx, row));
  if (!parsed.complete) throw invalid(parsed.problems);
  const hash = contentHash(parsed.app);
  const confirmations = await confirmationsOf(db, row.id);
  if (row.contentHash !== hash || confirmations.length === 0)
    throw new DomainError(
      'CONFIRMATIONS_STALE',
      text(
        '申请内容在发起确认后有修改，请重新发起确认。',
        'The application changed after confirmations were requested; request them again.',
      ),
    );
  if (!allConfirmed(confirmations, hash)) {
    const waiting = confirmations.filter((c) => c.status !== 'confirmed').map((c) => c.name);
    throw new DomainError(
      'CONFIRMATIONS_PENDING',
      text(
        `尚待以下人员确认：${waiting.join('、')}`,
        `Still waiting for confirmation from: ${waiting.join(', ')}`,
      ),
    );
  }
  return parsed.app;
};

const notifyReviewers = async (tx: DbOrTx, row: ApplicationRow, app: Application): Promise<string[]> => {
  const reviewers = await tx
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.role, 'reviewer'));
  for (const r of reviewers) {
    await postInbox(tx, {
      personId: r.personId,
      kind: 'registration.review',
      title: text(`企业开办待人工审核：${app.name}`, `Registration waiting for review: ${app.name}`),
      link: `/registration/review/${row.id}`,
      refId: row.id,
    });
  }
  return reviewers.map((r) => r.personId);
};

/**
 * Submission with automated review (秒批): the name against the registry again, every rule, then
 * identities, blocked list, region and confirmations. Nothing to look at: approved at once, in
 * this transaction. Otherwise it waits for a reviewer with the reasons.
 */
export const submitApplication = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  filerPersonId: string,
): Promise<SubmitOutcome> => {
  if (row.status === 'approved' || row.status === 'in-review')
    throw new DomainError(
      'ALREADY_SUBMITTED',
      text('该申请已提交。', 'This application has already been submitted.'),
    );
  if (row.status === 'draft')
    throw new DomainError(
      'CONFIRMATIONS_NOT_REQUESTED',
      text(
        '请先发起相关人员确认，全部确认后再提交。',
        'Request everyone’s confirmation first, then submit once all have confirmed.',
      ),
    );
  const app = await confirmedContent(tx, ctx, row);

  const name = await checkNameWithRegistry(tx, app.name, app.companyType, { excludeApplicationId: row.id });
  const taken = name.problems.find((p) => p.code === 'NAME_TAKEN');
  if (taken) throw nameTaken(taken.text.zh, name.suggestions);
  const problems: ApplicationProblem[] = [
    ...name.problems.map((p) => ({ ...p, field: 'name' })),
    ...checkApplication(app, { establishmentDate: establishmentDate(ctx.now()) }),
  ];
  if (problems.some((p) => p.severity === 'error')) throw invalid(problems);

  const now = ctx.now();
  await addEvent(tx, row.id, 'submitted', now);
  await writeAudit(tx, {
    actorPersonId: filerPersonId,
    actingAs: 'self',
    action: 'registration.submit',
    detail: { applicationId: row.id, name: app.name },
  });
  const confirmations = await confirmationsOf(tx, row.id);
  const reasons = await manualReviewReasons(
    tx,
    ctx,
    app,
    problems.filter((p) => p.severity === 'warning'),
    confirmations,
  );
  if (reasons.length === 0) {
    await tx
      .update(registrationApplications)
      .set({ submittedAt: now, reviewReasons: [], returnComment: null })
      .where(eq(registrationApplications.id, row.id));
    await addEvent(tx, row.id, 'auto-review-passed', ctx.now());
    const approved = await approveApplication(tx, ctx, row, app);
    return { status: 'approved', notify: approved.notify };
  }
  await tx
    .update(registrationApplications)
    .set({
      status: 'in-review',
      submittedAt: now,
      reviewReasons: reasons,
      returnComment: null,
      updatedAt: now,
    })
    .where(eq(registrationApplications.id, row.id));
  await addEvent(tx, row.id, 'manual-review', now, {
    reasonsZh: reasons.map((r) => r.text.zh).join('；'),
    reasonsEn: reasons.map((r) => r.text.en).join('; '),
  });
  const reviewers = await notifyReviewers(tx, row, app);
  return { status: 'in-review', notify: [filerPersonId, ...reviewers] };
};
