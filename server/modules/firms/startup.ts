import type { AppContext } from '../../context';
import { firmRunner } from './firm-batches';
import { startResendSweeper } from './resend';

/** Picks up every batch a previous run left unfinished (call once the database is open). */
export const resumeBatches = (ctx: AppContext): Promise<number> => firmRunner(ctx).resume();

/**
 * Background work of the firm workspace: resumes unfinished batches and re-sends firms' unanswered
 * authorization requests before their links lapse. Returns a stop function for shutdown.
 */
export const startFirmWorkspace = (ctx: AppContext): (() => Promise<void>) => {
  resumeBatches(ctx).catch((e: unknown) => console.error('resuming batches failed', e));
  const stopResend = startResendSweeper(ctx);
  return async () => {
    stopResend();
    await firmRunner(ctx).stop();
  };
};
