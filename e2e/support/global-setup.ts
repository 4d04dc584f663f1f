import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir, templateDataDir, webRoot } from './paths';
import { launchPlatform } from './launch';
import { ensureFakeCamera } from './fake-camera';

/** Checks the UI is built, writes the fake-camera video, then seeds one demo data folder that each spec file copies. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error('Build the UI first: npm run build:web (npm run test:e2e does it).');
  mkdirSync(generatedDir, { recursive: true });
  // Before any browser starts: spec files that confirm by face launch Chromium with this video.
  ensureFakeCamera();
  rmSync(templateDataDir, { recursive: true, force: true });
  const platform = await launchPlatform(['--data', templateDataDir, '--seed', 'demo']);
  await platform.stop();
}
