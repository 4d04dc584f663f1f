import type { FastifyInstance } from 'fastify';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { buildApp } from './app';
import type { AppContext } from './context';
import { createContext } from './create-context';

export { createContext };
import { seedDemo } from './seed/demo';
import { enrolDemoFaces } from './seed/demo-faces';
import { startDelegationSweeper } from './modules/delegation';
import { ensureIssuerKeys } from './modules/licences';
import { startFirmWorkspace } from './modules/firms';
import { startAbnormalListJob } from './modules/annual-reports';
import { seedDemoAnnualReports } from './seed/annual-reports';

export type PlatformOptions = {
  port: number;
  host?: string;
  dataDir?: string;
  seed?: 'demo';
  webRoot?: string;
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
      await enrolDemoFaces(ctx);
      await seedDemoAnnualReports(ctx);
    }
    const app = await buildApp(ctx, { logger: options.logger ?? true });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host}:${port}`;
    // Background work: expire/remind delegations, resume interrupted firm batches, re-send requests.
    const stopSweeper = startDelegationSweeper(ctx);
    const stopFirms = startFirmWorkspace(ctx);
    const stopAbnormalList = startAbnormalListJob(ctx);
    return {
      app,
      ctx,
      url,
      close: async () => {
        stopSweeper();
        await stopAbnormalList();
        await stopFirms();
        await app.close();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
};

const requireDataDir = (dir: string | undefined): string => {
  if (!dir)
    throw new Error('The embedded database needs --data <folder> (or set DATABASE_URL for PostgreSQL).');
  return dir;
};
