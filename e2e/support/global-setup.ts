import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir, repoRoot, templateDataDir, webRoot } from './paths';
import { launchPlatform } from './launch';
import { ensureFakeCamera } from './fake-camera';

/**
 * Checks the UI is built, compiles the server if a source changed since its last build (specs start
 * it as `npm run server` does, without tsx's per-start compile), writes the fake-camera video, then
 * seeds one demo data folder that each spec file copies.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error('Build the UI first: npm run build:web (npm run test:e2e does it).');
  const bundle = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "await (await import('./scripts/server-bundle.mjs')).ensureServerBundle()"],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (bundle.status !== 0) throw new Error('Compiling the server (scripts/server-bundle.mjs) failed.');
  mkdirSync(generatedDir, { recursive: true });
  // Before any browser starts: spec files that confirm by face launch Chromium with this video.
  ensureFakeCamera();
  rmSync(templateDataDir, { recursive: true, force: true });
  const platform = await launchPlatform(['--data', templateDataDir, '--seed', 'demo']);
  await platform.stop();
}
