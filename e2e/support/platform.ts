import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { generatedDir, templateDataDir } from './paths';
import { launchPlatform, type LaunchedPlatform } from './launch';

type FilePlatform = { file: string; dir: string; platform: LaunchedPlatform };

let current: FilePlatform | undefined;
const envByFile = new Map<string, NodeJS.ProcessEnv>();

const stopCurrent = async (): Promise<void> => {
  if (!current) return;
  await current.platform.stop();
  rmSync(current.dir, { recursive: true, force: true });
  current = undefined;
};

/**
 * Each spec file gets its own platform: a copy of the demo-seeded template data folder on its own
 * port, started when the file's first test needs it and stopped when the next file starts.
 */
export const test = base.extend<{ baseURL: string }, { platformTeardown: undefined }>({
  platformTeardown: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(undefined);
      await stopCurrent();
    },
    { scope: 'worker', auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  baseURL: async ({}, use, testInfo) => {
    if (current?.file !== testInfo.file) {
      await stopCurrent();
      const dir = mkdtempSync(join(generatedDir, 'data-'));
      cpSync(templateDataDir, dir, { recursive: true });
      current = {
        file: testInfo.file,
        dir,
        platform: await launchPlatform(['--data', dir], envByFile.get(testInfo.file) ?? {}),
      };
    }
    await use(current.platform.url);
  },
});

/** Optional: extra environment for the calling spec file's platform (call at the file's top level). */
export const platformEnv = (file: string, env: NodeJS.ProcessEnv): void => {
  envByFile.set(file, env);
};

export { expect } from '@playwright/test';
