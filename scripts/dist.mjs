// npm run dist [-- --win | --mac | --linux]
// Builds the app (electron-vite) and packages it with electron-builder, using a LOCAL Electron:
// node_modules/electron/dist (when the electron package could download its binary) or the folder
// named by ELECTRON_DIST (or Electron's own ELECTRON_OVERRIDE_DIST_PATH). Build machines without
// internet have neither, so this script explains that and stops instead of trying to download.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const executableIn = (dir, platform = process.platform) =>
  join(
    dir,
    platform === 'win32'
      ? 'electron.exe'
      : platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron',
  );

const findElectronDist = () => {
  const candidates = [
    ['ELECTRON_DIST', process.env.ELECTRON_DIST],
    ['ELECTRON_OVERRIDE_DIST_PATH', process.env.ELECTRON_OVERRIDE_DIST_PATH],
    ['node_modules/electron/dist', join(root, 'node_modules', 'electron', 'dist')],
  ];
  for (const [source, dir] of candidates) {
    if (dir && existsSync(executableIn(resolve(dir)))) return { source, dir: resolve(dir) };
  }
  return null;
};

const electronVersion = (dist) => {
  const versionFile = join(dist, 'version');
  if (existsSync(versionFile)) return readFileSync(versionFile, 'utf8').trim().replace(/^v/, '');
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
};

const dist = findElectronDist();
if (!dist) {
  console.error(`
打包需要本机已有的 Electron，但没有找到。
  本项目的构建机器无法联网下载 Electron（electron 包的安装脚本已被禁用）。
  请把与 package.json 中 electron 版本一致的 Electron 发行包解压到某个目录，然后：
    ELECTRON_DIST=/path/to/electron-dist npm run dist
  或在能联网的机器上运行 npm rebuild electron（生成 node_modules/electron/dist）后再运行 npm run dist。
  不打包也可以构建：npm run build（electron-vite，无需 Electron 程序）。

Packaging needs a local Electron, and none was found.
  The build machines cannot download Electron (the electron package's install script is disabled).
  Unpack an Electron release matching the electron version in package.json into a folder, then:
    ELECTRON_DIST=/path/to/electron-dist npm run dist
  or, on a machine with internet, run npm rebuild electron (creating node_modules/electron/dist)
  and then npm run dist. Building without packaging works anywhere: npm run build.

Looked for: ${executableIn('$ELECTRON_DIST')}, ${executableIn(join(root, 'node_modules', 'electron', 'dist'))}
`);
  process.exit(1);
}

console.log(`Using Electron ${electronVersion(dist.dir)} from ${dist.dir} (${dist.source})`);

const built = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (built.status !== 0) process.exit(built.status ?? 1);

const { tsImport } = await import('tsx/esm/api');
const { config } = await tsImport('../build/electron-builder.config.ts', import.meta.url);
const { build, Platform } = await import('electron-builder');

const wanted = process.argv.slice(2);
const platforms = [
  ['--win', Platform.WINDOWS],
  ['--mac', Platform.MAC],
  ['--linux', Platform.LINUX],
]
  .filter(([flag]) => wanted.includes(flag))
  .map(([, platform]) => platform);
const targets = (platforms.length > 0 ? platforms : [Platform.current()]).reduce(
  (all, platform) => new Map([...all, ...platform.createTarget()]),
  new Map(),
);

await build({
  projectDir: root,
  targets,
  publish: 'never',
  config: { ...config, electronDist: dist.dir, electronVersion: electronVersion(dist.dir) },
});
console.log('Packages written to release/');
