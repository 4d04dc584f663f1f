/**
 * Electron main process: one instance, one sandboxed window on the platform's origin, the
 * embedded platform (or a remote one from settings), deep links, menu and window state.
 */
import { resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage } from 'electron';
import type { Lang } from '../shared/text';
import { builtPaths, userDataPaths } from './app-paths';
import { DeepLinkRouter } from './deep-link-router';
import { showStartupError } from './error-dialog';
import { DEEP_LINK_SCHEME, findDeepLinkInArgv, parseDeepLink } from './guards/deep-link';
import { registerIpc } from './ipc';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu-template';
import { connectPlatform, type PlatformConnection } from './platform-connection';
import { createPreferencesStore } from './preferences-store';
import { installSecurity } from './security';
import { contentLang } from '../shared/text';
import { platformCrashed, pageLoadFailed } from './startup-messages';
import { createTokenStore, type SecretCipher } from './token-store';
import { desktopDataKeyEnv } from './data-key';
import { demoSandboxAnswer } from './first-run';

app.enableSandbox();

// Tests (and administrators) give the app its own data folder; in test mode it is required, so a
// test run can never touch a real user's data.
const userDataOverride = process.env.SHANGTONG_USER_DATA_DIR;
const testMode = process.env.SHANGTONG_TEST === '1';
const refuseToStart = testMode && !userDataOverride;
if (refuseToStart) {
  console.error(
    'SHANGTONG_TEST=1 needs SHANGTONG_USER_DATA_DIR (a fresh folder). / 测试模式需要指定数据目录。',
  );
  app.exit(2);
} else if (userDataOverride) {
  app.setPath('userData', resolve(userDataOverride));
}

let appOrigin: string | null = null;
const origin = { get: (): string | null => appOrigin };
const router = new DeepLinkRouter();
let connection: PlatformConnection | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting = false;

const routeDeepLink = (path: string | null): void => {
  if (path === null) return;
  router.send(path);
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
};

// macOS delivers links as open-url, possibly before `ready`: register it first thing.
app.on('open-url', (event, url) => {
  event.preventDefault();
  routeDeepLink(parseDeepLink(url));
});

const registerProtocolClient = (): void => {
  if (testMode) return;
  if (process.defaultApp && process.argv[1] !== undefined) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
};

const start = async (): Promise<void> => {
  const built = builtPaths(import.meta.url);
  const files = userDataPaths(app.getPath('userData'));
  const devTools = !app.isPackaged;
  if (process.platform === 'win32') app.setAppUserModelId('cn.shangtong.desktop');
  registerProtocolClient();
  installSecurity(origin);

  const preferences = createPreferencesStore(files.preferences);
  const keychain: SecretCipher = {
    canProtect: () =>
      safeStorage.isEncryptionAvailable() &&
      !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed)),
  };
  const tokens = createTokenStore(files.sessionToken, keychain);
  const about = (): void =>
    void dialog.showMessageBox({
      title: '商通 Shangtong',
      message: '商通 Shangtong',
      detail: `版本 Version ${app.getVersion()}\nElectron ${process.versions.electron}`,
    });
  const setMenu = (lang: Lang): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          lang,
          platform: process.platform,
          devTools,
          actions: { navigate: routeDeepLink, about },
        }),
      ),
    );
  setMenu(contentLang(preferences.get()?.lang ?? 'zh'));
  registerIpc({
    origin,
    tokens,
    preferences,
    onPreferencesChanged: (prefs) => setMenu(contentLang(prefs.lang)),
  });

  const connect = async (): Promise<boolean> => {
    connection = await connectPlatform({
      settingsFile: files.settings,
      platformData: files.platformData,
      platformLog: files.platformLog,
      platformChild: built.platformChild,
      webRoot: built.webRoot,
      migrations: built.migrations,
      version: app.getVersion(),
      devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
      onEmbeddedExit: (code) => void onPlatformCrash(code),
      dataKeyEnv: () => desktopDataKeyEnv(files.keys, files.platformData, keychain),
      askDemoSandbox: () =>
        demoSandboxAnswer(files.firstRun, app.isPackaged, async () => {
          const answer = await dialog.showMessageBox({
            type: 'question',
            title: '商通 Shangtong',
            message: '是否加载演示沙盒？ / Load the demo sandbox?',
            detail:
              '演示沙盒包含虚构的企业、人员和公开密码的演示账号，仅供体验。正式使用请选择空白平台。\n' +
              'The demo sandbox holds fictitious companies and people with demo accounts whose password is published: for trying the app only. For real use choose an empty platform.',
            buttons: ['空白平台 / Empty platform', '加载演示沙盒 / Load the demo'],
            defaultId: 0,
            cancelId: 0,
          });
          return answer.response === 1;
        }),
    });
    appOrigin = connection?.appOrigin ?? null;
    return connection !== null;
  };

  const onPlatformCrash = async (code: number): Promise<void> => {
    if (quitting) return;
    appOrigin = null;
    if ((await showStartupError(platformCrashed(code), files.platformLog)) === 'quit' || !(await connect())) {
      app.quit();
      return;
    }
    void mainWindow?.loadURL(`${appOrigin}/`);
  };

  const openWindow = (): void => {
    const window = createMainWindow({ preload: built.preload, stateFile: files.windowState, devTools });
    mainWindow = window;
    router.attach(window.webContents);
    window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
      // -3 is ERR_ABORTED: a navigation replaced by another, not a failure.
      if (!isMainFrame || errorCode === -3 || quitting) return;
      void showStartupError(pageLoadFailed(appOrigin ?? url, errorDescription)).then((choice) => {
        if (choice === 'quit') app.quit();
        else if (!window.isDestroyed()) window.webContents.reload();
      });
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(`${appOrigin}/`);
  };

  if (!(await connect())) {
    app.quit();
    return;
  }
  openWindow();
  routeDeepLink(findDeepLinkInArgv(process.argv));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && appOrigin !== null) openWindow();
  });
};

if (refuseToStart) {
  // Nothing more: app.exit() above ends the process.
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    routeDeepLink(findDeepLinkInArgv(argv));
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The embedded platform closes its database before the app exits.
  app.on('before-quit', (event) => {
    const embedded = connection?.embedded;
    if (quitting || !embedded) return;
    quitting = true;
    event.preventDefault();
    void embedded.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error(e);
      dialog.showErrorBox('商通 Shangtong', `商通无法启动 / Shangtong cannot start\n\n${String(e)}`);
      app.exit(1);
    });
}
