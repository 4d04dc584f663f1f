import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built pieces sit relative to the bundled main process (out/main/index.js). */
export const builtPaths = (mainModuleUrl: string) => {
  const mainDir = dirname(fileURLToPath(mainModuleUrl));
  return {
    preload: join(mainDir, '..', 'preload', 'preload.cjs'),
    platformChild: join(mainDir, 'platform-child.js'),
    migrations: join(mainDir, 'migrations'),
    webRoot: join(mainDir, '..', 'renderer'),
  };
};

/** The shell's files in userData. */
export const userDataPaths = (userData: string) => ({
  settings: join(userData, 'settings.json'),
  preferences: join(userData, 'preferences.json'),
  sessionToken: join(userData, 'session.bin'),
  windowState: join(userData, 'window-state.json'),
  platformData: join(userData, 'platform'),
  /** The platform's data key, outside its data folder (electron/data-key.ts). */
  keys: join(userData, 'keys'),
  /** The answer to the first-run question whether to load the demo sandbox. */
  firstRun: join(userData, 'first-run.json'),
  platformLog: join(userData, 'logs', 'platform.log'),
});
