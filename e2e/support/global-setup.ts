import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir, templateDataDir, webRoot } from './paths';
import { launchPlatform } from './launch';

/** Checks the UI is built, then seeds one demo data folder that each spec file copies. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error('Build the UI first: npm run build:web (npm run test:e2e does it).');
  mkdirSync(generatedDir, { recursive: true });
  rmSync(templateDataDir, { recursive: true, force: true });
  const platform = await launchPlatform(['--data', templateDataDir, '--seed', 'demo']);
  await platform.stop();
}
