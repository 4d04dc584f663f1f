import type { FastifyInstance } from 'fastify';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { buildApp } from './app';
import type { AppContext } from './context';
import { createContext } from './create-context';

export { createContext };
import { seedDemo } from './seed/demo';
import { enrolDemoFaces } from './seed/demo-faces';
import { ensureIssuerKeys } from './modules/licences';
import { seedDemoAnnualReports } from './seed/annual-reports';
import { pgBossQueue } from './jobs/pg-boss-queue';
import { startBackgroundWork } from './jobs/background';
import { firmRunner } from './modules/firms';

export type PlatformOptions = {
  port: number;
  host?: string;
  dataDir?: string;
  seed?: 'demo';
  webRoot?: string;
  /** The address people's devices use to reach this platform; links and QR codes are built on it. */
  publicUrl?: string;
  logger?: boolean;
};

export type RunningPlatform = {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close: () => Promise<void>;
};

/** Opens (creating and migrating) the database, optionally seeds the demo sandbox, and listens. */
export const startPlatform = async (options: PlatformOptions): Promise<RunningPlatform> => {
  const config = loadConfig({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    demo: options.seed === 'demo',
  });
  const handle = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: requireDataDir(options.dataDir) });
  const ctx = createContext(handle, config);
  try {
    // Issuing authorities get their SM2 keys at first start, not on first use.
    await ensureIssuerKeys(ctx);
    if (options.seed === 'demo') {
      await seedDemo(ctx);
      await seedDemoAnnualReports(ctx);
    }
    const app = await buildApp(ctx, { logger: options.logger ?? true });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host}:${port}`;
    if (options.seed === 'demo')
      // After listen (issue 13): enrolling the demo portraits loads the face model (warming it for
      // the first check) and takes seconds; portrait reads wait for it meanwhile.
      ctx.services.portraitsReady = enrolDemoFaces(ctx).then(
        () => undefined,
        (e: unknown) => console.error('demo face enrolment failed', e),
      );
    // Background work (expiry sweep, reminders, re-sends, batches, clean-ups) once across instances.
    if (handle.kind === 'postgres' && handle.url) ctx.jobs = await pgBossQueue(handle.url);
    await startBackgroundWork(ctx);
    return {
      app,
      ctx,
      url,
      close: async () => {
        await ctx.services.portraitsReady;
        await ctx.jobs.stop();
        await firmRunner(ctx).stop();
        await app.close();
        await handle.close();
      },
    };
  } catch (e) {
    await ctx.jobs.stop().catch(() => undefined);
    await handle.close();
    throw e;
  }
};

const requireDataDir = (dir: string | undefined): string => {
  if (!dir)
    throw new Error('The embedded database needs --data <folder> (or set DATABASE_URL for PostgreSQL).');
  return dir;
};
