import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowBounds = { x?: number; y?: number; width: number; height: number };

export type WindowOptionsInput = {
  preload: string;
  bounds: WindowBounds;
  title: string;
  icon?: string;
  /** Developer tools only in unpackaged (development) runs. */
  devTools: boolean;
};

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 640;

/**
 * The one place the main window's options are made. The security settings are spelled out even
 * where they equal Electron's defaults, so a future default change or a careless edit shows up in
 * the tests rather than in production.
 */
export const buildWindowOptions = (input: WindowOptionsInput): BrowserWindowConstructorOptions => ({
  ...input.bounds,
  minWidth: MIN_WIDTH,
  minHeight: MIN_HEIGHT,
  title: input.title,
  ...(input.icon ? { icon: input.icon } : {}),
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: false,
  webPreferences: {
    preload: input.preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: input.devTools,
  },
});
