import type { AppContext } from '../context';
import { expireDue, remindRenewals } from '../modules/delegation';
import { firmRunner, resendUnanswered } from '../modules/firms';
import { runAbnormalListJob } from '../modules/annual-reports';
import { sweepDelegationReviews } from '../modules/changes';
import { sweepDeregistrations } from '../modules/deregistration';
import { sendDueReminders } from '../modules/todos';
import { sweepOutbox } from '../events/bus';
import { expireIdempotencyKeys } from './expiry';
import { sweepRateLimits } from '../security/rate-limit-store';

/**
 * Every piece of the platform's background work, on the context's job queue: run exactly once
 * across instances on PostgreSQL (pg-boss), in-process on the embedded database.
 */
export const startBackgroundWork = async (ctx: AppContext): Promise<void> => {
  const jobs = ctx.jobs;
  // Batches: any instance may join a batch (items are row-locked, each done once); a batch whose
  // instance died is taken up again by the periodic resume.
  await jobs.work('batch.run', async (data) => {
    const batchId = typeof data.batchId === 'string' ? data.batchId : undefined;
    if (!batchId) return;
    const runner = firmRunner(ctx);
    runner.kick(batchId, false);
    await runner.idle(batchId);
  });
  await jobs.every('batch.resume', 1, async () => {
    await firmRunner(ctx).resume();
  });
  await jobs.every('delegation.sweep', 1, async () => {
    await expireDue(ctx);
    await remindRenewals(ctx);
  });
  await jobs.every('firms.resend', 10, async () => {
    await resendUnanswered(ctx);
  });
  await jobs.every('events.outbox-sweep', 5, async () => {
    await sweepOutbox(ctx.db, ctx.now());
  });
  await jobs.every('idempotency.expire', 60, async () => {
    await expireIdempotencyKeys(ctx.db, ctx.now());
  });
  // Listing on 1 July is claimed per year in the same transaction, so an hourly check lists once.
  await jobs.every('annual-reports.abnormal-list', 60, async () => {
    await runAbnormalListJob(ctx);
  });
  // After a legal representative change: notices 7 days before, unconfirmed authorizations end on the due day.
  await jobs.every('changes.delegation-reviews', 60, async () => {
    await sweepDelegationReviews(ctx);
  });
  // Simplified deregistrations whose 20-day notice has ended complete (or wait, listing why).
  await jobs.every('deregistration.sweep', 10, async () => {
    await sweepDeregistrations(ctx);
  });
  // To-do reminders at each person's lead times; the reminder's unique key sends each once.
  await jobs.every('todos.reminders', 60, async () => {
    await sendDueReminders(ctx);
  });
  await jobs.every('rate-limit.sweep', 10, async () => {
    await sweepRateLimits(ctx.db, ctx.now());
  });
};
