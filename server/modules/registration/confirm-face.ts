import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { persons, registrationApplications, registrationConfirmations } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import type { FaceChallengeView, FaceSubmission } from '../../../shared/api/face';
import { consumeFaceChallenge, issueFaceChallenge, type FaceSubject } from '../face-checks';
import { faceNotEnrolled, faceRefusal } from '../face-checks';
import { recordFaceAttempt, runFaceCheck } from '../face-checks';
import { faceCheckSettings } from '../face-checks';
import { confirmationForPerson, confirmIn, requireMethod, requirePending } from './confirm';
import { announceUpdate } from './publish';
import { MAX_CONFIRM_ATTEMPTS, type ConfirmationRow } from './confirmations';
import { findFaceReference } from './face-reference';
import { getApplication, type ApplicationRow } from './store';

const subjectOf = (c: ConfirmationRow): FaceSubject => ({ purpose: 'registration.confirm', subjectId: c.id });

const referenceOf = async (ctx: AppContext, c: ConfirmationRow) => {
  const found = await findFaceReference(ctx, c);
  if (!found) throw faceNotEnrolled();
  return found;
};

/**
 * A liveness challenge for the legal representative's confirmation. The challenge length and the
 * test-only fixed order are the platform's face-check settings (`../face-checks/settings.ts`).
 */
export const issueConfirmationChallenge = async (
  ctx: AppContext,
  c: ConfirmationRow,
  userAgent: string | undefined,
): Promise<FaceChallengeView> => {
  requireMethod(c, 'face');
  requirePending(await getApplication(ctx.db, c.applicationId), c);
  await referenceOf(ctx, c);
  return issueFaceChallenge(ctx, subjectOf(c), faceCheckSettings(ctx), userAgent);
};

/**
 * The legal representative confirms with a live face check against their enrolled face. Every
 * attempt leaves evidence (scores, never frames); a failed one counts towards the request's lock
 * (a reference from another engine is not the person's fault and does not count).
 */
export const confirmWithFace = async (
  ctx: AppContext,
  c: ConfirmationRow,
  body: FaceSubmission,
  userAgent: string | undefined,
): Promise<ApplicationRow> => {
  requireMethod(c, 'face');
  requirePending(await getApplication(ctx.db, c.applicationId), c);
  const reference = await referenceOf(ctx, c);
  const subject = subjectOf(c);
  const submittedAt = ctx.now();
  const challenge = await consumeFaceChallenge(ctx, subject, body.challengeId, submittedAt);
  const check = await runFaceCheck(ctx, {
    reference: reference.template,
    challenge,
    frames: body.frames,
    submittedAt,
  });

  if (check.result.match) {
    const evidence = await ctx.db.transaction((tx) =>
      recordFaceAttempt(tx, subject, reference.personId, check, userAgent),
    );
    return confirmIn(ctx, c, reference.personId, { via: 'face', ...evidence });
  }
  const code = check.result.refusal ?? 'FACE_MISMATCH';
  const counted = code !== 'TEMPLATE_MISMATCH';
  const failures = await ctx.db.transaction(async (tx) => {
    const evidence = await recordFaceAttempt(tx, subject, reference.personId, check, userAgent);
    const [updated] = counted
      ? await tx
          .update(registrationConfirmations)
          .set({ failedAttempts: sql`${registrationConfirmations.failedAttempts} + 1` })
          .where(eq(registrationConfirmations.id, c.id))
          .returning({ failedAttempts: registrationConfirmations.failedAttempts })
      : [];
    await writeAudit(tx, {
      actorPersonId: null,
      actingAs: 'link-holder',
      action: 'registration.face-failed',
      detail: { applicationId: c.applicationId, confirmationId: c.id, code, ...evidence },
    });
    return updated?.failedAttempts ?? c.failedAttempts;
  });
  throw faceRefusal(code, Math.max(0, MAX_CONFIRM_ATTEMPTS - failures));
};

/**
 * The legal representative, signed in and already assured at L4 by the caller (`requireLevel`, one
 * face check for a batch of approvals), confirms one face-method request addressed to them. The
 * confirmation's audit row carries how it was assured. The filer is told.
 */
export const confirmAssured = async (
  ctx: AppContext,
  confirmationId: string,
  personId: string,
  evidence: Record<string, unknown>,
): Promise<void> => {
  const c = await confirmationForPerson(ctx, confirmationId, personId);
  requireMethod(c, 'face');
  const row = await confirmIn(ctx, c, personId, evidence);
  await announceUpdate(ctx, [row.filerPersonId], { applicationId: row.id });
};

/** Face-method confirmations waiting for this person, with the company they are for and the filer. */
export const pendingFaceConfirmations = async (
  ctx: AppContext,
  personId: string,
): Promise<{ id: string; companyName: string; roles: string[]; filerName: string; requestedAt: Date }[]> => {
  const rows = await ctx.db
    .select({ c: registrationConfirmations, app: registrationApplications, filer: persons.name })
    .from(registrationConfirmations)
    .innerJoin(
      registrationApplications,
      eq(registrationApplications.id, registrationConfirmations.applicationId),
    )
    .innerJoin(persons, eq(persons.id, registrationApplications.filerPersonId))
    .where(
      and(
        eq(registrationConfirmations.personId, personId),
        eq(registrationConfirmations.method, 'face'),
        eq(registrationConfirmations.status, 'pending'),
        inArray(registrationApplications.status, ['confirming', 'returned']),
        eq(registrationApplications.contentHash, registrationConfirmations.contentHash),
        lt(registrationConfirmations.failedAttempts, MAX_CONFIRM_ATTEMPTS),
      ),
    );
  return rows.map((r) => ({
    id: r.c.id,
    companyName: r.app.proposedName ?? '',
    roles: r.c.roles,
    filerName: r.filer,
    requestedAt: r.c.createdAt,
  }));
};
