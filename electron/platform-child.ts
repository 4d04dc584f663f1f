/**
 * Entry of the embedded-platform child process (Electron `utilityProcess.fork`; also works under
 * `child_process.fork` and plain `node`). Starts the platform from server/, reports `ready` or
 * `failed` to the parent, and closes the database cleanly when asked to stop or when the parent
 * goes away.
 */
import { parseArgs } from 'node:util';
import { startPlatform, type RunningPlatform } from '../server/platform';
import { type ChildMessage, StopMessage } from './platform-protocol';

type Port = {
  postMessage(message: ChildMessage): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
};

/** Electron's utility process exposes `process.parentPort`; a forked Node child has `process.send`. */
const parentPort = (process as unknown as { parentPort?: Port }).parentPort;

const post = (message: ChildMessage): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

const onStop = (listener: () => void): void => {
  const handle = (raw: unknown): void => {
    if (StopMessage.safeParse(raw).success) listener();
  };
  if (parentPort) parentPort.on('message', (event) => handle(event.data));
  else process.on('message', handle);
  process.on('disconnect', listener);
  process.on('SIGTERM', listener);
  process.on('SIGINT', listener);
};

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    web: { type: 'string' },
    port: { type: 'string', default: '0' },
    seed: { type: 'string' },
    'phone-host': { type: 'string' },
    'phone-port': { type: 'string', default: '5171' },
  },
  strict: true,
});

const main = async (): Promise<void> => {
  if (!values.data || !values.web) throw new Error('platform-child needs --data and --web');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const running: { platform?: RunningPlatform; stopping?: boolean } = {};
  onStop(() => {
    if (running.stopping) return;
    running.stopping = true;
    void (running.platform?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
  const platform = await startPlatform({
    port,
    host: '127.0.0.1',
    dataDir: values.data,
    webRoot: values.web,
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
    // Phones reach the LAN listener: the links and QR codes handed out are built on it.
    ...(values['phone-host']
      ? {
          phoneListener: { host: values['phone-host'], port: Number(values['phone-port']) },
          publicUrl: `http://${values['phone-host']}:${values['phone-port']}`,
        }
      : {}),
    logger: true,
  });
  running.platform = platform;
  console.log(`Shangtong platform (${platform.ctx.dbKind}) listening on ${platform.url}`);
  post({ type: 'ready', url: platform.url });
};

main().catch((e: unknown) => {
  const error = e instanceof Error ? e : new Error(String(e));
  console.error(error);
  post({ type: 'failed', message: error.message, code: error.name });
  // Give the message a moment to leave before the process ends.
  setTimeout(() => process.exit(1), 200);
});
