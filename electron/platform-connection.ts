/**
 * Finds the platform the window talks to: a remote one from settings, or the embedded one started
 * in a utility process. Failures are shown in the error window with Retry / Quit.
 */
import type { LocalizedText } from '../shared/text';
import { showStartupError } from './error-dialog';
import { toHttpOrigin, isLoopbackHost } from './guards/trusted-url';
import { networkInterfaces } from 'node:os';
import { launchEmbeddedPlatform, type EmbeddedPlatform } from './platform-launcher';
import { PlatformStartError } from './platform-protocol';
import { readSettings, type DesktopSettings } from './settings';
import { describeStartFailure } from './startup-messages';

export const PLATFORM_START_TIMEOUT_MS = 60_000;
/** The Vite dev server proxies /api to this port (renderer/vite.config.ts). */
const DEV_PLATFORM_PORT = 5170;

export type PlatformConnection = {
  /**
   * The origin the window loads and the only origin the shell trusts: the platform's, or the Vite
   * dev server's in development (which proxies /api to the platform).
   */
  appOrigin: string;
  embedded: EmbeddedPlatform | null;
};

export type ConnectOptions = {
  settingsFile: string;
  platformData: string;
  platformLog: string;
  platformChild: string;
  webRoot: string;
  migrations: string;
  version: string;
  /** The Vite dev server (electron-vite dev), only in unpackaged runs. */
  devServerUrl: string | undefined;
  onEmbeddedExit: (code: number) => void;
  /** The data key for the embedded platform, kept outside its data folder. */
  dataKeyEnv: () => Record<string, string>;
  /** Whether to load the demo sandbox when the settings do not say (asked once, on first run). */
  askDemoSandbox: () => Promise<boolean>;
};

const devServerOrigin = (raw: string | undefined): string | null => {
  const origin = toHttpOrigin(raw);
  return origin !== null && isLoopbackHost(new URL(origin).hostname) ? origin : null;
};

/** Resolves to a connection, or to null when the user chose to quit. */
export const connectPlatform = async (options: ConnectOptions): Promise<PlatformConnection | null> => {
  for (;;) {
    let problem: LocalizedText;
    let log: string | undefined;
    const read = readSettings(options.settingsFile);
    if (!read.ok) {
      problem = read.problem;
    } else if (read.settings.platformUrl !== undefined) {
      const origin = read.settings.platformUrl;
      return { appOrigin: origin, embedded: null };
    } else {
      const dev = devServerOrigin(options.devServerUrl);
      try {
        const embedded = await launchEmbeddedPlatform({
          childEntry: options.platformChild,
          dataDir: options.platformData,
          webRoot: options.webRoot,
          migrationsDir: options.migrations,
          version: options.version,
          logFile: options.platformLog,
          dataKeyEnv: options.dataKeyEnv(),
          demoSandbox: read.settings.demoSandbox ?? (await options.askDemoSandbox()),
          ...phoneListenerOf(read.settings),
          port: dev ? DEV_PLATFORM_PORT : 0,
          timeoutMs: PLATFORM_START_TIMEOUT_MS,
          onUnexpectedExit: options.onEmbeddedExit,
        });
        return { appOrigin: dev ?? embedded.origin, embedded };
      } catch (e) {
        if (!(e instanceof PlatformStartError)) throw e;
        problem = describeStartFailure(e.failure);
        log = options.platformLog;
      }
    }
    if ((await showStartupError(problem, log)) === 'quit') return null;
  }
};

/** This computer's first LAN (non-internal IPv4) address, or undefined when it has none. */
export const lanAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

/** The phone listener the settings ask for: on the LAN address, when there is one. */
const phoneListenerOf = (settings: DesktopSettings): { phone?: { host: string; port: number } } => {
  if (!settings.phoneAccess) return {};
  const host = lanAddress();
  return host ? { phone: { host, port: settings.phonePort } } : {};
};
