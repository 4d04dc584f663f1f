// The data key never sits inside the data folder in production: env, a key file outside the folder,
// or (development and demo only) a generated key beside the data.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadDataKey } from './config';

const folder = () => mkdtempSync(join(tmpdir(), 'st-keys-'));
const key64 = () => randomBytes(32).toString('base64');

describe('the data key', () => {
  it('comes from SHANGTONG_DATA_KEY, or from a key file outside the data folder', () => {
    const k = key64();
    expect(loadDataKey(folder(), { SHANGTONG_DATA_KEY: k }, true)).toMatchObject({ source: 'env' });
    const outside = join(folder(), 'data.key');
    writeFileSync(outside, k);
    const fromFile = loadDataKey(folder(), { SHANGTONG_DATA_KEY_FILE: outside }, true);
    expect(fromFile.source).toBe('file');
    expect(fromFile.key.toString('base64')).toBe(k);
  });

  it('refuses a key file inside the data folder, and a short key', () => {
    const data = folder();
    mkdirSync(join(data, 'keys'));
    writeFileSync(join(data, 'keys', 'data.key'), key64());
    expect(() =>
      loadDataKey(data, { SHANGTONG_DATA_KEY_FILE: join(data, 'keys', 'data.key') }, true),
    ).toThrow(/outside the data folder/);
    expect(() => loadDataKey(data, { SHANGTONG_DATA_KEY: 'c2hvcnQ=' }, false)).toThrow(/32 bytes/);
  });

  it('generates a key beside the data only outside production (development, the demo sandbox)', () => {
    const data = folder();
    expect(() => loadDataKey(data, {}, true)).toThrow(/must not be stored in the data folder/);
    const dev = loadDataKey(data, {}, false);
    expect(dev.source).toBe('data-folder');
    expect(loadDataKey(data, {}, false).key.equals(dev.key)).toBe(true);
    // A production start with the demo sandbox may keep it (and says so at start).
    expect(loadConfig({ dataDir: data, demo: true }, { NODE_ENV: 'production' }).dataKeySource).toBe(
      'data-folder',
    );
    expect(() => loadConfig({ dataDir: folder() }, { NODE_ENV: 'production' })).toThrow();
  });
});
