import { join } from 'node:path';

export const repoRoot = process.cwd();
export const generatedDir = join(repoRoot, 'e2e', '.generated');
/** A demo-seeded data folder made once per run and copied for each spec file. */
export const templateDataDir = join(generatedDir, 'template-data');
export const webRoot = join(repoRoot, 'dist', 'renderer');
