import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { inboxItems, registrationApplications } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import type { Actor } from '../../auth/session';
import { text } from '../../../shared/text';
import { approveApplication, type Approved } from './approve';
import { confirmedContent } from './submit';
import { addEvent, type ApplicationRow } from './store';

const requireInReview = (row: ApplicationRow): void => {
  if (row.status !== 'in-review')
    throw new DomainError(
      'NOT_IN_REVIEW',
      text(
        '该申请不在待审核状态（可能已被其他审核人员处理）。',
        'This application is not waiting for review (another reviewer may have decided it).',
      ),
    );
};

const closeReviewInbox = async (tx: DbOrTx, applicationId: string, now: Date): Promise<void> => {
  await tx
    .update(inboxItems)
    .set({ doneAt: now })
    .where(and(eq(inboxItems.kind, 'registration.review'), eq(inboxItems.refId, applicationId)));
};

/** A reviewer approves: the same all-or-nothing approval as the automated path. */
export const reviewerApprove = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  reviewer: Actor,
): Promise<Approved> => {
  requireInReview(row);
  const app = await confirmedContent(tx, ctx, row);
  await tx
    .update(registrationApplications)
    .set({ reviewerPersonId: reviewer.personId })
    .where(eq(registrationApplications.id, row.id));
  await addEvent(tx, row.id, 'reviewer-approved', ctx.now(), { reviewer: reviewer.name });
  await writeAudit(tx, {
    actorPersonId: reviewer.personId,
    actingAs: 'reviewer',
    action: 'registration.review.approve',
    detail: { applicationId: row.id },
  });
  await closeReviewInbox(tx, row.id, ctx.now());
  return approveApplication(tx, ctx, row, app);
};

/** A reviewer returns the application with comments; the filer fixes it and submits again. */
export const reviewerReturn = async (
  tx: DbOrTx,
  ctx: AppContext,
  row: ApplicationRow,
  reviewer: Actor,
  comment: string,
): Promise<void> => {
  requireInReview(row);
  const now = ctx.now();
  await tx
    .update(registrationApplications)
    .set({
      status: 'returned',
      returnComment: comment,
      reviewerPersonId: reviewer.personId,
      decidedAt: now,
      updatedAt: now,
    })
    .where(eq(registrationApplications.id, row.id));
  await addEvent(tx, row.id, 'returned', now, { comment });
  await writeAudit(tx, {
    actorPersonId: reviewer.personId,
    actingAs: 'reviewer',
    action: 'registration.review.return',
    detail: { applicationId: row.id, comment },
  });
  await closeReviewInbox(tx, row.id, now);
  await postInbox(tx, {
    personId: row.filerPersonId,
    kind: 'registration.returned',
    title: text(
      `企业开办申请被退回：${row.proposedName ?? ''}`,
      `Registration returned: ${row.proposedName ?? ''}`,
    ),
    body: text(`审核意见：${comment}`, `Reviewer’s comment: ${comment}`),
    link: `/registration/${row.id}`,
    refId: row.id,
  });
};
