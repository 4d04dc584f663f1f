// The platform server compiled to one ES module (out/server/main.js) with esbuild, so that
// `npm run server` and `npm run web` start plain JavaScript instead of compiling TypeScript with
// tsx on every start. Dependencies stay in node_modules (external). Rebuilt only when a source
// file the last build read is newer than the bundle.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(root, 'out', 'server', 'main.js');
const metaFile = join(root, 'out', 'server', 'meta.json');

/** True when the bundle is missing or any file it was built from (or the lockfile) changed since. */
export const bundleOutdated = () => {
  if (!existsSync(serverBundle) || !existsSync(metaFile)) return true;
  const built = statSync(serverBundle).mtimeMs;
  const inputs = Object.keys(JSON.parse(readFileSync(metaFile, 'utf8')).inputs);
  return [...inputs, 'package-lock.json'].some((file) => {
    const path = join(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
};

/**
 * Each module's `import.meta.url` is rewritten to its source file's location relative to the
 * bundle, so files found next to a module (migrations, package.json, demo photos) resolve as
 * they do under tsx.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(serverBundle), args.path).split('\\').join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(rel)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

const snapshotMaker = join(root, 'out', 'server', 'make-snapshot.js');

export const buildServerBundle = async () => {
  const esbuild = await import('esbuild');
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [keepModuleUrls],
  };
  const result = await esbuild.build({ ...common, entryPoints: ['server/main.ts'], outfile: serverBundle });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(metaFile, JSON.stringify({ inputs: result.metafile.inputs }));
  // New data folders start from a snapshot of the migrated database (server/db/snapshot.ts); made
  // here, once per migration set, so that no user's first start pays for initdb and the migrations.
  await esbuild.build({ ...common, entryPoints: ['server/db/make-snapshot.ts'], outfile: snapshotMaker });
  const { spawnSync } = await import('node:child_process');
  const made = spawnSync(process.execPath, [snapshotMaker], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('making the PGlite snapshot failed');
};

/** Builds the bundle if it is missing or outdated; returns its path. */
export const ensureServerBundle = async () => {
  if (bundleOutdated()) await buildServerBundle();
  return serverBundle;
};

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) await buildServerBundle();
