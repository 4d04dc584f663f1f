import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startPlatform } from './platform';
import { DataFolderLockedError } from './db/lock';

/** CLI: npm run server -- --port <port> --data <folder> [--seed demo] [--web <folder>] */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5170' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    seed: { type: 'string' },
    web: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

const main = async (): Promise<void> => {
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new Error(`Unknown seed "${values.seed}" (only "demo").`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const platform = await startPlatform({
    port,
    host: values.host,
    ...(values.data ? { dataDir: resolve(values.data) } : {}),
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
    webRoot: resolve(values.web ?? 'dist/renderer'),
    logger: !values.quiet,
  });
  // The Electron launcher and the e2e harness wait for this exact line.
  console.log(`Shangtong platform (${platform.ctx.dbKind}) listening on ${platform.url}`);
  process.send?.({ type: 'ready', url: platform.url });
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('disconnect', () => void shutdown());
};

main().catch((e: unknown) => {
  if (e instanceof DataFolderLockedError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
