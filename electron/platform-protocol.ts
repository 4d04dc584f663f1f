import { z } from 'zod';
import { toEmbeddedPlatformOrigin } from './guards/trusted-url';

/**
 * Messages between the main process and the embedded-platform child. The child reports `ready`
 * with its address or `failed` with a reason; the main process asks it to `stop`, which closes the
 * database cleanly (PGlite must flush) before the child exits.
 */
export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string() }),
  z.object({
    type: z.literal('failed'),
    message: z.string().max(4000),
    code: z.string().max(100).optional(),
  }),
]);
export type ChildMessage = z.infer<typeof ChildMessage>;

export const StopMessage = z.object({ type: z.literal('stop') });
export type StopMessage = z.infer<typeof StopMessage>;

export type PlatformStartFailure =
  | { reason: 'timeout'; timeoutMs: number }
  | { reason: 'exited'; code: number | null }
  | { reason: 'failed'; message: string; code?: string }
  | { reason: 'bad-address'; url: string };

export class PlatformStartError extends Error {
  constructor(readonly failure: PlatformStartFailure) {
    super(`embedded platform did not start: ${JSON.stringify(failure)}`);
    this.name = 'PlatformStartError';
  }
}

/** What the handshake needs from a child process (Electron's UtilityProcess or a fake in tests). */
export type ChildLike = {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null) => void): unknown;
  kill(): boolean;
};

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Resolves with the platform origin once the child says it is ready; rejects with a
 * PlatformStartError when it reports a failure, exits first, names a non-loopback address, or
 * stays silent past the timeout (the child is then killed). Unrelated messages are ignored.
 */
export const waitForReady = (
  child: ChildLike,
  timeoutMs: number,
  timers: Timers = realTimers,
): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      outcome();
    };
    const fail = (failure: PlatformStartFailure): void =>
      settle(() => reject(new PlatformStartError(failure)));
    const timer = timers.setTimeout(() => {
      fail({ reason: 'timeout', timeoutMs });
      child.kill();
    }, timeoutMs);
    child.on('message', (raw) => {
      const message = ChildMessage.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'failed') {
        const { message: text, code } = message.data;
        return fail({ reason: 'failed', message: text, ...(code !== undefined ? { code } : {}) });
      }
      const origin = toEmbeddedPlatformOrigin(message.data.url);
      if (origin === null) {
        fail({ reason: 'bad-address', url: message.data.url });
        child.kill();
        return;
      }
      settle(() => resolve(origin));
    });
    child.on('exit', (code) => fail({ reason: 'exited', code }));
  });

/** Command-line arguments for the child, in the same vocabulary as the platform CLI. */
export const childArgs = (options: {
  dataDir: string;
  webRoot: string;
  port: number;
  seedDemo: boolean;
  /** The LAN listener for the phone-facing pages (settings `phoneAccess`), or none. */
  phone?: { host: string; port: number };
}): string[] => [
  '--data',
  options.dataDir,
  '--web',
  options.webRoot,
  '--port',
  String(options.port),
  ...(options.seedDemo ? ['--seed', 'demo'] : []),
  ...(options.phone ? ['--phone-host', options.phone.host, '--phone-port', String(options.phone.port)] : []),
];

/**
 * The child's environment: only what an OS process needs plus our own settings. The user's shell
 * environment is not passed through, so a stray DATABASE_URL or SHANGTONG_DATA_KEY cannot send the
 * desktop's data somewhere else.
 */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LC_ALL',
  'SystemRoot',
  'SYSTEMROOT',
  'APPDATA',
  'LOCALAPPDATA',
  'XDG_RUNTIME_DIR',
] as const;

export const childEnv = (
  parent: Readonly<Record<string, string | undefined>>,
  options: { version: string; migrationsDir: string; dataKey?: Record<string, string> },
): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = parent[key];
    if (value !== undefined) env[key] = value;
  }
  env.NODE_ENV = 'production';
  env.SHANGTONG_VERSION = options.version;
  env.SHANGTONG_MIGRATIONS_DIR = options.migrationsDir;
  env.SHANGTONG_LOG_LEVEL = 'info';
  // The data key from the OS keychain (or a key file outside the data folder), set by the shell itself.
  for (const [k, v] of Object.entries(options.dataKey ?? {}))
    if (k === 'SHANGTONG_DATA_KEY' || k === 'SHANGTONG_DATA_KEY_FILE') env[k] = v;
  return env;
};
