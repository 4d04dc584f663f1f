import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from './window-options';

const base = { preload: '/app/out/preload/preload.cjs', bounds: { width: 1280, height: 860 }, title: '商通' };

describe('buildWindowOptions', () => {
  it('turns on every renderer protection', () => {
    const prefs = buildWindowOptions({ ...base, devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      preload: base.preload,
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
      devTools: false,
    });
  });

  it('has no way to relax them: dev tools are the only switch, and they change nothing else', () => {
    const dev = buildWindowOptions({ ...base, devTools: true });
    const prod = buildWindowOptions({ ...base, devTools: false });
    expect({ ...dev.webPreferences, devTools: false }).toEqual(prod.webPreferences);
  });

  it('opens hidden at the given bounds, not smaller than the minimum', () => {
    const options = buildWindowOptions({
      ...base,
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      devTools: false,
    });
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      show: false,
      minWidth: 960,
      minHeight: 640,
    });
  });
});
