import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';

/** Typed configuration from the environment, with safe defaults for the embedded desktop platform. */
const Env = z.object({
  DATABASE_URL: z.string().url().optional(),
  /** Redis for the shared rate-limit counters (otherwise they live in the database). */
  REDIS_URL: z.string().url().optional(),
  /** 32-byte key (base64) encrypting personal data. */
  SHANGTONG_DATA_KEY: z.string().optional(),
  /** Or: a file holding that key (base64), outside the data folder. */
  SHANGTONG_DATA_KEY_FILE: z.string().min(1).optional(),
  SHANGTONG_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SHANGTONG_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SHANGTONG_SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SHANGTONG_SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SHANGTONG_DELEGATION_LINK_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  SHANGTONG_FACE_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  SHANGTONG_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an absolute http(s) URL')
    .optional(),
  /** SMS: 'http' (a provider adapter; production) or 'dev-outbox' (in-memory, shown in the app; refused in production). */
  SHANGTONG_SMS_PROVIDER: z.enum(['http', 'dev-outbox']).optional(),
  SHANGTONG_SMS_URL: z.string().url().optional(),
  SHANGTONG_SMS_TOKEN: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
  SHANGTONG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Batch items per transaction (default 100); smaller chunks spread a batch over more instances sooner. */
  SHANGTONG_BATCH_CHUNK: z.coerce.number().int().min(1).max(1000).optional(),
  /** This instance's name in the `x-shangtong-instance` response header and in batch items it processed. */
  SHANGTONG_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  /** Test clock: the platform's time starts at this instant and runs on (e2e of dated rules such as 年报). */
  SHANGTONG_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
});

export type Config = {
  databaseUrl: string | undefined;
  redisUrl?: string | undefined;
  dataDir: string | undefined;
  dataKey: Buffer;
  /** Where the data key came from; `data-folder` only for development and the demo sandbox. */
  dataKeySource?: DataKeySource;
  sessionHours: number;
  signInMaxFailures: number;
  signInLockMinutes: number;
  signInRatePerMinute: number;
  delegationLinkDays: number;
  faceThreshold: number | undefined;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof Env>['SHANGTONG_LOG_LEVEL'];
  webRoot: string | undefined;
  /** Which platform instance this is (several run behind a load balancer); host-pid by default. */
  instanceId: string;
  /** Batch items per transaction (SHANGTONG_BATCH_CHUNK); the runner's default when unset. */
  batchChunk?: number;
  /** When set, the platform clock starts here instead of at the real time (tests only). */
  clockStart?: Date;
  /** Where one-time codes go: a real provider, or the development outbox (never in production). */
  sms: SmsConfig;
};

export type SmsConfig =
  { kind: 'dev-outbox' } | { kind: 'http'; url: string; token: string } | { kind: 'none' };

/**
 * The SMS gateway. A provider when configured. The development outbox in development and for the
 * demo sandbox; never for a production start without the demo (NODE_ENV=production): there it is
 * refused when asked for, and without a provider no codes can be sent (sign-up says so).
 */
const smsConfig = (e: z.infer<typeof Env>, demo: boolean): SmsConfig => {
  const production = e.NODE_ENV === 'production' && !demo;
  if (e.SHANGTONG_SMS_PROVIDER === 'http') {
    if (!e.SHANGTONG_SMS_URL || !e.SHANGTONG_SMS_TOKEN)
      throw new Error(
        'SMS: set SHANGTONG_SMS_URL and SHANGTONG_SMS_TOKEN for the provider (docs/identity.md).',
      );
    return { kind: 'http', url: e.SHANGTONG_SMS_URL, token: e.SHANGTONG_SMS_TOKEN };
  }
  if (production && e.SHANGTONG_SMS_PROVIDER === 'dev-outbox')
    throw new Error('SHANGTONG_SMS_PROVIDER=dev-outbox is refused in production (NODE_ENV=production).');
  return production ? { kind: 'none' } : { kind: 'dev-outbox' };
};

export type DataKeySource = 'env' | 'file' | 'data-folder';

const decodeKey = (base64: string, where: string): Buffer => {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where} must hold 32 bytes, base64-encoded.`);
  return key;
};

const isInside = (folder: string, path: string): boolean => {
  const r = relative(resolve(folder), resolve(path));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * The data key: from SHANGTONG_DATA_KEY, or from the file SHANGTONG_DATA_KEY_FILE names (never
 * inside the data folder: whoever copies the folder must not get the key with it). Only in
 * development and for the demo sandbox may a generated key live beside the data (keys/data.key);
 * a production start without the demo refuses that. The desktop app passes a key it keeps in the
 * OS keychain (electron/data-key.ts).
 */
export const loadDataKey = (
  dataDir: string | undefined,
  e: { SHANGTONG_DATA_KEY?: string | undefined; SHANGTONG_DATA_KEY_FILE?: string | undefined },
  production: boolean,
): { key: Buffer; source: DataKeySource } => {
  if (e.SHANGTONG_DATA_KEY)
    return { key: decodeKey(e.SHANGTONG_DATA_KEY, 'SHANGTONG_DATA_KEY'), source: 'env' };
  if (e.SHANGTONG_DATA_KEY_FILE) {
    const file = resolve(e.SHANGTONG_DATA_KEY_FILE);
    if (dataDir && isInside(dataDir, file))
      throw new Error('SHANGTONG_DATA_KEY_FILE must be outside the data folder (docs/identity.md, Keys).');
    if (!existsSync(file)) throw new Error(`SHANGTONG_DATA_KEY_FILE ${file} does not exist.`);
    return { key: decodeKey(readFileSync(file, 'utf8'), 'SHANGTONG_DATA_KEY_FILE'), source: 'file' };
  }
  if (!dataDir) throw new Error('Set SHANGTONG_DATA_KEY (32 bytes, base64) or pass --data <folder>.');
  if (production)
    throw new Error(
      'In production the data key must not be stored in the data folder: set SHANGTONG_DATA_KEY or SHANGTONG_DATA_KEY_FILE (docs/identity.md, Keys).',
    );
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'data.key');
  if (existsSync(path)) return { key: decodeKey(readFileSync(path, 'utf8'), path), source: 'data-folder' };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return { key, source: 'data-folder' };
};

/**
 * The test clock (and with it the development clock control) is for tests and development only:
 * like the development SMS outbox it is refused for a production start without the demo.
 */
const clockConfig = (e: z.infer<typeof Env>, demo: boolean): { clockStart?: Date } => {
  if (!e.SHANGTONG_CLOCK_START) return {};
  if (e.NODE_ENV === 'production' && !demo)
    throw new Error('SHANGTONG_CLOCK_START is refused in production (NODE_ENV=production).');
  return { clockStart: new Date(e.SHANGTONG_CLOCK_START) };
};

export const loadConfig = (
  options: { dataDir?: string; webRoot?: string; publicUrl?: string; demo?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Config => {
  const e = Env.parse(env);
  const dataKey = loadDataKey(options.dataDir, e, e.NODE_ENV === 'production' && !options.demo);
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: options.dataDir,
    dataKey: dataKey.key,
    dataKeySource: dataKey.source,
    sessionHours: e.SHANGTONG_SESSION_HOURS,
    signInMaxFailures: e.SHANGTONG_SIGNIN_MAX_FAILURES,
    signInLockMinutes: e.SHANGTONG_SIGNIN_LOCK_MINUTES,
    signInRatePerMinute: e.SHANGTONG_SIGNIN_RATE_PER_MINUTE,
    delegationLinkDays: e.SHANGTONG_DELEGATION_LINK_DAYS,
    faceThreshold: e.SHANGTONG_FACE_THRESHOLD,
    publicUrl: options.publicUrl ?? e.SHANGTONG_PUBLIC_URL,
    logLevel: e.SHANGTONG_LOG_LEVEL,
    webRoot: options.webRoot,
    instanceId: e.SHANGTONG_INSTANCE ?? `${hostname()}-${process.pid}`,
    ...(e.SHANGTONG_BATCH_CHUNK ? { batchChunk: e.SHANGTONG_BATCH_CHUNK } : {}),
    sms: smsConfig(e, options.demo ?? false),
    ...clockConfig(e, options.demo ?? false),
  };
};
