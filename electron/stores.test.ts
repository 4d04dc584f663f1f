import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPreferencesStore } from './preferences-store';
import { readSettings } from './settings';
import { createTokenStore, type SecretCipher } from './token-store';
import { DEFAULT_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shangtong-shell-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for safeStorage that visibly transforms the text. */
const fakeCipher = (canProtect: boolean): SecretCipher => ({
  canProtect: () => canProtect,
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
  decrypt: (sealed) => {
    const s = Buffer.from(sealed).toString();
    if (!s.startsWith('sealed:')) throw new Error('not ours');
    return Buffer.from(s.slice(7), 'base64').toString();
  },
});

describe('token store', () => {
  it('keeps the token sealed on disk and reads it back after a restart', () => {
    const file = join(dir, 'session.bin');
    createTokenStore(file, fakeCipher(true)).set('secret-token-123');
    expect(readFileSync(file, 'utf8')).not.toContain('secret-token-123');
    expect(createTokenStore(file, fakeCipher(true)).get()).toBe('secret-token-123');
  });

  it('removes the file on sign-out', () => {
    const file = join(dir, 'session.bin');
    const store = createTokenStore(file, fakeCipher(true));
    store.set('t0k3n-abc');
    store.set(null);
    expect(existsSync(file)).toBe(false);
    expect(createTokenStore(file, fakeCipher(true)).get()).toBeNull();
  });

  it('keeps the token in memory only when the OS cannot protect it', () => {
    const file = join(dir, 'session.bin');
    const store = createTokenStore(file, fakeCipher(false));
    store.set('t0k3n-abc');
    expect(store.get()).toBe('t0k3n-abc');
    expect(store.persistent).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('treats an unreadable or foreign file as signed out', () => {
    const file = join(dir, 'session.bin');
    writeFileSync(file, 'plain text someone put here');
    expect(createTokenStore(file, fakeCipher(true)).get()).toBeNull();
  });
});

describe('preferences store', () => {
  it('round-trips preferences and ignores a tampered file', () => {
    const file = join(dir, 'preferences.json');
    expect(createPreferencesStore(file).get()).toBeNull();
    createPreferencesStore(file).set({ lang: 'en', elderMode: true });
    expect(createPreferencesStore(file).get()).toEqual({ lang: 'en', elderMode: true });
    writeFileSync(file, JSON.stringify({ lang: 'xx', elderMode: 'yes' }));
    expect(createPreferencesStore(file).get()).toBeNull();
  });
});

describe('settings', () => {
  const write = (value: unknown): string => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it('defaults to the embedded platform with the demo sandbox when there is no file', () => {
    expect(readSettings(join(dir, 'missing.json'))).toEqual({
      ok: true,
      settings: { phoneAccess: false, phonePort: 5171 },
    });
  });

  it('accepts an https platform and normalises it to its origin', () => {
    expect(readSettings(write({ platformUrl: 'https://Platform.Example.gov.cn/' }))).toEqual({
      ok: true,
      settings: { platformUrl: 'https://platform.example.gov.cn', phoneAccess: false, phonePort: 5171 },
    });
  });

  it('switches the phone listener on the LAN address on, on a port of one’s choice', () => {
    expect(readSettings(write({ phoneAccess: true, phonePort: 5200 }))).toEqual({
      ok: true,
      settings: { phoneAccess: true, phonePort: 5200 },
    });
    expect(readSettings(write({ phoneAccess: true, phonePort: 80 })).ok).toBe(false);
  });

  it('accepts plain http only on this computer', () => {
    expect(readSettings(write({ platformUrl: 'http://127.0.0.1:5170' })).ok).toBe(true);
    expect(readSettings(write({ platformUrl: 'http://localhost:5170' })).ok).toBe(true);
    expect(readSettings(write({ platformUrl: 'http://platform.example.gov.cn' })).ok).toBe(false);
    expect(readSettings(write({ platformUrl: 'http://127.0.0.1.evil.example:5170' })).ok).toBe(false);
  });

  it.each([
    ['a path', { platformUrl: 'https://example.gov.cn/app' }],
    ['credentials', { platformUrl: 'https://u:p@example.gov.cn' }],
    ['another scheme', { platformUrl: 'file:///etc' }],
    ['an unknown key', { platformUrl: 'https://example.gov.cn', nodeIntegration: true }],
    ['a wrong type', { demoSandbox: 'no' }],
    ['a wrong phone switch', { phoneAccess: 'yes' }],
  ])('reports a file with %s instead of ignoring it', (_name, value) => {
    const result = readSettings(write(value));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.zh).toContain('设置文件');
  });

  it('reports broken JSON in both languages', () => {
    const result = readSettings(write('{ platformUrl: '));
    expect(result).toMatchObject({
      ok: false,
      problem: { zh: expect.stringContaining('JSON'), en: expect.stringContaining('JSON') },
    });
  });
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1040 };

  it('saves and restores bounds', () => {
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_STATE);
    saveWindowState(file, { x: 100, y: 50, width: 1200, height: 800 }, true);
    expect(loadWindowState(file)).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
  });

  it('ignores a corrupt file or impossible sizes', () => {
    const file = join(dir, 'window-state.json');
    writeFileSync(file, '{"width": 10, "height": 10}');
    expect(loadWindowState(file)).toEqual(DEFAULT_STATE);
    writeFileSync(file, 'nonsense');
    expect(loadWindowState(file)).toEqual(DEFAULT_STATE);
  });

  it('keeps a position that is on a display', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, [display])).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
    });
  });

  it('drops a position on a monitor that is gone, and shrinks to the largest display', () => {
    const state = { x: 2500, y: 100, width: 2400, height: 1400, maximized: false };
    expect(fitToDisplays(state, [display])).toEqual({ width: 1920, height: 1040 });
  });

  it('drops a position whose title bar would be above the screen', () => {
    expect(fitToDisplays({ x: 100, y: -300, width: 1200, height: 800, maximized: false }, [display])).toEqual(
      {
        width: 1200,
        height: 800,
      },
    );
  });
});
