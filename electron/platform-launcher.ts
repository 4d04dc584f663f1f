/**
 * Starts the embedded platform in an Electron utility process (not child_process.fork: the
 * runAsNode fuse is off) and waits for its readiness handshake. The child's output goes to a log
 * file in userData/logs so a failed start can be diagnosed.
 */
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { utilityProcess } from 'electron';
import { childArgs, childEnv, waitForReady, type StopMessage } from './platform-protocol';

export type EmbeddedPlatformOptions = {
  /** The bundled child entry (out/main/platform-child.js). */
  childEntry: string;
  /** userData/platform: the PGlite data folder, its keys and lock. */
  dataDir: string;
  webRoot: string;
  migrationsDir: string;
  version: string;
  logFile: string;
  /** SHANGTONG_DATA_KEY or SHANGTONG_DATA_KEY_FILE for the child (electron/data-key.ts). */
  dataKeyEnv: Record<string, string>;
  /** Seed the demo sandbox the first time this data folder is used. */
  demoSandbox: boolean;
  /** Also listen on the LAN address for the phone-facing pages (settings `phoneAccess`). */
  phone?: { host: string; port: number };
  /** 0 for a free port (the packaged app); fixed in development so the Vite proxy can find it. */
  port: number;
  timeoutMs: number;
  /** Called when the platform stops on its own after it was ready (a crash). */
  onUnexpectedExit: (code: number) => void;
};

export type EmbeddedPlatform = { origin: string; stop: () => Promise<void> };

const SEEDED_MARKER = '.demo-seeded';
const STOP_GRACE_MS = 10_000;

export const launchEmbeddedPlatform = async (options: EmbeddedPlatformOptions): Promise<EmbeddedPlatform> => {
  mkdirSync(options.dataDir, { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const marker = join(options.dataDir, SEEDED_MARKER);
  const seedDemo = options.demoSandbox && !existsSync(marker);
  const child = utilityProcess.fork(
    options.childEntry,
    childArgs({
      dataDir: options.dataDir,
      webRoot: options.webRoot,
      port: options.port,
      seedDemo,
      ...(options.phone ? { phone: options.phone } : {}),
    }),
    {
      serviceName: 'Shangtong platform',
      stdio: 'pipe',
      env: childEnv(process.env, {
        version: options.version,
        migrationsDir: options.migrationsDir,
        dataKey: options.dataKeyEnv,
      }),
    },
  );
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n--- ${new Date().toISOString()} starting embedded platform ${options.version}\n`);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  let stopping = false;
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      log.end(`--- platform exited with code ${code}\n`);
      resolve();
    }),
  );

  const origin = await waitForReady(child, options.timeoutMs);
  if (seedDemo) writeFileSync(marker, new Date().toISOString());
  child.on('exit', (code) => {
    if (!stopping) options.onUnexpectedExit(code);
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    stopping = true;
    const stopMessage: StopMessage = { type: 'stop' };
    child.postMessage(stopMessage);
    const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
    await exitedPromise;
    clearTimeout(timer);
  };
  return { origin, stop };
};
