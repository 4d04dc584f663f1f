import { BrowserWindow, screen } from 'electron';
import { buildWindowOptions } from './guards/window-options';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

export type MainWindowOptions = { preload: string; stateFile: string; icon?: string; devTools: boolean };

/** The one application window, opened where it was left and remembering where it is left. */
export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const state = loadWindowState(options.stateFile);
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const window = new BrowserWindow(
    buildWindowOptions({
      preload: options.preload,
      bounds: fitToDisplays(state, workAreas),
      title: '商通 Shangtong',
      ...(options.icon ? { icon: options.icon } : {}),
      devTools: options.devTools,
    }),
  );
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    saveWindowState(options.stateFile, window.getNormalBounds(), window.isMaximized());
  };
  const saveSoon = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    clearTimeout(saveTimer);
    save();
  });
  return window;
};
