import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/open';
import { buildApp } from './app';
import { EventBus } from './events/bus';
import { PersonalDataCipher } from './security/personal-data';
import type { AppContext } from './context';
import { productVersion } from './version';
import { seedDemo } from './seed/demo';

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

export const createContext = (handle: DatabaseHandle, config: Config): AppContext => ({
  db: handle.db,
  dbKind: handle.kind,
  config,
  cipher: new PersonalDataCipher(config.dataKey),
  bus: new EventBus(),
  version: process.env.SHANGTONG_VERSION ?? productVersion(),
  now: () => new Date(),
});

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
    if (options.seed === 'demo') await seedDemo(ctx);
    const app = await buildApp(ctx, { logger: options.logger ?? true });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host}:${port}`;
    return {
      app,
      ctx,
      url,
      close: async () => {
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
