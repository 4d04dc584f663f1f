/**
 * Fixtures for the `electron` Playwright project: the packaged-to-be app (out/, from `npm run
 * build`) launched with Playwright's `_electron` in a fresh data folder. Where no Electron binary
 * exists (the project's build machines cannot download it) every test reports itself skipped,
 * with the reason, loudly.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';

const repoRoot = process.cwd();

const executableIn = (dir: string): string =>
  join(
    dir,
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron',
  );

/** A local Electron: ELECTRON_DIST, Electron's own ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist. */
export const findElectronExecutable = (): string | null => {
  const dirs = [
    process.env.ELECTRON_DIST,
    process.env.ELECTRON_OVERRIDE_DIST_PATH,
    join(repoRoot, 'node_modules', 'electron', 'dist'),
  ];
  for (const dir of dirs) {
    if (dir && existsSync(executableIn(resolve(dir)))) return executableIn(resolve(dir));
  }
  return null;
};

const NO_ELECTRON =
  'No Electron binary on this machine (node_modules/electron/dist, ELECTRON_DIST): the electron project cannot run here. ' +
  '本机没有 Electron 程序，electron 测试项目无法运行。';

export type ElectronFixtures = { electronApp: ElectronApplication; appWindow: Page; userDataDir: string };

export const test = base.extend<ElectronFixtures>({
  userDataDir: async ({ browserName: _browserName }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shangtong-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  electronApp: async ({ userDataDir }, use, testInfo) => {
    const executablePath = findElectronExecutable();
    if (executablePath === null) {
      console.warn(
        `\n${'!'.repeat(100)}\n!! SKIPPED ${testInfo.title}: ${NO_ELECTRON}\n${'!'.repeat(100)}\n`,
      );
      testInfo.annotations.push({ type: 'skipped: no Electron binary', description: NO_ELECTRON });
      testInfo.skip(true, NO_ELECTRON);
      return;
    }
    if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) {
      throw new Error('Build the desktop app first: npm run build (electron-vite) writes out/.');
    }
    const app = await _electron.launch({
      executablePath,
      // Chromium refuses to start as root without --no-sandbox (CI containers). This is a launch
      // flag of the test harness; the app's own settings (app.enableSandbox, sandboxed renderer)
      // are unchanged.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      cwd: repoRoot,
      env: { ...process.env, SHANGTONG_TEST: '1', SHANGTONG_USER_DATA_DIR: userDataDir },
      timeout: 90_000,
    });
    await use(app);
    await app.close();
  },

  appWindow: async ({ electronApp }, use) => {
    // First run: the embedded platform creates its database and seeds the demo sandbox.
    const window = await electronApp.firstWindow({ timeout: 90_000 });
    await use(window);
  },
});

export { expect } from '@playwright/test';
