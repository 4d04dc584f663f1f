import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopDataKeyEnv } from './data-key';
import { demoSandboxAnswer } from './first-run';
import type { SecretCipher } from './token-store';

const keychain = (available: boolean): SecretCipher => ({
  canProtect: () => available,
  encrypt: (plain) => new TextEncoder().encode(`sealed:${[...plain].reverse().join('')}`),
  decrypt: (sealed) => [...new TextDecoder().decode(sealed).replace(/^sealed:/, '')].reverse().join(''),
});

const userData = () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-desk-'));
  return { keys: join(dir, 'keys'), platform: join(dir, 'platform'), firstRun: join(dir, 'first-run.json') };
};

describe('the desktop data key', () => {
  it('is sealed in the OS keychain outside the data folder, the same at every start', () => {
    const u = userData();
    const first = desktopDataKeyEnv(u.keys, u.platform, keychain(true));
    expect(Buffer.from(first.SHANGTONG_DATA_KEY!, 'base64')).toHaveLength(32);
    expect(readFileSync(join(u.keys, 'data-key.sealed'), 'utf8')).not.toContain(first.SHANGTONG_DATA_KEY);
    expect(desktopDataKeyEnv(u.keys, u.platform, keychain(true))).toEqual(first);
  });

  it('adopts a key an earlier version kept inside the data folder and removes it from there', () => {
    const u = userData();
    mkdirSync(join(u.platform, 'keys'), { recursive: true });
    const old = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(join(u.platform, 'keys', 'data.key'), old);
    expect(desktopDataKeyEnv(u.keys, u.platform, keychain(true))).toEqual({ SHANGTONG_DATA_KEY: old });
    expect(existsSync(join(u.platform, 'keys', 'data.key'))).toBe(false);
  });

  it('without a keychain, names a key file outside the data folder', () => {
    const u = userData();
    const env = desktopDataKeyEnv(u.keys, u.platform, keychain(false));
    expect(env).toEqual({ SHANGTONG_DATA_KEY_FILE: join(u.keys, 'data.key') });
    expect(env.SHANGTONG_DATA_KEY_FILE!.startsWith(u.platform)).toBe(false);
  });
});

describe('the first-run question', () => {
  it('asks a packaged app once and keeps the answer; an unpackaged one loads the demo', async () => {
    const u = userData();
    let asked = 0;
    const ask = async () => {
      asked++;
      return false;
    };
    expect(await demoSandboxAnswer(u.firstRun, true, ask)).toBe(false);
    expect(await demoSandboxAnswer(u.firstRun, true, ask)).toBe(false);
    expect(asked).toBe(1);
    expect(await demoSandboxAnswer(userData().firstRun, false, ask)).toBe(true);
  });
});
