import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startPlatform } from './platform';
import { DataFolderLockedError } from './db/lock';
import { explainStartFailure, isLoopbackUrl, parsePublicUrl, StartError } from './start-checks';

/**
 * CLI: npm run server -- [--port <port>] [--host <address>] [--public-url <url>] --data <folder>
 * [--seed demo] [--web <folder>]. Environment equivalents: PORT, SHANGTONG_HOST, SHANGTONG_PUBLIC_URL
 * (the flag wins). The configuration table is in docs/operations.md.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5170' },
    host: { type: 'string', default: process.env.SHANGTONG_HOST ?? '127.0.0.1' },
    'public-url': { type: 'string' },
    data: { type: 'string' },
    seed: { type: 'string' },
    web: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

/** How long SIGTERM waits for requests in flight before the process exits anyway. */
const DRAIN_MS = 10_000;

const main = async (): Promise<void> => {
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new StartError(`Unknown seed "${values.seed}" (only "demo").`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StartError(`Invalid --port ${values.port} (0–65535).`);
  // Checked before anything starts: a bad address must not leave a half-started platform.
  const publicUrl = parsePublicUrl(values['public-url'] ?? process.env.SHANGTONG_PUBLIC_URL);
  const platform = await startPlatform({
    port,
    host: values.host,
    ...(values.data ? { dataDir: resolve(values.data) } : {}),
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    webRoot: resolve(values.web ?? 'dist/renderer'),
    logger: !values.quiet,
  });
  // The Electron launcher and the e2e harness wait for this exact line.
  console.log(`Shangtong platform (${platform.ctx.dbKind}) listening on ${platform.url}`);
  const linkBase = publicUrl ?? platform.url;
  if (isLoopbackUrl(linkBase))
    console.warn(
      `Links and QR codes point at ${linkBase}, which phones cannot open. ` +
        'Start with --host 0.0.0.0 --public-url http://<this machine’s LAN address>:<port> (or SHANGTONG_PUBLIC_URL).',
    );
  process.send?.({ type: 'ready', url: platform.url });
  // A demo start enrols the demo portraits after listen; harnesses that seed a folder wait for this line.
  void platform.ctx.services.portraitsReady?.then(() => console.log('Demo portraits ready'));
  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    // A demo folder is complete only with its portraits (seconds after listen).
    await platform.ctx.services.portraitsReady;
    // Drain: new connections are refused, open SSE streams end, requests in flight finish.
    setTimeout(() => {
      console.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, DRAIN_MS).unref();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('disconnect', () => void shutdown());
};

main().catch((e: unknown) => {
  if (e instanceof DataFolderLockedError || e instanceof StartError) console.error(e.message);
  else console.error(explainStartFailure(e, { host: values.host, port: values.port }));
  process.exit(1);
});
